"""Snapping without Qt: vertices, wall centre lines and faces, the grid and the 45° rays."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.editing.snapping import (
    SnapIndex,
    SnapIndexCache,
    constrain_angle,
    direction_deg,
    grid_offset,
    snap_point,
    snap_to_grid,
)
from siteplanner.model import Level, Plan

ROOM = [(0.0, 0.0), (8.0, 0.0), (8.0, 6.0), (0.0, 6.0), (0.0, 0.0)]


def level(**lists) -> Level:
    return Plan.model_validate({"levels": [{"id": "L1", **lists}]}).levels[0]


def room() -> Level:
    return level(
        walls=[{"id": "w1", "points": ROOM, "thickness_m": 0.2}],
        zones=[{"id": "z1", "kind": "private", "polygon": [[2, 2], [4, 2], [4, 4], [2, 4]]}],
    )


def test_vertex_before_wall_before_grid():
    lv = room()
    index = SnapIndex(lv)
    # Near the zone's corner: the corner, even though the grid point is nearer.
    hit = snap_point((2.04, 1.97), index, 0.1, grid=0.1)
    assert (hit.point, hit.kind, hit.obj) == ((2.0, 2.0), "vertex", lv.zones[0])
    # Near the wall's corner vertex.
    assert snap_point((7.93, 6.05), index, 0.1).point == (8.0, 6.0)
    # Near the middle of the south wall: onto its centre line, at the foot of the click.
    hit = snap_point((3.33, 0.07), index, 0.1, grid=0.1)
    assert hit.kind == "wall" and hit.point == pytest.approx((3.33, 0.0))
    # Nothing near: the grid.
    hit = snap_point((5.04, 3.26), index, 0.1, grid=0.1)
    assert hit.kind == "grid" and hit.point == (5.0, 3.3)
    assert snap_point((5.04, 3.26), index, 0.1).kind == "free"


def test_faces_when_asked():
    index = SnapIndex(room())
    # 9 cm in from the south wall's centre line: the inside face is 1 cm away.
    hit = index.snap((3.0, 0.09), 0.1, faces=True)
    assert hit.kind == "face" and hit.point == pytest.approx((3.0, 0.1))
    assert index.snap((3.0, 0.09), 0.1).point == pytest.approx((3.0, 0.0))
    # The room's inside corner is a corner of the (mitred) wall solid.
    hit = index.snap((0.13, 0.08), 0.1, faces=True)
    assert hit.kind == "face_vertex" and hit.point == pytest.approx((0.1, 0.1))
    hit = index.snap((8.13, 6.08), 0.1, faces=True)
    assert hit.kind == "face_vertex" and hit.point == pytest.approx((8.1, 6.1))


def test_skip_ignores_the_object_being_dragged():
    lv = room()
    index = SnapIndex(lv)
    wall = lv.walls[0]
    assert index.snap((8.02, 0.01), 0.1, skip=wall) is None
    assert index.snap((2.02, 2.01), 0.1, skip=wall).obj is lv.zones[0]


def test_edited_objects_are_seen_where_they_are_now():
    lv = level(
        walls=[{"id": "w1", "points": [[0, 0], [4, 0]]}, {"id": "w2", "points": [[0, 5], [4, 5]]}]
    )
    cache = SnapIndexCache()
    index = cache.get(lv)
    lv.walls[0].points = [(0.0, 2.0), (4.0, 2.0)]
    cache.edited([lv.walls[0]])
    assert cache.get(lv) is index  # not rebuilt for a drag step
    assert index.snap((1.0, 0.05), 0.1) is None  # where the wall was
    hit = index.snap((1.0, 2.05), 0.1)
    assert hit.point == pytest.approx((1.0, 2.0)) and hit.obj is lv.walls[0]
    assert index.snap((4.03, 2.0), 0.1).kind == "vertex"
    assert index.nearest_wall((2.0, 2.05), 0.0).wall is lv.walls[0]
    assert index.walls_near((2.0, 0.0), 0.5) == []
    # A wall added and one removed: seen at once, without a rebuild.
    added = lv.walls[1].model_copy(update={"id": "w3", "points": [(9, 9), (9, 12)]})
    lv.walls.append(added)
    removed = lv.walls.pop(1)
    cache.edited(None)
    assert cache.get(lv) is index
    assert index.snap((9.02, 10.0), 0.1).obj is added
    assert index.snap((9.2, 10.0), 0.1, faces=True).kind == "face"
    assert index.nearest_wall((9.05, 11.0), 0.0).wall is added
    assert index.snap((2.0, 5.05), 0.1) is None and index.walls_near((2.0, 5.0), 0.5) == []
    # Put back (an undo): found again.
    lv.walls.insert(1, removed)
    cache.edited(None)
    assert cache.get(lv).snap((2.0, 5.05), 0.1).obj is removed
    # Past the limit, a new index.
    lv.walls.extend(
        added.model_copy(update={"id": f"x{i}", "points": [(20, i), (21, i)]}) for i in range(70)
    )
    cache.edited(None)
    fresh = cache.get(lv)
    assert fresh is not index and fresh.snap((20.5, 69.02), 0.1).obj.id == "x69"
    assert fresh.snap((9.02, 10.0), 0.1).obj is added


def test_nearest_wall_counts_the_whole_thickness():
    lv = level(walls=[{"id": "w1", "points": [[0, 0], [10, 0]], "thickness_m": 0.6}])
    index = SnapIndex(lv)
    hit = index.nearest_wall((4.0, 0.25), 0.0)
    assert hit is not None and hit.point == pytest.approx((4.0, 0.0))
    assert hit.distance == pytest.approx(0.25)
    assert (hit.a, hit.b) == ((0.0, 0.0), (10.0, 0.0))
    assert index.nearest_wall((4.0, 0.35), 0.0) is None
    assert index.nearest_wall((4.0, 0.35), 0.1) is None  # the larger of the two, not their sum
    assert index.nearest_wall((4.0, 0.35), 0.4) is not None


def test_grid_and_drag_offsets():
    assert snap_to_grid((1.26, -0.74), 0.5) == (1.5, -0.5)
    assert grid_offset(0.26, 0.13, 0.1) == pytest.approx((0.3, 0.1))
    assert grid_offset(0.26, 0.13, 0.1, lock_axis=True) == pytest.approx((0.3, 0.0))
    assert grid_offset(0.06, -0.31, None, lock_axis=True) == (0.0, -0.31)
    assert direction_deg((1, 1), (2, 2)) == 45.0
    assert direction_deg((0, 0), (-1, 0.3), 45.0) == 180.0


coord = st.floats(min_value=-50, max_value=50, allow_nan=False)


@settings(max_examples=100, deadline=None)
@given(coord, coord, coord, coord)
def test_constrained_point_lies_on_a_45_degree_ray_at_the_projected_length(ax, ay, px, py):
    anchor, p = (ax, ay), (px, py)
    if math.dist(anchor, p) < 1e-3:
        return
    q = constrain_angle(anchor, p)
    length = math.dist(anchor, q)
    if length > 1e-6:
        ang = math.degrees(math.atan2(q[1] - ay, q[0] - ax))
        # q is rounded to 1e-6 m: on a short ray that turns its direction by up to ~1e-6/length.
        slack = math.degrees(1e-6 / length)
        assert abs(ang - 45 * round(ang / 45)) <= 45e-4 + slack
        # The ray is the one nearest the cursor's direction: within 22.5°.
        cursor = math.degrees(math.atan2(py - ay, px - ax))
        assert abs((ang - cursor + 180) % 360 - 180) <= 22.5 + 1e-6 + slack
    # q is the foot of the perpendicular from the cursor onto that ray.
    rays = [math.radians(45 * k) for k in range(8)]
    best = min(
        rays,
        key=lambda r: abs((math.atan2(py - ay, px - ax) - r + math.pi) % (2 * math.pi) - math.pi),
    )
    u = (math.cos(best), math.sin(best))
    proj = (px - ax) * u[0] + (py - ay) * u[1]
    assert q == pytest.approx((ax + u[0] * proj, ay + u[1] * proj), abs=1e-5)


@settings(max_examples=100, deadline=None)
@given(coord, coord, st.sampled_from([0.05, 0.1, 0.25, 1.0]))
def test_grid_snap_is_the_nearest_grid_point(x, y, step):
    gx, gy = snap_to_grid((x, y), step)
    assert abs(gx - x) <= step / 2 + 1e-6 and abs(gy - y) <= step / 2 + 1e-6
    assert abs(gx / step - round(gx / step)) < 1e-6 and abs(gy / step - round(gy / step)) < 1e-6
