"""A see-through window's sill: the wall under it blocks sight lines at or below its height."""

from __future__ import annotations

import pytest
import shapely

from siteplanner.analysis import Analyser
from tests.helpers import camera, plan

# Camera 3 m up at the origin looking along +x; a wall at x = 2 (0.2 m thick, so its far face
# is at x = 2.1) with a window from y = -1 to y = 1. Aimed at a point on the 1.6 m plane at
# distance r, the sight line is at 3 - 1.4 * x / r over x; it clears a sill s over the whole
# wall when 3 - 1.4 * 2.1 / r > s, i.e. r > 2.94 / (3 - s).
CAM = camera(height_m=3.0, tilt_deg=30.0, hfov_deg=60.0, vfov_deg=90.0, range_m=10.0)
WALL = {"points": [[2.0, -5.0], [2.0, 5.0]], "thickness_m": 0.2}


def coverage(**window):
    opening = {"id": "g1", "kind": "window", "points": [[2.0, -1.0], [2.0, 1.0]], **window}
    p = plan([CAM], [WALL], openings=[opening])
    return Analyser().analyse(p).cameras["c1"].coverage.coverage


def seen(geom, x, y=0.0):
    return geom.contains(shapely.Point(x, y))


def test_a_high_sill_hides_the_ground_just_beyond_the_window():
    sill = 2.3
    edge = 2.94 / (3.0 - sill)  # 4.2 m
    cov = coverage(sill_height_m=sill)
    assert not seen(cov, edge - 0.05)
    assert seen(cov, edge + 0.05)
    assert seen(cov, 1.5)  # the room in front of the wall is not affected


def test_the_shadow_grows_with_the_sill():
    low, high = coverage(sill_height_m=2.0), coverage(sill_height_m=2.5)
    # Beyond the wall the hidden strip along the axis runs to 2.94 m, then to 5.88 m.
    assert seen(low, 2.94 + 0.05) and not seen(low, 2.94 - 0.05)
    assert seen(high, 5.88 + 0.05) and not seen(high, 5.88 - 0.05)
    assert high.area < low.area


@pytest.mark.parametrize(
    "window",
    [{}, {"sill_height_m": 1.0}, {"sill_height_m": 2.3, "kind": "door"}],
    ids=["no sill", "sill below the target height", "a door has no sill"],
)
def test_no_effect_when_every_sight_line_passes_above(window):
    cov = coverage(**window)
    assert seen(cov, 4.1) and seen(cov, 2.5)
    assert cov.area == pytest.approx(coverage().area, rel=1e-9)


def test_an_opaque_window_blocks_whatever_its_sill():
    cov = coverage(sill_height_m=2.3, transparent=False)
    assert not seen(cov, 4.5)
