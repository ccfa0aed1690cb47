"""The tools over the editing layer, driven with the mouse: plan-wide ids on paste, coverage
and finding focus across levels, cameras on wall faces, zones snapped to faces."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from siteplanner.model import Plan
from tests.app.conftest import click, drag, key, vp, wait_analysis

ROOM = [[0.0, 0.0], [8.0, 0.0], [8.0, 6.0], [0.0, 6.0], [0.0, 0.0]]
OPTICS = {
    "height_m": 3.0,
    "tilt_deg": 20.0,
    "hfov_deg": 90.0,
    "vfov_deg": 50.0,
    "resolution": [1920, 1080],
    "range_m": 10.0,
}


def cam(cid: str, x: float, y: float, pan: float = 0.0) -> dict:
    return {"id": cid, "name": cid.upper(), "position": [x, y], "pan_deg": pan, **OPTICS}


def two_level_plan() -> Plan:
    return Plan.model_validate(
        {
            "name": "Two floors",
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"id": "w1", "points": ROOM}],
                    "cameras": [cam("c1", 2, 3), cam("c2", 3, 3)],
                    "signs": [{"id": "s1", "position": [2.5, 4.0], "covers": ["c1", "c2"]}],
                },
                {
                    "id": "L2",
                    "walls": [{"id": "w2", "points": ROOM}],
                    # c5 stands inside the south wall: CAMERA_INSIDE_WALL on the upper floor.
                    "cameras": [cam("c3", 2, 3), cam("c4", 6, 3, 180), cam("c5", 5, 0.0, 90)],
                },
            ],
        }
    )


def test_paste_twice_gives_fresh_plan_wide_ids_and_remaps_covers(make_window):
    win = make_window(two_level_plan())
    level = win.doc.plan.levels[0]
    drag(win, (1.5, 4.5), (3.5, 2.5))  # a box round c1, c2 and the sign
    chosen = sorted(o.id for _, o in win.scene.selected_objects())
    assert chosen == ["c1", "c2", "s1"]
    QTest.keyClick(win.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(win.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # c3..c5 are on the other level: the pastes continue after them.
    assert [c.id for c in level.cameras] == ["c1", "c2", "c6", "c7", "c8", "c9"]
    # Each pasted sign covers the copies pasted with it (whichever copy got which number),
    # one metre east and south of the originals.
    copies = {c.id: c.position for c in level.cameras}
    assert [s.id for s in level.signs] == ["s1", "s2", "s3"]
    for sign, shift in zip(level.signs, (0.0, 1.0, 1.0), strict=True):
        covered = sorted(copies[c] for c in sign.covers)
        assert covered == [(2 + shift, 3 - shift), (3 + shift, 3 - shift)]
    assert set(level.signs[1].covers) == {"c6", "c7"}
    assert set(level.signs[2].covers) == {"c8", "c9"}
    ids = [o.id for lv in win.doc.plan.levels for _, o in _objects(lv)]
    assert len(ids) == len(set(ids))
    # The second paste is what is selected, drawn where it was pasted.
    assert sorted(o.id for _, o in win.scene.selected_objects()) == ["c8", "c9", "s3"]
    c8 = win.doc.find("c8").obj
    assert win.scene.item_for(c8).pos().x() == pytest.approx(c8.position[0])
    win.doc.undo.undo()
    assert [c.id for c in level.cameras] == ["c1", "c2", "c6", "c7"]


def _objects(level):
    from siteplanner.editing.registry import level_objects

    return list(level_objects(level))


def test_second_level_camera_coverage_and_finding_focus(make_window, qtbot):
    win = make_window(two_level_plan())
    wait_analysis(qtbot, win)
    assert sorted(win.scene.coverage_items) == ["c1", "c2"]
    panel = win.findings_panel
    row = next(
        panel.topLevelItem(i)
        for i in range(panel.topLevelItemCount())
        if panel.topLevelItem(i).text(panel.RULE) == "CAMERA_INSIDE_WALL"
    )
    panel.scrollToItem(row)
    QTest.mouseClick(
        panel.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        panel.visualItemRect(row).center(),
    )
    # The finding is about the upper floor's c5: that level is shown, c5 selected.
    assert win.scene.level_id == "L2"
    assert [o.id for _, o in win.scene.selected_objects()] == ["c5"]
    # Every camera of the level shown has its coverage drawn, east or west as it looks.
    assert sorted(win.scene.coverage_items) == ["c3", "c4", "c5"]
    c3 = win.scene.coverage_items["c3"].boundingRect()
    c4 = win.scene.coverage_items["c4"].boundingRect()
    assert c3.center().x() > 2.0 and c4.center().x() < 6.0
    assert win.doc.find("c4") == (
        win.doc.plan.levels[1],
        "cameras",
        win.doc.plan.levels[1].cameras[1],
    )
    assert win.doc.find("c4", "L1") is None


def test_camera_clicked_in_front_of_a_wall_or_in_a_corner_mounts_on_the_face(make_window, qtbot):
    win = make_window(
        Plan.model_validate({"levels": [{"id": "L1", "walls": [{"id": "w1", "points": ROOM}]}]})
    )
    win.view.fit(QRectF(-1, -1, 10, 8))
    assert 10 / win.view.pixels_per_metre > 0.09  # the snap distance reaches 9 cm
    win.set_tool("camera")
    click(win, 4.0, 0.18)  # 8 cm in front of the south wall's inside face
    click(win, 0.07, 0.07)  # in the south-west corner of the walls
    click(win, 4.0, 3.0)  # in the open
    a, b, c = win.doc.plan.levels[0].cameras
    # Along the wall where the click was (to the pixel), across it 5 cm in front of the face.
    assert a.position[0] == pytest.approx(4.0, abs=0.02) and a.position[1] == pytest.approx(0.15)
    assert a.pan_deg == pytest.approx(90.0)
    assert b.position == pytest.approx((0.15, 0.15)) and b.pan_deg == pytest.approx(45.0)
    assert c.position == pytest.approx((4.0, 3.0)) and c.pan_deg == 0.0
    assert [x.id for x in (a, b, c)] == ["c1", "c2", "c3"]
    wait_analysis(qtbot, win)
    assert not any(f.rule == "CAMERA_INSIDE_WALL" for f in win.render_data.analysis.findings)
    # The corner camera sees along the room's diagonal.
    cov = win.scene.coverage_items["c2"].boundingRect()
    assert cov.center().x() > 1.0 and cov.center().y() > 1.0


def test_zone_tool_snaps_to_the_inside_faces_of_the_walls(make_window):
    win = make_window(
        Plan.model_validate({"levels": [{"id": "L1", "walls": [{"id": "w1", "points": ROOM}]}]})
    )
    win.options.snap_grid = False
    win.set_tool("zone")
    for x, y in [(0.13, 0.12), (7.87, 0.13), (7.88, 5.86), (0.12, 5.87)]:
        click(win, x, y)
    key(win, Qt.Key.Key_Return)
    zone = win.doc.plan.levels[0].zones[0]
    assert [tuple(p) for p in zone.polygon] == [
        pytest.approx(p) for p in [(0.1, 0.1), (7.9, 0.1), (7.9, 5.9), (0.1, 5.9)]
    ]
    assert zone.id == "z1"


def test_snapping_follows_a_moved_vertex(make_window):
    win = make_window(
        Plan.model_validate({"levels": [{"id": "L1", "walls": [{"id": "w1", "points": ROOM}]}]})
    )
    click(win, 4.0, 0.0)
    drag(win, (8.0, 6.0), (9.0, 7.0))
    wall = win.doc.plan.levels[0].walls[0]
    assert tuple(wall.points[2]) == pytest.approx((9.0, 7.0))
    win.options.snap_grid = False
    win.set_tool("wall")
    port = win.view.viewport()
    # A few pixels off the moved corner: on it. Off the old corner: nothing there now.
    for target in [(9.0, 7.0), (8.0, 6.6)]:
        QTest.mouseClick(
            port,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            vp(win, *target) + QPoint(3, -2),
        )
    key(win, Qt.Key.Key_Return)
    new = win.doc.plan.levels[0].walls[1]
    assert new.points[0] == pytest.approx((9.0, 7.0))
    assert math.dist(new.points[1], (8.0, 6.6)) < 0.1 and new.points[1] != pytest.approx((8.0, 6.0))
    assert new.id == "w2"


def test_adding_objects_keeps_ids_unique_across_the_plan(qtbot):
    from siteplanner.app.commands import AddObjectsCommand
    from siteplanner.app.document import Document
    from siteplanner.model import Camera, Wall

    doc = Document(two_level_plan())
    upper = doc.plan.levels[1]
    # c1 lives on the other level: refused, and nothing changed.
    clash = Camera.model_validate(cam("c1", 1, 1))
    with pytest.raises(ValueError, match="'c1' is already in the plan"):
        AddObjectsCommand(doc, "add", upper, [("cameras", clash)])
    twins = [Camera.model_validate(cam("c9", 1, 1)), Camera.model_validate(cam("c9", 2, 2))]
    with pytest.raises(ValueError, match="'c9'"):
        AddObjectsCommand(doc, "add", upper, [("cameras", c) for c in twins])
    with pytest.raises(ValueError, match="does not belong in walls"):
        AddObjectsCommand(doc, "add", upper, [("walls", twins[0])])
    assert doc.undo.count() == 0 and [c.id for c in upper.cameras] == ["c3", "c4", "c5"]
    # Objects without an id get fresh ones.
    wall = Wall(points=[(0, 0), (1, 0)])
    anon = Camera.model_validate({k: v for k, v in cam("", 1, 1).items() if k != "id"})
    doc.undo.push(AddObjectsCommand(doc, "add", upper, [("walls", wall), ("cameras", anon)]))
    assert (wall.id, anon.id) == ("w3", "c6")
    assert upper.cameras[-1] is anon
