"""File ▸ New, Open, Open Recent, Save, Save As, Revert; autosave; asking before a plan is dropped.

Features that must adjust the plan before it is written (background images rebased to the new
folder) register a save hook: ``hook(path)`` runs before the write and returns a function told
whether the write succeeded (to undo its adjustment when it did not).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from siteplanner.app import autosave
from siteplanner.app.dialogs import Dialogs
from siteplanner.app.document import Document
from siteplanner.app.i18n import tr
from siteplanner.app.planlock import PlanLock
from siteplanner.fileformat import PlanFileError, load_plan, save_plan
from siteplanner.model import Level, Plan
from siteplanner.resources import sample_plan_path

MAX_RECENT = 8

SaveHook = Callable[[Path], Callable[[bool], None]]


def new_plan() -> Plan:
    return Plan(name="Untitled", levels=[Level(id="L1", name="Ground floor")])


class FileController(QObject):
    saved = Signal(str)  # the path written (the window's title names it)

    def __init__(
        self, window: QMainWindow, doc: Document, dialogs: Dialogs, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.doc = doc
        self.dialogs = dialogs
        self.settings = settings
        self.save_hooks: list[SaveHook] = []
        self.plan_lock = PlanLock()
        self.recovery_owned = False  # this session wrote the current plan's recovery file
        self.recovery_kept = False  # the plan came from a recovery file, kept until saved
        # This editor's own recovery file for a new plan (another editor has its own), and the
        # one a recovered new plan came from (deleted once that plan is saved).
        self.session = autosave.new_session()
        self.recovered_from: Path | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave.AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

    def _status(self, text: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)

    # -- dropping the plan -------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan."""
        if not self.doc.modified:
            return True
        answer = self.dialogs.ask_save_changes(self.doc.plan.name or tr("this plan"))
        if answer == "save":
            return self.save()
        return answer == "discard"

    def close_down(self) -> None:
        """The window closes (the user agreed): stop autosaving, drop what this session wrote
        for changes the user has just chosen to discard; a recovery file from an earlier
        session stays until its plan is saved."""
        # (A recovered new plan: this session's own file goes, the one it came from stays.)
        if self.recovery_owned and (not self.recovery_kept or self.doc.path is None):
            autosave.discard_recovery(self.doc.path, self.session)
        self.plan_lock.release()
        self.autosave_timer.stop()

    # -- open --------------------------------------------------------------------------------
    def new(self) -> None:
        if self.maybe_save():
            self.doc.replace(new_plan(), None)
            self.plan_lock.release()
            self.recovered_from = None  # that file is not in the new plan: it stays

    def open(self) -> None:
        doc = self.doc
        start = str(doc.path.parent) if doc.path and not doc.is_sample else ""
        path = self.dialogs.open_file(start)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, ask_recover: bool = True) -> bool:
        """Open a plan file; a file that fails to load leaves the current plan open."""
        if not self.maybe_save():
            return False
        try:
            plan = load_plan(path)
        except PlanFileError as exc:
            self.dialogs.error(tr("Cannot open plan"), str(exc))
            return False
        except OSError as exc:
            self.dialogs.error(tr("Cannot open plan"), f"{path}: {exc.strerror or exc}")
            return False
        lock = PlanLock()
        sample = Path(path).resolve() == sample_plan_path().resolve()
        # The sample opens as an untitled copy: no lock, no recovery of the file itself.
        holder = None if sample else lock.acquire(path)
        if holder is not None and not self.dialogs.confirm(
            tr("Plan already open"),
            tr(
                "{0} is open in another SitePlanner ({1}). If both save, the later save "
                "replaces the other's changes. Open it anyway?"
            ).format(path, holder),
        ):
            return False
        recovered = (
            autosave.offer_recovery(path, self.dialogs.ask_recover, self._recovery_problem)
            if ask_recover and not sample
            else None
        )
        self.doc.replace(recovered or plan, path)
        self.plan_lock.release()
        self.plan_lock = lock
        self.recovery_owned = False
        self.recovery_kept = recovered is not None
        self.recovered_from = None  # not deleted: offered again at the next start
        if recovered is not None:
            self.doc.undo.resetClean()  # recovered edits are unsaved until the user saves
        self.add_recent(path)
        return True

    def recover_untitled(self) -> bool:
        """Offer the unsaved changes of plans that never had a file (after a crash), newest
        first, one editor session's at a time: the first accepted is opened, a declined one
        set aside; those not yet offered stay for the next start."""
        own = autosave.recovery_path(None, self.session)
        for rec in autosave.pending_untitled(exclude=own):
            plan = autosave.offer_file(rec, self.dialogs.ask_recover, self._recovery_problem)
            if plan is None:
                continue
            self.doc.replace(plan, None)
            self.plan_lock.release()
            self.recovery_owned, self.recovery_kept = False, True
            self.recovered_from = rec
            self.doc.undo.resetClean()  # still unsaved: the user chooses where it goes
            return True
        return False

    def _recovery_problem(self, message: str) -> None:
        self.dialogs.error(tr("Recover unsaved changes"), message)

    def revert(self) -> None:
        doc = self.doc
        if doc.path is None:
            return
        if doc.modified and not self.dialogs.confirm(
            tr("Revert"),
            tr("Discard all changes since {0} was saved?").format(doc.path.name),
        ):
            return
        try:
            plan = load_plan(doc.path)
        except PlanFileError as exc:
            self.dialogs.error(tr("Cannot revert"), str(exc))
            return
        doc.replace(plan, doc.path)

    # -- save --------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.doc.path is None or self.doc.is_sample:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        doc = self.doc
        suggestion = "" if doc.is_sample or doc.path is None else str(doc.path)
        if not suggestion:
            suggestion = (doc.plan.name or "plan").replace("/", "_") + ".siteplan"
        path = self.dialogs.save_file(suggestion)
        if not path:
            return False
        if Path(path).resolve() == sample_plan_path().resolve():
            self.dialogs.error(tr("Cannot save"), tr("The built-in sample cannot be overwritten."))
            return False
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        undo_hooks = [hook(Path(path)) for hook in self.save_hooks]
        try:
            save_plan(self.doc.plan, path)
        except (OSError, PlanFileError) as exc:
            for done in undo_hooks:
                done(False)
            self.dialogs.error(tr("Cannot save plan"), f"{path}: {exc}")
            return False
        old = self.doc.path
        self.doc.path = Path(path)
        self.doc.sample = False
        if old is None or Path(old).resolve() != Path(path).resolve():
            self.plan_lock.acquire(path)  # warned at open; a new name is ours from now on
        for done in undo_hooks:
            done(True)
        autosave.discard_recovery(old, self.session)
        autosave.discard_recovery(path)
        if self.recovered_from is not None:
            autosave.discard_file(self.recovered_from)  # read, and now saved in the plan
            self.recovered_from = None
        self.recovery_kept = False
        self.doc.undo.setClean()
        self.add_recent(path)
        self.saved.emit(str(path))
        self._status(tr("Saved {0}").format(path), 4000)
        return True

    # -- recent files ------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        if Path(p) == sample_plan_path().resolve():
            return
        recent = [r for r in self.recent_files() if r != p]
        self.settings.setValue("recent", [p, *recent][:MAX_RECENT])

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.recent_files()
        for p in recent:
            act = menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_path(path))
        if not recent:
            menu.addAction(tr("(none)")).setEnabled(False)

    # -- autosave ----------------------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        if not self.doc.modified:
            return None
        try:
            written = autosave.write_recovery(self.doc.plan, self.doc.path, self.session)
        except (OSError, PlanFileError) as exc:
            self._status(tr("Autosave failed: {0}").format(exc), 5000)
            return None
        self.recovery_owned = True
        return written
