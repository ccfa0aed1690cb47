"""The open plan: the model, its file, its undo stack. Edits go through undo commands only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from siteplanner.model import COLLECTIONS, ID_PREFIX, Level, Plan
from siteplanner.resources import sample_plan_path


class Document(QObject):
    """Holds the plan being edited; ``changed`` fires after every edit, undo or redo."""

    changed = Signal()
    replaced = Signal()  # a different plan (open, new, revert)

    def __init__(self, plan: Plan, path: str | Path | None = None) -> None:
        super().__init__()
        self.undo = QUndoStack(self)
        self.plan = plan
        self.path: Path | None = Path(path) if path else None
        # The objects the last edit changed (None: anything). Read once by the scene.
        self.last_touched: list[object] | None = None

    def notify(self, touched: list[object] | None = None) -> None:
        """Announce an edit; ``touched`` lets the canvas update just those objects."""
        self.last_touched = touched
        self.changed.emit()
        self.last_touched = None

    @property
    def is_sample(self) -> bool:
        """The shipped sample is never written over: Save on it asks for a new file."""
        if self.path is None:
            return False
        try:
            return self.path.resolve() == sample_plan_path().resolve()
        except OSError:
            return False

    @property
    def modified(self) -> bool:
        return not self.undo.isClean()

    def replace(self, plan: Plan, path: str | Path | None) -> None:
        self.plan = plan
        self.path = Path(path) if path else None
        self.undo.clear()
        self.undo.setClean()
        self.replaced.emit()

    def find(self, object_id: str) -> tuple[Level, str, object] | None:
        """(level, collection, object) for an id, searching every level."""
        for level in self.plan.levels:
            for coll in COLLECTIONS:
                for obj in getattr(level, coll):
                    if obj.id == object_id:
                        return level, coll, obj
        return None

    def new_id(self, collection: str) -> str:
        prefix = ID_PREFIX[collection]
        used = {o.id for lv in self.plan.levels for o in getattr(lv, collection)}
        n = len(used) + 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"
