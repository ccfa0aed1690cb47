"""A background image's placement: pixel ↔ plan maths, two-click calibration, alignment."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.editing.calibration import (
    aligned_origin,
    calibrated_scale,
    calibration,
    image_matrix,
    origin_keeping,
    pixel_to_plan,
    plan_to_pixel,
)


def test_pixel_plan_mapping_analytic():
    # 100 px tall image, 0.05 m/px, bottom-left at (10, 20), no rotation.
    assert pixel_to_plan(0, 100, 100, 0.05, (10, 20), 0) == pytest.approx((10, 20))
    assert pixel_to_plan(0, 0, 100, 0.05, (10, 20), 0) == pytest.approx((10, 25))
    assert pixel_to_plan(40, 100, 100, 0.05, (10, 20), 0) == pytest.approx((12, 20))
    # Rotated 90° CCW: the image's right (+u) points north, its up points west.
    assert pixel_to_plan(40, 100, 100, 0.05, (0, 0), 90) == pytest.approx((0, 2))
    assert pixel_to_plan(0, 0, 100, 0.05, (0, 0), 90) == pytest.approx((-5, 0))
    for u, v, rot in [(3.5, 17.25, 0), (120, 8, 33), (-4, 250, -170)]:
        x, y = pixel_to_plan(u, v, 100, 0.02, (1.5, -3), rot)
        assert plan_to_pixel(x, y, 100, 0.02, (1.5, -3), rot) == pytest.approx((u, v))


def test_calibration_analytic():
    # A 3-4-5 triangle: 500 px between the points, 10 m apart -> 0.02 m/px.
    assert calibrated_scale((100, 100), (400, 500), 10.0) == pytest.approx(0.02)
    with pytest.raises(ValueError):
        calibrated_scale((5, 5), (5, 5.5), 10.0)
    with pytest.raises(ValueError):
        calibrated_scale((0, 0), (100, 0), 0.0)
    with pytest.raises(ValueError):
        calibrated_scale((0, 0), (100, 0), math.inf)
    # The anchor pixel keeps its plan position when the scale changes.
    origin = origin_keeping((30, 40), 200, 0.02, 0.05, (1, 2), 25)
    before = pixel_to_plan(30, 40, 200, 0.02, (1, 2), 25)
    after = pixel_to_plan(30, 40, 200, 0.05, origin, 25)
    assert after == pytest.approx(before)
    # No rotation, 200 px tall, anchor (30, 40): 160 px above the bottom edge.
    assert origin_keeping((30, 40), 200, 0.02, 0.05, (1, 2), 0) == pytest.approx(
        (1 + 30 * 0.02 - 30 * 0.05, 2 + 160 * 0.02 - 160 * 0.05)
    )


px = st.floats(min_value=-2000, max_value=2000, allow_nan=False)
scale = st.floats(min_value=1e-4, max_value=1.0)
rot = st.floats(min_value=-360, max_value=360)
height = st.floats(min_value=1, max_value=5000)
origin = st.tuples(st.floats(-1e4, 1e4), st.floats(-1e4, 1e4))


@settings(max_examples=100, deadline=None)
@given(px, px, height, scale, origin, rot)
def test_pixel_plan_round_trip_and_the_matrix(u, v, h, s, o, r):
    x, y = pixel_to_plan(u, v, h, s, o, r)
    assert plan_to_pixel(x, y, h, s, o, r) == pytest.approx((u, v), abs=1e-6)
    m11, m12, m21, m22, dx, dy = image_matrix(h, s, o, r)
    assert (m11 * u + m21 * v + dx, m12 * u + m22 * v + dy) == pytest.approx((x, y), abs=1e-6)
    # A rotation and a uniform scale: lengths scale by s.
    x2, y2 = pixel_to_plan(u + 3, v - 4, h, s, o, r)
    assert math.dist((x, y), (x2, y2)) == pytest.approx(5 * s)


@settings(max_examples=100, deadline=None)
@given(px, px, px, px, st.floats(min_value=0.1, max_value=500), height, scale, origin, rot)
def test_two_click_calibration_sets_the_distance_and_keeps_the_first_point(
    u1, v1, u2, v2, metres, h, old, o, r
):
    if math.dist((u1, v1), (u2, v2)) < 1:
        with pytest.raises(ValueError):
            calibration((u1, v1), (u2, v2), metres, h, old, o, r)
        return
    s, new_origin = calibration((u1, v1), (u2, v2), metres, h, old, o, r)
    a = pixel_to_plan(u1, v1, h, s, new_origin, r)
    b = pixel_to_plan(u2, v2, h, s, new_origin, r)
    assert math.dist(a, b) == pytest.approx(metres)
    assert a == pytest.approx(pixel_to_plan(u1, v1, h, old, o, r), abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(px, px, origin, height, scale, origin, rot)
def test_alignment_puts_the_pixel_on_the_target(u, v, target, h, s, o, r):
    new_origin = aligned_origin((u, v), target, h, s, o, r)
    assert pixel_to_plan(u, v, h, s, new_origin, r) == pytest.approx(target, abs=1e-6)
