"""A lock file per open plan, so that a second editor opening the same plan warns first.

Qt's QLockFile writes the holder's process id and host, and treats the lock of a process that
died as stale, so a crash never leaves a plan locked. The lock sits beside the plan
(``.NAME.lock``, seen by editors on other machines sharing the folder), or in the recovery
folder when the plan's folder is read-only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile

from siteplanner.app import autosave
from siteplanner.app.i18n import tr


def _lock_paths(plan_path: Path) -> list[Path]:
    p = plan_path.resolve()
    key = hashlib.blake2b(str(p).encode(), digest_size=6).hexdigest()
    return [p.with_name(f".{p.name}.lock"), autosave.recovery_dir() / f"{p.stem}-{key}.lock"]


class PlanLock:
    """The editor's hold on one plan file; ``holder`` describes who else has it."""

    def __init__(self) -> None:
        self._lock: QLockFile | None = None
        self.path: Path | None = None

    def acquire(self, plan_path: str | Path) -> str | None:
        """Hold the lock of ``plan_path``; None on success (or where no lock can be made),
        else a description of the editor that holds it."""
        self.release()
        for candidate in _lock_paths(Path(plan_path)):
            try:
                candidate.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
            lock = QLockFile(str(candidate))
            lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
            if lock.tryLock(0):
                self._lock, self.path = lock, candidate
                return None
            if lock.error() == QLockFile.LockError.LockFailedError:
                info = lock.getLockInfo()
                pid, host = (info[0], info[1]) if len(info) >= 2 else ("?", "?")
                return tr("process {0} on {1}").format(pid, host or "?")
            # Permission or unknown error: try the next place.
        return None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
        self._lock = None
        self.path = None
