"""The British pack's sign rules: larger signs where drivers read them in a car park, and more
prominent signs where a camera is concealed (ICO code of practice on signage)."""

from __future__ import annotations

import pytest

from siteplanner import pipeline
from siteplanner.compliance import load_pack
from siteplanner.compliance.legibility import (
    STANDARD_SIZES,
    driver_distance,
    larger_size,
    printed_sizes,
    reading_time,
    standard_size,
)
from tests.helpers import camera, plan, rect

TITLES = ["CCTV in operation"]
ORG = {"name": "Acme Ltd", "contact": "dpo@acme.example", "purpose": "Safety"}
LOT = {"id": "lot", "name": "Visitor parking", "kind": "collection", "place": "public",
       "use": "car_park", "polygon": rect(0, 0, 30, 20)}  # fmt: skip


def sign(sid, x, y, w, h, **kw):
    return {"id": sid, "position": [x, y], "facing_deg": 270, "width_m": w, "height_m": h,
            "covers": ["c1"], **kw}  # fmt: skip


def rule_findings(p, rule, rules="uk-ico"):
    return [f for f in pipeline.run(p, rules=rules).findings if f.rule == rule]


def test_reading_time_and_distance():
    # 3 words (0.5 s each) and the pictogram (1 s); at 16 km/h (4.44 m/s) that is 11.1 m.
    assert reading_time("CCTV in operation") == pytest.approx(2.5)
    seconds, distance = driver_distance("CCTV in operation", 16.0)
    assert (seconds, distance) == pytest.approx((2.5, 16.0 / 3.6 * 2.5))
    assert reading_time("") == pytest.approx(1.0)  # never below 1 s
    assert reading_time("视频监控区域") == pytest.approx(0.5 * 3 + 1.0)  # two characters a word
    assert larger_size(0.3, 0.4) == (0.45, 0.6)
    assert larger_size(*STANDARD_SIZES[-1]) == pytest.approx((1.35, 1.8))


def test_car_park_signs_are_sized_for_drivers():
    _, distance = driver_distance(TITLES[0], 16.0)
    need = standard_size(distance, TITLES)
    assert printed_sizes(*need, TITLES).legible_m >= distance
    p = plan(
        cameras=[camera(position=[10.0, 10.0], height_m=4.0, range_m=15.0)],
        zones=[LOT],
        signs=[
            sign("s-small", 5, -0.5, 0.3, 0.4),  # at the car park's entrance
            sign("s-big", 15, -0.5, *need),
            sign("s-away", 5, -9, 0.3, 0.4),  # 9 m from the car park: pedestrians only
        ],
        organization=ORG,
    )
    (f,) = rule_findings(p, "SIGN_TOO_SMALL_FOR_DRIVERS")
    assert f.sign == "s-small" and f.zone == "lot" and f.severity == "warning"
    assert f"covers {distance:.1f} m" in f.message and "at 16 km/h" in f.message
    assert f"Use at least {need[0] * 1000:.0f} × {need[1] * 1000:.0f} mm" in f.message
    assert "ICO" in f.reference and "NCHRP Report 600" in f.reference
    # Without the zone's use, and under the Chinese pack, no such rule.
    plain = plan(
        cameras=[camera(position=[10.0, 10.0])],
        zones=[{k: v for k, v in LOT.items() if k != "use"}],
        signs=[sign("s-small", 5, -0.5, 0.3, 0.4)],
        organization=ORG,
    )
    assert rule_findings(plain, "SIGN_TOO_SMALL_FOR_DRIVERS") == []
    assert rule_findings(p, "SIGN_TOO_SMALL_FOR_DRIVERS", "cn-2025") == []


def test_concealed_camera_needs_a_larger_sign():
    hall = {"id": "hall", "name": "Hall", "kind": "collection", "place": "public",
            "polygon": rect(-2, -6, 12, 6)}  # fmt: skip
    # Read from 2.5 m (its own viewing distance): the standard size for that, and one larger.
    enough = standard_size(2.5, TITLES)
    more = larger_size(*enough)

    def case(concealed, w, h):
        p = plan(
            cameras=[camera(concealed=concealed)],
            zones=[hall],
            signs=[sign("s1", -1, 0, w, h, viewing_distance_m=2.5)],
            organization=ORG,
        )
        return rule_findings(p, "SIGN_NOT_PROMINENT")

    (f,) = case(True, *enough)
    assert f.camera == "c1"
    assert f"s1 ({enough[0] * 1000:.0f} × {enough[1] * 1000:.0f} mm → " in f.message
    assert f"{more[0] * 1000:.0f} × {more[1] * 1000:.0f} mm)" in f.message
    assert "more prominent" in f.message and "ICO" in f.reference
    assert case(True, *more) == []
    assert case(False, *enough) == []  # a visible camera: the ordinary size will do


def test_british_rules_cite_no_chinese_law():
    pack = load_pack("uk-ico")
    for rule_id in ("SIGN_TOO_SMALL_FOR_DRIVERS", "SIGN_NOT_PROMINENT"):
        ref = pack.reference(rule_id)
        assert (
            "PIPL" not in ref and "Measures" not in ref and "GDPR" not in ref.replace("UK GDPR", "")
        )


def test_place_signs_sizes_car_park_signs_for_drivers(tmp_path, capsys):
    import json

    from siteplanner.cli import main
    from siteplanner.fileformat import load_plan
    from siteplanner.resources import sample_plan_path
    from siteplanner.signage.placement import suggest_signs

    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["rules"] = "uk-ico"
    src, out = tmp_path / "uk.siteplan", tmp_path / "placed.siteplan"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    need = standard_size(driver_distance(TITLES[0], 16.0)[1], TITLES)
    suggestions = suggest_signs(load_plan(src), pipeline.run(load_plan(src)).analysis)
    for_drivers = [s for s in suggestions if "sized for drivers" in s.note]
    assert for_drivers and all((s.width_m, s.height_m) == need for s in for_drivers)
    assert all("z-carpark" in s.zones for s in for_drivers)
    assert main(["place-signs", str(src), "-o", str(out)]) == 0
    placed = pipeline.run(load_plan(out)).findings
    assert not [f for f in placed if f.rule in ("SIGN_TOO_SMALL_FOR_DRIVERS", "SIGN_MISSING")]
    # The Chinese pack has no such rule: the same site gets no driver-sized signs.
    cn = suggest_signs(
        load_plan(sample_plan_path()), pipeline.run(load_plan(sample_plan_path())).analysis
    )
    assert not [s for s in cn if "sized for drivers" in s.note]
