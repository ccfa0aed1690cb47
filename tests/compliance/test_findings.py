"""Findings on small plans whose areas are known exactly."""

from __future__ import annotations

import math

import pytest

from siteplanner import pipeline
from siteplanner.analysis import Analyser
from siteplanner.compliance import available_packs, load_pack
from tests.helpers import camera, plan, rect


def findings(p, rules=None, lang=None):
    return pipeline.run(p, rules=rules, lang=lang).findings


def only(fs, rule):
    return [f for f in fs if f.rule == rule]


def test_private_space_seen_through_a_door_names_the_door_and_area():
    # Room wall at x = 5 with a door; a restroom beyond it. The camera looks straight through.
    walls = [{"points": [[5, -20], [5, 20]], "thickness_m": 0.2}]
    doors = [{"id": "d-wc", "kind": "door", "points": [[5, -0.5], [5, 0.5]]}]
    wc = {
        "id": "wc",
        "name": "WC",
        "kind": "private",
        "private_type": "restroom",
        "polygon": rect(5.1, -5, 12, 5),
    }
    p = plan([camera(hfov_deg=170, range_m=20)], walls, doors, zones=[wc])
    (f,) = only(findings(p), "PRIVATE_SPACE_COVERED")
    assert (f.severity, f.camera, f.zone, f.level, f.opening) == ("error", "c1", "wc", "L1", "d-wc")
    # Wedge through the door (half-angle atan(0.5 / 5.1)) from x = 5.1 to x = 12.
    t = 0.5 / 5.1
    assert f.area_m2 == pytest.approx(t * (12**2 - 5.1**2), rel=2e-3)
    assert "d-wc" in f.message and "WC" in f.message


def test_tiny_overlap_is_not_a_finding():
    wc = {"id": "wc", "kind": "private", "polygon": rect(9.999, -0.01, 12, 0.01)}
    p = plan([camera(range_m=10)], zones=[wc])
    assert only(findings(p), "PRIVATE_SPACE_COVERED") == []


def test_camera_in_private_space():
    room = {
        "id": "cr",
        "kind": "private",
        "private_type": "changing_room",
        "polygon": rect(-2, -2, 2, 2),
    }
    fs = findings(plan([camera()], zones=[room]))
    (f,) = only(fs, "CAMERA_IN_PRIVATE_SPACE")
    assert f.severity == "error" and f.zone == "cr" and f.camera == "c1"


def test_over_collection_gives_area_and_share_of_the_view():
    road = {"id": "road", "kind": "exclude", "polygon": rect(-20, -20, 20, 0)}
    p = plan([camera(hfov_deg=90, range_m=10)], zones=[road])
    (f,) = only(findings(p), "OVER_COLLECTION")
    assert f.severity == "warning"
    assert f.area_m2 == pytest.approx(
        math.pi / 8 * 100, rel=1e-3
    )  # the half of the sector below y=0
    assert f.percent == pytest.approx(50.0, abs=0.1)


def test_outside_collection_area_only_for_internal_management():
    zone = {"id": "z", "kind": "collection", "polygon": rect(0, -20, 5, 20)}
    for purpose, expected in (("internal_management", 1), ("public_safety", 0)):
        p = plan([camera(range_m=10, purpose=purpose)], zones=[zone])
        fs = only(findings(p), "OUTSIDE_COLLECTION_AREA")
        assert len(fs) == expected
    p = plan([camera(range_m=10, purpose="internal_management")], zones=[zone])
    (f,) = only(findings(p), "OUTSIDE_COLLECTION_AREA")
    assert f.area_m2 == pytest.approx(math.pi / 4 * 100 - 25, rel=1e-3)  # sector minus triangle


def test_under_coverage_at_the_required_dori():
    # Identification reaches 3.84 m for this camera: a 10 m deep zone is far from 95 % covered.
    zone = {
        "id": "z",
        "kind": "collection",
        "required_dori": "identification",
        "polygon": [[0, 0], [10, 10], [10, -10]],
    }
    fs = only(findings(plan([camera(range_m=20)], zones=[zone])), "UNDER_COVERAGE")
    (f,) = fs
    assert f.zone == "z" and f.severity == "warning"
    assert f.area_m2 == pytest.approx(100 - 3.84**2, rel=1e-3)
    zone["required_dori"] = "detection"
    assert only(findings(plan([camera(range_m=20)], zones=[zone])), "UNDER_COVERAGE") == []


def test_sign_missing_until_a_sign_covers_the_camera():
    lobby = {"id": "lobby", "kind": "collection", "place": "public", "polygon": rect(0, -5, 8, 5)}
    p = plan([camera()], zones=[lobby])
    (f,) = only(findings(p), "SIGN_MISSING")
    assert f.severity == "error" and f.camera == "c1"
    sign = {"id": "s1", "position": [-1, 0], "covers": ["c1"]}
    assert only(findings(plan([camera()], zones=[lobby], signs=[sign])), "SIGN_MISSING") == []


def test_internal_places_need_no_sign():
    store = {"id": "s", "kind": "collection", "place": "internal", "polygon": rect(0, -5, 8, 5)}
    assert only(findings(plan([camera()], zones=[store])), "SIGN_MISSING") == []


def test_sign_too_small_by_iso_3864():
    # Legible from 12 m needs 100 mm letters (12 / 120) and so a 1.2 m-tall sign and more.
    small = {
        "id": "s1",
        "position": [0, 0],
        "width_m": 0.9,
        "height_m": 1.2,
        "viewing_distance_m": 12,
    }
    ok = {"id": "s2", "position": [0, 0], "width_m": 1.8, "height_m": 2.4, "viewing_distance_m": 12}
    fs = only(findings(plan([camera()], signs=[small, ok])), "SIGN_TOO_SMALL")
    assert [f.sign for f in fs] == ["s1"]


def test_facial_recognition_findings_and_filing_thresholds_per_pack():
    p = plan([camera(face_recognition=True)])
    cases = (("cn-2025", "100,000", "10 万人"), ("cn-2023-draft", "10,000", "1 万人"))
    for pack, people, people_zh in cases:
        fs = findings(p, pack, lang="en")
        assert len(only(fs, "FACIAL_RECOGNITION_NOTICE")) == 1
        (ia,) = only(fs, "IMPACT_ASSESSMENT_REQUIRED")
        assert people in ia.message
        assert ia.reference == load_pack(pack).reference("IMPACT_ASSESSMENT_REQUIRED", "en")
        (ia_zh,) = only(findings(p, pack), "IMPACT_ASSESSMENT_REQUIRED")
        assert people_zh in ia_zh.message
        assert ia_zh.reference == load_pack(pack).reference("IMPACT_ASSESSMENT_REQUIRED", "zh")
        assert "第五十五条" in ia_zh.reference
    assert only(findings(plan([camera()])), "FACIAL_RECOGNITION_NOTICE") == []


def test_packs_are_data_with_every_rule_referenced():
    assert {"cn-2025", "cn-2023-draft"} <= set(available_packs())
    required = {
        "PRIVATE_SPACE_COVERED": "error",
        "CAMERA_IN_PRIVATE_SPACE": "error",
        "OVER_COLLECTION": "warning",
        "OUTSIDE_COLLECTION_AREA": "warning",
        "UNDER_COVERAGE": "warning",
        "SIGN_MISSING": "error",
        "SIGN_TOO_SMALL": "warning",
        "CAMERA_INSIDE_WALL": "warning",
    }
    for pack_id in ("cn-2025", "cn-2023-draft"):
        pack = load_pack(pack_id)
        for rule, severity in required.items():
            assert pack.severity(rule) == severity
            assert pack.reference(rule)
        assert pack.sign["title"]["zh"] == "视频监控区域"


def test_sample_site_shows_every_finding():
    from siteplanner.fileformat import load_plan
    from siteplanner.resources import sample_plan_path

    rules = {f.rule for f in findings(load_plan(sample_plan_path()))}
    assert {
        "PRIVATE_SPACE_COVERED",
        "CAMERA_IN_PRIVATE_SPACE",
        "OVER_COLLECTION",
        "OUTSIDE_COLLECTION_AREA",
        "UNDER_COVERAGE",
        "SIGN_MISSING",
        "SIGN_TOO_SMALL",
        "CAMERA_INSIDE_WALL",
        "FACIAL_RECOGNITION_NOTICE",
        "IMPACT_ASSESSMENT_REQUIRED",
    } <= rules


def test_blind_spots_are_what_misses_the_required_density():
    zone = {
        "id": "z",
        "kind": "collection",
        "required_dori": "identification",
        "polygon": [[0, 0], [10, 10], [10, -10]],
    }
    z = Analyser().analyse(plan([camera(range_m=20)], zones=[zone])).zones["z"]
    # Identification reaches depth 3.84 m: the triangle beyond x = 3.84 is blind.
    assert z.blind.area == pytest.approx(100 - 3.84**2, rel=1e-6)
    import shapely

    assert z.blind.intersection(shapely.box(0, -10, 3.83, 10)).area < 1e-6


def test_sample_site_notice_is_complete_and_its_locker_camera_is_not_announced():
    # The sample's organisation gives every notice field (its signs print without a draft
    # mark), so it shows no NOTICE_INCOMPLETE; CAM-08 stands in the changing room and must go
    # rather than be announced.
    from siteplanner.fileformat import load_plan
    from siteplanner.resources import sample_plan_path

    fs = findings(load_plan(sample_plan_path()))
    rules = {f.rule for f in fs}
    assert "NOTICE_INCOMPLETE" not in rules and "CAMERA_SEES_NOTHING" not in rules
    assert {f.camera for f in only(fs, "SIGN_MISSING")} == {"c-carpark", "c-stock", "c-stock2"}
    assert [f.camera for f in only(fs, "CAMERA_IN_PRIVATE_SPACE")] == ["c-changing"]
