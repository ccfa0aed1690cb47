"""Camera handle maths and typed wall points, against analytic values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from siteplanner.editing.handles import (
    MAX_FOV_DEG,
    MIN_FOV_DEG,
    MIN_RANGE_M,
    angle_between,
    axis_distance,
    camera_handles,
    footprint_edge,
    fov_from_edge,
    opening_with_width,
    range_from_point,
    tilt_from_point,
    typed_point,
)
from siteplanner.geometry.optics import footprint
from siteplanner.model import Optics


def optics(**kw) -> Optics:
    base = dict(
        x=0.0,
        y=0.0,
        height_m=3.0,
        pan_deg=0.0,
        tilt_deg=30.0,
        hfov_deg=90.0,
        vfov_deg=40.0,
        resolution=(1920, 1080),
        range_m=20.0,
        face_recognition=False,
    )
    base.update(kw)
    return Optics(**base)


def test_fov_and_range_handles_sit_at_the_range_on_the_edges():
    h = camera_handles(optics(pan_deg=90.0, hfov_deg=60.0, range_m=10.0), 1.0)
    assert h.range == pytest.approx((0.0, 10.0))
    assert h.fov_left == pytest.approx(
        (10 * math.cos(math.radians(120)), 10 * math.sin(math.radians(120)))
    )
    assert h.fov_right == pytest.approx(
        (10 * math.cos(math.radians(60)), 10 * math.sin(math.radians(60)))
    )


def test_tilt_handle_where_the_axis_meets_the_target_plane():
    # 2 m above the target, tilted 45°: 2 m out.
    o = optics(height_m=3.0, tilt_deg=45.0)
    assert axis_distance(o, 1.0) == pytest.approx(2.0)
    assert camera_handles(o, 1.0).tilt == pytest.approx((2.0, 0.0))
    # Level (never meets it) or too shallow: parked out along the pan, still draggable.
    assert camera_handles(optics(tilt_deg=0.0), 1.0).tilt == pytest.approx((17.0, 0.0))
    assert camera_handles(optics(tilt_deg=3.0, range_m=10.0), 1.0).tilt == pytest.approx((8.5, 0.0))
    assert camera_handles(optics(height_m=1.0), 1.6).tilt is None  # below the plane


def test_footprint_edges_match_the_engine_footprint():
    o = optics(height_m=4.0, tilt_deg=35.0, vfov_deg=30.0, hfov_deg=70.0, range_m=30.0)
    near = footprint_edge(o, 1.0, far=False)
    far = footprint_edge(o, 1.0, far=True)
    # Rows at 50° and 20° down from 3 m above the plane.
    assert near[0] == pytest.approx(3.0 / math.tan(math.radians(50)))
    assert far[0] == pytest.approx(3.0 / math.tan(math.radians(20)))
    fp = footprint(o, 1.0)
    xs = [p[0] for p in fp.exterior.coords]
    assert min(xs) == pytest.approx(near[0], abs=1e-6)
    assert max(xs) == pytest.approx(far[0], abs=1e-6)
    # The footprint's corners are the edges' ends.
    corners = {(round(x, 6), round(abs(y), 6)) for x, y in fp.exterior.coords}
    assert (round(near[0], 6), round(near[1], 6)) in corners
    assert (round(far[0], 6), round(far[1], 6)) in corners
    # A far edge beyond the horizon or the range is not drawn.
    assert footprint_edge(optics(tilt_deg=10.0, vfov_deg=40.0), 1.0, far=True) is None
    assert footprint_edge(optics(tilt_deg=30.0, range_m=3.0), 1.0, far=True) is None


@given(st.floats(-180, 180), st.floats(2, 170))
def test_fov_from_an_edge_point_gives_back_the_fov(pan, fov):
    edge = (10 * math.cos(math.radians(pan + fov / 2)), 10 * math.sin(math.radians(pan + fov / 2)))
    assert fov_from_edge((0.0, 0.0), pan, edge) == pytest.approx(fov, abs=1e-6)


def test_fov_is_symmetric_about_the_pan_and_clamped():
    assert fov_from_edge((0, 0), 0.0, (1.0, -1.0)) == pytest.approx(90.0)  # either side
    assert fov_from_edge((0, 0), 0.0, (1.0, 0.0)) == MIN_FOV_DEG
    assert fov_from_edge((0, 0), 0.0, (-1.0, 0.0)) == MAX_FOV_DEG
    assert fov_from_edge((0, 0), 0.0, (1.0, 0.52), step_deg=5.0) == 55.0
    assert angle_between(350.0, 10.0) == pytest.approx(20.0)


def test_range_is_the_distance_along_the_pan():
    assert range_from_point((1.0, 1.0), 90.0, (3.0, 8.0)) == pytest.approx(7.0)
    assert range_from_point((0, 0), 0.0, (-5.0, 0.0)) == MIN_RANGE_M
    assert range_from_point((0, 0), 0.0, (7.26, 3.0), step_m=0.5) == 7.5


def test_tilt_aims_the_axis_at_the_cursor():
    t = tilt_from_point((0.0, 0.0), 0.0, 3.0, 1.0, (2.0, 5.0))
    assert t == pytest.approx(45.0)
    o = optics(height_m=3.0, tilt_deg=t)
    assert axis_distance(o, 1.0) == pytest.approx(2.0)
    assert tilt_from_point((0, 0), 0.0, 1.0, 1.6, (2.0, 0.0)) is None
    assert tilt_from_point((0, 0), 0.0, 3.0, 1.0, (-2.0, 0.0)) == 89.5  # behind: straight down


@given(st.floats(0.1, 50), st.floats(-180, 180))
def test_typed_point_has_the_typed_length_and_angle(length, angle):
    p = typed_point((1.0, 2.0), (9.0, 9.0), length, angle)
    assert math.dist(p, (1.0, 2.0)) == pytest.approx(length, abs=1e-6)
    assert angle_between(angle, math.degrees(math.atan2(p[1] - 2.0, p[0] - 1.0))) == pytest.approx(
        0.0, abs=1e-5
    )


def test_typed_length_along_the_cursor_direction():
    assert typed_point((0.0, 0.0), (3.0, 4.0), 10.0, None) == pytest.approx((6.0, 8.0))
    assert typed_point((0.0, 0.0), (3.0, 4.0), None, 0.0) == pytest.approx((5.0, 0.0))


def test_opening_width_about_its_centre():
    assert opening_with_width([(1.0, 0.0), (3.0, 0.0)], 1.0) == [(1.5, 0.0), (2.5, 0.0)]
    diagonal = opening_with_width([(0.0, 0.0), (3.0, 4.0)], 10.0)
    assert math.dist(*diagonal) == pytest.approx(10.0)
    assert diagonal[0] == pytest.approx((-1.5, -2.0)) and diagonal[1] == pytest.approx((4.5, 6.0))
    with pytest.raises(ValueError):
        opening_with_width([(1.0, 0.0), (3.0, 0.0)], 0.0)


def test_fov_edge_wise_keeps_the_other_edge():
    from siteplanner.editing.handles import fov_edge_wise

    # Left edge (at +45°) dragged to 90°: the right edge stays at -45°.
    pan, fov = fov_edge_wise((0.0, 0.0), 0.0, 90.0, "fov_left", (0.0, 5.0))
    assert (pan, fov) == (22.5, 135.0)
    assert pan - fov / 2 == -45.0
    pan, fov = fov_edge_wise((0.0, 0.0), 0.0, 90.0, "fov_right", (0.0, -5.0))
    assert (pan, fov) == (-22.5, 135.0)
    assert pan + fov / 2 == 45.0
    # Dragged past the fixed edge: the narrowest field of view, next to that edge.
    pan, fov = fov_edge_wise((0.0, 0.0), 0.0, 90.0, "fov_left", (5.0, -6.0))
    assert fov == MIN_FOV_DEG and pan == pytest.approx(-45.0 + MIN_FOV_DEG / 2)


@given(st.floats(-180, 180), st.floats(5, 170), st.floats(5, 170))
def test_fov_edge_wise_moves_only_one_edge(pan, fov, new_fov):
    from siteplanner.editing.handles import fov_edge_wise

    fixed = pan - fov / 2
    a = math.radians(fixed + new_fov)
    p2, f2 = fov_edge_wise((1.0, 1.0), pan, fov, "fov_left", (1 + math.cos(a), 1 + math.sin(a)))
    assert f2 == pytest.approx(new_fov, abs=1e-6)
    assert angle_between(p2 - f2 / 2, fixed) == pytest.approx(0.0, abs=1e-6)
