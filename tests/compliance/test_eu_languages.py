"""The European pack speaks German and French as well as English: every finding of the sample
site in each language, with its own words, every field filled, and no Chinese anywhere."""

from __future__ import annotations

import re

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.compliance import load_pack
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path

CJK = re.compile(r"[\u4e00-\u9fff]")
# How each language's messages say where: "on {level}".
ON_LEVEL = {"de": " auf Ground floor", "fr": " sur Ground floor"}


def run(lang: str):
    return pipeline.run(load_plan(sample_plan_path()), rules="eu-edpb", lang=lang).findings


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_every_finding_in_german_and_french(lang):
    english = run("en")
    found = run(lang)
    # The same findings, in the same order, with the same references; only the words differ.
    assert [(f.rule, f.camera, f.zone, f.reference) for f in found] == [
        (f.rule, f.camera, f.zone, f.reference) for f in english
    ]
    assert {f.rule for f in found} >= {
        "CAMERA_IN_PRIVATE_SPACE", "PRIVATE_SPACE_COVERED", "SIGN_MISSING", "NOTICE_INCOMPLETE",
        "BIOMETRIC_SPECIAL_CATEGORY", "DPIA_REQUIRED", "OVER_COLLECTION",
    }  # fmt: skip
    for f, en in zip(found, english, strict=True):
        assert f.message != en.message, f.rule
        assert "{" not in f.message and "}" not in f.message, f.message
        assert not CJK.search(f.message.replace("华东物流有限公司", ""))
        assert ON_LEVEL[lang] in f.message, f.message


def test_pack_has_every_text_in_each_language():
    pack = load_pack("eu-edpb")
    assert pack.languages == ("en", "de", "fr")
    for rule_id, spec in pack.rules.items():
        keys = set(spec.messages["en"])
        for lang in ("de", "fr"):
            assert set(spec.messages[lang]) == keys, (rule_id, lang)
    for lang in ("de", "fr"):
        assert set(pack.terms[lang]) == set(pack.terms["en"]), lang
        assert pack.private_type_name("changing_room", lang) != "changing room"


def test_check_speaks_german(capsys):
    assert main(["check", "--rules", "eu-edpb", "--lang", "de"]) == 1
    out = capsys.readouterr().out
    assert "Kamera CAM-08 Locker (c-changing) ist in Umkleideraum" in out
    assert "nennt nicht: Rechtsgrundlage" in out  # NOTICE_INCOMPLETE names the field in German
    assert "GDPR Art. 13(1)-(2)" in out  # the reference cites the law as it is
    assert not CJK.search(out.replace("华东物流有限公司", ""))
