"""`signs` refuses an incomplete notice unless asked for a marked draft, and says when the plan
still has error findings."""

from __future__ import annotations

import json

from siteplanner.cli import main
from siteplanner.resources import sample_plan_path


def _plan_without(tmp_path, *fields: str):
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    for name in fields:
        data["organization"].pop(name, None)
    for sign in data["levels"][0]["signs"]:  # small enough for one A3 page each
        sign["width_m"], sign["height_m"] = 0.225, 0.3
    path = tmp_path / "plan.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_incomplete_notice_is_refused_naming_the_fields(tmp_path, capsys):
    path = _plan_without(tmp_path, "contact", "retention_days")
    out = tmp_path / "signs.pdf"
    assert main(["signs", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "organization.contact" in err and "organization.retention_days" in err
    assert "organization.name" not in err  # only what is missing
    assert "--draft" in err
    assert not out.exists()


def test_draft_prints_a_visible_mark(tmp_path, capsys, poppler):
    path = _plan_without(tmp_path, "name", "contact", "purpose", "retention_days")
    out = tmp_path / "signs.pdf"
    assert main(["signs", str(path), "-o", str(out), "--draft", "--paper", "A3"]) == 0
    # Rotated across the sign: pdftotext gives it glyph by glyph.
    text = "".join(poppler("pdftotext", "-raw", "-f", "1", "-l", "1", str(out), "-").split())
    assert "草稿" in text and "DRAFT" in text
    # A complete plan prints without the mark.
    good = tmp_path / "good.pdf"
    assert main(["signs", str(_plan_without(tmp_path)), "-o", str(good), "--paper", "A3"]) == 0
    text = "".join(poppler("pdftotext", "-raw", "-f", "1", "-l", "1", str(good), "-").split())
    assert "草稿" not in text and "DRAFT" not in text


def test_error_findings_are_summarised_on_stderr(tmp_path, capsys):
    assert main(["signs", "-o", str(tmp_path / "s.pdf"), "--paper", "A3"]) == 0
    err = capsys.readouterr().err
    # The sample has cameras with no sign and one in a changing room.
    assert "warning" in err and "SIGN_MISSING ×3" in err and "CAMERA_IN_PRIVATE_SPACE" in err
    assert "6 error findings" in err


def _plan_with_url(tmp_path, url: str):
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["organization"]["privacy_notice_url"] = url
    path = tmp_path / "url.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_only_web_addresses_are_printed(tmp_path, capsys):
    for url in ("javascript:alert(1)", "file:///etc/passwd", "example.com/privacy"):
        out = tmp_path / "x.pdf"
        assert main(["signs", str(_plan_with_url(tmp_path, url)), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert "privacy_notice_url" in err and "http" in err and len(err.strip().splitlines()) == 1
        assert not out.exists()


def test_long_url_warns_of_small_qr_modules_and_prints_as_text(tmp_path, capsys, poppler):
    long_url = "https://example.com/privacy/" + "x" * 400
    out = tmp_path / "long.pdf"
    assert main(["signs", str(_plan_with_url(tmp_path, long_url)), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "QR modules print" in err and "s-corridor" in err  # the 80 x 100 mm sign
    # The sample's short address makes modules of 0.5 mm and more on its 300 x 400 mm sign.
    good = tmp_path / "good.pdf"
    assert main(["signs", "-o", str(good), "--paper", "A3"]) == 0
    assert "QR modules" not in capsys.readouterr().err
    text = "".join(poppler("pdftotext", str(good), "-").split())
    assert "https://example.com/privacy/cctv" in text
