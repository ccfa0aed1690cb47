"""The rules changed or added by the plan format's newer findings, on small plans with areas
known exactly, and the pack's parameters (coverage target, thresholds) as they reach the rules."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner import pipeline
from siteplanner.analysis import Analyser
from siteplanner.compliance import evaluate, load_pack, load_pack_file
from siteplanner.compliance.context import LevelContext
from siteplanner.geometry.coverage import clip
from tests.helpers import camera, plan, rect

ORG = {
    "name": "East China Logistics",
    "contact": "privacy@example.com",
    "purpose": "Public safety",
    "retention_days": 30,
}
LOBBY = {"id": "lobby", "name": "Lobby", "kind": "collection", "place": "public"}


def findings(p, rule=None, rules=None, lang="en"):
    fs = pipeline.run(p, rules=rules, lang=lang).findings
    return [f for f in fs if rule is None or f.rule == rule]


def with_pack(tmp_path: Path, **changes) -> object:
    """cn-2025 with top-level values changed, loaded from a file."""
    folder = Path(__file__).resolve().parents[2] / "siteplanner" / "compliance" / "packs"
    data = json.loads((folder / "cn-2025.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_pack_file(path)


# The camera's view: the 90° sector of radius 10 m around +x (|y| <= x), 25π m².


@pytest.mark.parametrize(("height", "expected"), [(0.05, 0), (0.2, 1)])
def test_over_collection_ignores_slivers_below_a_tenth_of_a_square_metre(height, expected):
    # A strip 1 m long inside the view: 0.05 m² is noise, 0.2 m² a finding.
    road = {"id": "road", "kind": "exclude", "polygon": rect(5, 0, 6, height)}
    got = findings(plan([camera()], zones=[road]), "OVER_COLLECTION")
    assert len(got) == expected
    if got:
        assert got[0].area_m2 == pytest.approx(0.2, rel=1e-6)
        assert got[0].percent == pytest.approx(100 * 0.2 / (25 * math.pi), rel=1e-3)


@pytest.mark.parametrize(("width", "expected"), [(0.01, 0), (0.04, 1)])
def test_outside_collection_area_ignores_slivers(width, expected):
    # The collection zone covers the whole view but for a notch cut in from the east, `width`
    # wide along y = 0..width from x = 5: the camera sees about 5 × width m² outside it.
    notch = [[-1, -11], [11, -11], [11, 0], [5, 0], [5, width], [11, width], [11, 11], [-1, 11]]
    store = {"id": "store", "kind": "collection", "polygon": notch}
    cam = camera(purpose="internal_management")
    got = findings(plan([cam], zones=[store]), "OUTSIDE_COLLECTION_AREA")
    assert len(got) == expected
    if got:
        assert got[0].area_m2 == pytest.approx(5 * width, rel=1e-3)


def test_private_space_keeps_its_hundredth_of_a_square_metre():
    wc = {"id": "wc", "kind": "private", "private_type": "restroom", "polygon": rect(5, 0, 6, 0.05)}
    (f,) = findings(plan([camera()], zones=[wc]), "PRIVATE_SPACE_COVERED")
    assert f.area_m2 == pytest.approx(0.05, rel=1e-6)
    assert f.severity == "error" and "restroom wc" in f.message


def test_thresholds_are_pack_parameters(tmp_path):
    folder = Path(__file__).resolve().parents[2] / "siteplanner" / "compliance" / "packs"
    data = json.loads((folder / "cn-2025.json").read_text(encoding="utf-8"))
    data["rules"]["OVER_COLLECTION"]["params"] = {"min_area_m2": 0.5}
    path = tmp_path / "strict.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    road = {"id": "road", "kind": "exclude", "polygon": rect(5, 0, 6, 0.2)}
    p = plan([camera()], zones=[road])
    analysis = Analyser().analyse(p)
    assert [f.rule for f in evaluate(p, analysis, "cn-2025") if f.zone == "road"] == [
        "OVER_COLLECTION"
    ]
    assert [f for f in evaluate(p, analysis, load_pack_file(path)) if f.zone == "road"] == []


def under_coverage(p, pack):
    analysis = Analyser().analyse(p)
    return [f for f in evaluate(p, analysis, pack, "en") if f.rule == "UNDER_COVERAGE"]


def test_coverage_target_is_read_from_the_pack(tmp_path):
    # The view covers the part of the zone with |y| <= x: 5 × 5 of the 5 × 10 m rectangle, 50 %.
    zone = {"id": "z", "kind": "collection", "polygon": rect(0, -5, 5, 5)}
    p = plan([camera()], zones=[zone])
    (f,) = under_coverage(p, "cn-2025")  # the shipped pack's 95 %
    assert f.percent == pytest.approx(50.0, abs=0.01) and "target 95 %" in f.message
    assert under_coverage(p, with_pack(tmp_path, coverage_target=0.5)) == []
    (f,) = under_coverage(p, with_pack(tmp_path, coverage_target=0.6))
    assert "target 60 %" in f.message


def test_the_plans_own_coverage_target_wins_over_the_packs(tmp_path):
    zone = {"id": "z", "kind": "collection", "polygon": rect(0, -5, 5, 5)}
    lenient = with_pack(tmp_path, coverage_target=0.4)
    p = plan([camera()], zones=[zone], settings={"coverage_target": 0.7})
    (f,) = under_coverage(p, lenient)
    assert "target 70 %" in f.message
    p = plan([camera()], zones=[zone], settings={"coverage_target": 0.45})
    assert under_coverage(p, load_pack("cn-2025")) == []


def test_notice_incomplete_names_the_missing_fields():
    lobby = dict(LOBBY, polygon=rect(0, -5, 8, 5))
    sign = {"id": "s1", "position": [-1, 0], "covers": ["c1"]}
    org = {"name": "East China Logistics", "contact": "  "}
    p = plan([camera(name="CAM-01 Lobby")], zones=[lobby], signs=[sign], organization=org)
    (f,) = findings(p, "NOTICE_INCOMPLETE")
    assert f.severity == "error" and f.level == "L1" and f.camera == "c1"
    assert "lacks the operator's contact, purpose, retention period" in f.message
    assert "CAM-01 Lobby (c1)" in f.message
    (zh,) = findings(p, "NOTICE_INCOMPLETE", lang="zh")
    assert "联系方式、处理目的、保存期限" in zh.message
    assert "第十七条" in zh.reference


def test_notice_complete_or_no_public_place_gives_no_finding():
    lobby = dict(LOBBY, polygon=rect(0, -5, 8, 5))
    assert findings(plan([camera()], zones=[lobby], organization=ORG), "NOTICE_INCOMPLETE") == []
    store = dict(lobby, place="internal")
    assert findings(plan([camera()], zones=[store]), "NOTICE_INCOMPLETE") == []
    # A public place no camera sees needs no notice yet.
    far = dict(LOBBY, polygon=rect(20, 20, 30, 30))
    assert findings(plan([camera()], zones=[far]), "NOTICE_INCOMPLETE") == []


def test_camera_sees_nothing_when_it_looks_above_the_target_plane():
    # 3 m up, looking 60° above the horizontal with a 60° vertical field: the lowest ray climbs
    # at 30°, so the plane at 1.6 m is never in view.
    up = camera(height_m=3.0, tilt_deg=-60.0, vfov_deg=60.0, name="CAM-09 Sky")
    (f,) = findings(plan([up]), "CAMERA_SEES_NOTHING")
    assert f.severity == "warning" and f.camera == "c1" and f.area_m2 == 0.0
    assert "CAM-09 Sky (c1)" in f.message and "1.6 m" in f.message
    assert findings(plan([camera()]), "CAMERA_SEES_NOTHING") == []


def test_a_camera_inside_a_wall_is_told_so_once():
    wall = {"points": [[-1, 0], [1, 0]], "thickness_m": 0.4}
    fs = findings(plan([camera()], walls=[wall]))
    rules = [f.rule for f in fs if f.camera == "c1"]
    assert "CAMERA_INSIDE_WALL" in rules and "CAMERA_SEES_NOTHING" not in rules


def test_sign_missing_is_not_raised_for_a_camera_in_a_private_space():
    # The camera stands in a changing room whose door opens onto the lobby it also sees.
    room = {"id": "cr", "kind": "private", "private_type": "changing_room"}
    room["polygon"] = rect(-2, -2, 1, 2)
    lobby = dict(LOBBY, polygon=rect(1, -8, 10, 8))
    p = plan([camera()], zones=[room, lobby], organization=ORG)
    rules = {f.rule for f in findings(p)}
    assert "CAMERA_IN_PRIVATE_SPACE" in rules and "SIGN_MISSING" not in rules
    assert "NOTICE_INCOMPLETE" not in rules
    # Out of the room, the same camera must be announced.
    moved = plan([camera(position=[1.5, 0.0])], zones=[room, lobby])
    assert [f.camera for f in findings(moved, "SIGN_MISSING")] == ["c1"]


def test_messages_name_objects_by_name_and_id():
    lobby = dict(LOBBY, polygon=rect(0, -5, 8, 5))
    p = plan([camera(name="CAM-01 Lobby")], zones=[lobby], organization=ORG)
    (f,) = findings(p, "SIGN_MISSING")
    assert f.message.startswith("Camera CAM-01 Lobby (c1) watches a public place on L1")
    # Without a name, the id alone.
    (f,) = findings(plan([camera()], zones=[lobby]), "SIGN_MISSING")
    assert f.message.startswith("Camera c1 watches")


def test_messages_in_each_language():
    lobby = dict(LOBBY, polygon=rect(0, -5, 8, 5))
    p = plan([camera(name="CAM-01")], zones=[lobby], organization=ORG)
    (zh,) = findings(p, "SIGN_MISSING", lang="zh")
    (en,) = findings(p, "SIGN_MISSING", lang="en")
    (default,) = findings(p, "SIGN_MISSING", lang=None)
    assert "摄像机 CAM-01 (c1) 监控公共场所" in zh.message and "公共场所" not in en.message
    assert default.message == zh.message  # the pack's first language
    assert zh.area_m2 == en.area_m2 and "第二十六条" in zh.reference
    assert "Art. 26" in en.reference


def test_under_coverage_names_the_band_in_each_language():
    zone = {"id": "z", "name": "Gate", "kind": "collection", "required_dori": "identification"}
    zone["polygon"] = [[0, 0], [10, 10], [10, -10]]
    p = plan([camera(range_m=20)], zones=[zone])
    (en,) = findings(p, "UNDER_COVERAGE")
    (zh,) = findings(p, "UNDER_COVERAGE", lang="zh")
    assert "at identification density (250 px/m)" in en.message
    assert "达到辨认级像素密度（250 px/m）的覆盖率为 15%" in zh.message
    assert en.area_m2 == pytest.approx(100 - 3.84**2, rel=1e-3)


boxes = st.tuples(st.floats(-12, 12), st.floats(-12, 12), st.floats(0.2, 8), st.floats(0.2, 8)).map(
    lambda t: rect(t[0], t[1], t[0] + t[2], t[1] + t[3])
)


@settings(max_examples=25, deadline=None)
@given(
    zones=st.lists(boxes, min_size=1, max_size=5),
    pans=st.lists(st.floats(0, 360), min_size=1, max_size=4),
)
def test_overlaps_computed_at_once_equal_one_clip_per_pair(zones, pans):
    cams = [camera(id=f"c{i}", pan_deg=pan, position=[i, -i]) for i, pan in enumerate(pans)]
    zs = [{"id": f"z{j}", "kind": "exclude", "polygon": poly} for j, poly in enumerate(zones)]
    p = plan(cams, zones=zs)
    analysis = Analyser().analyse(p)
    ctx = LevelContext(p, p.levels[0], analysis, load_pack("cn-2025"), "en")
    expected = np.zeros((len(cams), len(zs)))
    got = np.zeros_like(expected)
    for i, cr in enumerate(ctx.results):
        for j, zr in enumerate(ctx.zones):
            expected[i, j] = clip(cr.coverage.coverage, zr.polygon).area
            got[i, j] = ctx.seen_m2(i, j)
        for _j, (area, geom) in ctx.overlaps[i].items():
            assert geom.area == pytest.approx(area)
    assert got == pytest.approx(expected, abs=1e-9)


def test_identification_density_over_a_public_place():
    # 1920 px over 90°: 250 px/m up to a depth of 1920 / (2 · 250) = 3.84 m, the triangle
    # |y| <= x <= 3.84 of 3.84² m², all inside the public hall.
    hall = dict(LOBBY, polygon=rect(0, -5, 8, 5))
    (f,) = findings(plan([camera(name="Door")], zones=[hall]), "IDENTIFICATION_DENSITY")
    assert f.severity == "info" and f.camera == "c1" and "Door (c1)" in f.message
    assert f.area_m2 == pytest.approx(3.84**2, rel=1e-3)
    # Below the pack's 1 m² it is not an identity device; an internal place is no public place;
    # a camera that runs face matching gets the facial recognition findings instead.
    speck = dict(LOBBY, polygon=rect(3.0, -0.1, 3.8, 0.1))
    assert findings(plan([camera()], zones=[speck]), "IDENTIFICATION_DENSITY") == []
    store = dict(hall, place="internal")
    assert findings(plan([camera()], zones=[store]), "IDENTIFICATION_DENSITY") == []
    face = plan([camera(face_recognition=True)], zones=[hall])
    assert findings(face, "IDENTIFICATION_DENSITY") == []
    assert len(findings(face, "FACIAL_RECOGNITION_NOTICE")) == 1
