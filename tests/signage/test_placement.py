"""Sign suggestions: at the ways into covered public areas, outside the coverage, facing out."""

from __future__ import annotations

import math

import pytest
import shapely

from siteplanner.analysis import Analyser
from siteplanner.model import Sign
from siteplanner.signage.placement import (
    DOOR_GAP_M,
    MAX_WALL_GAP_M,
    SETBACK_M,
    apply_suggestions,
    suggest_signs,
)
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


def _solid(p, wall_id=None):
    return shapely.union_all(
        [
            shapely.buffer(shapely.LineString(w.points), w.thickness_m / 2, cap_style="flat")
            for w in p.levels[0].walls
            if wall_id is None or w.id == wall_id
        ]
    )


def test_room_fully_covered_gets_one_sign_on_the_wall_beside_its_door():
    p = room_with_door()
    out = suggest(p)
    assert len(out) == 1
    s = out[0]
    assert s.kind == "door" and s.opening == "d1" and s.covers == ["c1"]
    # On the outer face of the south wall (y = -0.1), on the approach side, facing the visitor.
    gap = _solid(p).distance(shapely.Point(s.position))
    assert 0 < gap <= MAX_WALL_GAP_M
    assert s.position[1] == pytest.approx(-WALL / 2 - 0.02, abs=1e-6)
    assert s.facing_deg == pytest.approx(270.0)
    # Beside the door (x 4..5), its near edge DOOR_GAP_M from the door's edge.
    beside = min(abs(s.position[0] - 4.0), abs(s.position[0] - 5.0))
    assert beside == pytest.approx(DOOR_GAP_M + s.width_m / 2, abs=1e-3)
    assert not 4.0 <= s.position[0] <= 5.0
    assert s.side in ("left", "right") and s.wall is not None
    # mount_height_m is the sign's centre: at eye level.
    assert 1.5 <= s.mount_height_m <= 1.8
    # Readable from the open approach (no wall in front: the plan default, 10 m).
    assert s.viewing_distance_m == pytest.approx(10.0)
    assert s.height_m >= 10.0 / 60


def test_open_corridor_gets_a_wall_sign_before_each_end_of_the_view():
    p = corridor()
    out = suggest(p)
    half = 1.4 * math.tan(math.radians(60))
    assert len(out) == 2
    west = min(out, key=lambda s: s.position[0])
    east = max(out, key=lambda s: s.position[0])
    assert west.kind == east.kind == "edge"
    # Where people approach each end of the view, on a corridor wall's face, facing off it.
    assert west.position[0] == pytest.approx(15 - half - SETBACK_M, abs=0.05)
    assert east.position[0] == pytest.approx(15 + half + SETBACK_M, abs=0.05)
    for s in (west, east):
        assert 0 < _solid(p).distance(shapely.Point(s.position)) <= MAX_WALL_GAP_M
        assert 0.1 < s.position[1] < 2.9
        below = s.position[1] < 1.5
        assert s.facing_deg == pytest.approx(90.0 if below else 270.0, abs=1.0)


def test_no_sign_for_a_camera_standing_in_a_private_space():
    p = room_with_door()
    p.levels[0].zones.append(
        p.levels[0]
        .zones[0]
        .model_copy(
            update={"id": "wc", "kind": "private", "private_type": "restroom", "place": "internal"}
        )
    )
    p.levels[0].zones[0].polygon = [[0.1, 0.1], [9.9, 0.1], [9.9, 5.9], [0.1, 5.9]]
    assert suggest(p) == []


def test_an_existing_sign_at_the_door_is_extended_not_duplicated():
    p = room_with_door()
    level = p.levels[0]
    level.cameras.append(level.cameras[0].model_copy(update={"id": "c2"}))
    # A sign already at the door (0.5 m out), announcing only c1.
    level.signs.append(Sign(id="s1", position=(4.5, -0.5), facing_deg=-90, covers=["c1"]))
    out = suggest(p)
    assert len(out) == 1
    s = out[0]
    assert s.extends == "s1" and s.covers == ["c1", "c2"] and s.position == (4.5, -0.5)
    changed = apply_suggestions(p, out)
    assert [sg.id for sg in level.signs] == ["s1"] and changed[0].covers == ["c1", "c2"]
    # Announcing both, it needs no more signs.
    assert suggest(p) == []


def test_apply_suggestions_allocates_fresh_plan_wide_ids():
    p = corridor()
    p.levels[0].zones[0].id = "s1"  # a zone already uses the first sign id
    out = suggest(p)
    added = apply_suggestions(p, out)
    ids = [sg.id for sg in added]
    assert len(added) == 2 and len(set(ids)) == 2 and "s1" not in ids
    assert [sg.id for sg in p.levels[0].signs] == ids


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
                # On a wall face the sign may sit a little into the view it announces.
                slack = 1.0 if s.wall else 0.0
                assert not seen.buffer(-slack).contains(pt), (s, cid)

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
            if cid == "c-changing":  # stands in the changing room: removed, never announced
                continue
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
    # One sign per entrance: the main door's existing sign is extended, not duplicated.
    assert entrance[0].extends == "s-entrance"
    # Never for the camera standing in the changing room.
    assert not any("c-changing" in s.covers for s in out)
    # Every new sign is on a wall face (or, in the open car park, on a post, saying so).
    for s in out:
        if s.extends is None:
            gap = solids.distance(shapely.Point(s.position))
            assert gap <= MAX_WALL_GAP_M or "post" in s.note, s


def test_existing_sign_already_announcing_is_not_suggested_again(sample):
    analysis = Analyser().analyse(sample)
    out = suggest_signs(sample, analysis)
    # s-entrance stands at the main door and announces c-lobby, c-entrance and c-turnstile.
    # A suggestion there only extends it with the cameras it lacks, never a second sign.
    at_door = [s for s in out if s.opening == "d-entrance"]
    assert all(s.extends == "s-entrance" for s in at_door)
    assert all(set(s.covers) > {"c-lobby", "c-entrance", "c-turnstile"} for s in at_door)
    before = {c for s in out for c in s.covers}
    assert "c-carpark" in before  # no sign announces the car park camera yet


def test_to_sign_round_trip():
    s = suggest(room_with_door())[0]
    sign = s.to_sign("s-new")
    assert sign.id == "s-new" and tuple(sign.position) == s.position
    assert sign.covers == ["c1"] and sign.facing_deg == pytest.approx(270.0)
