"""The facial-recognition notice: its own colour (information blue, not prohibition red), the
purpose of the face recognition, how long face data is kept and, where faces verify identity, the
other way offered; NOTICE_INCOMPLETE when these are missing. Organisation texts per language."""

from __future__ import annotations

import json

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.drawing.recording import RecordingCanvas
from siteplanner.model import Plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.content import language_warnings, notice_missing, sign_content
from siteplanner.signage.pdf import draw_sign
from siteplanner.signage.style import BLUE, RED
from tests.helpers import camera, plan, rect

ORG = {
    "name": "华东物流",
    "contact": "privacy@example.com",
    "purpose": "公共安全",
    "retention_days": 30,
    "face_purpose": "员工通行核验",
    "face_retention_days": 7,
    "face_alternative": "前台刷员工卡",
    "translations": {
        "en": {
            "name": "East China Logistics",
            "purpose": "Public safety",
            "face_purpose": "Staff entry check",
            "face_alternative": "Staff card at reception",
        }
    },
}
PUBLIC = {"id": "z1", "name": "Lobby", "kind": "collection", "place": "public",
          "polygon": rect(-1, -5, 12, 5)}  # fmt: skip


def face_plan(org: dict, purpose: str = "access_control", rules: str = "cn-2025") -> Plan:
    return plan(
        cameras=[
            camera(id="c-face", name="Gate", face_recognition=True, purpose=purpose),
            camera(id="c-plain", name="Hall", position=[5.0, 0.0], purpose="public_safety"),
        ],
        zones=[PUBLIC],
        signs=[
            {
                "id": "s-face",
                "position": [0, -1],
                "width_m": 0.45,
                "height_m": 0.6,
                "covers": ["c-face"],
            },
            {
                "id": "s-plain",
                "position": [5, -1],
                "width_m": 0.45,
                "height_m": 0.6,
                "covers": ["c-plain"],
            },
        ],  # fmt: skip
        organization=org,
        rules=rules,
    )


def incomplete(p: Plan, lang: str | None = None):
    return [f for f in pipeline.run(p, lang=lang).findings if f.rule == "NOTICE_INCOMPLETE"]


def test_face_sign_gives_purpose_retention_and_the_alternative_in_each_language():
    p = face_plan(ORG)
    face = sign_content(p, p.levels[0].signs[0], "L1", ("zh", "en"))
    rows = {r.label: r.value for r in face.rows}
    assert rows["人脸识别目的 / Purpose of facial recognition"] == "员工通行核验\nStaff entry check"
    assert rows["人脸信息保存期限 / Face data kept for"] == "7 天 / 7 days"
    assert rows["不使用人脸识别的验证方式 / Other way to verify your identity"] == (
        "前台刷员工卡\nStaff card at reception"
    )
    # The face items follow the general purpose, which comes per language too.
    labels = [r.label for r in face.rows]
    assert labels.index("目的 / Purpose") + 1 == labels.index(
        "人脸识别目的 / Purpose of facial recognition"
    )
    assert rows["运营者 / Operator"] == "华东物流\nEast China Logistics"
    assert rows["目的 / Purpose"] == "公共安全\nPublic safety"
    # A sign announcing no face camera carries none of it.
    plain = sign_content(p, p.levels[0].signs[1], "L1", ("zh", "en"))
    assert not plain.face_notices
    assert not any("人脸" in r.label for r in plain.rows)
    # English only: the translations, nothing Chinese.
    en = sign_content(p, p.levels[0].signs[0], "L1", ("en",))
    assert {r.label: r.value for r in en.rows}["Purpose of facial recognition"] == (
        "Staff entry check"
    )
    assert "员工" not in en.all_text() and "华东" not in en.all_text()


def _fills(content) -> list[tuple[float, float, float]]:
    rec = RecordingCanvas()
    rec.define_symbol("pictogram", 1, 1, lambda cv: None)
    draw_sign(rec, content, 0, 0, 0.45 * 2834.6, 0.6 * 2834.6)
    return [c[1][0] for c in rec.calls if c[0] == "set_fill"]


def test_face_band_is_information_blue_not_prohibition_red():
    p = face_plan(ORG)
    face_fills = _fills(sign_content(p, p.levels[0].signs[0], "L1", ("zh", "en")))
    plain_fills = _fills(sign_content(p, p.levels[0].signs[1], "L1", ("zh", "en")))
    assert BLUE in face_fills and RED not in face_fills
    assert BLUE not in plain_fills


@pytest.mark.parametrize("rules", ["cn-2025", "cn-2023-draft", "eu-edpb", "uk-ico"])
def test_notice_incomplete_names_the_missing_face_items(rules):
    org = dict(ORG, legal_basis="Legitimate interest", privacy_notice_url="https://e.example/p")
    assert incomplete(face_plan(org, rules=rules)) == []
    lacking = {k: v for k, v in org.items() if k not in ("face_purpose", "face_retention_days")}
    found = incomplete(face_plan(lacking, rules=rules), lang="en")
    assert len(found) == 1 and found[0].severity == "error" and found[0].camera == "c-face"
    msg = found[0].message
    assert "purpose of the facial recognition" in msg and "retention period of face data" in msg
    assert "other way to verify identity" not in msg  # it is given


def test_the_alternative_is_required_where_faces_verify_identity():
    lacking = {k: v for k, v in ORG.items() if k != "face_alternative"}
    lacking["translations"] = {"en": {"name": "East China Logistics"}}
    # A turnstile that verifies identity: the alternative must be told.
    found = incomplete(face_plan(lacking, purpose="access_control"), lang="zh")
    assert len(found) == 1 and "人脸识别以外的身份验证方式" in found[0].message
    assert notice_missing(face_plan(lacking)) == ["organization.face_alternative"]
    # Face recognition that identifies no one at a gate (public safety): no alternative asked.
    assert incomplete(face_plan(lacking, purpose="public_safety")) == []
    assert notice_missing(face_plan(lacking, purpose="public_safety")) == []


def test_plans_without_face_cameras_need_no_face_items():
    org = {k: v for k, v in ORG.items() if not k.startswith("face_")}
    p = face_plan(org)
    data = p.model_dump(mode="json")
    data["levels"][0]["cameras"][0]["face_recognition"] = False
    p = Plan.model_validate(data)
    assert incomplete(p) == [] and notice_missing(p) == []


def test_signs_refuse_a_face_sign_without_its_items(tmp_path, capsys):
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    del data["organization"]["face_retention_days"]
    path = tmp_path / "plan.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "s.pdf"
    assert main(["signs", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "organization.face_retention_days" in err and not out.exists()


def test_language_warnings(tmp_path, capsys):
    p = face_plan(ORG)
    assert language_warnings(p, ("zh", "en")) == []
    # English only on a Chinese site: no Chinese on the sign.
    (w,) = language_warnings(p, ("en",))
    assert "no Chinese (zh) text" in w and "rule pack cn-2025 requires" in w
    # A German-only sign under the European pack is a choice, not a gap (no required language).
    eu = face_plan(
        dict(ORG, name="Northwind", purpose="Sicherheit", translations={}), rules="eu-edpb"
    )
    assert language_warnings(eu, ("de",)) == []
    # A Chinese sign whose operator name has no Chinese and no Chinese translation.
    org = dict(ORG, name="East China Logistics", translations={})
    warnings = language_warnings(face_plan(org), ("zh", "en"))
    assert warnings == [
        "organization.name has no Chinese (zh) text: the signs print it as typed; give "
        "organization.translations.zh.name",
        "organization.purpose has no English (en) text: the signs print it as typed; give "
        "organization.translations.en.purpose",
    ]
    # The command line says so on stderr and still prints.
    path = tmp_path / "p.siteplan"
    path.write_text(face_plan(ORG).model_dump_json(exclude_none=True), encoding="utf-8")
    out = tmp_path / "s.pdf"
    assert main(["signs", str(path), "-o", str(out), "--lang", "en", "--no-legend"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "no Chinese (zh) text" in err and out.exists()


@pytest.mark.parametrize("rules", ["cn-2025", "cn-2023-draft"])
def test_notice_reference_cites_the_verified_articles(rules):
    """PIPL Art. 17 (what people are told before processing) and Art. 26 (prominent signs for
    image collection in public places); the facial-recognition instrument by name only (no
    article number that has not been checked against the published text)."""
    from siteplanner.compliance import load_pack

    pack = load_pack(rules)
    zh, en = pack.reference("NOTICE_INCOMPLETE", "zh"), pack.reference("NOTICE_INCOMPLETE", "en")
    assert "《个人信息保护法》第十七条" in zh and "第二十六条" in zh and "保存期限" in zh
    assert "PIPL Art. 17" in en and "PIPL Art. 26" in en and "retention period" in en
    instrument = "Facial Recognition Measures (2025)" if rules == "cn-2025" else "(draft"
    assert instrument in en
    assert "Art. 10" not in en and "第十条" not in zh
    assert "GDPR" not in en and "ICO" not in en


def test_required_sign_languages_are_checked_with_the_pack():
    from siteplanner.compliance import load_pack
    from siteplanner.compliance.packs import PackError, _folder, parse_pack

    assert load_pack("cn-2025").sign_required_languages == ("zh",)
    assert load_pack("eu-edpb").sign_required_languages == ()
    spec = json.loads((_folder() / "cn-2025.json").read_text(encoding="utf-8"))
    spec["sign_required_languages"] = ["de"]
    with pytest.raises(PackError, match=r"sign_required_languages: 'de' is not one of"):
        parse_pack(spec, "x.json")
