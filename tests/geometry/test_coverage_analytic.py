"""Coverage against analytic values: sectors, trapezoids, door wedges, shadows, DORI lines."""

from __future__ import annotations

import math

import pytest
import shapely

from siteplanner import pipeline
from siteplanner.analysis import Analyser
from siteplanner.geometry.optics import depth_limit_m, pixel_density
from siteplanner.model import resolve_optics
from tests.helpers import camera, plan, reference_area


def cov(p, cam_id="c1"):
    return Analyser().analyse(p).cameras[cam_id].coverage


@pytest.mark.parametrize("hfov,rng", [(90, 10), (60, 25), (120, 5), (10, 30)])
def test_flat_sector_area(hfov, rng):
    # A level camera at target height sees the classic flat sector: hfov/2 * R².
    p = plan([camera(hfov_deg=hfov, range_m=rng)])
    expected = math.radians(hfov) / 2 * rng * rng
    assert cov(p).coverage.area == pytest.approx(expected, rel=1e-3)


def test_tilted_footprint_is_the_frustum_trapezoid_with_near_blind_zone():
    h, T, tilt, vfov, hfov = 3.0, 1.6, 30.0, 40.0, 60.0
    p = plan([camera(height_m=h, tilt_deg=tilt, vfov_deg=vfov, hfov_deg=hfov, range_m=100.0)])
    fp = cov(p).footprint
    dz = h - T
    near = dz / math.tan(math.radians(tilt + vfov / 2))
    far = dz / math.tan(math.radians(tilt - vfov / 2))
    minx, _, maxx, _ = fp.bounds
    # Near edge of the blind zone and far edge along the optical axis (pan 0 = +x).
    assert minx == pytest.approx(near, abs=1e-6)
    assert maxx == pytest.approx(far, abs=1e-6)
    # The four frustum corner rays meet the plane at the trapezoid's corners.
    f = (math.cos(math.radians(tilt)), 0.0, -math.sin(math.radians(tilt)))
    corners = []
    for sx, sy in ((1, 1), (-1, 1), (-1, -1), (1, -1)):
        a, b = math.radians(hfov / 2) * sx, math.radians(vfov / 2) * sy
        # Ray direction = f + tan(a) * right + tan(b) * up, right = (0, -1, 0), up = r x f.
        up = (math.sin(math.radians(tilt)), 0.0, math.cos(math.radians(tilt)))
        d = [f[i] + math.tan(a) * (0, -1, 0)[i] + math.tan(b) * up[i] for i in range(3)]
        k = -dz / d[2]
        corners.append((k * d[0], k * d[1]))
    assert fp.area == pytest.approx(shapely.Polygon(corners).area, rel=1e-9)
    # Nothing under the camera: the blind zone is not covered.
    assert not fp.contains(shapely.Point(near / 2, 0))


def test_dori_band_of_tilted_camera_ends_on_a_straight_line():
    h, T, tilt = 4.0, 1.6, 20.0
    p = plan(
        [
            camera(
                height_m=h,
                tilt_deg=tilt,
                hfov_deg=70,
                vfov_deg=40,
                range_m=60.0,
                resolution=[3840, 2160],
            )
        ]
    )
    c = cov(p)
    optics = resolve_optics(p, p.levels[0].cameras[0])
    for level, ppm in (("identification", 250.0), ("recognition", 125.0)):
        zmax = depth_limit_m(optics, ppm)
        # Depth z = X cos t + (h - T) sin t for pan 0: the band ends where z = zmax.
        x_line = (zmax - (h - T) * math.sin(math.radians(tilt))) / math.cos(math.radians(tilt))
        band = c.dori[level]
        assert band.bounds[2] == pytest.approx(x_line, abs=1e-6)
        # Every band vertex on that far edge lies on the same vertical line x = x_line.
        far = [x for x, _ in band.exterior.coords if abs(x - x_line) < 1e-6]
        assert len(far) >= 2
        assert pixel_density(optics, T, x_line - 1e-6, 0.0) >= ppm
        assert pixel_density(optics, T, x_line + 1e-3, 0.0) < ppm


def test_identification_band_of_level_camera_is_a_triangle():
    p = plan([camera(hfov_deg=90, range_m=30, resolution=[1920, 1080])])
    zmax = 1920 / (2 * 250 * math.tan(math.radians(45)))
    assert cov(p).dori["identification"].area == pytest.approx(zmax * zmax, rel=1e-9)


def test_wedge_through_a_door():
    d, t, w, R = 5.0, 0.2, 1.0, 20.0
    walls = [{"points": [[d, -30], [d, 30]], "thickness_m": t}]
    doors = [{"kind": "door", "points": [[d, -w / 2], [d, w / 2]]}]
    p = plan([camera(hfov_deg=170, range_m=R)], walls, doors)
    c = cov(p).coverage
    x2 = d + t / 2
    beyond = c.intersection(shapely.box(x2, -R, R + 1, R))
    alpha = math.atan(w / 2 / x2)
    expected = alpha * R * R - x2 * x2 * math.tan(alpha)
    assert beyond.area == pytest.approx(expected, rel=2e-3)
    # Nothing beyond the wall outside the wedge.
    assert not c.intersects(shapely.Point(10, 3))


def test_opaque_window_blocks_and_transparent_window_does_not():
    walls = [{"points": [[5, -30], [5, 30]]}]
    for transparent, sees in ((False, False), (True, True)):
        win = [{"kind": "window", "points": [[5, -1], [5, 1]], "transparent": transparent}]
        c = cov(plan([camera(range_m=20)], walls, win)).coverage
        assert c.intersects(shapely.Point(8, 0)) is sees


def test_obstacle_shadow_follows_the_2_5d_rule():
    # Camera 3 m high, strip obstacle 2 m high at 5 <= x <= 6, target plane 1 m: a sight line is
    # blocked from half its length on, so the shadow is exactly 5 <= x <= 2 * 6 = 12.
    h, H, T = 3.0, 2.0, 1.0
    obstacle = [{"polygon": [[5, -100], [6, -100], [6, 100], [5, 100]], "height_m": H}]
    cam = camera(height_m=h, tilt_deg=10, vfov_deg=80, hfov_deg=60, range_m=25)
    p = plan([cam], obstacles=obstacle, settings={"target_height_m": T})
    c = cov(p)
    shadow = shapely.box(5, -100, 12, 100)
    expected = c.footprint.difference(shadow).area
    assert c.coverage.area == pytest.approx(expected, rel=1e-6)
    assert c.coverage.intersects(shapely.Point(13, 0))
    assert not c.coverage.intersects(shapely.Point(11.9, 0))


def test_low_obstacle_casts_no_shadow_on_taller_targets():
    obstacle = [{"polygon": [[5, -10], [6, -10], [6, 10], [5, 10]], "height_m": 1.5}]
    p = plan([camera(height_m=3.0, tilt_deg=10, vfov_deg=80)], obstacles=obstacle)
    c = cov(p)
    assert c.coverage.area == pytest.approx(c.footprint.area, rel=1e-9)


def test_camera_below_obstacle_top_sees_nothing_behind_it():
    obstacle = [{"polygon": [[5, -100], [6, -100], [6, 100], [5, 100]], "height_m": 2.0}]
    p = plan([camera(height_m=1.8, range_m=20)], obstacles=obstacle)
    c = cov(p)
    assert c.coverage.area == pytest.approx(
        c.footprint.intersection(shapely.box(0, -50, 5, 50)).area, rel=1e-6
    )


def test_camera_inside_a_wall_sees_nothing_and_is_reported():
    p = plan([camera(position=[5.0, 0.0])], [{"points": [[5, -10], [5, 10]], "thickness_m": 0.3}])
    result = pipeline.run(p)
    assert result.analysis.cameras["c1"].coverage.coverage.is_empty
    assert any(f.rule == "CAMERA_INSIDE_WALL" and f.camera == "c1" for f in result.findings)


def test_camera_on_a_wall_face_sees_the_room():
    p = plan([camera(position=[5.1, 0.0], pan_deg=0)], [{"points": [[5, -10], [5, 10]]}])
    assert cov(p).coverage.area == pytest.approx(math.pi / 4 * 100, rel=1e-3)


def test_tilt_90_looks_straight_down_at_a_rectangle():
    h, T = 4.0, 1.6
    p = plan([camera(height_m=h, tilt_deg=90, hfov_deg=90, vfov_deg=60, range_m=30)])
    dz = h - T
    expected = (2 * dz * math.tan(math.radians(45))) * (2 * dz * math.tan(math.radians(30)))
    assert cov(p).footprint.area == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    "cam,walls,openings,obstacles",
    [
        (
            camera(height_m=3.0, tilt_deg=15, hfov_deg=100, vfov_deg=56, range_m=12),
            [
                {"points": [[4, -8], [4, 8]]},
                {"points": [[-2, 3], [8, 3], [8, -6]], "thickness_m": 0.3},
            ],
            [{"kind": "door", "points": [[4, -1], [4, 0.2]]}],
            [{"polygon": [[2, -2], [3, -2], [3, -1.2], [2, -1.2]], "height_m": 2.2}],
        ),
        (
            camera(position=[1.0, 1.0], height_m=2.5, pan_deg=35, tilt_deg=25, range_m=9),
            [
                {"points": [[0, 0], [10, 0], [10, 8], [0, 8], [0, 0]], "thickness_m": 0.25},
                {"points": [[5, 0], [5, 5]], "thickness_m": 0.15},
            ],
            [
                {"kind": "door", "points": [[5, 2], [5, 3]]},
                {"kind": "window", "points": [[10, 3], [10, 5]], "transparent": False},
            ],
            [{"polygon": [[2, 4], [4, 4], [3, 6]], "height_m": 1.7}],
        ),
    ],
)
def test_areas_agree_with_a_point_by_point_reference(cam, walls, openings, obstacles):
    p = plan([cam], walls, openings, obstacles)
    engine = cov(p).coverage.area
    ref = reference_area(p, step=0.05)
    assert engine == pytest.approx(ref, rel=0.02, abs=0.35)
