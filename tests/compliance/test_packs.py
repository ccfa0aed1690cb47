"""Rule packs: the schema refuses what it does not know, naming the file and the key; every
shipped pack speaks each of its languages for every rule it runs."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from siteplanner.compliance import (
    LanguageError,
    PackError,
    available_packs,
    load_pack,
    load_pack_file,
)
from siteplanner.compliance.registry import RULES, rule, template_fields
from siteplanner.compliance.rules import GROUPS

CJK = re.compile(r"[\u4e00-\u9fff]")


def shipped(pack_id: str) -> dict:
    folder = Path(__file__).resolve().parents[2] / "siteplanner" / "compliance" / "packs"
    return json.loads((folder / f"{pack_id}.json").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def refused(tmp_path: Path, data: dict) -> str:
    path = write(tmp_path, data)
    with pytest.raises(PackError) as err:
        load_pack_file(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    return message[len(str(path)) + 2 :]


def test_shipped_packs_load_and_match_their_file_names():
    assert {"cn-2025", "cn-2023-draft"} <= set(available_packs())
    for pack_id in available_packs():
        assert load_pack(pack_id).id == pack_id


def test_a_copy_of_a_shipped_pack_loads_from_a_file(tmp_path):
    pack = load_pack_file(write(tmp_path, shipped("cn-2025")))
    assert pack.rules.keys() == load_pack("cn-2025").rules.keys()


def test_unknown_top_level_key_is_refused_naming_file_and_key(tmp_path):
    data = shipped("cn-2025")
    data["coverage_targt"] = 0.9
    assert refused(tmp_path, data) == "unknown key coverage_targt"


def test_unknown_key_inside_a_rule_is_refused_with_its_path(tmp_path):
    data = shipped("cn-2025")
    data["rules"]["SIGN_MISSING"]["sevrity"] = "error"
    assert refused(tmp_path, data) == "unknown key rules.SIGN_MISSING.sevrity"
    data = shipped("cn-2025")
    data["sign"]["titel"] = {"en": "CCTV"}
    assert refused(tmp_path, data) == "unknown key sign.titel"


def test_unknown_rule_parameter_field_and_severity_are_refused(tmp_path):
    data = shipped("cn-2025")
    data["rules"]["OVER_COLLECTION"]["params"] = {"min_area": 0.5}
    assert refused(tmp_path, data).startswith("rules.OVER_COLLECTION.params.min_area: unknown")
    data = shipped("cn-2025")
    data["rules"]["OVER_COLLECTION"]["params"] = {"min_area_m2": "big"}
    assert refused(tmp_path, data).startswith("rules.OVER_COLLECTION.params.min_area_m2: must")
    data = shipped("cn-2025")
    data["rules"]["SIGN_MISSING"]["messages"]["en"]["message"] = "Camera {camra} needs a sign"
    assert refused(tmp_path, data).startswith(
        "rules.SIGN_MISSING.messages.en.message: unknown field {camra}"
    )
    data = shipped("cn-2025")
    data["rules"]["SIGN_MISSING"]["severity"] = "fatal"
    assert refused(tmp_path, data).startswith("rules.SIGN_MISSING.severity:")
    data = shipped("cn-2025")
    data["rules"]["NO_SUCH_RULE"] = data["rules"]["SIGN_MISSING"]
    assert refused(tmp_path, data).startswith("rules.NO_SUCH_RULE: no such rule")


def test_every_language_must_have_every_text(tmp_path):
    data = shipped("cn-2025")
    del data["rules"]["PRIVATE_SPACE_COVERED"]["messages"]["zh"]["hint_window"]
    assert refused(tmp_path, data) == "rules.PRIVATE_SPACE_COVERED.messages.zh.hint_window: missing"
    data = shipped("cn-2025")
    del data["rules"]["UNDER_COVERAGE"]["messages"]["en"]
    assert refused(tmp_path, data) == "rules.UNDER_COVERAGE.messages: no 'en' messages"
    data = shipped("cn-2025")
    data["languages"] = ["zh", "en", "fr"]
    assert "no 'fr' messages" in refused(tmp_path, data)


def test_broken_json_is_refused_with_the_file_name(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(PackError, match=r"bad\.json: not JSON"):
        load_pack_file(path)


@pytest.mark.parametrize("pack_id", ["cn-2025", "cn-2023-draft"])
def test_chinese_packs_have_zh_and_en_for_every_registered_rule(pack_id):
    pack = load_pack(pack_id)
    assert pack.languages == ("zh", "en") and pack.default_lang == "zh"
    # Every rule but the European and British ones.
    european = {
        "DPIA_REQUIRED",
        "BIOMETRIC_SPECIAL_CATEGORY",
        "AUDIO_RECORDING",
        "SIGN_TOO_SMALL_FOR_DRIVERS",
        "SIGN_NOT_PROMINENT",
    }
    assert set(pack.rules) == set(RULES) - european
    for rule_id, spec in pack.rules.items():
        zh, en = spec.messages["zh"], spec.messages["en"]
        assert zh.keys() == en.keys() == RULES[rule_id].texts.keys()
        assert CJK.search(zh["message"]), rule_id
        assert not CJK.search(en["message"]), rule_id

        # Both languages say the same things: the same figures and objects (a count of people
        # in Chinese in units of 万, 10,000).
        def said(template: str) -> set[str]:
            return {f.removesuffix("_wan") for f in template_fields(template)}

        assert said(zh["message"]) == said(en["message"]), rule_id
        assert CJK.search(pack.reference(rule_id, "zh")), rule_id
        assert not CJK.search(pack.reference(rule_id, "en")), rule_id


def test_every_registered_rule_runs_in_some_pack():
    used = {rule_id for p in available_packs() for rule_id in load_pack(p).rules}
    assert used == set(RULES)


def test_zh_references_keep_the_article_citations():
    pack = load_pack("cn-2025")
    assert "第十三条" in pack.reference("CAMERA_IN_PRIVATE_SPACE", "zh")
    assert "Art. 13" in pack.reference("CAMERA_IN_PRIVATE_SPACE", "en")
    assert "第二十六条" in pack.reference("SIGN_MISSING", "zh")


def test_language_choice():
    pack = load_pack("cn-2025")
    assert pack.lang(None) == "zh" and pack.lang("en") == "en" and pack.lang("EN") == "en"
    # Locales, as the editor names its languages, speak their base language.
    assert pack.lang("zh_CN") == "zh" and pack.lang("en-GB") == "en"
    with pytest.raises(LanguageError, match="'fr_FR'"):
        pack.lang("fr_FR")
    with pytest.raises(LanguageError, match=r"no messages in 'fr' \(available: zh, en\)"):
        pack.lang("fr")


def test_rules_are_grouped_by_subject():
    groups = {r.group for r in RULES.values()}
    assert groups == {"privacy", "collection", "coverage", "signage", "facial", "geometry"}
    assert {g.__name__.rsplit(".", 1)[1] for g in GROUPS} == groups
    for rdef in RULES.values():
        assert rdef.check.__module__.endswith("." + rdef.group)


def test_a_rule_id_registers_once():
    with pytest.raises(ValueError, match="registered twice"):
        rule("SIGN_MISSING", group="signage", texts={"message": ()})(lambda ctx, r: [])


def test_private_types_and_internal_purposes_come_from_the_pack():
    pack = load_pack("cn-2025")
    assert pack.private_type_name("changing_room", "zh") == "更衣室"
    assert pack.private_type_name("Changing room", "en") == "changing room"
    assert pack.private_type_name(None, "zh") == "私密空间"
    assert pack.is_internal("Internal management") and not pack.is_internal("public_safety")


def test_sign_texts_still_reach_the_sign_writers():
    from siteplanner.signage.content import sign_content
    from tests.helpers import camera, plan

    p = plan([camera()], signs=[{"id": "s1", "position": [0, 0], "covers": ["c1"]}])
    content = sign_content(p, p.levels[0].signs[0], "L1", ("zh", "en"), load_pack("cn-2025"))
    assert content.titles == ["视频监控区域", "CCTV in operation"]
    assert copy.deepcopy(load_pack("cn-2025").sign)["title"]["en"] == "CCTV in operation"
