"""SIGN_MISSING and SIGN_TOO_SMALL on small plans with known answers."""

from __future__ import annotations

import pytest

from siteplanner import pipeline
from siteplanner.compliance.legibility import (
    CAP_HEIGHT,
    DISTANCE_FACTOR,
    LETTER_FACTOR,
    MIN_VIEWING_M,
    derived_viewing_distance,
    free_distance,
    printed_sizes,
    standard_size,
)
from siteplanner.drawing.canvas import MM
from siteplanner.drawing.recording import RecordingCanvas
from siteplanner.signage.content import sign_content
from siteplanner.signage.pdf import _pictogram, _qr, draw_sign
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


TITLES = ["视频监控区域", "CCTV in operation"]  # the cn-2025 pack's sign languages


def legible(w, h, face=False):
    return printed_sizes(w, h, TITLES, face).legible_m


def test_printed_sizes_follow_the_layout():
    # 300 x 400 mm: border 0.028 x 300 = 8.4 mm each side, inner height 383.2 mm, the pictogram
    # band 0.28 of it with an 8 % margin; the face notice takes its band from the pictogram's.
    p = printed_sizes(0.3, 0.4, TITLES)
    assert p.pictogram_m == pytest.approx(0.3832 * 0.28 * 0.92, rel=1e-6)
    assert printed_sizes(0.3, 0.4, TITLES, face=True).pictogram_m == pytest.approx(
        0.3832 * 0.25 * 0.92, rel=1e-6
    )
    # The title band is 0.19 of the inner height for two titles: letters no taller than its
    # 62 % cap, and a bigger sign prints proportionally bigger letters.
    assert 0.5 * 0.3832 * 0.19 * 0.62 * CAP_HEIGHT < p.letter_m <= 0.3832 * 0.19 * 0.62
    assert printed_sizes(0.6, 0.8, TITLES).letter_m == pytest.approx(2 * p.letter_m, rel=0.02)
    # Legible from the nearer of the two criteria.
    assert p.legible_m == pytest.approx(
        min(p.pictogram_m * DISTANCE_FACTOR, p.letter_m * LETTER_FACTOR)
    )
    # 150 x 200: the letters limit it to under 1.5 m, far below what the panel's height
    # alone (200 mm x 60 = 12 m) would have claimed.
    assert legible(0.15, 0.2) < 1.5


def test_too_small_for_its_given_viewing_distance():
    d = legible(0.3, 0.4)
    small = plan(
        cameras=[camera()], zones=[PUBLIC], signs=[sign(viewing_distance_m=round(d * 1.05, 2))]
    )
    got = findings(small, "SIGN_TOO_SMALL")
    assert [(f.sign, f.severity) for f in got] == [("s1", "warning")]
    pict = printed_sizes(0.3, 0.4, TITLES).pictogram_m * 1000
    assert f"{pict:.0f} mm" in got[0].message and "/ 120" in got[0].message
    assert f"{d:.1f} m" in got[0].message  # the distance it is legible from
    ok = plan(
        cameras=[camera()], zones=[PUBLIC], signs=[sign(viewing_distance_m=round(d * 0.95, 2))]
    )
    assert findings(ok, "SIGN_TOO_SMALL") == []


def test_open_floor_uses_the_plan_default():
    # Nothing in front of the sign: read from the default 10 m.
    w, h = standard_size(10.0)
    assert legible(w, h) >= 10.0
    assert not findings(plan(signs=[sign(width_m=w, height_m=h)]), "SIGN_TOO_SMALL")
    assert findings(plan(signs=[sign(width_m=w * 0.9, height_m=h * 0.9)]), "SIGN_TOO_SMALL")
    p = plan(signs=[sign(width_m=w, height_m=h)], settings={"sign_viewing_distance_m": 15.0})
    assert findings(p, "SIGN_TOO_SMALL")


def test_wall_in_front_shortens_the_viewing_distance():
    # The sign at x=0 faces east; a 0.2 m wall at x=6 leaves 5.9 m of open floor.
    wall = {"points": [[6, -5], [6, 5]], "thickness_m": 0.2}
    s = sign(position=[0.0, 0.0], facing_deg=0.0, width_m=0.9, height_m=1.2)
    assert legible(0.9, 1.2) > 5.9 > legible(0.6, 0.8)
    assert not findings(plan(walls=[wall], signs=[s]), "SIGN_TOO_SMALL")
    got = findings(plan(walls=[wall], signs=[dict(s, width_m=0.6, height_m=0.8)]), "SIGN_TOO_SMALL")
    assert got and "5.9 m" in got[0].message
    # Facing the other way there is no wall: the default 10 m applies again.
    back = dict(s, facing_deg=180.0)
    assert findings(plan(walls=[wall], signs=[back]), "SIGN_TOO_SMALL")


def test_viewing_distance_helpers():
    import shapely

    wall = shapely.box(5.9, -5, 6.1, 5)
    assert free_distance((0, 0), 0.0, wall, 10.0) == pytest.approx(5.9)
    assert free_distance((0, 0), 90.0, wall, 10.0) == pytest.approx(10.0)
    # A wall right in front: never below the minimum reading distance.
    near = shapely.box(1.0, -5, 1.2, 5)
    assert derived_viewing_distance((0, 0), 0.0, near, 10.0) == pytest.approx(MIN_VIEWING_M)
    for d in (3.0, 10.0, 30.0):  # the smallest standard size legible from d, or a scaled one
        assert legible(*standard_size(d)) >= d - 1e-9
    assert standard_size(30.0)[1] > 1.2


def _texts(w_mm, h_mm, sample):
    content = sign_content(sample, sample.levels[0].signs[0], "L1")
    c = RecordingCanvas()
    c.begin_page(2000, 2000)
    _pictogram(c)
    _qr(c, content.qr_url)
    draw_sign(c, content, 0, 0, w_mm * MM, h_mm * MM)
    return [(args[2], args[3]) for name, args, _ in c.calls if name == "text"]


@pytest.mark.parametrize("size", [(80, 100), (105, 140), (150, 200), (300, 400)])
def test_no_text_below_6_pt_small_signs_take_the_short_layout(sample, size):
    texts = _texts(*size, sample)
    assert min(pt for _, pt in texts) >= 6.0 - 1e-9
    joined = "\n".join(t for t, _ in texts)
    org = sample.organization
    # Operator, contact and the id never on the face, whatever the size.
    assert "privacy@example.com" in joined and "Logistics" in joined
    assert "s-entrance" not in joined
    short = org.purpose not in joined
    # The sample's first sign announces the face camera: with the face notice's own items (its
    # purpose, face data kept, the alternative), in zh and en, the whole notice needs 300 × 400
    # mm at 6 pt; smaller signs take the short layout.
    assert short == (size != (300, 400))
    assert (org.face_purpose in joined) == (not short)
