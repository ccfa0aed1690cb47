"""Recovery files: written every minute while there are unsaved changes, offered on next open.

A recovery file holds work that exists nowhere else, so nothing here deletes one that has not
been read back into a plan the user then saved: a declined, unreadable, corrupt or odd one (a
folder, a pipe, a link where the file should be) is renamed aside with a message instead.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from siteplanner.app.i18n import tr
from siteplanner.fileformat import PlanFileError, atomic_write_text, dumps_plan, loads_plan
from siteplanner.model import Plan

AUTOSAVE_MS = 60_000
# A recovery file larger than this is not one SitePlanner wrote (plans are a few MB at most).
MAX_RECOVERY_BYTES = 200 * 1024 * 1024


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".siteplanner") / "recovery"


# An unsaved new plan's recovery file: "untitled-PID-TIME" (or "untitled", an older session's).
_UNTITLED = re.compile(r"untitled(-\d+-\d+)?\.siteplan")


def new_session() -> str:
    """A key for one editor's unsaved new plan, from the process id and the time it started:
    two editors working on new plans never write (and overwrite) the same recovery file."""
    return f"{os.getpid()}-{time.time_ns()}"


def recovery_path(plan_path: str | Path | None, session: str | None = None) -> Path:
    """One recovery file per plan file, and one per editor session for an unsaved new plan."""
    if plan_path is None:
        name = f"untitled-{session}" if session else "untitled"
    else:
        p = Path(plan_path).resolve()
        name = f"{p.stem}-{hashlib.blake2b(str(p).encode(), digest_size=6).hexdigest()}"
    return recovery_dir() / f"{name}.siteplan"


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _kind(st: os.stat_result) -> str:
    if stat.S_ISDIR(st.st_mode):
        return tr("a folder")
    if stat.S_ISFIFO(st.st_mode):
        return tr("a named pipe")
    if stat.S_ISLNK(st.st_mode):
        return tr("a symbolic link")
    return tr("a special file")


def set_aside(path: Path, why: str) -> Path | None:
    """Rename ``path`` to a name that is never offered again; the new path, or None when the
    folder does not allow it (the file then stays where it is)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        suffix = f".{why}-{stamp}" + (f"-{n}" if n else "")
        aside = path.with_name(path.stem + suffix + path.suffix)
        if _lstat(aside) is not None:
            continue
        try:
            os.rename(path, aside)
        except OSError:
            return None
        return aside
    return None


def _set_aside_message(path: Path, problem: str, why: str) -> str:
    aside = set_aside(path, why)
    if aside is None:
        return tr("{0}\nIt could not be moved aside and stays as it is: {1}").format(problem, path)
    return tr("{0}\nIt was kept as {1}").format(problem, aside)


def write_recovery(plan: Plan, plan_path: str | Path | None, session: str | None = None) -> Path:
    path = recovery_path(plan_path, session)
    path.parent.mkdir(parents=True, exist_ok=True)
    st = _lstat(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        # Something odd sits where the recovery goes: keep it, write ours in its place.
        if set_aside(path, "odd") is None:
            raise OSError(tr("{0} is {1}").format(path, _kind(st)))
    atomic_write_text(path, dumps_plan(plan), keep_backup=False)
    return path


def discard_recovery(plan_path: str | Path | None, session: str | None = None) -> None:
    """Remove the recovery file of a plan that has just been saved (its work is in the plan)."""
    discard_file(recovery_path(plan_path, session))


def discard_file(path: Path) -> None:
    """Remove one recovery file whose work is saved; anything but a regular file is left for
    the next offer to set aside."""
    st = _lstat(path)
    if st is None or not stat.S_ISREG(st.st_mode):
        return
    try:
        path.unlink()
    except OSError:
        pass  # a read-only folder: the file is offered again, and is older than the plan


def pending_recovery(plan_path: str | Path | None) -> Path | None:
    """The recovery file of ``plan_path`` if it is newer than the plan file itself (or is
    something odd that needs a look)."""
    rec = recovery_path(plan_path)
    st = _lstat(rec)
    if st is None:
        return None
    if stat.S_ISREG(st.st_mode) and plan_path is not None:
        try:
            if st.st_mtime <= Path(plan_path).stat().st_mtime:
                return None
        except OSError:
            pass
    return rec


def pending_untitled(exclude: Path | None = None) -> list[Path]:
    """The recovery files of unsaved new plans (one per editor session that wrote one), newest
    first; ``exclude`` is the asking session's own."""
    found = []
    try:
        entries = list(os.scandir(recovery_dir()))
    except OSError:
        return []
    for entry in entries:
        path = Path(entry.path)
        if _UNTITLED.fullmatch(entry.name) and path != exclude:
            st = _lstat(path)
            if st is not None:
                found.append((st.st_mtime, entry.name, path))
    return [path for *_, path in sorted(found, reverse=True)]


def read_recovery(rec: Path) -> Plan:
    """Load a recovery file without following links or blocking on a pipe; PlanFileError."""
    file = str(rec)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(rec, flags)
    except PermissionError:
        raise PlanFileError(file, tr("permission denied: the file cannot be read")) from None
    except OSError as exc:
        raise PlanFileError(file, tr("cannot be read ({0})").format(exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise PlanFileError(file, tr("is {0}, not a recovery file").format(_kind(st)))
        if st.st_size > MAX_RECOVERY_BYTES:
            raise PlanFileError(file, tr("is too large to be a recovery file"))
        try:
            raw = fh.read(MAX_RECOVERY_BYTES + 1)
        except OSError as exc:
            raise PlanFileError(
                file, tr("cannot be read ({0})").format(exc.strerror or exc)
            ) from None
    return loads_plan(raw, file)


def offer_recovery(
    plan_path: str | Path | None,
    ask: Callable[[Path], bool],
    warn: Callable[[str], None] | None = None,
) -> Plan | None:
    """Ask (``ask(recovery_file)``) whether to recover; the recovered plan or None.

    A recovered file stays in place until the plan is saved. A declined one, and one that
    cannot be used, is renamed aside (never deleted) and ``warn`` is told why."""
    rec = pending_recovery(plan_path)
    return None if rec is None else offer_file(rec, ask, warn)


def offer_file(
    rec: Path,
    ask: Callable[[Path], bool],
    warn: Callable[[str], None] | None = None,
) -> Plan | None:
    """:func:`offer_recovery` for one given recovery file."""
    say = warn or (lambda _m: None)
    st = _lstat(rec)
    if st is None:
        return None
    if not stat.S_ISREG(st.st_mode):
        problem = tr("The recovery file {0} is {1}, not a file SitePlanner wrote.").format(
            rec, _kind(st)
        )
        say(_set_aside_message(rec, problem, "odd"))
        return None
    if not ask(rec):
        set_aside(rec, "declined")  # not offered again, still there if the answer was a slip
        return None
    try:
        return read_recovery(rec)
    except PlanFileError as exc:
        problem = tr("The unsaved changes could not be recovered: {0}").format(exc)
        say(_set_aside_message(rec, problem, "unreadable"))
        return None
