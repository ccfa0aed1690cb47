"""Text layout: measuring, greedy line breaking in linear time, fitting paragraphs into a box."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.drawing.text import fit, is_cjk, printable, string_width, wrap

SIZE = 10.0


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_lines(text: str, lines: tuple[str, ...], width: float) -> None:
    # No text lost or invented: only whitespace at the breaks goes.
    assert squash("".join(lines)) == squash(text)
    for line in lines:
        assert line == line.rstrip()
        # A line wider than the box is one character that cannot be split further.
        assert string_width(line, SIZE) <= width + 1e-9 or len(line) == 1, line


def test_width_is_the_sum_of_advances():
    assert string_width("", SIZE) == 0
    w_a, w_b = string_width("a", SIZE), string_width("视", SIZE)
    assert w_a > 0 and w_b > w_a  # a CJK glyph is an em wide, wider than a Latin letter
    assert string_width("a视a", SIZE) == 2 * w_a + w_b
    assert string_width("a", 2 * SIZE) == 2 * w_a


def test_long_word_split_between_characters():
    word = "x" * 10_000
    width = 100.0
    lines = wrap(word, SIZE, width)
    assert "".join(lines) == word
    per_line = int(width // string_width("x", SIZE))
    assert [len(ln) for ln in lines[:-1]] == [per_line] * (len(lines) - 1)
    assert 0 < len(lines[-1]) <= per_line
    check_lines(word, lines, width)


def test_breaks_at_spaces_and_keeps_words_whole():
    text = "To access, correct or delete your data, or withdraw consent, contact the operator"
    width = string_width("To access, correct or", SIZE) + 0.01
    lines = wrap(text, SIZE, width)
    assert lines[0] == "To access, correct or"
    words = text.split()
    assert [w for ln in lines for w in ln.split()] == words  # no word cut in two
    check_lines(text, lines, width)
    # Greedy: the next word would not have fitted on any line.
    for ln, nxt in zip(lines, lines[1:], strict=False):
        assert string_width(ln + " " + nxt.split()[0], SIZE) > width


def test_chinese_breaks_between_characters():
    text = "查阅、复制、更正、删除个人信息或撤回同意，请联系"
    width = string_width("查阅、复制、更", SIZE) + 0.01
    lines = wrap(text, SIZE, width)
    assert "".join(lines) == text
    assert lines[0] == "查阅、复制、更"
    assert all(len(ln) >= 6 for ln in lines[:-1])  # full lines, not one character each
    check_lines(text, lines, width)


def test_mixed_latin_and_chinese_break_at_the_script_change():
    text = "华东物流有限公司 East China Logistics"
    width = string_width("华东物流有限公司 East", SIZE) + 0.01
    lines = wrap(text, SIZE, width)
    assert lines == ("华东物流有限公司 East", "China Logistics")


text_alphabet = st.sampled_from(list("abcdefghij  .,@-") + list("视频监控区域。，、》（"))


@settings(max_examples=300, deadline=None)
@given(st.text(text_alphabet, max_size=120), st.floats(-5, 300))
def test_every_line_fits_and_nothing_is_lost(text, width):
    lines = wrap(text, SIZE, width)
    check_lines(text, lines, width)
    assert all(lines)  # no empty lines


def test_fit_shrinks_until_the_lines_fit():
    paras = (("视频监控区域 CCTV in operation " * 4, 1.0), ("\n", 0.5), ("Operator", 0.7))
    size, lines = fit(paras, 120, 60, 20)
    assert size < 20
    assert sum(s * 1.22 for _, s in lines) <= 60
    assert {s for _, s in lines} <= {size, size * 0.5, size * 0.7}
    for text, s in lines:
        assert string_width(text, s) <= 120 + 1e-9


def test_fit_stops_at_the_minimum_size():
    size, lines = fit((("word " * 200, 1.0),), 50, 10, 12, min_size=4)
    assert size == 4
    assert sum(s * 1.22 for _, s in lines) > 10  # it overflows rather than vanish


def test_printable_replaces_lone_surrogates_only():
    assert printable("a\ud800b视") == "a\ufffdb视"
    assert printable("\U0001f600") == "\U0001f600"  # a real astral character stays
    assert is_cjk("视") and not is_cjk("a")
