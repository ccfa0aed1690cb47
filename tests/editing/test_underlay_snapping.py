"""Snapping to the drawing underlay: its endpoints and lines, only on the layers shown."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.editing.snapping import SnapIndexCache, snap_point
from siteplanner.editing.underlay import parse_underlay, with_hidden
from siteplanner.model import Level, Wall

UNDERLAY = {
    "kind": "dxf",
    "layer_roles": {"A-WALL": "wall", "NOTES": "ignore"},
    "layers": {
        "A-WALL": ["0.000,0.000 10.000,0.000 10.000,6.000", "2.000,2.000 2.000,5.000"],
        "NOTES": ["20.000,20.000 25.000,20.000"],
    },
    "texts": [["NOTES", "Lobby", 5.0, 3.0, 0.3], ["bad"]],
}


def level(data=UNDERLAY, walls=()) -> Level:
    lv = Level(id="L1", walls=list(walls))
    lv.underlay = data  # type: ignore[attr-defined]
    return lv


def test_parse_keeps_layers_points_and_texts() -> None:
    u = parse_underlay(UNDERLAY)
    assert list(u.layers) == ["A-WALL", "NOTES"]
    walls = u.layers["A-WALL"]
    assert walls.count == 2 and walls.role == "wall"
    assert [p.tolist() for p in walls.polylines()] == [
        [[0, 0], [10, 0], [10, 6]],
        [[2, 2], [2, 5]],
    ]
    assert u.texts == [("NOTES", "Lobby", 5.0, 3.0, 0.3)]  # the malformed one skipped
    assert u.bounds() == (0.0, 0.0, 25.0, 20.0)
    assert parse_underlay(with_hidden(UNDERLAY, {"NOTES"})).bounds() == (0.0, 0.0, 10.0, 6.0)


def test_malformed_polylines_are_skipped_not_raised() -> None:
    u = parse_underlay({"layers": {"X": ["1,1 2,2", "oops", "3,3 4", 7], "Y": "no list"}})
    assert [p.tolist() for p in u.layers["X"].polylines()] == [[[1, 1], [2, 2]]]
    assert "Y" not in u.layers


def test_snaps_to_underlay_endpoint_then_line() -> None:
    index = SnapIndexCache().get(level())
    hit = snap_point((10.08, 6.05), index, tol=0.2, grid=0.5)
    assert hit.kind == "underlay_vertex" and hit.point == (10.0, 6.0)
    hit = snap_point((4.0, 0.12), index, tol=0.2, grid=0.5)
    assert hit.kind == "underlay" and hit.point == pytest.approx((4.0, 0.0))
    # Beyond the snap distance: the grid.
    assert snap_point((4.0, 0.4), index, tol=0.2, grid=0.5).kind == "grid"


def test_plan_vertices_come_before_the_underlay() -> None:
    wall = Wall(id="w1", points=[(10.05, 6.0), (14.0, 6.0)])
    index = SnapIndexCache().get(level(walls=[wall]))
    hit = snap_point((10.02, 6.0), index, tol=0.2)
    assert hit.kind == "vertex" and hit.obj is wall


def test_hidden_layers_do_not_snap_and_switching_rebuilds() -> None:
    cache = SnapIndexCache()
    lv = level()
    assert cache.get(lv).snap((20.1, 20.0), 0.2) is not None
    lv.underlay = with_hidden(UNDERLAY, {"NOTES"})  # type: ignore[attr-defined]
    cache.edited([lv])
    assert cache.get(lv).snap((20.1, 20.0), 0.2) is None
    assert cache.get(lv).snap((0.1, 0.0), 0.2) is not None


def test_underlay_index_survives_object_edits() -> None:
    cache = SnapIndexCache()
    lv = level()
    first = cache.get(lv).underlay
    lv.walls.append(Wall(id="w9", points=[(30, 30), (31, 30)]))
    cache.edited(None)
    assert cache.get(lv).underlay is first  # not rebuilt for an added wall


@settings(max_examples=60, deadline=None)
@given(st.floats(-5, 15), st.floats(-5, 10))
def test_underlay_snap_is_the_nearest_point_on_its_lines(x: float, y: float) -> None:
    index = SnapIndexCache().get(level(with_hidden(UNDERLAY, {"NOTES"})))
    hit = index.snap((x, y), tol=0.5)
    # Distance to the nearest underlay segment, worked out by hand.
    segs = [((0, 0), (10, 0)), ((10, 0), (10, 6)), ((2, 2), (2, 5))]

    def dist(a, b):
        (ax, ay), (bx, by) = a, b
        t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / math.dist(a, b) ** 2))
        return math.dist((x, y), (ax + t * (bx - ax), ay + t * (by - ay)))

    nearest = min(dist(a, b) for a, b in segs)
    if nearest > 0.5 + 1e-9:
        assert hit is None
    else:
        assert hit is not None
        assert math.dist(hit.point, (x, y)) <= 0.5 + 1e-9
        if hit.kind == "underlay":
            assert math.dist(hit.point, (x, y)) == pytest.approx(nearest, abs=1e-9)
        else:
            assert hit.kind == "underlay_vertex"
