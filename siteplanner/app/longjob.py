"""A long piece of work off the UI thread, behind a progress dialog with a Cancel button.

``LongJob(parent, title, label, work)`` runs ``work(progress, cancelled)`` in a thread pool.
``work`` calls ``progress(done, total)`` as it goes (from its own thread; the dialog is updated
on the UI thread) and polls ``cancelled()`` between its steps, raising ``AnalysisCancelled`` (or
simply returning) once it is true. Exactly one of ``succeeded(result)``, ``failed(message)`` or
``stopped()`` is emitted at the end, on the UI thread.

``replacing(out)`` (from ``siteplanner.fileformat.replacing``, re-exported here) is for work that
writes a file: it yields a temporary path beside ``out`` and renames it over ``out`` only when the
block ends normally, so a cancelled or failed run leaves no partial file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from siteplanner.analysis import AnalysisCancelled
from siteplanner.app.i18n import tr
from siteplanner.fileformat.replacing import replacing

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]


def describe(exc: BaseException) -> str:
    """A one-line message for a failure (never a traceback)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror  # the caller names the file (a temporary name would confuse)
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(str, object)  # outcome ("ok", "failed", "stopped"), result or message


class _Runnable(QRunnable):
    def __init__(self, work: Work, relay: _Relay, stop: threading.Event) -> None:
        super().__init__()
        self.work, self.relay, self.stop = work, relay, stop

    def run(self) -> None:
        try:
            result = self.work(self.relay.progress.emit, self.stop.is_set)
        except AnalysisCancelled:
            self.relay.done.emit("stopped", None)
        except Exception as exc:  # reported as one line, the editor keeps going
            self.relay.done.emit("stopped" if self.stop.is_set() else "failed", describe(exc))
        else:
            self.relay.done.emit("stopped" if self.stop.is_set() else "ok", result)


class LongJob(QObject):
    """Runs ``work`` once, showing a window-modal progress dialog over ``parent``."""

    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        work: Work,
        *,
        cancellable: bool = True,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.work = work
        self.pool = pool or QThreadPool.globalInstance()
        self._stop = threading.Event()
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.running = False
        dlg = self.dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        dlg.setObjectName("long_job_progress")
        dlg.setWindowTitle(title)
        if not cancellable:
            dlg.setCancelButton(None)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(self.cancel)

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def start(self) -> None:
        self.running = True
        self.dialog.show()
        self.pool.start(_Runnable(self.work, self._relay, self._stop))

    def cancel(self) -> None:
        """Ask the work to stop at its next check; ``stopped`` follows once it has."""
        if self.running:
            self._stop.set()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and not self._stop.is_set():
            self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))

    def _on_done(self, outcome: str, payload: Any) -> None:
        self.running = False
        self.dialog.close()
        self.dialog.deleteLater()
        if outcome == "ok":
            self.succeeded.emit(payload)
        elif outcome == "failed":
            self.failed.emit(str(payload))
        else:
            self.stopped.emit()
        # Freed by the event loop once this slot has returned: deleting it here (as dropping
        # the caller's last reference would) pulls it away under Qt's own call into it.
        self.deleteLater()


__all__ = ["Cancelled", "LongJob", "Progress", "describe", "replacing"]
