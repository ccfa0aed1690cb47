"""Sign suggestions: at the ways into covered public areas, outside the coverage, facing out."""

from __future__ import annotations

import math

import pytest
import shapely

from siteplanner.analysis import Analyser
from siteplanner.signage.placement import DOOR_SETBACK_M, SETBACK_M, suggest_signs
from tests.helpers import camera, plan, rect

WALL = 0.2


def overhead(x: float, y: float, fov: float = 120.0, **kw):
    """A camera looking straight down: a square footprint of half-size 1.4·tan(fov/2) at 1.6 m."""
    return camera(
        position=[x, y], height_m=3.0, tilt_deg=90.0, hfov_deg=fov, vfov_deg=fov, range_m=30.0, **kw
    )


def room_with_door():
    return plan(
        cameras=[overhead(5.0, 3.0, fov=150.0)],
        walls=[{"points": [[0, 0], [10, 0], [10, 6], [0, 6], [0, 0]], "thickness_m": WALL}],
        openings=[{"id": "d1", "kind": "door", "points": [[4, 0], [5, 0]], "depth_m": 0.6}],
        zones=[
            {
                "id": "z",
                "kind": "collection",
                "place": "public",
                "polygon": rect(0.1, 0.1, 9.9, 5.9),
            }
        ],
    )


def corridor(extra_walls=(), openings=(), zones=()):
    return plan(
        cameras=[overhead(15.0, 1.5)],
        walls=[
            {"points": [[0, 0], [30, 0]], "thickness_m": WALL},
            {"points": [[0, 3], [30, 3]], "thickness_m": WALL},
            *extra_walls,
        ],
        openings=list(openings),
        zones=[
            {
                "id": "corr",
                "kind": "collection",
                "place": "public",
                "polygon": rect(0, 0.1, 30, 2.9),
            },
            *zones,
        ],
    )


def suggest(p, **kw):
    return suggest_signs(p, Analyser().analyse(p), **kw)


def test_room_fully_covered_gets_one_sign_outside_its_door():
    out = suggest(room_with_door())
    assert len(out) == 1
    s = out[0]
    assert s.kind == "door" and s.opening == "d1" and s.covers == ["c1"]
    # Centred on the door, on the outside (the approach), facing south towards the visitor.
    assert s.position == pytest.approx((4.5, -(0.3 + DOOR_SETBACK_M)), abs=1e-6)
    assert s.facing_deg == pytest.approx(270.0)
    assert 1.5 <= s.mount_height_m <= 1.8
    # Readable from the open approach (no wall in front: the plan default, 10 m).
    assert s.viewing_distance_m == pytest.approx(10.0)
    assert s.height_m >= 10.0 / 60


def test_open_corridor_gets_a_sign_before_each_end_of_the_view():
    out = suggest(corridor())
    half = 1.4 * math.tan(math.radians(60))
    assert len(out) == 2
    west = min(out, key=lambda s: s.position[0])
    east = max(out, key=lambda s: s.position[0])
    assert west.kind == east.kind == "edge"
    assert west.position[0] == pytest.approx(15 - half - SETBACK_M, abs=0.02)
    assert east.position[0] == pytest.approx(15 + half + SETBACK_M, abs=0.02)
    assert 0.1 < west.position[1] < 2.9 and 0.1 < east.position[1] < 2.9
    assert west.facing_deg == pytest.approx(180.0, abs=1.0)
    assert east.facing_deg == pytest.approx(0.0, abs=1.0) or east.facing_deg == pytest.approx(
        360.0, abs=1.0
    )


def test_no_sign_for_internal_places():
    p = corridor()
    p.levels[0].zones[0].place = "internal"
    assert suggest(p) == []


def test_never_inside_a_private_zone():
    restroom = {
        "id": "wc",
        "kind": "private",
        "private_type": "restroom",
        "polygon": rect(10, 3.1, 20, 8),
    }
    p = corridor(
        extra_walls=[{"points": [[10, 3], [10, 8], [20, 8], [20, 3]], "thickness_m": WALL}],
        openings=[{"id": "dwc", "kind": "door", "points": [[14.5, 3], [15.5, 3]]}],
        zones=[restroom],
    )
    out = suggest(p)
    wc = shapely.Polygon(restroom["polygon"])
    assert out
    for s in out:
        assert not wc.covers(shapely.Point(s.position)), s
    door = [s for s in out if s.opening == "dwc"]
    assert len(door) == 1
    assert door[0].position[1] < 3.0 and "private" in door[0].note


def _walkable(level_solids, p):
    return not level_solids.contains(shapely.Point(p))


def test_sample_site(sample):
    analysis = Analyser().analyse(sample)
    out = suggest_signs(sample, analysis, skip_announced=False)
    level = sample.levels[0]
    solids = analysis.levels[level.id].geometry.solids
    private = [analysis.zones[z.id].polygon for z in level.zones if z.kind == "private"]
    public = shapely.union_all(
        [
            analysis.zones[z.id].polygon
            for z in level.zones
            if z.place == "public" and z.kind == "collection"
        ]
    )
    assert out
    for s in out:
        pt = shapely.Point(s.position)
        assert not any(z.covers(pt) for z in private), s
        assert _walkable(solids, s.position), s
        if "private" not in s.note:
            for cid in s.covers:  # before the boundary, not already in the watched public place
                seen = analysis.cameras[cid].coverage.coverage.intersection(public)
                assert not seen.contains(pt), (s, cid)

    # Every door with covered public floor on one side and free, uncovered floor on the
    # other is a way into that camera's view: it must get a suggestion naming the camera.
    expected = set()
    for door in (o for o in level.openings if o.kind == "door"):
        (ax, ay), (bx, by) = door.points
        n = math.hypot(bx - ax, by - ay)
        nx, ny = -(by - ay) / n, (bx - ax) / n
        mx, my = (ax + bx) / 2, (ay + by) / 2
        d = door.depth_m / 2 + 0.25
        sides = [shapely.Point(mx + k * nx * d, my + k * ny * d) for k in (1, -1)]
        for cid, cr in analysis.cameras.items():
            seen = cr.coverage.coverage.intersection(public)
            for inside, outside in (sides, sides[::-1]):
                if (
                    seen.contains(inside)
                    and not seen.contains(outside)
                    and not solids.contains(outside)
                ):
                    expected.add((door.id, cid))
    assert ("d-entrance", "c-lobby") in expected  # the sample's main way in
    got = {(s.opening, c) for s in out if s.kind == "door" for c in s.covers}
    assert expected <= got, expected - got

    entrance = [s for s in out if s.opening == "d-entrance"]
    assert len(entrance) == 1
    assert entrance[0].position[1] < 0 and entrance[0].facing_deg == pytest.approx(270.0)


def test_existing_sign_already_announcing_is_not_suggested_again(sample):
    analysis = Analyser().analyse(sample)
    out = suggest_signs(sample, analysis)
    # s-entrance stands at the main door and announces c-lobby, c-entrance and c-turnstile.
    assert not any(s.opening == "d-entrance" and "c-lobby" in s.covers for s in out)
    before = {c for s in out for c in s.covers}
    assert "c-carpark" in before  # no sign announces the car park camera yet


def test_to_sign_round_trip():
    s = suggest(room_with_door())[0]
    sign = s.to_sign("s-new")
    assert sign.id == "s-new" and tuple(sign.position) == s.position
    assert sign.covers == ["c1"] and sign.facing_deg == pytest.approx(270.0)
