"""SIGN_MISSING and SIGN_TOO_SMALL on small plans with known answers."""

from __future__ import annotations

import pytest

from siteplanner import pipeline
from siteplanner.compliance.legibility import (
    MIN_VIEWING_M,
    derived_viewing_distance,
    free_distance,
    standard_size,
)
from tests.helpers import camera, plan, rect

PUBLIC = {"id": "z", "kind": "collection", "place": "public", "polygon": rect(0, -5, 10, 5)}


def findings(p, rule):
    return [f for f in pipeline.run(p).findings if f.rule == rule]


def sign(**kw):
    base = {
        "id": "s1",
        "position": [-1.0, 0.0],
        "facing_deg": 180.0,
        "width_m": 0.3,
        "height_m": 0.4,
        "covers": ["c1"],
    }
    base.update(kw)
    return base


def test_sign_missing_without_a_sign():
    got = findings(plan(cameras=[camera()], zones=[PUBLIC]), "SIGN_MISSING")
    assert [(f.camera, f.severity) for f in got] == [("c1", "error")]
    assert got[0].area_m2 > 1.0


def test_sign_that_covers_the_camera_clears_it():
    p = plan(cameras=[camera()], zones=[PUBLIC], signs=[sign()])
    assert findings(p, "SIGN_MISSING") == []


def test_sign_with_empty_covers_announces_nothing():
    p = plan(cameras=[camera()], zones=[PUBLIC], signs=[sign(covers=[])])
    assert [f.camera for f in findings(p, "SIGN_MISSING")] == ["c1"]


def test_no_sign_needed_for_internal_places():
    internal = dict(PUBLIC, place="internal")
    assert findings(plan(cameras=[camera()], zones=[internal]), "SIGN_MISSING") == []


def test_too_small_for_its_given_viewing_distance():
    # 12 m / 60 = 20 cm: a 10 cm sign is too small, a 20 cm one is enough.
    small = plan(
        cameras=[camera()], zones=[PUBLIC], signs=[sign(height_m=0.1, viewing_distance_m=12.0)]
    )
    got = findings(small, "SIGN_TOO_SMALL")
    assert [(f.sign, f.severity) for f in got] == [("s1", "warning")]
    assert "20 cm" in got[0].message
    ok = plan(cameras=[camera()], zones=[PUBLIC], signs=[sign(height_m=0.2, viewing_distance_m=12)])
    assert findings(ok, "SIGN_TOO_SMALL") == []


def test_open_floor_uses_the_plan_default():
    # Nothing in front of the sign: read from the default 10 m, so at least 10/60 = 16.7 cm.
    assert findings(plan(signs=[sign(height_m=0.16)]), "SIGN_TOO_SMALL")
    assert not findings(plan(signs=[sign(height_m=0.17)]), "SIGN_TOO_SMALL")
    p = plan(signs=[sign(height_m=0.2)], settings={"sign_viewing_distance_m": 15.0})
    assert findings(p, "SIGN_TOO_SMALL")  # 15/60 = 25 cm


def test_wall_in_front_shortens_the_viewing_distance():
    # The sign at x=0 faces east; a 0.2 m wall at x=6 leaves 5.9 m of open floor: 9.8 cm needed.
    wall = {"points": [[6, -5], [6, 5]], "thickness_m": 0.2}
    s = sign(position=[0.0, 0.0], facing_deg=0.0)
    assert not findings(plan(walls=[wall], signs=[dict(s, height_m=0.1)]), "SIGN_TOO_SMALL")
    got = findings(plan(walls=[wall], signs=[dict(s, height_m=0.09)]), "SIGN_TOO_SMALL")
    assert got and "5.9 m" in got[0].message
    # Facing the other way there is no wall: the default 10 m applies again.
    back = dict(s, facing_deg=180.0, height_m=0.1)
    assert findings(plan(walls=[wall], signs=[back]), "SIGN_TOO_SMALL")


def test_viewing_distance_helpers():
    import shapely

    wall = shapely.box(5.9, -5, 6.1, 5)
    assert free_distance((0, 0), 0.0, wall, 10.0) == pytest.approx(5.9)
    assert free_distance((0, 0), 90.0, wall, 10.0) == pytest.approx(10.0)
    # A wall right in front: never below the minimum reading distance.
    near = shapely.box(1.0, -5, 1.2, 5)
    assert derived_viewing_distance((0, 0), 0.0, near, 10.0) == pytest.approx(MIN_VIEWING_M)
    assert standard_size(10.0)[1] >= 10.0 / 60
    assert standard_size(30.0)[1] >= 0.5
