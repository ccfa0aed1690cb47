"""The properties panel keeps its editors while the same object stays shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from siteplanner.model import Opening
from tests.app.conftest import click
from tests.app.test_editor import CAM, room_plan


def door_plan():
    return room_plan(
        cameras=[CAM],
        zones=[{"id": "z1", "kind": "collection", "polygon": [[1, 1], [3, 1], [3, 3], [1, 3]]}],
    )


def select(win, object_id: str) -> None:
    win.scene.clearSelection()
    win.scene.item_by_id(object_id).setSelected(True)


def test_combo_chosen_with_keys_is_updated_in_place_and_by_undo(make_window, qtbot):
    win = make_window(door_plan())
    zone = win.doc.plan.levels[0].zones[0]
    select(win, "z1")
    combo = win.properties_panel.findChild(QComboBox, "prop_place")
    assert zone.place is None and combo.currentData() is None
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert zone.place == "public"
    assert win.properties_panel.findChild(QComboBox, "prop_place") is combo  # not rebuilt
    win.doc.undo.undo()
    assert zone.place is None
    assert combo.currentData() is None  # the same editor shows the undone value
    win.doc.undo.redo()
    assert combo.currentData() == "public"


def test_check_box_click_edits_the_model_and_keeps_the_box(make_window, qtbot):
    plan = room_plan(cameras=[CAM])
    plan.levels[0].openings.append(Opening(id="d1", points=[(2.0, 0.0), (3.0, 0.0)]))
    win = make_window(plan)
    level = win.doc.plan.levels[0]
    select(win, "d1")
    box = win.properties_panel.findChild(QCheckBox, "prop_transparent")
    assert box.isChecked() and level.openings[0].transparent
    QTest.mouseClick(
        box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, box.height() // 2)
    )
    assert level.openings[0].transparent is False
    assert win.properties_panel.findChild(QCheckBox, "prop_transparent") is box
    assert not box.isChecked()
    win.doc.undo.undo()
    assert level.openings[0].transparent is True and box.isChecked()


def test_a_new_selection_replaces_the_rows(make_window, qtbot):
    win = make_window(door_plan())
    select(win, "z1")
    old = win.properties_panel.findChild(QComboBox, "prop_place")
    click(win, 2.0, 3.0)  # the camera
    assert win.properties_panel.target is win.doc.plan.levels[0].cameras[0]
    assert win.properties_panel.findChild(QComboBox, "prop_place") is None
    assert win.properties_panel.findChild(QLineEdit, "prop_height_m").text() == "3"
    assert old is not win.properties_panel.findChild(QComboBox, "prop_face_recognition")


def test_an_edit_that_would_make_the_plan_unloadable_is_refused(make_window, qtbot):
    # A camera without a model must keep its own field of view: clearing it would save a plan
    # that never loads again.
    win = make_window(room_plan(cameras=[CAM]))
    cam = win.doc.plan.levels[0].cameras[0]
    click(win, 2.0, 3.0)
    edit = win.properties_panel.findChild(QLineEdit, "prop_hfov_deg")
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert cam.hfov_deg == 90.0
    assert "hfov_deg" in win.properties_panel.error.text()
    assert win.doc.undo.count() == 0


def test_choosing_a_level_keeps_the_list_items(make_window, qtbot):
    plan = room_plan(cameras=[CAM])
    plan.levels.append(plan.levels[0].model_copy(update={"id": "L2", "name": "First"}))
    win = make_window(plan)
    panel = win.levels_panel
    first, second = panel.item(0), panel.item(1)
    rect = panel.visualItemRect(second)
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.scene.level_id == "L2"
    # The clicked item was not deleted inside its own click signal: the same items, reselected.
    assert panel.item(1) is second and panel.item(0) is first
    assert panel.currentItem() is second and not first.isSelected()
    win.set_level("L1")
    assert panel.currentItem() is first and not second.isSelected()
