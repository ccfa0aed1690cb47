"""Edit ▸ Undo/Redo (the undo stack's own actions), Cut, Copy, Paste, Delete, Select All."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow
from shiboken6 import isValid

from siteplanner.app.commands import AddObjectsCommand, RemoveObjectsCommand
from siteplanner.app.document import Document
from siteplanner.app.i18n import tr
from siteplanner.app.scene import PlanScene
from siteplanner.editing import clipboard


class StackAction(QAction):
    """Edit ▸ Undo or Redo, its text naming the step ("Undo Move camera") in the language of the
    moment (the undo stack's own actions keep the prefix they were made with)."""

    def __init__(self, stack: QUndoStack, redo: bool, prefix: str, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack
        self.redo = redo
        self.prefix = prefix  # the English source, e.g. "&Undo"
        if redo:
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self._step_changed)
            self.triggered.connect(stack.redo)
            self.setEnabled(stack.canRedo())
        else:
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self._step_changed)
            self.triggered.connect(stack.undo)
            self.setEnabled(stack.canUndo())
        self.retranslate()

    def _step_changed(self, _text: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        if not isValid(self.stack):  # the stack goes first when the window closes
            return
        step = self.stack.redoText() if self.redo else self.stack.undoText()
        prefix = tr(self.prefix)
        self.setText(f"{prefix} {step}" if step else prefix)


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
        text = clipboard.copy_text([o for _, o in sel])
        mime = QMimeData()
        mime.setData(clipboard.MIME, text.encode())
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        self.copy()
        self.delete()

    def paste(self) -> None:
        """Paste through the editing layer's clipboard (fresh ids, pasted signs' covers
        remapped, moved by the paste offset)."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME):
            return
        level = self.scene.level()
        if level is None:
            return
        try:
            new = clipboard.pasted(bytes(mime.data(clipboard.MIME)), self.doc.plan)
        except clipboard.ClipboardError as exc:
            self.window.statusBar().showMessage(tr("Cannot paste: {0}").format(exc))
            return
        self.doc.undo.push(
            AddObjectsCommand(self.doc, tr("Paste {0}").format(len(new)), level, new)
        )
        self.scene.select_objects([o for _, o in new])
