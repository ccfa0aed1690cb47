"""Typed length and angle while drawing a wall (keys on the canvas, shown beside the cursor),
and an opening's width in the properties panel."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from siteplanner.model import Plan
from tests.app.conftest import click, key, vp, wait_analysis


def empty() -> Plan:
    return Plan.model_validate({"levels": [{"id": "L1"}]})


def hover(win, x: float, y: float) -> None:
    QTest.mouseMove(win.view.viewport(), vp(win, x, y))


def type_text(win, text: str) -> None:
    QTest.keyClicks(win.view, text)


def test_typed_length_along_the_cursor_then_typed_angle(make_window):
    win = make_window(empty())
    win.options.snap_grid = False
    win.set_tool("wall")
    click(win, 0.0, 0.0)
    hover(win, 3.0, 4.0)  # the direction (0.6, 0.8)
    type_text(win, "2.5")
    tool = win.tool
    assert tool.overlay is not None and tool.overlay.isVisible()
    assert "2.5" in tool.overlay.text()
    # The preview already ends at the typed length.
    end = tool.preview.path().elementAt(1)  # moveTo the first point, lineTo the next
    assert math.dist((0, 0), (end.x, end.y)) == pytest.approx(2.5, abs=1e-6)
    key(win, Qt.Key.Key_Return)
    assert tool.points[-1] == pytest.approx((1.5, 2.0), abs=0.02)  # 2.5 m toward the cursor
    assert not tool.overlay.isVisible()
    # Tab switches to the angle; both typed: the next point is exact.
    type_text(win, "4")
    key(win, Qt.Key.Key_Tab)
    assert win.view.hasFocus()  # Tab did not leave the canvas
    type_text(win, "-90")
    assert "-90" in tool.overlay.text()
    key(win, Qt.Key.Key_Return)
    x1, y1 = tool.points[1]
    assert tool.points[2] == pytest.approx((x1, y1 - 4.0), abs=1e-6)
    key(win, Qt.Key.Key_Return)  # nothing typed: Enter finishes the wall
    walls = win.doc.plan.levels[0].walls
    assert len(walls) == 1 and len(walls[0].points) == 3
    assert math.dist(walls[0].points[1], walls[0].points[2]) == pytest.approx(4.0)
    assert win.doc.undo.count() == 1


def test_less_than_sign_types_the_angle_and_backspace_edits(make_window):
    win = make_window(empty())
    win.set_tool("wall")
    click(win, 1.0, 1.0)
    hover(win, 5.0, 1.0)
    type_text(win, "<45")
    assert win.tool.field == "angle" and win.tool.typed["angle"] == "45"
    type_text(win, "9")
    key(win, Qt.Key.Key_Backspace)
    assert win.tool.typed["angle"] == "45"
    key(win, Qt.Key.Key_Return)  # no length: as far as the cursor (4 m), at 45°
    p = win.tool.points[-1]
    assert p == pytest.approx((1 + 4 / math.sqrt(2), 1 + 4 / math.sqrt(2)), abs=0.05)
    key(win, Qt.Key.Key_Escape)


def test_typed_length_is_in_the_display_units_and_bad_text_is_refused(make_window):
    win = make_window(empty())
    win.state.set_unit_style("ft")
    win.set_tool("wall")
    click(win, 0.0, 0.0)
    hover(win, 5.0, 0.0)
    type_text(win, "10")
    assert "ft" in win.tool.overlay.text()
    key(win, Qt.Key.Key_Return)
    assert win.tool.points[-1] == pytest.approx((3.048, 0.0), abs=1e-6)  # 10 ft
    type_text(win, "1-2")
    key(win, Qt.Key.Key_Return)
    assert len(win.tool.points) == 2  # not a length: nothing placed
    assert "1-2" in win.statusBar().currentMessage()
    key(win, Qt.Key.Key_Escape)  # clears what was typed, keeps the points
    assert win.tool.typed["length"] == "" and len(win.tool.points) == 2


def test_opening_width_is_edited_about_its_centre(make_window):
    plan = Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"points": [[0, 0], [8, 0]]}],
                    "openings": [{"id": "o1", "kind": "door", "points": [[3, 0], [4, 0]]}],
                }
            ]
        }
    )
    win = make_window(plan)
    click(win, 3.5, 0.0)
    panel = win.properties_panel
    width = panel.editors["width_m"]
    assert width.text() == "1"
    assert "wall" in panel.editors["depth_m"].toolTip()  # Depth explained
    width.selectAll()
    QTest.keyClicks(width, "1.6")
    QTest.keyClick(width, Qt.Key.Key_Return)
    op = win.doc.plan.levels[0].openings[0]
    assert op.points == [(2.7, 0.0), (4.3, 0.0)]
    assert win.doc.undo.count() == 1
    item = win.scene.item_for(op)
    assert item.sceneBoundingRect().width() == pytest.approx(1.6, abs=0.05)  # drawn wider
    width.selectAll()
    QTest.keyClicks(width, "0")
    QTest.keyClick(width, Qt.Key.Key_Return)
    assert op.points == [(2.7, 0.0), (4.3, 0.0)]  # refused, with a message
    assert "width_m" in panel.error.text()
    win.doc.undo.undo()
    assert op.points == [(3.0, 0.0), (4.0, 0.0)]


def test_window_sill_height_is_edited_and_hides_what_is_below_it(make_window, qtbot):
    # A camera 3 m up looks through a window in a wall at x = 2 onto the ground beyond it.
    plan = Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"points": [[2, -5], [2, 5]], "thickness_m": 0.2}],
                    "openings": [{"id": "g1", "kind": "window", "points": [[2, -1], [2, 1]]}],
                    "cameras": [
                        {
                            "id": "c1",
                            "position": [0, 0],
                            "height_m": 3.0,
                            "tilt_deg": 30,
                            "hfov_deg": 60,
                            "vfov_deg": 90,
                            "resolution": [1920, 1080],
                            "range_m": 10,
                        }
                    ],
                }
            ]
        }
    )
    win = make_window(plan)
    wait_analysis(qtbot, win)
    before = win.render_data.analysis.cameras["c1"].coverage_m2
    click(win, 2.0, 0.5)
    panel = win.properties_panel
    sill = panel.editors["sill_height_m"]
    assert sill.text() == "0"
    assert "sill" in sill.toolTip()
    sill.selectAll()
    QTest.keyClicks(sill, "2.3")
    QTest.keyClick(sill, Qt.Key.Key_Return)
    op = win.doc.plan.levels[0].openings[0]
    assert op.sill_height_m == pytest.approx(2.3)
    assert win.doc.undo.count() == 1
    qtbot.waitUntil(
        lambda: win.render_data.analysis.cameras["c1"].coverage_m2 < before - 0.5, timeout=30000
    )
    win.doc.undo.undo()
    assert op.sill_height_m == 0.0
