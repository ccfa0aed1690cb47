"""Rotating a selection, duplicating objects and levels, the level below: checked against
analytic values and properties (a turn keeps distances, four quarter turns come back)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from siteplanner.editing.transform import (
    bounds,
    duplicate_level,
    level_below,
    normal_angle,
    rotate_point,
    rotation_changes,
)
from siteplanner.model import Camera, Plan, Sign, Wall, Zone
from siteplanner.model.ids import plan_ids

coord = st.floats(-1000, 1000, allow_nan=False)
point = st.tuples(coord, coord)


@given(point, point, st.floats(-720, 720, allow_nan=False))
def test_rotation_keeps_the_distance_to_the_centre(p, c, angle):
    q = rotate_point(p, c, angle)
    assert math.dist(q, c) == pytest.approx(math.dist(p, c), abs=1e-6)


@given(point, point)
def test_four_quarter_turns_come_back(p, c):
    q = p
    for _ in range(4):
        q = rotate_point(q, c, 90.0)
    assert q == pytest.approx(p, abs=1e-6)


def test_quarter_turn_is_counter_clockwise():
    assert rotate_point((1.0, 0.0), (0.0, 0.0), 90.0) == pytest.approx((0.0, 1.0))
    assert rotate_point((3.0, 2.0), (2.0, 2.0), -90.0) == pytest.approx((2.0, 1.0))


def test_a_camera_turns_in_place_and_its_pan_follows():
    cam = Camera(id="c1", position=(2.0, 3.0), pan_deg=350.0)
    changes = rotation_changes([cam], 20.0)
    assert changes == [(cam, "pan_deg", 10.0)]  # same position: only the pan changes


def test_a_group_turns_about_the_centre_of_its_bounds():
    wall = Wall(points=[(0.0, 0.0), (4.0, 0.0)])
    sign = Sign(position=(4.0, 2.0), facing_deg=90.0)
    assert bounds([wall, sign]) == (0.0, 0.0, 4.0, 2.0)
    changes = {(id(o), f): v for o, f, v in rotation_changes([wall, sign], 180.0)}
    # Centre (2, 1): the wall goes to y = 2 reversed, the sign to (0, 0) facing -90° (270°).
    assert changes[(id(wall), "points")] == [(4.0, 2.0), (0.0, 2.0)]  # rounded to 1e-9 m
    assert changes[(id(sign), "position")] == pytest.approx((0.0, 0.0))
    assert changes[(id(sign), "facing_deg")] == 270.0


@given(st.floats(-1e4, 1e4, allow_nan=False))
def test_normal_angle_is_in_range(a):
    n = normal_angle(a)
    assert 0.0 <= n < 360.0
    assert math.cos(math.radians(n)) == pytest.approx(math.cos(math.radians(a)), abs=1e-6)


def test_zone_area_is_kept_by_a_turn():
    zone = Zone(kind="collection", polygon=[(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (0.0, 1.0)])
    ((_, _, pts),) = rotation_changes([zone], 33.0)

    def area(ps):
        return (
            abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ps, ps[1:] + ps[:1], strict=True)))
            / 2
        )

    assert area(pts) == pytest.approx(3.0)


def plan() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"id": "w1", "points": [[0, 0], [4, 0]]}],
                    "cameras": [
                        {"id": "c1", "name": "CAM-01", "position": [1, 1]},
                        {"id": "c2", "name": "CAM-02", "position": [2, 1]},
                    ],
                    "signs": [{"id": "s1", "position": [0, 1], "covers": ["c1", "c9"]}],
                },
                {"id": "L2", "elevation_m": 3.5, "cameras": [{"id": "c9", "position": [1, 1]}]},
                {"id": "B1", "elevation_m": -3.0},
            ]
        }
    )


def test_duplicate_level_gives_fresh_ids_and_remaps_covers():
    p = plan()
    copy = duplicate_level(p, p.levels[0], "Ground (copy)")
    assert copy.id == "L3" and copy.name == "Ground (copy)"
    assert [c.id for c in copy.cameras] == ["c10", "c11"]  # after the highest, c9
    assert copy.signs[0].covers == ["c10", "c9"]  # c9 is on another level: kept
    assert [c.name for c in copy.cameras] == ["CAM-03", "CAM-04"]  # numbered after the plan's
    assert copy.walls[0].points == p.levels[0].walls[0].points
    assert copy.walls[0] is not p.levels[0].walls[0]
    p.levels.append(copy)
    ids = plan_ids(p)
    assert len(ids) == len(set(ids))
    assert p.levels[0].cameras[0].id == "c1"  # the original untouched


def test_level_below_goes_by_elevation():
    p = plan()
    assert level_below(p, "L2").id == "L1"
    assert level_below(p, "L1").id == "B1"
    assert level_below(p, "B1") is None
    assert level_below(p, "nope") is None
