"""New objects: a camera on a wall's face, an opening on a wall, zones, cameras, signs."""

from __future__ import annotations

import math

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.editing import factories
from siteplanner.editing.defaults import DEFAULTS
from siteplanner.editing.snapping import SnapIndex
from siteplanner.geometry.walls import wall_solids
from siteplanner.model import Plan
from siteplanner.model.ids import IdAllocator

OFF = DEFAULTS.camera_wall_offset_m
ROOM = [(0.0, 0.0), (8.0, 0.0), (8.0, 6.0), (0.0, 6.0), (0.0, 0.0)]


def plan_with(**lists) -> Plan:
    return Plan.model_validate({"levels": [{"id": "L1", **lists}]})


def flat(points) -> list[float]:
    return [v for p in points for v in p]


def angle_diff(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def clearance(level, p) -> float:
    """Distance from ``p`` to the nearest wall solid (0 inside one)."""
    return float(shapely.distance(shapely.union_all(wall_solids(level.walls)), shapely.Point(p)))


@settings(max_examples=40, deadline=None)
@given(
    phi=st.floats(min_value=-180, max_value=180),
    thickness=st.floats(min_value=0.05, max_value=0.6),
    along=st.floats(min_value=2.0, max_value=8.0),
    side=st.sampled_from([-1.0, 1.0]),
    lateral=st.floats(min_value=0.02, max_value=0.98),
)
def test_camera_on_a_straight_wall_at_any_angle(phi, thickness, along, side, lateral):
    ux, uy = math.cos(math.radians(phi)), math.sin(math.radians(phi))
    nx, ny = -uy, ux
    plan = plan_with(walls=[{"points": [[0, 0], [10 * ux, 10 * uy]], "thickness_m": thickness}])
    level = plan.levels[0]
    tol = 0.25
    # From inside the wall to a snap distance in front of its face, on either side.
    d = side * lateral * (thickness / 2 + tol)
    click = (along * ux + d * nx, along * uy + d * ny)
    mount = factories.wall_mount(SnapIndex(level), click, tol)
    assert mount is not None
    expect = thickness / 2 + OFF
    assert mount.position == pytest.approx(
        (along * ux + side * expect * nx, along * uy + side * expect * ny), abs=1e-6
    )
    facing = math.degrees(math.atan2(side * ny, side * nx))
    assert angle_diff(mount.pan_deg, facing) < 1e-6
    assert clearance(level, mount.position) == pytest.approx(OFF, abs=1e-6)


def test_no_mount_away_from_walls():
    level = plan_with(walls=[{"points": ROOM}]).levels[0]
    assert factories.wall_mount(SnapIndex(level), (4.0, 3.0), 0.25) is None
    assert factories.wall_mount(SnapIndex(level), (4.0, 0.4), 0.25) is None
    assert factories.wall_mount(SnapIndex(level), (4.0, 0.34), 0.25) is not None


@pytest.mark.parametrize(
    "walls",
    [
        [{"points": ROOM}],  # one closed polyline: mitred inside corners
        [{"points": [a, b]} for a, b in zip(ROOM, ROOM[1:], strict=False)],  # four walls
    ],
    ids=["closed", "four-walls"],
)
def test_camera_in_a_room_corner_stands_off_both_faces_facing_the_bisector(walls):
    level = plan_with(walls=walls).levels[0]
    index = SnapIndex(level)
    corners = {
        # In the walls, nearer the inside corner than the outside one.
        (0.07, 0.07): ((0.15, 0.15), 45.0),
        (7.93, 0.07): ((7.85, 0.15), 135.0),
        (7.97, 5.9): ((7.85, 5.85), -135.0),
        (0.12, 5.88): ((0.15, 5.85), -45.0),  # in front of both faces
    }
    for click, (pos, pan) in corners.items():
        mount = factories.wall_mount(index, click, 0.25)
        assert mount is not None
        assert mount.position == pytest.approx(pos, abs=1e-9)
        assert angle_diff(mount.pan_deg, pan) < 1e-6
        assert clearance(level, mount.position) == pytest.approx(OFF, abs=1e-9)
    # Mid-wall, from inside the room and from outside.
    mount = factories.wall_mount(index, (7.98, 3.0), 0.25)
    assert mount.position == pytest.approx((7.85, 3.0)) and angle_diff(mount.pan_deg, 180) < 1e-9
    mount = factories.wall_mount(index, (8.2, 3.0), 0.25)
    assert mount.position == pytest.approx((8.15, 3.0)) and angle_diff(mount.pan_deg, 0) < 1e-9


@pytest.mark.parametrize("theta", [45.0, 60.0, 90.0, 135.0])
def test_camera_in_a_mitred_bend_sits_on_the_bisector(theta):
    t = 0.2
    c, s = math.cos(math.radians(theta)), math.sin(math.radians(theta))
    level = plan_with(walls=[{"points": [[10, 0], [0, 0], [10 * c, 10 * s]], "thickness_m": t}])
    level = level.levels[0]
    half = math.radians(theta / 2)
    bis = (math.cos(half), math.sin(half))
    for depth in (0.9 * t / 2, t / 2 + OFF / 2):  # just inside the inner face, just in front
        r = depth / math.sin(half)
        mount = factories.wall_mount(SnapIndex(level), (r * bis[0], r * bis[1]), 0.25)
        assert mount is not None
        expect = (t / 2 + OFF) / math.sin(half)
        assert mount.position == pytest.approx((expect * bis[0], expect * bis[1]), abs=1e-9)
        assert angle_diff(mount.pan_deg, theta / 2) < 1e-6
        assert clearance(level, mount.position) == pytest.approx(OFF, abs=1e-9)


def test_opening_on_a_wall_centred_kept_on_its_segment_and_through_the_wall():
    plan = plan_with(
        walls=[
            {"id": "w1", "points": [[0, 0], [10, 0], [10, 0.5]]},
            {"id": "w2", "points": [[0, 5], [10, 5]], "thickness_m": 0.8},
        ]
    )
    level = plan.levels[0]
    index = SnapIndex(level)
    ids = IdAllocator.for_plan(plan)
    door = factories.opening_on_wall(ids, index.nearest_wall((5.0, 0.05), 0.1))
    assert (door.id, door.kind) == ("o1", "door")
    assert flat(door.points) == pytest.approx([4.55, 0.0, 5.45, 0.0])
    assert door.depth_m == pytest.approx(0.6)
    # Near the end of the segment: kept whole on it.
    window = factories.opening_on_wall(ids, index.nearest_wall((0.1, 0.0), 0.1), "window")
    assert (window.id, window.kind) == ("o2", "window")
    assert flat(window.points) == pytest.approx([0.0, 0.0, 1.2, 0.0])
    # A segment shorter than a door: as wide as the segment.
    short = factories.opening_on_wall(ids, index.nearest_wall((10.0, 0.3), 0.1))
    assert flat(short.points) == pytest.approx([10.0, 0.0, 10.0, 0.5])
    # Through a thick wall, with a margin.
    thick = factories.opening_on_wall(ids, index.nearest_wall((3.0, 5.2), 0.1))
    assert thick.depth_m == pytest.approx(0.9)


def test_zone_camera_sign_and_their_defaults():
    plan = Plan.model_validate(
        {
            "levels": [
                {"id": "L1", "zones": [{"id": "z3", "kind": "private", "polygon": ROOM[:4]}]},
                {"id": "L2"},
            ]
        }
    )
    ids = IdAllocator.for_plan(plan)
    rect = factories.rectangle((1, 1), (3, 4))
    assert rect == [(1, 1), (3, 1), (3, 4), (1, 4)]
    assert factories.rectangle((1, 1), (3, 1)) is None
    private = factories.new_zone(plan, ids, "private", rect)
    assert (private.id, private.name, private.private_type) == ("z4", "Private 2", "restroom")
    coll = factories.new_zone(plan, ids, "collection", rect)
    assert (coll.name, coll.place, coll.required_dori) == ("Collection 1", "public", "observation")
    cam = factories.new_camera(plan, ids, (1.23456, 2.0), 33.333)
    assert (cam.id, cam.name, cam.position, cam.pan_deg) == ("c1", "CAM-01", (1.235, 2.0), 33.3)
    assert (cam.model, cam.hfov_deg, cam.resolution) == (None, 90.0, (1920, 1080))
    assert (cam.height_m, cam.tilt_deg, cam.purpose) == (3.0, 20.0, "public_safety")
    plan.levels[1].cameras.append(cam)
    plan.camera_models = [{"id": "dome", "hfov_deg": 100, "vfov_deg": 56}]
    other = factories.new_camera(plan, ids, (0, 0))
    assert (other.id, other.name, other.model, other.hfov_deg) == ("c2", "CAM-02", "dome", None)
    plan.levels[1].cameras.append(other)
    sign = factories.new_sign(plan.levels[1], ids, (0.5, 0.5))
    assert (sign.id, sign.covers) == ("s1", ["c2"])
    assert factories.new_sign(plan.levels[0], ids, (0, 0)).covers == []
    wall = factories.new_wall(ids, [(0, 0), (1, 0)])
    assert (wall.id, wall.thickness_m) == ("w1", DEFAULTS.wall_thickness_m)
    ob = factories.new_obstacle(ids, rect, 2.0)
    assert (ob.id, ob.height_m) == ("ob1", 2.0)


@settings(max_examples=40, deadline=None)
@given(
    thickness=st.floats(min_value=0.05, max_value=0.5),
    spacing=st.floats(min_value=0.3, max_value=4.0),
    bend=st.floats(min_value=30.0, max_value=150.0),
)
def test_mounts_along_the_walls_stand_off_every_face_facing_away(thickness, spacing, bend):
    c, s = math.cos(math.radians(bend)), math.sin(math.radians(bend))
    plan = plan_with(
        walls=[
            {"points": ROOM, "thickness_m": thickness},
            {"points": [[12, 0], [16, 0], [16 + 4 * c, 4 * s]], "thickness_m": thickness},
        ]
    )
    level = plan.levels[0]
    mounts = factories.wall_mounts(level.walls, spacing)
    solid = shapely.union_all(wall_solids(level.walls))
    for m in mounts:
        here = shapely.Point(m.position)
        assert float(shapely.distance(solid, here)) >= OFF - 1e-9
        # Facing away from the nearest point of the walls (in a narrow bend, towards the
        # other arm is still away from this one).
        foot = shapely.get_coordinates(shapely.shortest_line(solid, here))[0]
        away = (m.position[0] - foot[0], m.position[1] - foot[1])
        pan = math.radians(m.pan_deg)
        assert math.cos(pan) * away[0] + math.sin(pan) * away[1] > 0
    # The room's inside corners are among them, on their bisectors.
    inside = thickness / 2 + OFF
    for corner, pan in [((inside, inside), 45.0), ((8 - inside, 6 - inside), -135.0)]:
        assert any(
            math.dist(m.position, corner) < 1e-9 and angle_diff(m.pan_deg, pan) < 1e-6
            for m in mounts
        )
    # Along the inside of the room's south wall, no gap wider than the spacing.
    south = sorted(
        x for (x, y) in (m.position for m in mounts) if abs(y - inside) < 1e-9 and 0 < x < 8
    )
    gaps = [b - a for a, b in zip(south, south[1:], strict=False)]
    assert south[0] == pytest.approx(inside) and south[-1] == pytest.approx(8 - inside)
    assert max(gaps) <= spacing + 1e-9


def test_no_mounts_without_walls_and_bad_arguments_refused():
    assert factories.wall_mounts([], 1.0) == []
    walls = plan_with(walls=[{"points": ROOM}]).levels[0].walls
    with pytest.raises(ValueError):
        factories.wall_mounts(walls, 0.0)
    with pytest.raises(ValueError):
        factories.wall_mounts(walls, 1.0, offset_m=0.0)


def test_camera_between_two_separate_walls_goes_on_the_nearer_face():
    # Two walls 0.6 m apart: both are near the click, their solids do not touch.
    level = plan_with(
        walls=[{"points": [[0, 0], [10, 0]]}, {"points": [[0, 0.6], [10, 0.6]]}]
    ).levels[0]
    mount = factories.wall_mount(SnapIndex(level), (5.0, 0.2), 0.25)
    assert mount.position == pytest.approx((5.0, 0.15)) and angle_diff(mount.pan_deg, 90) < 1e-9
    mount = factories.wall_mount(SnapIndex(level), (5.0, 0.42), 0.25)
    assert mount.position == pytest.approx((5.0, 0.45)) and angle_diff(mount.pan_deg, -90) < 1e-9


def test_camera_between_two_walls_0_8_m_apart_goes_on_the_nearer_face():
    # Two walls whose solids do not touch: their union is a MultiPolygon, not one polygon.
    plan = plan_with(
        walls=[
            {"points": [[0, 0], [4, 0]], "thickness_m": 0.2},
            {"points": [[0, 0.8], [4, 0.8]], "thickness_m": 0.2},
        ]
    )
    mount = factories.wall_mount(SnapIndex(plan.levels[0]), (2.0, 0.25), 0.25)
    assert mount is not None
    assert mount.position == pytest.approx((2.0, 0.1 + OFF), abs=1e-6)
    assert angle_diff(mount.pan_deg, 90.0) < 1e-6
