"""Recovery files: written every minute while there are unsaved changes, offered on next open."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from siteplanner.fileformat import PlanFileError, atomic_write_text, dumps_plan, load_plan
from siteplanner.model import Plan

AUTOSAVE_MS = 60_000


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".siteplanner") / "recovery"


def recovery_path(plan_path: str | Path | None) -> Path:
    """One recovery file per plan file (and one for an unsaved new plan)."""
    if plan_path is None:
        name = "untitled"
    else:
        p = Path(plan_path).resolve()
        name = f"{p.stem}-{hashlib.blake2b(str(p).encode(), digest_size=6).hexdigest()}"
    return recovery_dir() / f"{name}.siteplan"


def write_recovery(plan: Plan, plan_path: str | Path | None) -> Path:
    path = recovery_path(plan_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, dumps_plan(plan), keep_backup=False)
    return path


def discard_recovery(plan_path: str | Path | None) -> None:
    recovery_path(plan_path).unlink(missing_ok=True)


def pending_recovery(plan_path: str | Path | None) -> Path | None:
    """The recovery file of ``plan_path`` if it is newer than the plan file itself."""
    rec = recovery_path(plan_path)
    if not rec.exists():
        return None
    if plan_path is not None and Path(plan_path).exists():
        if rec.stat().st_mtime <= Path(plan_path).stat().st_mtime:
            return None
    return rec


def offer_recovery(plan_path: str | Path | None, ask: Callable[[Path], bool]) -> Plan | None:
    """Ask (``ask(recovery_file)``) whether to recover; the recovered plan or None.

    A declined or unreadable recovery file is removed so it is not offered again."""
    rec = pending_recovery(plan_path)
    if rec is None:
        return None
    if not ask(rec):
        rec.unlink(missing_ok=True)
        return None
    try:
        return load_plan(rec)
    except PlanFileError:
        rec.unlink(missing_ok=True)
        return None
