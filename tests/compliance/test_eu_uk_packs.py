"""The European (GDPR, EDPB Guidelines 3/2019) and British (UK GDPR, DPA 2018, ICO) packs: their
own findings on small plans, the law they cite, their notice fields and their signs."""

from __future__ import annotations

import re

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.compliance import LanguageError, load_pack
from siteplanner.signage.content import sign_content
from tests.helpers import camera, plan, rect

CJK = re.compile(r"[\u4e00-\u9fff]")
FULL_ORG = {
    "name": "Northwind Logistics GmbH",
    "contact": "privacy@northwind.example",
    "purpose": "Protection of goods and staff",
    "retention_days": 3,
    "legal_basis": "Legitimate interest (Art. 6(1)(f) GDPR): protection of property",
    "privacy_notice_url": "https://northwind.example/cctv",
}
HALL = {"id": "hall", "name": "Hall", "kind": "collection", "place": "public"}


def findings(p, rules, rule=None):
    fs = pipeline.run(p, rules=rules).findings
    return [f for f in fs if rule is None or f.rule == rule]


@pytest.mark.parametrize("pack_id", ["eu-edpb", "uk-ico"])
def test_no_chinese_law_under_a_european_pack(pack_id):
    pack = load_pack(pack_id)
    assert pack.languages == {"eu-edpb": ("en", "de", "fr"), "uk-ico": ("en",)}[pack_id]
    for rule_id in pack.rules:
        ref = pack.reference(rule_id)
        assert not CJK.search(ref)
        assert not re.search(r"PIPL|Facial Recognition (Measures|Provisions)|cyberspace", ref)
    gdpr = "UK GDPR" if pack_id == "uk-ico" else "GDPR"
    for rule_id in ("SIGN_MISSING", "NOTICE_INCOMPLETE", "OVER_COLLECTION", "DPIA_REQUIRED"):
        assert gdpr in pack.reference(rule_id), rule_id


@pytest.mark.parametrize("pack_id", ["cn-2025", "cn-2023-draft"])
def test_no_european_law_under_a_chinese_pack(pack_id):
    pack = load_pack(pack_id)
    for rule_id in pack.rules:
        for lang in pack.languages:
            assert not re.search(
                r"GDPR|EDPB|ICO|Data Protection Act", pack.reference(rule_id, lang)
            )


def test_eu_references_cite_articles_and_guideline_sections():
    pack = load_pack("eu-edpb")
    assert "Art. 35(3)(c)" in pack.reference("DPIA_REQUIRED")
    assert "Art. 9(1)" in pack.reference("BIOMETRIC_SPECIAL_CATEGORY")
    assert "section 7.1.2" in pack.reference("NOTICE_INCOMPLETE")
    assert "Guidelines 3/2019" in pack.reference("SIGN_MISSING")
    uk = load_pack("uk-ico")
    assert "Data Protection Act 2018" in uk.reference("BIOMETRIC_SPECIAL_CATEGORY")
    assert "ICO" in uk.reference("SIGN_MISSING")


@pytest.mark.parametrize(
    ("pack_id", "law"), [("eu-edpb", "Art. 9(2)"), ("uk-ico", "Data Protection Act 2018")]
)
def test_face_recognition_is_special_category_data(pack_id, law):
    fs = findings(plan([camera(face_recognition=True, name="Gate")]), pack_id)
    (f,) = [f for f in fs if f.rule == "BIOMETRIC_SPECIAL_CATEGORY"]
    assert f.severity == "error" and f.camera == "c1" and "Gate (c1)" in f.message
    assert law in f.message
    (dpia,) = [f for f in fs if f.rule == "IMPACT_ASSESSMENT_REQUIRED"]
    assert "data protection impact assessment" in dpia.message
    # The Chinese packs speak of the PIPL instead and know no such rule.
    cn = findings(plan([camera(face_recognition=True)]), "cn-2025")
    assert not [f for f in cn if f.rule == "BIOMETRIC_SPECIAL_CATEGORY"]


def test_dpia_for_large_scale_monitoring_of_a_public_area():
    # Ten cameras side by side all looking into one public hall: systematic, large scale.
    hall = dict(HALL, polygon=rect(0, -20, 20, 20))
    cams = [camera(id=f"c{i}", position=[0.5, -18 + 4 * i]) for i in range(10)]
    (f,) = findings(plan(cams, zones=[hall], organization=FULL_ORG), "eu-edpb", "DPIA_REQUIRED")
    assert f.severity == "warning" and f.level == "L1"
    assert f.message.startswith("10 cameras on L1 systematically monitor")
    zone = pipeline.run(plan(cams, zones=[hall])).analysis.zones["hall"]
    assert f.area_m2 == pytest.approx(zone.covered_m2)
    # Two cameras over a small lobby are not large scale.
    lobby = dict(HALL, polygon=rect(0, -5, 8, 5))
    few = plan(cams[:2], zones=[lobby], organization=FULL_ORG)
    assert findings(few, "eu-edpb", "DPIA_REQUIRED") == []
    assert findings(plan(cams, zones=[hall]), "cn-2025", "DPIA_REQUIRED") == []


def test_eu_first_layer_needs_legal_basis_and_second_layer_link():
    hall = dict(HALL, polygon=rect(0, -5, 8, 5))
    sign = {"id": "s1", "position": [-1, 0], "covers": ["c1"]}
    org = {k: v for k, v in FULL_ORG.items() if k not in ("legal_basis", "privacy_notice_url")}
    p = plan([camera()], zones=[hall], signs=[sign], organization=org)
    (f,) = findings(p, "eu-edpb", "NOTICE_INCOMPLETE")
    assert "lacks the controller's legal basis, link to the full notice (second layer)" in f.message
    # The British pack asks for the operator, the purpose and a contact only.
    assert findings(p, "uk-ico", "NOTICE_INCOMPLETE") == []
    # ... and the Chinese pack for the retention period too, not the legal basis.
    assert findings(p, "cn-2025", "NOTICE_INCOMPLETE") == []
    full = plan([camera()], zones=[hall], signs=[sign], organization=FULL_ORG)
    assert findings(full, "eu-edpb", "NOTICE_INCOMPLETE") == []


def test_shared_rules_keep_their_geometry_under_every_pack():
    road = {"id": "road", "kind": "exclude", "polygon": rect(-20, -20, 20, 0)}
    areas = {
        pack: [f.area_m2 for f in findings(plan([camera()], zones=[road]), pack, "OVER_COLLECTION")]
        for pack in ("cn-2025", "eu-edpb", "uk-ico")
    }
    assert areas["cn-2025"] == areas["eu-edpb"] == areas["uk-ico"]
    assert areas["eu-edpb"][0] == pytest.approx(25 * 3.14159265 / 2, rel=1e-3)


def test_sign_languages_and_texts_per_pack():
    assert load_pack("cn-2025").sign_languages == ("zh", "en")
    eu = load_pack("eu-edpb")
    assert eu.sign_languages == ("en", "de", "fr")
    assert eu.sign["title"] == {
        "en": "Video surveillance",
        "de": "Videoüberwachung",
        "fr": "Vidéosurveillance",
    }
    assert "DSGVO" in eu.sign["legal_basis"]["de"] and "RGPD" in eu.sign["legal_basis"]["fr"]
    assert load_pack("uk-ico").sign_languages == ("en",)
    p = plan([camera()], signs=[{"id": "s1", "position": [0, 0], "covers": ["c1"]}])
    content = sign_content(p, p.levels[0].signs[0], "L1", ("en",), eu)
    assert content.titles == ["Video surveillance"]
    assert content.legal_basis == ["Information under Art. 13 GDPR"]


def test_lang_picks_among_the_packs_languages(capsys):
    with pytest.raises(LanguageError, match=r"available: en"):
        load_pack("uk-ico").lang("zh")
    assert main(["check", "--rules", "eu-edpb", "--lang", "zh"]) == 2
    assert "rule pack eu-edpb has no messages in 'zh' (available: en, de, fr)" in (
        capsys.readouterr().err
    )
    assert main(["check", "--rules", "uk-ico", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    said = [line for line in out.splitlines() if line.startswith("    ")]
    assert said and not any(CJK.search(line) for line in said)
    assert "UK GDPR" in out


def test_each_pack_names_its_impact_assessment():
    assert load_pack("cn-2025").assessment["zh"] == "个人信息保护影响评估"
    assert "(PIA)" in load_pack("cn-2025").assessment["en"]
    assert load_pack("eu-edpb").assessment == {
        "en": "data protection impact assessment (DPIA)",
        "de": "Datenschutz-Folgenabschätzung (DSFA)",
        "fr": "analyse d'impact relative à la protection des données (AIPD)",
    }
    assert "(DPIA)" in load_pack("uk-ico").assessment["en"]


def test_audio_recording_is_flagged_by_the_british_pack():
    p = plan([camera(audio=True, name="Till")])
    (f,) = findings(p, "uk-ico", "AUDIO_RECORDING")
    assert f.severity == "warning" and f.camera == "c1" and "Till (c1)" in f.message
    assert "signs" in f.message and "In the picture" in f.reference
    assert findings(plan([camera()]), "uk-ico", "AUDIO_RECORDING") == []
    assert findings(p, "cn-2025", "AUDIO_RECORDING") == []
