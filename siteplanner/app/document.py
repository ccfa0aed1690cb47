"""The open plan: the model, its file, its undo stack. Edits go through undo commands only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from siteplanner.editing.registry import Found, find
from siteplanner.editing.snapping import SnapIndex, SnapIndexCache
from siteplanner.model import Level, Plan
from siteplanner.model.ids import IdAllocator
from siteplanner.resources import sample_plan_path


class Document(QObject):
    """Holds the plan being edited; ``changed`` fires after every edit, undo or redo."""

    changed = Signal()
    replaced = Signal()  # a different plan (open, new, revert)

    def __init__(self, plan: Plan, path: str | Path | None = None) -> None:
        super().__init__()
        self.undo = QUndoStack(self)
        self.plan = plan
        self.path: Path | None = None
        self.sample = False  # a copy of the shipped sample, not yet saved anywhere
        self._set_path(path)
        # The objects the last edit changed (None: anything). Read once by the scene.
        self.last_touched: list[object] | None = None
        self._snap = SnapIndexCache()
        # Connected first, so the index is current for whatever else reacts to an edit.
        self.changed.connect(self._edited)
        self.replaced.connect(self._snap.clear)

    def _edited(self) -> None:
        self._snap.edited(self.last_touched)

    def notify(self, touched: list[object] | None = None) -> None:
        """Announce an edit; ``touched`` lets the canvas update just those objects."""
        self.last_touched = touched
        self.changed.emit()
        self.last_touched = None

    def _set_path(self, path: str | Path | None) -> None:
        """The sample opens as an untitled copy: it has no file, so Save asks for one."""
        self.path = Path(path) if path else None
        self.sample = self.path is not None and _is_sample_file(self.path)
        if self.sample:
            self.path = None

    @property
    def is_sample(self) -> bool:
        """The shipped sample is never written over: Save on it asks for a new file."""
        return self.sample or (self.path is not None and _is_sample_file(self.path))

    @property
    def modified(self) -> bool:
        return not self.undo.isClean()

    def replace(self, plan: Plan, path: str | Path | None) -> None:
        self.plan = plan
        self._set_path(path)
        self.undo.clear()
        self.undo.setClean()
        self.replaced.emit()

    def find(self, object_id: str, level_id: str | None = None) -> Found | None:
        """(level, collection, object) for an id; ids are unique across the plan."""
        return find(self.plan, object_id, level_id)

    def ids(self) -> IdAllocator:
        """An allocator of fresh plan-wide ids; one per batch of new objects."""
        return IdAllocator.for_plan(self.plan)

    def new_id(self, collection: str) -> str:
        return self.ids().new(collection)

    def snap_index(self, level: Level) -> SnapIndex:
        """The snapping index of ``level``, kept in step with the edits."""
        return self._snap.get(level)


def _is_sample_file(path: Path) -> bool:
    try:
        return path.resolve() == sample_plan_path().resolve()
    except OSError:
        return False
