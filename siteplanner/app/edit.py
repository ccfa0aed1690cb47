"""Edit ▸ Undo/Redo (the undo stack's own actions), Cut, Copy, Paste, Delete, Select All."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from siteplanner.app.commands import AddObjectsCommand, RemoveObjectsCommand
from siteplanner.app.document import Document
from siteplanner.app.i18n import tr
from siteplanner.app.scene import PlanScene
from siteplanner.app.tools import MOVE_FIELDS, shifted
from siteplanner.model import Camera, Obstacle, Opening, Sign, Wall, Zone

MIME = "application/x-siteplanner-objects"
PASTE_OFFSET_M = 1.0
CLASSES: dict[str, type] = {
    "walls": Wall,
    "openings": Opening,
    "obstacles": Obstacle,
    "zones": Zone,
    "cameras": Camera,
    "signs": Sign,
}


class EditController(QObject):
    def __init__(self, window: QMainWindow, doc: Document, scene: PlanScene) -> None:
        super().__init__(window)
        self.window = window
        self.doc = doc
        self.scene = scene

    def delete(self) -> None:
        sel = self.scene.selected_objects()
        level = self.scene.level()
        if not sel or level is None:
            return
        self.scene.clearSelection()
        self.doc.undo.push(
            RemoveObjectsCommand(self.doc, tr("Delete {0}").format(len(sel)), level, sel)
        )

    def select_all(self) -> None:
        for item in self.scene.model_items.values():
            item.setSelected(True)  # type: ignore[attr-defined]

    def copy(self) -> None:
        sel = self.scene.selected_objects()
        if not sel:
            return
        data = [{"collection": c, "object": o.model_dump(mode="json")} for c, o in sel]
        mime = QMimeData()
        text = json.dumps(data)
        mime.setData(MIME, text.encode())
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        self.copy()
        self.delete()

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME):
            return
        level = self.scene.level()
        if level is None:
            return
        try:
            entries = json.loads(bytes(mime.data(MIME)).decode())
            new: list[tuple[str, Any]] = []
            renamed: dict[str, str] = {}
            for e in entries:
                coll = e["collection"]
                obj = CLASSES[coll].model_validate(e["object"])
                old_id = obj.id
                obj.id = self._fresh_id(coll, new)
                renamed[old_id] = obj.id
                f = MOVE_FIELDS[coll]
                setattr(obj, f, shifted(getattr(obj, f), PASTE_OFFSET_M, -PASTE_OFFSET_M))
                new.append((coll, obj))
            for coll, obj in new:  # pasted signs keep covering the pasted cameras
                if coll == "signs":
                    obj.covers = [renamed.get(c, c) for c in obj.covers]
        except (ValueError, KeyError, TypeError) as exc:
            self.window.statusBar().showMessage(tr("Cannot paste: {0}").format(exc).splitlines()[0])
            return
        self.doc.undo.push(
            AddObjectsCommand(self.doc, tr("Paste {0}").format(len(new)), level, new)
        )
        self.scene.select_objects([o for _, o in new])

    def _fresh_id(self, coll: str, pending: list[tuple[str, Any]]) -> str:
        used = {o.id for c, o in pending if c == coll}
        new_id = self.doc.new_id(coll)
        n = 1
        while new_id in used:
            n += 1
            new_id = f"{new_id}-{n}"
        return new_id
