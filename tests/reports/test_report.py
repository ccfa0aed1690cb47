"""The site report: every camera, zone and finding of the plan in the PDF's text; the CJK font
embedded; drawings on landscape pages; unusable input refused with exit 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.fileformat import load_plan
from siteplanner.reports.site_report import collection_proof
from siteplanner.resources import sample_plan_path
from tests.helpers import camera, plan, rect


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_report_holds_every_camera_zone_and_finding(tmp_path, poppler, capsys):
    out = tmp_path / "site.pdf"
    assert main(["report", str(sample_plan_path()), "-o", str(out)]) == 0
    assert "pages" in capsys.readouterr().out
    text = squash(poppler("pdftotext", "-raw", str(out), "-"))
    sample = load_plan(sample_plan_path())
    assert main(["check", str(sample_plan_path()), "--json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    for lv in sample.levels:
        for c in lv.cameras:
            assert squash(c.id) in text and squash(c.name) in text
        for z in lv.zones:
            assert squash(z.id) in text and squash(z.name) in text
        for s in lv.signs:
            assert squash(s.id) in text
    for f in report["findings"]:
        assert squash(f["rule"]) in text
        # The finding's message (first language) is printed whole.
        assert squash(f["message"]) in text
    # The assessment draft under the pack's own name, and the record of processing.
    assert "个人信息保护影响评估" in text
    assert "处理情况记录" in text and "Recordofprocessing" in text
    assert "待运营者填写" in text  # blanks for the operator
    # Every camera's coverage figure as the schedule prints it.
    for cam in report["cameras"]:
        assert f"{cam['coverage_m2']:.1f}" in text
    fonts = poppler("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded


def test_a3_puts_each_level_on_an_a3_landscape_page(tmp_path, poppler):
    out = tmp_path / "a3.pdf"
    assert main(["report", str(sample_plan_path()), "-o", str(out), "--paper", "A3"]) == 0
    info = poppler("pdfinfo", "-f", "2", "-l", "2", str(out))
    w, h = map(float, re.search(r"Page\s+2 size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(w), round(h)) == (1191, 842)  # A3 landscape in points
    page2 = poppler("pdftotext", "-f", "2", "-l", "2", str(out), "-")
    assert re.search(r"1:\d+", page2)


@pytest.mark.parametrize(("rules", "law"), [("eu-edpb", "GDPR"), ("uk-ico", "UK GDPR")])
def test_english_dpia_for_a_european_pack(tmp_path, poppler, rules, law):
    """A European pack's report is in English by default, its assessment is a DPIA under the
    GDPR (the UK's own for the ICO pack), and no Chinese law or character is in it."""
    out = tmp_path / "eu.pdf"
    assert main(["report", str(sample_plan_path()), "-o", str(out), "--rules", rules]) == 0
    text = poppler("pdftotext", str(out), "-")
    flat = " ".join(text.split())
    assert "data protection impact assessment (DPIA)" in flat
    assert f"Under {law} Art. 35" in flat
    assert f"Record of processing activities ({law} Art. 30)" in flat
    assert f"{law} Art. 30: the controller keeps this record" in flat
    assert (law == "UK GDPR") == ("UK GDPR" in flat)
    for chinese_law in ("PIPL", "Facial Recognition Measures", "cyberspace administration"):
        assert chinese_law not in flat
    # Chinese only where the plan itself holds it (the operator's name).
    for own in (load_plan(sample_plan_path()).organization.name,):
        flat = flat.replace(own, "")
    assert re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", flat) is None


def test_purposes_are_written_in_words(tmp_path, poppler):
    out = tmp_path / "site.pdf"
    assert main(["report", str(sample_plan_path()), "-o", str(out)]) == 0
    text = " ".join(poppler("pdftotext", str(out), "-").split())
    purposes = {c.purpose for lv in load_plan(sample_plan_path()).levels for c in lv.cameras}
    assert {"internal_management", "public_safety"} <= purposes
    assert "内部管理 / internal management" in text and "公共安全 / public safety" in text
    assert "internal_management" not in text and "public_safety" not in text


def test_collection_proof_splits_coverage_by_zone_analytically():
    # A flat 90° sector of radius 10 (camera at target height, tilt 0) facing +x, cut by x = 5:
    # the collection zone holds the part with x <= 5, the excluded zone the rest.
    p = plan(
        cameras=[camera(range_m=10.0)],
        zones=[
            {"id": "z1", "kind": "collection", "polygon": rect(0, -20, 5, 20)},
            {"id": "z2", "kind": "exclude", "polygon": rect(5, -20, 20, 20)},
        ],
    )
    analysis = pipeline.run(p).analysis
    (proof,) = collection_proof(p, analysis)
    total = 25 * 3.141592653589793  # quarter disc of radius 10
    inside = 25.0  # the triangle |y| <= x <= 5
    assert proof.coverage == pytest.approx(total, rel=0.02)
    assert proof.inside == pytest.approx(inside, rel=0.02)
    assert proof.outside == pytest.approx(total - inside, rel=0.02)
    assert proof.excluded == pytest.approx(total - inside, rel=0.02)
    assert proof.private == 0.0


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        ("{not json", "bad.siteplan"),
        (
            '{"format": "siteplanner", "version": 1, "levels": [{"id": "L1", "cameras": '
            '[{"id": "c1", "position": [0, 0], "height_m": -3}]}]}',
            "height_m",
        ),
    ],
)
def test_unusable_input_exits_2_naming_file_or_field(tmp_path, capsys, content, expect):
    bad = tmp_path / "bad.siteplan"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["report", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert expect in err and "Traceback" not in err
    assert not out.exists()


def test_bad_options_exit_2(tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["report", "-o", str(out), "--paper", "B5"]) == 2
    assert "--paper" in capsys.readouterr().err
    assert main(["report", "-o", str(out), "--rules", "nope"]) == 2
    assert "--rules" in capsys.readouterr().err
    assert main(["report", "-o", str(Path(tmp_path, "missing", "r.pdf"))]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_failed_write_keeps_the_previous_report(tmp_path, capsys, monkeypatch):
    """The disk fills half-way through: exit 2 naming the file, the report written before is
    still there, whole, and no temporary file is left beside it."""
    import errno

    from siteplanner.reports import site_report

    out = tmp_path / "site.pdf"
    assert main(["report", str(sample_plan_path()), "-o", str(out)]) == 0
    before = out.read_bytes()
    assert before.startswith(b"%PDF")
    real = site_report.write_report

    def disk_full(plan, analysis, pack, target, **kw):
        real(plan, analysis, pack, target, **kw)
        with open(target, "r+b") as fh:  # as if the last pages never made it
            fh.truncate(1000)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(site_report, "write_report", disk_full)
    capsys.readouterr()
    assert main(["report", str(sample_plan_path()), "-o", str(out), "--paper", "A3"]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "No space left on device" in err and "Traceback" not in err
    assert out.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [out]
