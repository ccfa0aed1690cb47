"""Sign content per language and the `signs` command."""

from __future__ import annotations

import json
import re

import pytest

from siteplanner.cli import main
from siteplanner.resources import sample_plan_path
from siteplanner.signage.content import LanguageError, parse_langs, sign_content


def test_parse_langs():
    assert parse_langs("zh,en") == ("zh", "en")
    assert parse_langs(" EN ") == ("en",)
    assert parse_langs("en,zh,en") == ("en", "zh")
    for bad in ("fr", ",", "zh,xx"):
        with pytest.raises(LanguageError):
            parse_langs(bad)


def test_content_from_pack_and_organisation(sample):
    level = sample.levels[0]
    entrance = next(s for s in level.signs if s.id == "s-entrance")  # announces the FR camera
    corridor = next(s for s in level.signs if s.id == "s-corridor")
    c = sign_content(sample, entrance, level.id)
    assert c.titles == ["视频监控区域", "CCTV in operation"]
    assert c.face_notices == ["本区域使用人脸识别技术", "Facial recognition in use in this area"]
    text = c.all_text()
    assert sample.organization.name in text  # "... & Partners" kept as typed
    assert sample.organization.contact in text
    assert "30 天" in text and "30 days" in text
    assert c.qr_url == sample.organization.privacy_notice_url
    assert sign_content(sample, corridor, level.id).face_notices == []
    en = sign_content(sample, entrance, level.id, ("en",))
    assert en.titles == ["CCTV in operation"]
    assert not re.search(r"[\u4e00-\u9fff]", en.all_text().replace(sample.organization.name, ""))


def test_face_notice_follows_the_camera_model(sample):
    # c-turnstile takes face_recognition from its model: switching the model off clears it.
    level = sample.levels[0]
    entrance = next(s for s in level.signs if s.id == "s-entrance")
    for m in sample.camera_models:
        m.face_recognition = False
    assert sign_content(sample, entrance, level.id).face_notices == []


def test_signs_command(tmp_path, capsys, poppler):
    out = tmp_path / "signs.pdf"
    assert main(["signs", "-o", str(out), "--paper", "A3", "--lang", "en"]) == 0
    assert out.stat().st_size > 1000
    info = poppler("pdfinfo", str(out))
    assert "841.89 x 1190.55" in info or "1190.55 x 841.89" in info
    text = poppler("pdftotext", str(out), "-")
    assert "CCTV in operation" in text and "视频监控区域" not in text


def test_signs_command_suggested(tmp_path, capsys):
    out = tmp_path / "s.pdf"
    assert main(["signs", "-o", str(out), "--suggested", "--per-sheet", "--no-legend"]) == 0
    n = int(re.search(r"(\d+) signs", capsys.readouterr().out).group(1))
    assert n > 2  # the sample's two signs and the suggestions


@pytest.mark.parametrize(
    "args, needle",
    [(["--lang", "fr"], "--lang"), (["-o", "/nonexistent-dir/x.pdf"], "does not exist")],
)
def test_signs_command_bad_input(tmp_path, capsys, args, needle):
    assert main(["signs", "-o", str(tmp_path / "x.pdf"), *args]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_signs_command_bad_paper(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:  # argparse's usage error, exit code 2
        main(["signs", "-o", str(tmp_path / "x.pdf"), "--paper", "B5"])
    assert exc.value.code == 2
    assert "unknown paper 'B5'" in capsys.readouterr().err


def test_signs_command_bad_plan_and_no_signs(tmp_path, capsys):
    bad = tmp_path / "bad.siteplan"
    bad.write_text(
        json.dumps(
            {
                "format": "siteplanner",
                "version": 1,
                "levels": [{"id": "L1", "signs": [{"position": [0, 0], "height_m": -1}]}],
            }
        )
    )
    assert main(["signs", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "bad.siteplan" in err and "levels[0].signs[0].height_m" in err
    empty = tmp_path / "empty.siteplan"
    empty.write_text(json.dumps({"format": "siteplanner", "version": 1, "levels": [{"id": "L1"}]}))
    assert main(["signs", str(empty), "-o", str(tmp_path / "y.pdf")]) == 2
    assert "no signs" in capsys.readouterr().err


def _sample_with_url(tmp_path, url: str):
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["organization"]["privacy_notice_url"] = url
    path = tmp_path / "url.siteplan"
    # ensure_ascii keeps a lone surrogate as its \ud800 escape, as a hostile file would carry it.
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "url, needle",
    [
        ("https://example.com/" + "a" * 2400, "2,420 bytes do not fit in a QR code"),
        ("https://example.com/\ud800", ""),  # refused at load or at the QR: either way cleanly
    ],
)
def test_signs_refuses_a_url_no_qr_code_can_hold(tmp_path, capsys, url, needle):
    path = _sample_with_url(tmp_path, url)
    out = tmp_path / "x.pdf"
    assert main(["signs", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(path) in err and "privacy_notice_url" in err and needle in err
    assert not out.exists()  # nothing half-written


def test_signs_never_crash_on_lone_surrogates(tmp_path, capsys):
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["name"] = "plan \ud801"
    data["organization"]["name"] = "Bad \ud800 name"
    data["levels"][0]["signs"][0]["id"] = "s-\ud800"
    path = tmp_path / "s.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    out = tmp_path / "x.pdf"
    # Refused at load (exit 2, naming the field), or printed with U+FFFD: never a traceback.
    code = main(["signs", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert code in (0, 2) and "Traceback" not in err
    assert out.exists() == (code == 0)


def test_sign_rights_row_one_line_per_language(sample):
    level = sample.levels[0]
    sign = level.signs[0]
    contact = sample.organization.contact
    both = sign_content(sample, sign, level.id, ("zh", "en"))
    rights = both.rows[-1].value.split("\n")
    assert rights[0].endswith("请联系：") and not re.search(r"[A-Za-z]", rights[0])
    assert rights[1].startswith("To access") and rights[1].endswith("contact:")
    assert rights[2] == contact  # the contact once, exactly as typed
    zh = sign_content(sample, sign, level.id, ("zh",)).rows[-1].value
    assert zh.endswith("请联系：" + contact) and ":" not in zh.replace(contact, "")
    en = sign_content(sample, sign, level.id, ("en",)).rows[-1].value
    assert en.endswith("contact: " + contact)
    assert both.qr_caption.split("\n") == [
        "扫码查看完整个人信息处理告知",
        "Scan for the full privacy notice",
    ]
