"""Each rule pack prints its own sign: its languages (default and available) and its first
layer (EU: EDPB Guidelines 3/2019; UK: operator, purpose, contact, audio)."""

from __future__ import annotations

import json
import re

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.compliance import available_packs, load_pack
from siteplanner.compliance.packs import SIGN_ROWS, PackError, _folder, parse_pack
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.content import LanguageError, parse_langs, sign_content
from tests.helpers import camera, plan

CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_LAW = re.compile(r"PIPL|个人信息保护法|人脸识别|Facial Recognition Measures")
EUROPEAN_LAW = re.compile(r"GDPR|DSGVO|RGPD|Data Protection Act|Art\. 13")
ORG = {
    "name": "Northwind Logistics GmbH",
    "contact": "privacy@northwind.example",
    "dpo_contact": "dpo@northwind.example",
    "purpose": "Protection of goods and staff",
    "legal_basis": "Legitimate interest: protection of property",
    "retention_days": 3,
    "privacy_notice_url": "https://northwind.example/cctv",
    # The sample's turnstile verifies staff by their faces.
    "face_purpose": "Staff entry at the turnstile",
    "face_retention_days": 7,
    "face_alternative": "Staff card at reception",
}
SIGN = {"id": "s1", "position": [-1, 0], "covers": ["c1"], "width_m": 0.2, "height_m": 0.3}


def plan_file(tmp_path, rules: str, org: dict | None = None, audio: bool = False) -> str:
    """The sample site under ``rules``, with one small sign that fits an A4 page."""
    data = json.loads(sample_plan_path().read_text(encoding="utf-8"))
    data["rules"] = rules
    data["organization"] = dict(ORG if org is None else org)
    level = data["levels"][0]
    level["signs"] = [dict(SIGN, id="s1", covers=[level["cameras"][0]["id"]])]
    level["cameras"][0]["audio"] = audio
    path = tmp_path / f"{rules}.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_eu_sign_prints_the_first_layer_in_each_language(tmp_path, capsys, poppler):
    out = tmp_path / "eu.pdf"
    assert (
        main(
            [
                "signs",
                plan_file(tmp_path, "eu-edpb"),
                "-o",
                str(out),
                "--lang",
                "en,de,fr",
                "--no-legend",
            ]
        )
        == 0
    )
    assert "(A4, page, en,de,fr)" in capsys.readouterr().out
    text = flat(poppler("pdftotext", str(out), "-"))
    for value in (ORG["name"], ORG["contact"], ORG["dpo_contact"], ORG["legal_basis"]):
        assert value in text
    assert ORG["privacy_notice_url"] in text  # the second layer, written out besides the QR code
    per_lang = {
        "en": ["Video surveillance", "Controller", "Data protection officer", "Legal basis",
               "3 days", "supervisory authority", "Full information", "Art. 13 GDPR"],
        "de": ["Videoüberwachung", "Verantwortlicher", "Datenschutzbeauftragter",
               "Rechtsgrundlage", "3 Tage", "Aufsichtsbehörde", "Weitere Informationen", "DSGVO"],
        "fr": ["Vidéosurveillance", "Responsable du traitement", "Délégué à la protection",
               "Base juridique", "3 jours", "autorité de contrôle", "Informations complètes",
               "RGPD"],
    }  # fmt: skip
    for lang, words in per_lang.items():
        for word in words:
            assert word in text, (lang, word)
    assert not CJK.search(text) and not CHINESE_LAW.search(text)


def test_signs_default_to_the_packs_sign_languages(tmp_path, capsys, poppler):
    eu, cn = tmp_path / "eu.pdf", tmp_path / "cn.pdf"
    assert main(["signs", plan_file(tmp_path, "eu-edpb"), "-o", str(eu), "--no-legend"]) == 0
    assert "(A4, page, en)" in capsys.readouterr().out
    text = flat(poppler("pdftotext", str(eu), "-"))
    assert "Video surveillance" in text and "Controller" in text
    assert "Videoüberwachung" not in text and "Verantwortlicher" not in text
    assert main(["signs", plan_file(tmp_path, "cn-2025"), "-o", str(cn), "--no-legend"]) == 0
    assert "(A4, page, zh,en)" in capsys.readouterr().out
    text = flat(poppler("pdftotext", str(cn), "-"))
    assert "视频监控区域" in text and "运营者" in text and "个人信息保护法" in text
    assert not EUROPEAN_LAW.search(text.replace(ORG["legal_basis"], ""))
    assert "Controller" not in text and ORG["dpo_contact"] not in text


def test_lang_refused_when_the_pack_has_no_such_sign(tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["signs", plan_file(tmp_path, "uk-ico"), "-o", str(out), "--lang", "zh"]) == 2
    assert "--lang: rule pack uk-ico prints signs in en only" in capsys.readouterr().err
    assert main(["signs", plan_file(tmp_path, "eu-edpb"), "-o", str(out), "--lang", "en,zh"]) == 2
    assert "rule pack eu-edpb prints signs in en, de or fr only" in capsys.readouterr().err
    assert main(["signs", plan_file(tmp_path, "cn-2025"), "-o", str(out), "--lang", "de"]) == 2
    assert "rule pack cn-2025 prints signs in zh or en only" in capsys.readouterr().err
    assert not out.exists()


def test_parse_langs_under_a_pack():
    eu, uk = load_pack("eu-edpb"), load_pack("uk-ico")
    assert parse_langs(None, eu) == ("en",)
    assert parse_langs("FR, de,fr", eu) == ("fr", "de")
    assert parse_langs(None, load_pack("cn-2025")) == ("zh", "en")
    with pytest.raises(LanguageError, match=r"^rule pack uk-ico prints signs in en only$"):
        parse_langs("en,de", uk)


def test_eu_sign_without_a_dpo_leaves_the_row_out_and_is_not_incomplete(tmp_path):
    org = {k: v for k, v in ORG.items() if k != "dpo_contact"}
    p = load_plan(plan_file(tmp_path, "eu-edpb", org))
    c = sign_content(p, p.levels[0].signs[0], p.levels[0].id)
    labels = [r.label for r in c.rows]
    assert labels == [
        "Controller",
        "Contact",
        "Purpose",
        "Legal basis",
        "Retention",
        "Your rights",
        "Full information",
    ]
    # A DPO is named "where there is one": the pack does not ask for it.
    assert [f for f in pipeline.run(p).findings if f.rule == "NOTICE_INCOMPLETE"] == []
    with_dpo = load_plan(plan_file(tmp_path, "eu-edpb"))
    rows = sign_content(with_dpo, with_dpo.levels[0].signs[0]).rows
    assert ("Data protection officer", ORG["dpo_contact"]) in [(r.label, r.value) for r in rows]


def test_notice_incomplete_names_what_each_pack_requires(tmp_path, capsys):
    no_basis = {k: v for k, v in ORG.items() if k != "legal_basis"}
    out = str(tmp_path / "x.pdf")
    assert main(["signs", plan_file(tmp_path, "eu-edpb", no_basis), "-o", out]) == 1
    assert "missing organization.legal_basis" in capsys.readouterr().err
    no_dpo = {k: v for k, v in ORG.items() if k != "dpo_contact"}
    assert main(["signs", plan_file(tmp_path, "eu-edpb", no_dpo), "-o", out]) == 0
    capsys.readouterr()
    # The British pack does not ask for a legal basis.
    assert main(["signs", plan_file(tmp_path, "uk-ico", no_basis), "-o", out]) == 0


@pytest.mark.parametrize("audio", [True, False])
def test_uk_sign_operator_purpose_contact_and_audio(tmp_path, audio):
    p = load_plan(plan_file(tmp_path, "uk-ico", audio=audio))
    c = sign_content(p, p.levels[0].signs[0], p.levels[0].id)
    rows = {r.label: r.value for r in c.rows}
    expected = {"Operator": ORG["name"], "Purpose": ORG["purpose"], "Contact": ORG["contact"]}
    if audio:
        expected["Audio"] = "These cameras also record sound"
    assert rows == expected
    assert c.titles == ["CCTV in operation"]
    text = c.all_text()
    assert "UK GDPR" in text and not CJK.search(text) and not CHINESE_LAW.search(text)


def test_chinese_signs_cite_no_european_law(sample):
    for s in sample.levels[0].signs:
        text = sign_content(sample, s, sample.levels[0].id).all_text()
        assert "个人信息保护法" in text
        assert not re.search(r"GDPR|DSGVO|RGPD|EDPB|Data Protection Act", text)


def test_every_pack_row_has_wording_in_every_sign_language():
    p = plan(
        [camera(audio=True)],
        signs=[{"id": "s1", "position": [0, 0], "covers": ["c1"]}],
        organization=ORG,
    )
    for pack_id in available_packs():
        pack = load_pack(pack_id)
        for lang in pack.sign_languages:
            c = sign_content(p, p.levels[0].signs[0], "L1", (lang,), pack)
            assert len(c.rows) == len(pack.sign["rows"]), (pack_id, lang)
            assert all(r.label and r.value for r in c.rows)
            if lang != "zh":
                assert not CJK.search(c.all_text()), (pack_id, lang)


def test_pack_sign_languages_are_checked():
    data = json.loads((_folder() / "eu-edpb.json").read_text(encoding="utf-8"))
    data["sign_default_languages"] = ["it"]
    with pytest.raises(PackError, match=r"sign_default_languages: 'it' is not one of"):
        parse_pack(data, "eu.json")
    data["sign_default_languages"] = ["de"]
    data["sign"]["rows"] = ["controller", "horoscope"]
    with pytest.raises(PackError, match=r"sign\.rows"):
        parse_pack(data, "eu.json")
    data["sign"]["rows"] = list(SIGN_ROWS)
    assert parse_pack(data, "eu.json").sign_default_languages == ("de",)
