"""The Levels tool bar (add, duplicate, rename, remove after asking, move up and down; each
one undo step), the floor below drawn faintly, and Fit to View over a background image
imported from the File menu."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar

from siteplanner.app.items import CameraItem
from siteplanner.fileformat import save_plan
from siteplanner.model import Plan
from siteplanner.model.ids import plan_ids
from tests.app.conftest import wait_walls

ROOM = [[0.0, 0.0], [8.0, 0.0], [8.0, 6.0], [0.0, 6.0], [0.0, 0.0]]
BIG = [[-20.0, -10.0], [30.0, -10.0], [30.0, 25.0], [-20.0, 25.0], [-20.0, -10.0]]
CAM = {
    "height_m": 3.0,
    "tilt_deg": 20.0,
    "hfov_deg": 90.0,
    "vfov_deg": 50.0,
    "resolution": [1920, 1080],
    "range_m": 10.0,
}


def two_floors() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "name": "Ground",
                    "walls": [{"id": "w1", "points": BIG}],
                    "cameras": [{"id": "c1", "position": [2, 2], **CAM}],
                    "signs": [{"id": "s1", "position": [1, 1], "covers": ["c1"]}],
                },
                {
                    "id": "L2",
                    "name": "First",
                    "elevation_m": 3.5,
                    "walls": [{"id": "w2", "points": ROOM}],
                },
            ]
        }
    )


def toolbar(win) -> QToolBar:
    bar = win.levels_dock.findChild(QToolBar, "levels_toolbar")
    assert bar is not None and bar.isVisible()
    return bar


def press(win, action_id: str) -> None:
    """Click the Levels tool bar's button for ``action_id``."""
    bar = toolbar(win)
    button = bar.widgetForAction(win.ctx.actions[action_id])
    assert button is not None and button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def listed(win) -> list[str]:
    panel = win.levels_panel
    return [panel.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.count())]


def test_toolbar_holds_the_level_commands(make_window):
    win = make_window(two_floors())
    shown = [a.objectName() for a in toolbar(win).actions()]
    assert shown == [
        "add_level",
        "duplicate_level",
        "rename_level",
        "remove_level",
        "move_level_up",
        "move_level_down",
    ]
    site = [a.objectName() for a in win.menus["Site"].actions()]
    assert {"add_level", "duplicate_level", "remove_level"} <= set(site)


def test_add_and_rename_from_the_toolbar(make_window):
    win = make_window(two_floors())
    press(win, "add_level")
    plan = win.doc.plan
    assert [lv.id for lv in plan.levels] == ["L1", "L2", "L3"]
    assert plan.levels[2].elevation_m == 7.0
    assert win.state.level_id == "L3" and listed(win) == ["L1", "L2", "L3"]
    assert win.doc.undo.count() == 1
    win.dialogs.ask_text = lambda *_a, **_k: "Roof"
    press(win, "rename_level")
    assert plan.levels[2].name == "Roof"
    assert "Roof" in win.levels_panel.item(2).text()
    assert win.doc.undo.count() == 2


def test_duplicate_level_keeps_ids_unique_and_covers_follow(make_window):
    win = make_window(two_floors())
    win.set_level("L1")
    press(win, "duplicate_level")
    plan = win.doc.plan
    assert [lv.id for lv in plan.levels] == ["L1", "L2", "L3"]
    copy = plan.levels[2]
    assert copy.name == "Ground (copy)"
    assert copy.elevation_m == 7.0  # the next storey up, over the highest level
    ids = plan_ids(plan)
    assert len(ids) == len(set(ids))  # unique across the plan
    assert [c.id for c in copy.cameras] == ["c2"] and [s.id for s in copy.signs] == ["s2"]
    assert copy.signs[0].covers == ["c2"]
    assert copy.cameras[0] is not plan.levels[0].cameras[0]
    assert win.state.level_id == "L3"
    assert any(isinstance(i, CameraItem) and i.obj is copy.cameras[0] for i in win.scene.items())
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    assert [lv.id for lv in plan.levels] == ["L1", "L2"]


def test_remove_asks_first_and_undo_brings_it_back(make_window):
    win = make_window(two_floors())
    win.set_level("L1")
    win.dialogs.confirm_answer = False
    press(win, "remove_level")
    assert [lv.id for lv in win.doc.plan.levels] == ["L1", "L2"]
    title, message = win.dialogs.confirms[-1]
    assert "Ground" in message and "3 objects" in message  # a wall, a camera, a sign
    assert win.doc.undo.count() == 0
    win.dialogs.confirm_answer = True
    press(win, "remove_level")
    assert [lv.id for lv in win.doc.plan.levels] == ["L2"]
    assert listed(win) == ["L2"]
    win.doc.undo.undo()
    assert [lv.id for lv in win.doc.plan.levels] == ["L1", "L2"]
    press(win, "remove_level")  # the last level is never removed
    press(win, "remove_level")
    assert len(win.doc.plan.levels) == 1


def test_move_level_up_and_down(make_window):
    win = make_window(two_floors())
    win.set_level("L2")
    press(win, "move_level_up")
    assert [lv.id for lv in win.doc.plan.levels] == ["L2", "L1"]
    assert listed(win) == ["L2", "L1"]
    press(win, "move_level_up")  # already first: nothing
    assert win.doc.undo.count() == 1
    press(win, "move_level_down")
    assert [lv.id for lv in win.doc.plan.levels] == ["L1", "L2"]
    win.doc.undo.undo()
    assert listed(win) == ["L2", "L1"]


def test_floor_below_is_drawn_faintly_and_fit_takes_it_in(make_window, qtbot):
    win = make_window(two_floors())
    wait_walls(qtbot, win)
    win.set_level("L2")
    act = win.ctx.actions["show_floor_below"]
    assert not act.isChecked() and win.levels.floor_below_rect().isEmpty()
    act.trigger()
    item = win.levels.floor_below
    assert item is not None and item.isVisible() and item.level_id == "L1"
    r = item.sceneBoundingRect()  # the big ground-floor walls, not the room above
    assert r.left() < -19.5 and r.right() > 29.5 and r.bottom() > 24.5
    assert item.brush().color().alphaF() < 0.5
    assert not item.acceptedMouseButtons()  # clicks go through to the level shown
    QTest.keyClick(win.view, Qt.Key.Key_F)
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(QRectF(-20, -10, 50, 35))
    win.set_level("L1")  # the lowest level has nothing below
    assert not item.isVisible()
    win.set_level("L2")
    assert item.isVisible()
    act.trigger()
    assert not item.isVisible()
    assert win.doc.undo.count() == 0  # a view setting, not an edit


def test_file_menu_imports_a_background_and_fit_shows_it(make_window, tmp_path):
    plan = Plan.model_validate({"levels": [{"id": "L1", "walls": [{"points": ROOM}]}]})
    path = tmp_path / "site.siteplan"
    save_plan(plan, path)
    win = make_window(plan, path)
    image = QImage(1000, 500, QImage.Format.Format_RGB32)  # 20 × 10 m at 0.02 m/px
    image.fill(QColor("white"))
    png = tmp_path / "scan.png"
    assert image.save(str(png))
    file_menu = [a.objectName() for a in win.menus["File"].actions()]
    assert "import_background" in file_menu
    win.dialogs.image_answer = str(png)
    win.ctx.actions["import_background"].trigger()
    assert win.doc.plan.levels[0].background.path == "scan.png"
    assert win.doc.undo.count() == 1
    win.view.zoom(4.0)
    QTest.keyClick(win.view, Qt.Key.Key_F)
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(QRectF(0, 0, 20, 10))  # the whole image, beyond the 8 × 6 m room
    assert shown.width() < 40  # and not much more
    win.dialogs.image_answer = None  # cancelled
    win.ctx.actions["import_background"].trigger()
    assert win.doc.undo.count() == 1


def test_levels_list_right_click_offers_the_same_commands(make_window):
    win = make_window(two_floors())
    names = [a.objectName() for a in win.levels_panel.actions()]
    assert names == [
        "add_level",
        "duplicate_level",
        "rename_level",
        "level_elevation",
        "remove_level",
        "move_level_up",
        "move_level_down",
    ]


def test_level_elevation_is_set_in_one_step_and_the_floor_below_follows(make_window):
    win = make_window(two_floors())
    win.set_level("L2")
    win.dialogs.ask_number = lambda *_a, **_k: -3.0  # now the basement
    win.ctx.actions["level_elevation"].trigger()
    assert win.doc.plan.levels[1].elevation_m == -3.0
    assert "-3 m" in win.levels_panel.item(1).text()
    assert win.doc.undo.count() == 1
    win.ctx.actions["show_floor_below"].trigger()
    assert win.levels.floor_below_rect().isEmpty()  # nothing is below the basement
    win.set_level("L1")
    assert win.levels.floor_below.isVisible() and win.levels.floor_below.level_id == "L2"


def test_right_click_on_a_level_in_the_list_shows_that_level_first(make_window):
    win = make_window(two_floors())
    win.set_level("L2")
    panel = win.levels_panel
    rect = panel.visualItemRect(panel.item(0))
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.RightButton, pos=rect.center())
    assert win.state.level_id == "L1"  # the menu's Rename/Remove act on the level clicked
    assert panel.currentItem() is panel.item(0)
