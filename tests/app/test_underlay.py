"""The drawing underlay in the editor: drawn under the plan, layers switched, snapped to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from siteplanner.model import Plan
from tests.app.conftest import key, vp

UNDERLAY = {
    "kind": "dxf",
    "source": "ground.dxf",
    "layer_roles": {"A-WALL": "wall", "NOTES": "ignore"},
    "layers": {
        "A-WALL": ["0.000,0.000 10.000,0.000 10.000,6.000 0.000,6.000 0.000,0.000"],
        "NOTES": ["40.000,30.000 45.000,30.000"],
    },
    "texts": [],
}


def plan() -> Plan:
    return Plan.model_validate({"levels": [{"id": "L1", "name": "Ground", "underlay": UNDERLAY}]})


def layer_item(panel, name):
    for i in range(panel.layers.count()):
        item = panel.layers.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == name:
            return item
    raise AssertionError(name)


def test_underlay_drawn_under_the_plan_and_fitted(make_window):
    win = make_window(plan())
    items = win.underlay.items
    assert set(items) == {"A-WALL", "NOTES"}
    (wall,) = items["A-WALL"]
    assert wall.isVisible() and wall.zValue() < 0 and wall.pen().isCosmetic()
    r = wall.sceneBoundingRect()
    assert (r.left(), r.top(), r.width(), r.height()) == pytest.approx((0, 0, 10, 6))
    # Fit to View takes in the far note too.
    content = win.scene.content_rect()
    assert content.contains(45.0, 30.0) and content.contains(0.0, 0.0)
    win.view.fit()
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(44.0, 30.0) and shown.contains(0.5, 0.5)


def test_switching_a_layer_off_hides_it_is_undone_and_stops_snapping(make_window):
    win = make_window(plan())
    panel = win.underlay.panel
    level = win.doc.plan.levels[0]
    notes = layer_item(panel, "NOTES")
    panel.layers.setFocus()
    panel.layers.setCurrentItem(notes)
    QTest.keyClick(panel.layers, Qt.Key.Key_Space)  # the check box of the current row
    assert level.underlay["hidden"] == ["NOTES"]
    assert not win.underlay.items["NOTES"][0].isVisible()
    assert win.underlay.items["A-WALL"][0].isVisible()
    assert not win.scene.content_rect().contains(45.0, 30.0)
    assert win.doc.snap_index(level).snap((40.05, 30.0), 0.2) is None
    win.doc.undo.undo()
    assert "hidden" not in level.underlay
    assert win.underlay.items["NOTES"][0].isVisible()
    assert layer_item(panel, "NOTES").checkState() == Qt.CheckState.Checked
    hit = win.doc.snap_index(level).snap((40.05, 30.0), 0.2)
    assert hit is not None and hit.point == (40.0, 30.0)


def test_wall_tool_snaps_to_the_underlay_corners(make_window):
    win = make_window(plan())
    win.options.snap_grid = False
    win.view.fit(win.underlay.items["A-WALL"][0].sceneBoundingRect())
    win.set_tool("wall")
    port = win.view.viewport()
    for target in [(10.0, 0.0), (10.0, 6.0)]:
        QTest.mouseClick(
            port,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            vp(win, *target) + QPoint(3, -2),
        )
    key(win, Qt.Key.Key_Return)
    (wall,) = win.doc.plan.levels[0].walls
    assert [tuple(p) for p in wall.points] == [(10.0, 0.0), (10.0, 6.0)]


def test_remove_underlay_is_one_undo_step(make_window):
    win = make_window(plan())
    level = win.doc.plan.levels[0]
    win.underlay.panel.remove_button.click()
    assert getattr(level, "underlay", None) is None
    assert win.underlay.items == {}
    assert "No drawing" in win.underlay.panel.label.text()
    win.doc.undo.undo()
    assert level.underlay["source"] == "ground.dxf"
    assert set(win.underlay.items) == {"A-WALL", "NOTES"}


def test_dock_follows_a_change_of_language(make_window):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from siteplanner.app import i18n

    win = make_window(plan())
    dock, panel = win.underlay.dock, win.underlay.panel
    assert dock.windowTitle() == "Drawing underlay"
    menu = win.findChild(QMenu, "menu_language")
    try:
        next(a for a in menu.actions() if a.data() == "zh_CN").trigger()
        assert dock.windowTitle() == "图纸底图"
        assert panel.show_all.text() == "全部显示"
        assert layer_item(panel, "A-WALL").toolTip() == "导入为：墙"
    finally:
        i18n.install_translators("en")
        QSettings().remove(i18n.SETTINGS_KEY)
