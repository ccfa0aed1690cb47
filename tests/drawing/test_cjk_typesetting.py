"""Chinese typesetting: kinsoku (no line starts with closing or ends with opening punctuation),
addresses and phone numbers kept whole, a line per language, full-width punctuation after Chinese.
Tested with long real-world names, as printed on signs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.drawing.text import NO_END, NO_START, cjk_punctuation, fit, string_width, wrap

SIZE = 8.0
EM = SIZE  # a CJK glyph is one em wide

NAMES = [
    "上海市浦东新区张江高科技园区管理委员会（张江集团）",
    "中国工商银行股份有限公司北京市分行营业部",
    "深圳市腾讯计算机系统有限公司、华为技术有限公司联合运营中心",
    "依据《中华人民共和国个人信息保护法》第二十六条及《人脸识别技术应用安全管理办法》设置。",
    "查阅、复制、更正、删除个人信息或撤回同意，请联系：",
    "华东物流有限公司 East China Logistics Co., Ltd. & Partners",
]
EMAIL = "privacy-office@zhangjiang-hitech-park.example.com.cn"
PHONES = ["021-5555 0100", "+86 (21) 5555-0100", "400-820-8820"]
URL = "https://www.example.com.cn/privacy/notice?lang=zh&site=pudong"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_kinsoku(lines: tuple[str, ...]) -> None:
    for i, line in enumerate(lines):
        if i:
            assert line[0] not in NO_START, lines
        if i < len(lines) - 1:
            assert line[-1] not in NO_END, lines


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=4),
    st.integers(min_value=4, max_value=40),
)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(names, ems):
    text = "".join(names)
    width = ems * EM
    lines = wrap(text, SIZE, width)
    assert squash("".join(lines)) == squash(text)
    assert_kinsoku(lines)
    for line in lines:
        assert string_width(line, SIZE) <= width + 1e-9
    # Never a line of punctuation alone (the old failure: a line holding only 。).
    assert not any(all(ch in NO_START for ch in line) for line in lines)


def test_closing_punctuation_takes_the_previous_character_along():
    text = "设置《个人信息保护法》。"
    # Exactly wide enough for everything up to 法: the 》 and 。 may not start the next line,
    # and 法 does not stand alone on the last one either.
    width = string_width("设置《个人信息保护法", SIZE) + 0.01
    lines = wrap(text, SIZE, width)
    assert lines == ("设置《个人信息保", "护法》。")
    # An opening bracket at the end of a full line moves down with what it opens.
    width = string_width("依据《", SIZE) + 0.01
    assert wrap("依据《办法》", SIZE, width)[0] == "依据"


@pytest.mark.parametrize("token", [EMAIL, URL, *PHONES])
@pytest.mark.parametrize(
    "lead", ["如需查阅或删除个人信息，请联系：", "To exercise your rights, contact "]
)
def test_addresses_and_phone_numbers_are_never_split(token, lead):
    text = f"{lead}{token}，工作日 9:00–17:00。"
    # The narrowest box still holds the address and the comma that may not start a line.
    wide = string_width(token + "，", SIZE)
    for width in (wide + 0.01, wide + 3 * EM, wide + 11 * EM, 2 * wide):
        lines = wrap(text, SIZE, width)
        assert sum(token in line for line in lines) == 1, (width, lines)
        assert squash("".join(lines)) == squash(text)
        assert_kinsoku(lines)


def test_fit_keeps_address_and_punctuation_together_by_shrinking():
    text = f"如需查阅或删除个人信息，请联系：{EMAIL}，工作日 9:00–17:00。"
    width = string_width(EMAIL, SIZE) + 1  # the comma after it does not fit at this size
    size, lines = fit(((text, 1.0),), width, 500, SIZE)
    assert size < SIZE
    texts = tuple(ln for ln, _ in lines)
    assert sum(EMAIL in ln for ln in texts) == 1
    assert_kinsoku(texts)


def test_fit_shrinks_rather_than_split_an_address():
    # 40 pt wide: the e-mail address does not fit at 12 pt; fit goes smaller until it does.
    size, lines = fit(((f"请联系：{EMAIL}", 1.0),), 150, 200, 12, min_size=3)
    assert size < 12
    assert any(EMAIL in line for line, _ in lines)
    assert string_width(EMAIL, size) <= 150
    # Only below the smallest size is an address split, rather than printed off the sign.
    size, lines = fit(((EMAIL, 1.0),), 30, 200, 12, min_size=4)
    assert size == 4 and len(lines) > 1
    assert "".join(ln for ln, _ in lines) == EMAIL


def test_newline_separates_paragraphs():
    lines = wrap("视频监控区域\nCCTV in operation", SIZE, 1000)
    assert lines == ("视频监控区域", "CCTV in operation")


def test_full_width_punctuation_after_chinese_only():
    assert cjk_punctuation("请联系: ") == "请联系："
    assert cjk_punctuation("同意, 请联系(法务部)") == "同意，请联系（法务部）"
    assert cjk_punctuation("contact: a, b (c)") == "contact: a, b (c)"
    assert cjk_punctuation("华东 East: x") == "华东 East: x"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NAMES), st.integers(min_value=6, max_value=40))
def test_no_chinese_character_alone_on_a_last_line(name, ems):
    # Not "…综合服务中" / "心）": the previous line gives its last character (or word) along,
    # keeping every other rule.
    width = ems * EM
    lines = wrap(name, SIZE, width)
    assert squash("".join(lines)) == squash(name)
    assert_kinsoku(lines)
    assert all(string_width(line, SIZE) <= width + 1e-9 for line in lines)
    if len(lines) > 1:
        body = [ch for ch in lines[-1] if not ch.isspace() and ch not in NO_START | NO_END]
        assert len(body) != 1, lines


def test_a_long_operator_name_ends_on_a_word_not_a_character():
    name = "上海市浦东新区张江高科技园区管理委员会（综合服务中心）"
    width = string_width(name[:24], SIZE)  # the old break: "…（综合服务中" / "心）"
    assert wrap(name, SIZE, width) == (
        "上海市浦东新区张江高科技园区管理委员会（综合服务",
        "中心）",
    )
