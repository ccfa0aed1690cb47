"""`check --lang`: finding messages in a language the rule pack has, refused otherwise."""

from __future__ import annotations

import json
import re

from siteplanner.cli import main

CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(out: str) -> list[str]:
    return [
        line.strip() for line in out.splitlines() if line.startswith("    ") and "[" not in line
    ]


def test_check_lang_zh_prints_chinese_messages(capsys):
    assert main(["check", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    said = messages(out)
    assert said and all(CJK.search(m) for m in said)
    assert "摄像机 CAM-08 Locker (c-changing) 安装在更衣室 Changing room (z-changing) 内" in out
    assert "第十三条" in out


def test_check_lang_en_prints_english_messages(capsys):
    assert main(["check", "--lang", "en"]) == 1
    said = messages(capsys.readouterr().out)
    assert said and not any(CJK.search(m) for m in said)
    assert any(m.startswith("Camera CAM-08 Locker (c-changing) is installed inside") for m in said)


def test_default_is_the_packs_first_language(capsys):
    main(["check", "--json"])
    default = json.loads(capsys.readouterr().out)["findings"]
    main(["check", "--json", "--lang", "zh"])
    zh = json.loads(capsys.readouterr().out)["findings"]
    assert [f["message"] for f in default] == [f["message"] for f in zh]


def test_json_messages_follow_lang_and_figures_do_not(capsys):
    main(["check", "--json", "--lang", "en"])
    en = json.loads(capsys.readouterr().out)["findings"]
    main(["check", "--json", "--lang", "zh"])
    zh = json.loads(capsys.readouterr().out)["findings"]
    assert not any(CJK.search(f["message"]) for f in en)
    assert all(CJK.search(f["message"]) for f in zh)

    def strip(fs):
        return [{k: v for k, v in f.items() if k not in ("message", "reference")} for f in fs]

    assert strip(en) == strip(zh)


def test_a_language_the_pack_lacks_is_refused(capsys):
    assert main(["check", "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "siteplanner: --lang: rule pack cn-2025 has no messages in 'fr' (available: zh, en)"
    )
