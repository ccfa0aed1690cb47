"""The editor driven with the mouse and keyboard: the model and the items drawn must agree."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from siteplanner.app.items import CameraItem, CoverageItem, OpeningItem, WallItem, ZoneItem
from siteplanner.fileformat import load_plan, save_plan
from siteplanner.model import Plan
from tests.app.conftest import click, drag, key, vp, wait_analysis, wait_walls

ROOM = [(0.0, 0.0), (8.0, 0.0), (8.0, 6.0), (0.0, 6.0), (0.0, 0.0)]


def room_plan(cameras=(), zones=()) -> Plan:
    return Plan.model_validate(
        {
            "name": "Room",
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"id": "w1", "points": [list(p) for p in ROOM]}],
                    "cameras": list(cameras),
                    "zones": list(zones),
                }
            ],
        }
    )


CAM = {
    "id": "c1",
    "name": "CAM-A",
    "position": [2.0, 3.0],
    "height_m": 3.0,
    "pan_deg": 0.0,
    "tilt_deg": 20.0,
    "hfov_deg": 90.0,
    "vfov_deg": 50.0,
    "resolution": [1920, 1080],
    "range_m": 10.0,
}


def walls_in_scene(win):
    return [i for i in win.scene.items() if isinstance(i, WallItem)]


def test_draw_room_with_wall_tool_then_undo_redo(make_window, qtbot):
    win = make_window()
    win.view.fit(QRectF(-2, -2, 12, 10))
    key(win, Qt.Key.Key_W)
    assert win.tool.name == "wall"
    for x, y in ROOM[:-1]:
        click(win, x, y)
    click(win, 0.0, 0.0)  # back to the start closes the room
    key(win, Qt.Key.Key_Return)
    level = win.doc.plan.levels[0]
    assert len(level.walls) == 1
    assert [tuple(p) for p in level.walls[0].points] == ROOM
    assert level.walls[0].thickness_m == pytest.approx(0.2)
    items = walls_in_scene(win)
    assert len(items) == 1
    # The solid drawn is the engine's: the polyline buffered by half the thickness, made by
    # the analysis worker.
    wait_walls(qtbot, win)
    r = win.scene.wall_layer.path().boundingRect()
    assert (r.left(), r.bottom(), r.right(), r.top()) == pytest.approx((-0.1, 6.1, 8.1, -0.1))
    assert win.isWindowModified()

    key(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert level.walls == []
    assert walls_in_scene(win) == []
    wait_walls(qtbot, win)
    assert win.scene.wall_layer.path().isEmpty()
    key(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(level.walls) == 1
    assert len(walls_in_scene(win)) == 1


def test_wall_tool_escape_cancels_and_shift_constrains(make_window):
    win = make_window()
    win.set_tool("wall")
    click(win, 0, 0)
    click(win, 3, 0)
    key(win, Qt.Key.Key_Escape)
    QTest.keyClick(win.view, Qt.Key.Key_Return)
    assert win.doc.plan.levels[0].walls == []
    # With Shift the second point snaps to the 45° ray through the cursor.
    click(win, 0, 0)
    click(win, 3.0, 2.7, Qt.KeyboardModifier.ShiftModifier)
    key(win, Qt.Key.Key_Return)
    (x0, y0), (x1, y1) = win.doc.plan.levels[0].walls[0].points
    assert (x0, y0) == (0, 0)
    assert x1 == pytest.approx(y1, abs=1e-6)
    assert x1 > 2.5


def test_place_camera_rotate_handle_undo_redo(make_window, qtbot):
    win = make_window(room_plan())
    wait_analysis(qtbot, win)
    key(win, Qt.Key.Key_C)
    click(win, 4.0, 3.0)
    cams = win.doc.plan.levels[0].cameras
    assert len(cams) == 1
    cam = cams[0]
    assert cam.position == pytest.approx((4.0, 3.0))
    assert cam.pan_deg == 0
    item = win.scene.item_for(cam)
    assert isinstance(item, CameraItem) and item.isSelected()
    assert item.pos().x() == pytest.approx(4.0) and item.pos().y() == pytest.approx(3.0)
    wait_analysis(qtbot, win)
    cov = win.scene.coverage_items[cam.id]
    assert cov.boundingRect().center().x() > 4.0  # pan 0: looks east

    key(win, Qt.Key.Key_V)
    handle = item.handle
    assert handle.isVisible()
    # Fixed-size items: find the handle on screen, then in plan coordinates.
    dev = handle.deviceTransform(win.view.viewportTransform()).map(QPointF(0, 0))
    start = win.view.mapToScene(dev.toPoint())
    steps_before = win.doc.undo.count()
    drag(win, (start.x(), start.y()), (4.0, 5.5))
    assert cam.pan_deg == pytest.approx(90.0, abs=1.0)
    assert win.doc.undo.count() == steps_before + 1  # the whole drag is one step
    assert handle.pos().y() < 0 and abs(handle.pos().x()) < 2  # drawn pointing up on screen
    wait_analysis(qtbot, win)
    cov = win.scene.coverage_items[cam.id]
    assert cov.boundingRect().center().y() > 3.5  # now looks north

    win.actions_by_name["undo"].trigger()
    assert cam.pan_deg == 0
    assert handle.pos().x() > 0 and abs(handle.pos().y()) < 1e-6
    win.actions_by_name["redo"].trigger()
    assert cam.pan_deg == pytest.approx(90.0, abs=1.0)


def test_drag_camera_previews_coverage_and_merges_undo(make_window, qtbot):
    win = make_window(room_plan(cameras=[CAM]))
    wait_analysis(qtbot, win)
    cam = win.doc.plan.levels[0].cameras[0]
    before = win.scene.coverage_items["c1"].boundingRect()
    n = win.doc.undo.count()
    drag(win, (2.0, 3.0), (3.0, 2.0), release=False)
    # While the button is held the camera's own coverage has followed the mouse.
    assert cam.position == pytest.approx((3.0, 2.0), abs=0.11)
    during = win.scene.coverage_items["c1"].boundingRect()
    assert during.left() > before.left() + 0.5
    QTest.mouseRelease(
        win.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(win, 3.0, 2.0),
    )
    assert win.doc.undo.count() == n + 1
    win.doc.undo.undo()
    assert cam.position == pytest.approx((2.0, 3.0))
    assert win.scene.item_for(cam).pos().x() == pytest.approx(2.0)


def test_save_and_reopen(make_window, tmp_path, qtbot):
    win = make_window(room_plan(cameras=[CAM]))
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    target = tmp_path / "site.siteplan"
    win.dialogs.save_as_answer = str(target)
    win.actions_by_name["save"].trigger()
    assert target.exists()
    assert not win.isWindowModified()
    assert str(target) in win.windowTitle()
    reopened = load_plan(target)
    assert [c.position for c in reopened.levels[0].cameras] == [(2.0, 3.0), (6.0, 4.0)]

    other = make_window()
    assert other.file.open_path(target)
    assert [c.id for c in other.doc.plan.levels[0].cameras] == ["c1", "c2"]
    assert len([i for i in other.scene.items() if isinstance(i, CameraItem)]) == 2
    assert str(target.resolve()) in other.file.recent_files()


def test_save_on_sample_goes_to_save_as(make_window, tmp_path):
    from siteplanner.resources import sample_plan_path

    sample = sample_plan_path()
    original = sample.read_bytes()
    win = make_window(load_plan(sample), sample)
    win.set_tool("camera")
    click(win, 5.0, 5.0)
    win.dialogs.save_as_answer = None  # the user cancels the Save As dialog
    win.actions_by_name["save"].trigger()
    assert win.dialogs.save_as_asked == 1
    assert sample.read_bytes() == original
    assert win.isWindowModified()


def test_delete_copy_paste(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    level = win.doc.plan.levels[0]
    click(win, 2.0, 3.0)
    assert [o.id for _, o in win.scene.selected_objects()] == ["c1"]
    QTest.keyClick(win.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(level.cameras) == 2
    pasted = level.cameras[1]
    assert pasted.id != "c1"
    assert pasted.position == pytest.approx((3.0, 2.0))
    assert [o.id for _, o in win.scene.selected_objects()] == [pasted.id]
    QTest.keyClick(win.view, Qt.Key.Key_Delete)
    assert [c.id for c in level.cameras] == ["c1"]
    assert len([i for i in win.scene.items() if isinstance(i, CameraItem)]) == 1
    win.doc.undo.undo()
    assert [c.id for c in level.cameras] == ["c1", pasted.id]


def test_rubber_band_and_ctrl_click_multiselect(make_window):
    cams = [CAM, {**CAM, "id": "c2", "name": "B", "position": [5.0, 3.0]}]
    win = make_window(room_plan(cameras=cams))
    drag(win, (1.0, 4.5), (6.0, 1.5))
    assert sorted(o.id for _, o in win.scene.selected_objects()) == ["c1", "c2"]
    win.scene.clearSelection()
    click(win, 2.0, 3.0)
    click(win, 5.0, 3.0, Qt.KeyboardModifier.ControlModifier)
    assert sorted(o.id for _, o in win.scene.selected_objects()) == ["c1", "c2"]
    # Moving a multi-selection moves both as one undo step.
    drag(win, (5.0, 3.0), (5.0, 4.0))
    assert [c.position[1] for c in win.doc.plan.levels[0].cameras] == pytest.approx([4.0, 4.0])


def test_vertex_handle_edits_wall(make_window, qtbot):
    win = make_window(room_plan())
    click(win, 4.0, 0.0)  # on the south wall
    wall = win.doc.plan.levels[0].walls[0]
    assert [o for _, o in win.scene.selected_objects()] == [wall]
    assert len(win.scene.handles) == 5
    drag(win, (8.0, 6.0), (9.0, 7.0))
    assert tuple(wall.points[2]) == pytest.approx((9.0, 7.0))
    wait_walls(qtbot, win)
    assert win.scene.wall_layer.path().boundingRect().right() == pytest.approx(9.1, abs=0.15)


def test_door_tool_places_opening_on_wall(make_window, qtbot):
    win = make_window(room_plan())
    win.set_tool("opening")
    click(win, 4.0, 0.05)
    ops = win.doc.plan.levels[0].openings
    assert len(ops) == 1
    (x0, y0), (x1, y1) = ops[0].points
    assert (y0, y1) == pytest.approx((0.0, 0.0))
    assert abs(x1 - x0) == pytest.approx(0.9)
    assert any(isinstance(i, OpeningItem) for i in win.scene.items())
    # The wall solid now has the gap cut by the engine.
    wait_walls(qtbot, win)
    solids = win.scene.wall_layer.path()
    assert not solids.contains(QPointF(4.0, 0.0))
    assert solids.contains(QPointF(2.0, 0.0))


def test_zone_rectangle_and_overlays(make_window, qtbot):
    win = make_window(room_plan(cameras=[CAM]))
    win.set_tool("zone")
    win.zone_kind.setCurrentText("private")
    win.zone_shape.setCurrentText("rectangle")
    click(win, 4.0, 1.0)
    click(win, 7.0, 5.0)
    zones = win.doc.plan.levels[0].zones
    assert len(zones) == 1 and zones[0].kind == "private"
    assert len(zones[0].polygon) == 4
    assert any(isinstance(i, ZoneItem) for i in win.scene.items())
    wait_analysis(qtbot, win)
    # The camera looks east into the private zone: a finding and a red intrusion overlay.
    rules = {f.rule for f in win.render_data.analysis.findings}
    assert "PRIVATE_SPACE_COVERED" in rules
    assert win.scene.overlays and win.scene.overlays[0].isVisible()
    win.actions_by_name["show_dori"].setChecked(False)
    assert all(not c.show_dori for c in win.scene.coverage_items.values())
    win.actions_by_name["show_intrusions"].setChecked(False)
    assert not any(o.isVisible() for o in win.scene.overlays if o.data(0) != "blind")


def test_properties_edit_is_one_undo_step(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    click(win, 2.0, 3.0)
    edit = win.properties_panel.editors["height_m"]
    edit.setText("4.5")
    edit.editingFinished.emit()
    cam = win.doc.plan.levels[0].cameras[0]
    assert cam.height_m == 4.5
    bad = win.properties_panel.editors["hfov_deg"]
    bad.setText("200")
    bad.editingFinished.emit()
    assert cam.hfov_deg == 90.0
    assert "hfov_deg" in win.properties_panel.error.text()
    win.doc.undo.undo()
    assert cam.height_m == 3.0


def test_finding_click_selects_and_frames_camera(make_window, qtbot):
    from siteplanner.resources import sample_plan_path

    win = make_window(load_plan(sample_plan_path()), sample_plan_path())
    wait_analysis(qtbot, win)
    panel = win.findings_panel
    row = next(
        panel.topLevelItem(i)
        for i in range(panel.topLevelItemCount())
        if panel.topLevelItem(i).text(panel.RULE) == "CAMERA_INSIDE_WALL"
    )
    panel.scrollToItem(row)
    rect = panel.visualItemRect(row)
    QTest.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-wall"]
    cam = win.doc.plan.find_camera("c-wall")[1]
    centre = win.view.mapToScene(win.view.viewport().rect().center())
    assert math.dist((centre.x(), centre.y()), cam.position) < 15


def test_corrupt_file_leaves_current_plan_open(make_window, tmp_path):
    win = make_window(room_plan(cameras=[CAM]))
    bad = tmp_path / "bad.siteplan"
    plan = room_plan(cameras=[CAM])
    save_plan(plan, bad)
    bad.write_text(bad.read_text().replace('"height_m": 3.0', '"height_m": -3'))
    before = win.doc.plan
    assert not win.file.open_path(bad)
    assert win.doc.plan is before
    assert len(win.dialogs.errors) == 1
    assert "levels[0].cameras[0].height_m" in win.dialogs.errors[0][1]
    assert "bad.siteplan" in win.dialogs.errors[0][1]
    (tmp_path / "junk.siteplan").write_text("{not json")
    assert not win.file.open_path(tmp_path / "junk.siteplan")
    assert win.doc.plan is before


def test_autosave_and_recovery(make_window, tmp_path):
    from siteplanner.app import autosave

    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    win = make_window()
    assert win.file.open_path(path)
    assert win.file.autosave_now() is None  # nothing unsaved: nothing written
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    rec = win.file.autosave_now()
    assert rec is not None and rec.exists()
    assert autosave.pending_recovery(path) == rec

    other = make_window()
    other.dialogs.recover_answer = True
    assert other.file.open_path(path)
    assert other.dialogs.recover_asked == [rec]
    assert len(other.doc.plan.levels[0].cameras) == 2
    assert other.isWindowModified()

    third = make_window()
    third.dialogs.recover_answer = False
    assert third.file.open_path(path)
    assert len(third.doc.plan.levels[0].cameras) == 1
    assert not rec.exists()  # a declined recovery is not offered again...
    kept = [p for p in rec.parent.iterdir() if ".declined-" in p.name]
    assert len(kept) == 1  # ...but set aside, not deleted
    assert len(load_plan(kept[0]).levels[0].cameras) == 2


def test_level_switch_and_menus(make_window):
    plan = room_plan(cameras=[CAM])
    plan.levels.append(
        plan.levels[0].model_copy(update={"id": "L2", "name": "First", "cameras": []})
    )
    win = make_window(plan)
    assert win.levels_panel.count() == 2
    win.set_level("L2")
    assert not any(isinstance(i, CameraItem) for i in win.scene.items())
    assert {"File", "Edit", "View", "Tools", "Help"} <= set(win.menus)
    assert win.menus["View"] in [a.menu() for a in win.menuBar().actions()]
    assert not any(isinstance(i, CoverageItem) for i in win.scene.items())


def test_obstacle_sign_and_measure_tools(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    win.obstacle_height.setValue(2.2)
    key(win, Qt.Key.Key_O)
    for p in [(3.0, 1.0), (5.0, 1.0), (5.0, 2.0), (3.0, 2.0)]:
        click(win, *p)
    # The second click of a double-click on the last corner finishes the polygon.
    QTest.mouseDClick(
        win.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(win, 3.0, 2.0),
    )
    obs = win.doc.plan.levels[0].obstacles
    assert len(obs) == 1
    assert obs[0].height_m == pytest.approx(2.2)
    assert [tuple(p) for p in obs[0].polygon] == [(3, 1), (5, 1), (5, 2), (3, 2)]

    key(win, Qt.Key.Key_S)
    click(win, 1.0, 1.0)
    signs = win.doc.plan.levels[0].signs
    assert len(signs) == 1 and signs[0].covers == ["c1"]

    key(win, Qt.Key.Key_M)
    click(win, 1.0, 1.0)
    click(win, 4.0, 5.0)
    assert win.tool.last_m == pytest.approx(5.0)
    assert "5.00" in win.statusBar().currentMessage()
    assert win.doc.undo.count() == 2  # measuring is not an edit


def test_zoom_to_cursor_pan_and_fit(make_window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    win = make_window(room_plan(cameras=[CAM]))
    view = win.view
    s0 = view.pixels_per_metre
    at = vp(win, 6.0, 2.0)
    ev = QWheelEvent(
        at.toPointF(),
        view.viewport().mapToGlobal(at).toPointF(),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), ev)
    assert view.pixels_per_metre > s0 * 1.3
    under = view.mapToScene(at)
    assert (under.x(), under.y()) == pytest.approx((6.0, 2.0), abs=0.1)  # the point stays put
    # Middle-button drag pans the view by the mouse movement.
    before = view.mapToScene(view.viewport().rect().center())
    port = view.viewport()
    QTest.mousePress(port, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseMove(port, at + QPoint(100, 0))
    QTest.mouseRelease(
        port, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, at + QPoint(100, 0)
    )
    after = view.mapToScene(view.viewport().rect().center())
    assert before.x() - after.x() == pytest.approx(100 / view.pixels_per_metre, rel=0.1)
    assert win.doc.undo.count() == 0
    key(win, Qt.Key.Key_F)
    r = view.mapToScene(view.viewport().rect()).boundingRect()
    assert r.contains(QRectF(-0.1, -0.1, 8.2, 6.2))


def test_add_rename_remove_level_with_undo(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    win.levels_panel.add_level()
    plan = win.doc.plan
    assert [lv.id for lv in plan.levels] == ["L1", "L2"]
    assert win.scene.level_id == "L2"
    assert win.levels_panel.count() == 2
    assert not any(isinstance(i, CameraItem) for i in win.scene.items())
    win.dialogs.ask_text = lambda *_a, **_k: "Mezzanine"
    win.levels_panel.rename_level()
    assert plan.levels[1].name == "Mezzanine"
    assert "Mezzanine" in win.levels_panel.item(1).text()
    win.levels_panel.remove_level()
    assert [lv.id for lv in plan.levels] == ["L1"]
    assert win.scene.level_id == "L1"
    assert any(isinstance(i, CameraItem) for i in win.scene.items())
    win.doc.undo.undo()
    assert [lv.name for lv in plan.levels] == ["", "Mezzanine"]
    assert win.levels_panel.count() == 2


def test_untitled_plan_is_recovered_on_next_start(make_window):
    from siteplanner.app.main import recover_untitled

    win = make_window()  # a new plan with no file
    win.set_tool("camera")
    click(win, 2.0, 2.0)
    assert win.file.autosave_now() is not None
    nxt = make_window(room_plan())
    nxt.dialogs.recover_answer = True
    assert recover_untitled(nxt)
    assert len(nxt.doc.plan.levels[0].cameras) == 1
    assert nxt.doc.path is None and nxt.isWindowModified()
    assert not recover_untitled(make_window())  # offered once, then it is the user's plan


def test_new_plan_drawing_survives_save_and_reload(make_window, tmp_path):
    win = make_window()  # File ▸ New: a level whose lists were never assigned
    win.set_tool("wall")
    for p in [(0.0, 0.0), (5.0, 0.0), (5.0, 4.0)]:
        click(win, *p)
    key(win, Qt.Key.Key_Return)
    win.set_tool("camera")
    click(win, 2.0, 2.0)
    win.levels_panel.add_level()
    target = tmp_path / "new.siteplan"
    win.dialogs.save_as_answer = str(target)
    assert win.file.save()
    back = load_plan(target)
    assert [tuple(p) for p in back.levels[0].walls[0].points] == [(0, 0), (5, 0), (5, 4)]
    assert back.levels[0].cameras[0].position == (2.0, 2.0)
    assert len(back.levels) == 2


def test_slow_vertex_drag_is_not_held_by_its_own_snap(make_window):
    win = make_window(room_plan())
    click(win, 4.0, 0.0)
    wall = win.doc.plan.levels[0].walls[0]
    port = win.view.viewport()
    p0 = vp(win, 8.0, 6.0)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    # Small steps, as a hand moves the mouse: the vertex follows every one of them.
    for i in range(1, 41):
        p = p0 + QPoint(i * 2, -i)
        QTest.mouseMove(port, p)
        if i > 3:
            cursor = win.view.mapToScene(p)
            assert math.dist(wall.points[2], (cursor.x(), cursor.y())) < 0.08
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
    assert wall.points[2][0] > 8.5


def test_history_dock_lists_the_undo_steps(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    history = win.history_dock.widget()
    assert history.model().rowCount() == 2  # the clean state and "Place camera"
    assert win.history_dock.toggleViewAction() in win.menus["View"].actions()


def test_analysis_failure_is_reported_and_recovers(make_window, qtbot):
    from siteplanner.app.commands import SetFieldsCommand

    win = make_window(room_plan(cameras=[CAM]))
    wait_analysis(qtbot, win)
    cam = win.doc.plan.levels[0].cameras[0]
    win.doc.undo.push(SetFieldsCommand(win.doc, "Edit model", [(cam, "model", "no-such-model")]))
    qtbot.waitUntil(
        lambda: not win.runner.busy and win.runner.last_error is not None, timeout=20000
    )
    assert "no-such-model" in win.runner.last_error
    assert "failed" in win.analysis_label.text()
    win.doc.undo.undo()
    qtbot.waitUntil(lambda: not win.runner.busy and win.runner.last_error is None, timeout=20000)
    assert "c1" in win.render_data.analysis.cameras


def test_large_level_walls_drawn_in_tiles_and_only_touched_tiles_redrawn(make_window, qtbot):
    from siteplanner.app.commands import SetFieldsCommand

    n, room = 24, 5.0
    walls = [{"points": [[0, j * room], [n * room, j * room]]} for j in range(n + 1)]
    walls += [
        {"points": [[i * room, j * room], [i * room, (j + 1) * room]]}
        for i in range(n + 1)
        for j in range(n)
    ]
    plan = Plan.model_validate({"levels": [{"id": "L1", "walls": walls}]})
    win = make_window(plan)
    wait_walls(qtbot, win)
    tiles = dict(win.scene.wall_tiles)
    assert len(tiles) > 4
    paths = {k: t.path() for k, t in tiles.items()}
    wall = plan.levels[0].walls[-1]  # a short wall in the last column
    moved = [(x + 0.5, y) for x, y in wall.points]
    win.doc.undo.push(SetFieldsCommand(win.doc, "Move", [(wall, "points", moved)]))
    wait_walls(qtbot, win)
    changed = [k for k, t in win.scene.wall_tiles.items() if t.path() != paths.get(k)]
    assert 1 <= len(changed) <= 2
    assert win.scene.wall_path().contains(QPointF(moved[0][0], moved[0][1] + 1.0))


def test_arrow_keys_nudge_the_selection(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    click(win, 2.0, 3.0)
    cam = win.doc.plan.levels[0].cameras[0]
    key(win, Qt.Key.Key_Right)
    key(win, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert cam.position == pytest.approx((2.1, 4.0))
    assert win.scene.item_for(cam).pos().y() == pytest.approx(4.0)
    win.doc.undo.undo()
    assert cam.position == pytest.approx((2.1, 3.0))


def test_window_layout_is_remembered(make_window):
    win = make_window()
    win.restore_layout()
    win.schedule_dock.hide()
    win.close()
    again = make_window()
    assert again.schedule_dock.isVisible()
    again.restore_layout()
    assert not again.schedule_dock.isVisible()


def test_camera_placed_on_a_wall_goes_on_its_face(make_window, qtbot):
    win = make_window(room_plan())
    win.set_tool("camera")
    click(win, 4.0, 0.04)  # on the south wall, just inside the room
    cam = win.doc.plan.levels[0].cameras[0]
    assert cam.position[0] == pytest.approx(4.0, abs=0.02)
    assert cam.position[1] == pytest.approx(0.15, abs=0.01)  # half the thickness + 5 cm
    assert cam.pan_deg == pytest.approx(90.0)  # facing into the room
    wait_analysis(qtbot, win)
    assert not any(f.rule == "CAMERA_INSIDE_WALL" for f in win.render_data.analysis.findings)
    assert win.render_data.analysis.cameras[cam.id].coverage_m2 > 5


def test_wall_tool_snaps_to_endpoints_and_walls_with_its_thickness(make_window):
    win = make_window(room_plan())
    win.options.snap_grid = False
    win.wall_thickness.setValue(0.3)
    win.set_tool("wall")
    port = win.view.viewport()
    # A few pixels off the room's corner and off the middle of its north wall.
    QTest.mouseClick(
        port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(win, 8.0, 6.0) + QPoint(4, -3),
    )
    QTest.mouseClick(
        port,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        vp(win, 3.3, 6.0) + QPoint(0, 5),
    )
    key(win, Qt.Key.Key_Return)
    new = win.doc.plan.levels[0].walls[1]
    assert new.points[0] == pytest.approx((8.0, 6.0))
    assert new.points[1][1] == pytest.approx(6.0)
    assert new.points[1][0] == pytest.approx(3.3, abs=0.05)
    assert new.thickness_m == pytest.approx(0.3)


def test_selected_camera_coverage_is_emphasised_and_described(make_window, qtbot):
    cams = [CAM, {**CAM, "id": "c2", "name": "B", "position": [6.0, 3.0], "pan_deg": 180.0}]
    win = make_window(room_plan(cameras=cams))
    wait_analysis(qtbot, win)
    click(win, 2.0, 3.0)
    cov = win.scene.coverage_items
    assert cov["c1"].emphasis and not cov["c2"].emphasis
    assert "coverage" in win.scene.item_by_id("c1").toolTip()
    click(win, 6.0, 3.0)
    assert cov["c2"].emphasis and not cov["c1"].emphasis


def test_revert_and_open_recent(make_window, tmp_path):
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    win = make_window()
    assert win.file.open_path(path)
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    assert len(win.doc.plan.levels[0].cameras) == 2
    win.actions_by_name["revert"].trigger()
    assert len(win.doc.plan.levels[0].cameras) == 1
    assert not win.isWindowModified()
    win.file.new()
    recent_menu = win.menus["File/recent"]
    recent_menu.aboutToShow.emit()  # filled as it opens
    recent = [a for a in recent_menu.actions() if a.text() == str(path.resolve())]
    assert recent
    recent[0].trigger()
    assert win.doc.path == path.resolve() or win.doc.path == path
    assert [c.id for c in win.doc.plan.levels[0].cameras] == ["c1"]


def test_space_drag_pans(make_window):
    win = make_window(room_plan())
    view, port = win.view, win.view.viewport()
    before = view.mapToScene(port.rect().center())
    QTest.keyPress(view, Qt.Key.Key_Space)
    at = vp(win, 4.0, 3.0)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseMove(port, at + QPoint(0, 80))
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at + QPoint(0, 80)
    )
    QTest.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(port.rect().center())
    # Dragging down moves the drawing down: the view centre goes north (y up in the plan).
    assert after.y() - before.y() == pytest.approx(80 / view.pixels_per_metre, rel=0.1)
    assert win.scene.selected_objects() == []


def test_help_about(make_window):
    from siteplanner import __version__

    win = make_window()
    win.actions_by_name["about"].trigger()
    assert __version__ in win.dialogs.errors[-1][1]
