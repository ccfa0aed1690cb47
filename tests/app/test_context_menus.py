"""Right-click menus on the canvas: every object kind and the empty canvas, driven with the
mouse (a right click, then a click on the menu entry), checked in the model and on the canvas;
each command is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from siteplanner.app.items import CameraItem
from siteplanner.model import Plan
from tests.app.conftest import click, vp

ROOM = [[0.0, 0.0], [8.0, 0.0], [8.0, 6.0], [0.0, 6.0], [0.0, 0.0]]
OPTICS = {
    "height_m": 3.0,
    "tilt_deg": 20.0,
    "hfov_deg": 90.0,
    "vfov_deg": 50.0,
    "resolution": [1920, 1080],
    "range_m": 10.0,
}


def plan() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"id": "w1", "points": ROOM}],
                    "openings": [
                        {"id": "o1", "kind": "window", "points": [[3, 6], [5, 6]]},
                    ],
                    "obstacles": [
                        {"id": "ob1", "polygon": [[5, 1], [6, 1], [6, 2], [5, 2]], "height_m": 2.0}
                    ],
                    "zones": [
                        {
                            "id": "z1",
                            "kind": "collection",
                            "polygon": [[0.5, 3.5], [2.5, 3.5], [2.5, 5.5], [0.5, 5.5]],
                        }
                    ],
                    "cameras": [
                        {"id": "c1", "name": "CAM-01", "position": [2, 2], "pan_deg": 0, **OPTICS}
                    ],
                    "signs": [
                        {"id": "s1", "position": [7, 4], "facing_deg": 180, "covers": ["c1"]}
                    ],
                }
            ]
        }
    )


def right_click(win, x: float, y: float) -> QMenu:
    """A right click at plan (x, y), as the platform delivers it: the press and release, then
    the context-menu event; returns the menu that opened."""
    port = win.view.viewport()
    p = vp(win, x, y)
    QTest.mouseClick(port, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, p)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, p, port.mapToGlobal(p))
    QApplication.sendEvent(port, event)
    menu = win.objects.menu
    assert menu is not None and menu.isVisible()
    return menu


def entries(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.actions() if not a.isSeparator()]


def choose(menu: QMenu, name: str) -> None:
    """Click the entry named ``name`` in the open menu."""
    act = next(a for a in menu.actions() if a.objectName() == name)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())


def test_camera_menu_rotates_duplicates_and_deletes_each_one_undo_step(make_window):
    win = make_window(plan())
    level = win.doc.plan.levels[0]
    menu = right_click(win, 2, 2)
    assert [o.id for _, o in win.scene.selected_objects()] == ["c1"]  # the object clicked
    names = entries(menu)
    for want in ("menu_properties", "menu_frame", "choose_model", "menu_isolate", "duplicate"):
        assert want in names
    assert {"rotate_left", "rotate_right", "rotate_by", "delete"} <= set(names)
    assert "menu_see_through" not in names
    choose(menu, "rotate_left")
    cam = level.cameras[0]
    assert cam.pan_deg == 90.0 and tuple(cam.position) == (2.0, 2.0)  # turned in place
    assert win.doc.undo.count() == 1
    item = win.scene.item_for(cam)
    assert isinstance(item, CameraItem)
    assert item.handle.pos().y() < -30  # the pan handle drawn above the camera (y down)
    choose(right_click(win, 2, 2), "duplicate")
    assert [c.id for c in level.cameras] == ["c1", "c2"]
    assert level.cameras[1].position != level.cameras[0].position
    assert level.cameras[1].name == "CAM-02"  # renumbered, as a paste does
    assert [o.id for _, o in win.scene.selected_objects()] == ["c2"]
    assert win.doc.undo.count() == 2
    x, y = level.cameras[1].position
    choose(right_click(win, x, y), "delete")
    assert [c.id for c in level.cameras] == ["c1"]
    assert win.doc.undo.count() == 3
    win.doc.undo.undo()
    win.doc.undo.undo()
    win.doc.undo.undo()
    assert [c.id for c in level.cameras] == ["c1"] and level.cameras[0].pan_deg == 0.0


def test_rotate_by_a_typed_angle_turns_a_zone_about_its_centre(make_window):
    win = make_window(plan())
    zone = win.doc.plan.levels[0].zones[0]
    win.dialogs.ask_number = lambda *_a, **_k: 90.0
    choose(right_click(win, 1.0, 4.0), "rotate_by")
    xs = sorted({round(p[0], 6) for p in zone.polygon})
    ys = sorted({round(p[1], 6) for p in zone.polygon})
    assert xs == [0.5, 2.5] and ys == [3.5, 5.5]  # a square turned 90° about its centre
    assert zone.polygon[0] == pytest.approx((2.5, 3.5))  # (0.5, 3.5) went round to (2.5, 3.5)
    assert win.doc.undo.count() == 1
    win.dialogs.ask_number = lambda *_a, **_k: None  # cancelled: nothing changes
    choose(right_click(win, 1.0, 4.0), "rotate_by")
    assert win.doc.undo.count() == 1


def test_rotating_a_sign_and_an_obstacle(make_window):
    win = make_window(plan())
    level = win.doc.plan.levels[0]
    choose(right_click(win, 7, 4), "rotate_right")
    assert level.signs[0].facing_deg == 90.0
    choose(right_click(win, 5.5, 1.5), "rotate_right")
    assert sorted(map(tuple, level.obstacles[0].polygon)) == sorted(
        [(5, 1), (6, 1), (6, 2), (5, 2)]
    )  # a square about its centre comes back onto itself
    assert level.obstacles[0].polygon[0] == pytest.approx((5.0, 2.0))
    assert win.doc.undo.count() == 2


def test_opening_menu_toggles_see_through_and_the_glyph_follows(make_window):
    win = make_window(plan())
    op = win.doc.plan.levels[0].openings[0]
    menu = right_click(win, 4, 6)
    assert [o.id for _, o in win.scene.selected_objects()] == ["o1"]
    act = next(a for a in menu.actions() if a.objectName() == "menu_see_through")
    assert act.isCheckable() and act.isChecked()
    item = win.scene.item_for(op)
    was = item.glyph.pen().color().name()
    choose(menu, "menu_see_through")
    assert op.transparent is False
    assert item.glyph.pen().color().name() != was  # drawn as a solid window
    assert win.doc.undo.undoText() != ""
    win.doc.undo.undo()
    assert op.transparent is True


def test_wall_menu_properties_focuses_the_dock_and_frame_zooms(make_window, qtbot):
    win = make_window(plan())
    win.properties_dock.hide()
    menu = right_click(win, 0.0, 1.0)
    assert [o.id for _, o in win.scene.selected_objects()] == ["w1"]
    choose(menu, "menu_properties")
    assert win.properties_dock.isVisible()
    assert win.properties_panel.target is win.doc.plan.levels[0].walls[0]
    # The window's focus widget (it has the keyboard focus once the window is active again).
    qtbot.waitUntil(lambda: win.focusWidget() is win.properties_panel.editors["thickness_m"])
    before = win.view.pixels_per_metre
    choose(right_click(win, 7, 4), "menu_frame")  # the sign: zoom in on it
    assert win.view.pixels_per_metre > before * 1.2  # 6 m round the sign, not the 8 m room
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.center().x() == pytest.approx(7.0, abs=0.2)
    assert shown.center().y() == pytest.approx(4.0, abs=0.2)
    assert shown.contains(QRectF(4.0, 1.0, 6.0, 6.0))
    assert win.doc.undo.count() == 0


def test_camera_menu_isolates_its_view(make_window):
    win = make_window(plan())
    menu = right_click(win, 2, 2)
    choose(menu, "menu_isolate")
    assert win.state.isolated_camera == "c1"
    menu = right_click(win, 2, 2)
    act = next(a for a in menu.actions() if a.objectName() == "menu_isolate")
    assert act.isChecked()
    choose(menu, "menu_isolate")
    assert win.state.isolated_camera is None


def test_empty_canvas_menu_and_right_click_ending_a_wall_opens_none(make_window):
    win = make_window(plan())
    menu = right_click(win, 4.0, 3.5)
    assert menu.objectName() == "canvas_menu"
    assert {"paste", "select_all", "fit", "add_level", "import_background"} <= set(entries(menu))
    choose(menu, "select_all")
    assert len(win.scene.selected_objects()) == 6
    menu.hide()
    win.set_tool("wall")
    click(win, 10, 0)
    click(win, 14, 0)
    old = win.objects.menu
    port = win.view.viewport()
    p = vp(win, 14, 3)
    QTest.mouseClick(port, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, p)
    QApplication.sendEvent(
        port, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, p, port.mapToGlobal(p))
    )
    assert win.objects.menu is old  # the right click finished the wall, no menu over it
    assert len(win.doc.plan.levels[0].walls) == 2


def test_duplicate_shortcut_copies_a_selection_with_its_sign(make_window):
    win = make_window(plan())
    level = win.doc.plan.levels[0]
    click(win, 2, 2)
    click(win, 7, 4, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in level.cameras] == ["c1", "c2"]
    assert [s.id for s in level.signs] == ["s1", "s2"]
    assert level.signs[1].covers == ["c2"]  # the copied sign announces the copied camera
    assert win.doc.undo.count() == 1


def test_right_click_on_a_camera_handle_gives_the_camera_menu(make_window):
    win = make_window(plan())
    click(win, 2, 2)
    handle = win.scene.camera_handles.handles["tilt"]
    x, y = handle.scenePos().x(), handle.scenePos().y()
    menu = right_click(win, x, y)
    assert menu.objectName() == "object_menu"
    assert [o.id for _, o in win.scene.selected_objects()] == ["c1"]


def test_right_click_on_one_of_several_selected_keeps_them_all(make_window):
    win = make_window(plan())
    click(win, 2, 2)
    click(win, 7, 4, Qt.KeyboardModifier.ControlModifier)
    choose(right_click(win, 7, 4), "rotate_left")
    level = win.doc.plan.levels[0]
    assert sorted(o.id for _, o in win.scene.selected_objects()) == ["c1", "s1"]
    # Both turned about the centre of the pair, (4.5, 3): each moved and its heading turned.
    assert level.cameras[0].position == pytest.approx((5.5, 0.5))
    assert level.signs[0].position == pytest.approx((3.5, 5.5))
    assert (level.cameras[0].pan_deg, level.signs[0].facing_deg) == (90.0, 270.0)
    assert win.doc.undo.count() == 1
