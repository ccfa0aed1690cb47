"""Edit ▸ Undo names its step; it must survive the undo stack going first when a window closes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import delete

from siteplanner.app.edit import StackAction


def test_undo_action_names_step_and_outlives_its_stack(qapp):
    owner = QObject()
    stack = QUndoStack(owner)
    action = StackAction(stack, False, "&Undo", owner)
    assert not action.isEnabled()
    stack.push(QUndoCommand("Move camera"))
    assert action.isEnabled()
    assert action.text() == "&Undo Move camera"
    delete(stack)
    action.retranslate()  # raised "already deleted" before
    assert action.text() == "&Undo Move camera"
