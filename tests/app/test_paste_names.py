"""Copy and paste in the editor: a pasted camera takes the next free number of its name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from siteplanner.app.items import CameraItem
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click, key


def test_pasted_camera_gets_the_next_free_number(make_window):
    win = make_window(load_plan(sample_plan_path()), None)
    click(win, 39.6, 11.6)  # CAM-05 Stockroom
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-stock"]
    ctrl = Qt.KeyboardModifier.ControlModifier
    key(win, Qt.Key.Key_C, ctrl)
    key(win, Qt.Key.Key_V, ctrl)
    ((_, first),) = win.scene.selected_objects()
    # CAM-01 to CAM-09 exist: the copy is CAM-10, with the rest of the name kept.
    assert first.name == "CAM-10 Stockroom" and first.id != "c-stock"
    item = win.scene.item_for(first)
    assert isinstance(item, CameraItem) and item.label.text() == "CAM-10 Stockroom"
    key(win, Qt.Key.Key_V, ctrl)
    ((_, second),) = win.scene.selected_objects()
    assert second.name == "CAM-11 Stockroom"
    names = [c.name for c in win.doc.plan.levels[0].cameras]
    assert len(names) == len(set(names)) == 11
    assert win.doc.undo.count() == 2
    win.doc.undo.undo()
    assert "CAM-11 Stockroom" not in [c.name for c in win.doc.plan.levels[0].cameras]
