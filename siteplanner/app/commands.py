"""Undo commands: every edit of the plan is one of these, pushed on the document's stack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from siteplanner.app.document import Document
from siteplanner.editing.registry import collection_of
from siteplanner.model import Level
from siteplanner.model.ids import IdAllocator, plan_ids

MERGE_ID = 1001


class SetFieldsCommand(QUndoCommand):
    """Set fields of plan objects: move, rotate, edit a property, drag a vertex.

    ``merge_key`` lets the drags of one gesture merge into a single undo step: commands with the
    same key and the same (object, field) list merge, keeping the first old values.
    """

    def __init__(
        self,
        doc: Document,
        text: str,
        changes: Sequence[tuple[Any, str, Any]],
        merge_key: object | None = None,
    ) -> None:
        super().__init__(text)
        self.doc = doc
        for obj, name, new in changes:
            # Check on a shallow copy first: a rejected value must never reach the stack.
            setattr(obj.model_copy(), name, new)
        self.changes = [(obj, name, getattr(obj, name), new) for obj, name, new in changes]
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldsCommand) or other.merge_key != self.merge_key:
            return False
        mine = [(id(o), n) for o, n, _, _ in self.changes]
        theirs = [(id(o), n) for o, n, _, _ in other.changes]
        if mine != theirs:
            return False
        self.changes = [
            (o, n, old, new)
            for (o, n, old, _), (_, _, _, new) in zip(self.changes, other.changes, strict=True)
        ]
        return True

    def redo(self) -> None:
        for obj, name, _, new in self.changes:
            setattr(obj, name, new)
        self.doc.notify([c[0] for c in self.changes])

    def undo(self) -> None:
        for obj, name, old, _ in reversed(self.changes):
            setattr(obj, name, old)
        self.doc.notify([c[0] for c in self.changes])


class AddObjectsCommand(QUndoCommand):
    """Add objects to collections of a level (draw, place, paste).

    Ids stay unique across the plan: an object without one gets a fresh one, and an id the plan
    (or another of the objects) already has is refused with ValueError before anything changes.
    """

    def __init__(
        self, doc: Document, text: str, level: Level, objects: Sequence[tuple[str, Any]]
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.level = level
        self.objects = list(objects)
        taken = set(plan_ids(doc.plan))
        ids = None
        for coll, obj in self.objects:
            if collection_of(obj).name != coll:
                raise ValueError(f"{type(obj).__name__} does not belong in {coll}")
            if not obj.id:
                ids = ids or IdAllocator(taken)
                obj.id = ids.new(coll)
            elif obj.id in taken:
                raise ValueError(f"id {obj.id!r} is already in the plan")
            taken.add(obj.id)

    def redo(self) -> None:
        for coll, obj in self.objects:
            getattr(self.level, coll).append(obj)
        self.doc.changed.emit()

    def undo(self) -> None:
        for coll, obj in reversed(self.objects):
            items = getattr(self.level, coll)
            items.remove(obj)
        self.doc.changed.emit()


class RemoveObjectsCommand(QUndoCommand):
    """Delete objects; undo puts each back at its old index."""

    def __init__(
        self, doc: Document, text: str, level: Level, objects: Sequence[tuple[str, Any]]
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.level = level
        entries = []
        for coll, obj in objects:
            items = getattr(level, coll)
            entries.append((coll, next(i for i, o in enumerate(items) if o is obj), obj))
        # Remove from the highest index down so the recorded indices stay valid on undo.
        self.entries = sorted(entries, key=lambda e: (e[0], e[1]))

    def redo(self) -> None:
        for coll, _, obj in reversed(self.entries):
            items = getattr(self.level, coll)
            idx = next(i for i, o in enumerate(items) if o is obj)
            del items[idx]
        self.doc.changed.emit()

    def undo(self) -> None:
        for coll, index, obj in self.entries:
            getattr(self.level, coll).insert(index, obj)
        self.doc.changed.emit()


class LevelCommand(QUndoCommand):
    """Add (``add=True``) or remove a level at ``index``."""

    def __init__(self, doc: Document, text: str, level: Level, index: int, add: bool) -> None:
        super().__init__(text)
        self.doc, self.level, self.index, self.add = doc, level, index, add

    def _insert(self) -> None:
        self.doc.plan.levels.insert(self.index, self.level)
        self.doc.notify()

    def _remove(self) -> None:
        self.doc.plan.levels.remove(self.level)
        self.doc.notify()

    def redo(self) -> None:
        self._insert() if self.add else self._remove()

    def undo(self) -> None:
        self._remove() if self.add else self._insert()


class MoveLevelCommand(QUndoCommand):
    """Move a level to another place in the plan's list of levels."""

    def __init__(self, doc: Document, text: str, level: Level, index: int) -> None:
        super().__init__(text)
        self.doc, self.level = doc, level
        self.old = doc.plan.levels.index(level)
        self.new = index

    def _place(self, index: int) -> None:
        levels = self.doc.plan.levels
        levels.remove(self.level)
        levels.insert(index, self.level)
        self.doc.notify()

    def redo(self) -> None:
        self._place(self.new)

    def undo(self) -> None:
        self._place(self.old)
