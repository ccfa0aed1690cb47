"""Properties with known values (camera purpose, private-space type) are lists one can type in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from siteplanner.compliance.packs import load_pack
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


def _select(win, qtbot, object_id: str, field: str) -> QComboBox:
    win.scene.clearSelection()
    win.scene.item_by_id(object_id).setSelected(True)
    panel = win.properties_panel
    qtbot.waitUntil(lambda: panel.target is not None and panel.target.id == object_id)
    combo = panel.editors[field]
    assert isinstance(combo, QComboBox) and combo.isEditable()
    return combo


def test_camera_purpose_from_the_list_and_typed(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    cam = win.doc.plan.find_camera("c-lobby")[1]
    assert cam.purpose == "public_safety"
    combo = _select(win, qtbot, "c-lobby", "purpose")
    values = [combo.itemData(i) for i in range(combo.count())]
    # The pack's internal purposes are offered (a typo would silently change the rules).
    assert "public_safety" in values
    assert set(load_pack("cn-2025").internal_purposes) <= set(values)
    assert combo.currentData() == "public_safety"
    steps = win.doc.undo.count()
    combo.setFocus()
    target = combo.findData("internal_management")
    presses = 0
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
        presses += 1
    qtbot.waitUntil(lambda: cam.purpose == "internal_management")
    # A purpose the list lacks is still allowed by the format: typed and Enter.
    combo = win.properties_panel.editors["purpose"]
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo.lineEdit(), "loading_dock")
    QTest.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cam.purpose == "loading_dock")
    assert win.doc.undo.count() == steps + presses + 1  # each choice one step
    assert win.properties_panel.editors["purpose"].currentText() == "loading_dock"
    win.doc.undo.undo()
    assert cam.purpose == "internal_management"
    qtbot.waitUntil(
        lambda: win.properties_panel.editors["purpose"].currentData() == "internal_management"
    )


def test_private_type_lists_the_packs_types(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    zone = win.doc.plan.levels[0].zone("z-wc")
    combo = _select(win, qtbot, "z-wc", "private_type")
    values = [combo.itemData(i) for i in range(combo.count())]
    assert values == list(load_pack("cn-2025").private_types)
    assert combo.currentData() == "restroom"
    combo.setFocus()
    target = combo.findData("lactation_room")
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: zone.private_type == "lactation_room")
