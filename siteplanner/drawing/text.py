"""Fonts and text layout shared by every canvas: measuring, line breaking (``wrap``) and fitting
paragraphs into a box (``fit``).

Sizes and widths are in points (1/72 inch). Measuring uses the bundled font's advance widths
(no kerning), so a layout computed here is the same whichever canvas draws it.

Line breaking: a line may break after a space and before or after any CJK character, except
before punctuation that must not start a line (kinsoku, ``NO_START``). A word wider than the box
is split between characters. The work is linear in the length of the text: widths are prefix sums
of per-character advances, so no substring is measured twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from siteplanner.resources import resource

FONT = "SitePlannerCJK"
"""The one face SitePlanner draws with: WenQuanYi Micro Hei (CJK and Latin glyphs, one weight)."""

BOLD_STROKE = 0.035
"""The face has one weight: bold text is its outline stroked this many times the size wide."""

# CJK punctuation that must not start a line (kinsoku).
NO_START = frozenset("，。、；：！？）》」』】,.;:!?)")

_SURROGATE = re.compile("[\ud800-\udfff]")


def font_path() -> Path:
    return resource("fonts", "wqy-microhei.ttc")


def register_fonts() -> str:
    """Register the bundled CJK font with ReportLab once and return its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    return FONT


def printable(text: str) -> str:
    """``text`` with lone surrogates (which no font or file encoding can carry) shown as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


@lru_cache(maxsize=8)
def _advances(font: str) -> tuple[dict[str, float], object]:
    return {}, pdfmetrics.getFont(font)


def _advance(ch: str, font: str = FONT) -> float:
    """Advance width of one character in 1/1000 em (exactly what ReportLab sums per string)."""
    cache, face = _advances(font)
    w = cache.get(ch)
    if w is None:
        # At size 1000 ReportLab's 0.001 * size * sum is the raw advance, unchanged.
        w = cache[ch] = face.stringWidth(ch, 1000)  # type: ignore[attr-defined]
    return w


def string_width(text: str, size: float, font: str = FONT) -> float:
    """Width of ``text`` at ``size`` points, in points."""
    register_fonts()
    return 0.001 * size * sum(_advance(ch, font) for ch in text)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or o >= 0x20000


def _token_ends(text: str) -> list[int]:
    """End index of each break token: after every CJK character and after every space, and
    before a CJK character that follows a word."""
    ends: list[int] = []
    start = 0  # start of the word being collected
    for i, ch in enumerate(text):
        if is_cjk(ch):
            if i > start:
                ends.append(i)
            ends.append(i + 1)
            start = i + 1
        elif ch == " ":
            ends.append(i + 1)
            start = i + 1
    if start < len(text):
        ends.append(len(text))
    return ends


@lru_cache(maxsize=4096)
def wrap(text: str, size: float, width: float, font: str = FONT) -> tuple[str, ...]:
    """Greedy line breaking at ``size`` points within ``width`` points; a word wider than the box
    is split between characters. Lines come without trailing spaces; a line wider than ``width``
    is a single character (or ends in punctuation that may not start the next line)."""
    register_fonts()
    n = len(text)
    k = 0.001 * size
    # prefix[i]: advance of text[:i]; exact sums (the advances are multiples of 1/2048 em).
    prefix = [0.0, *accumulate(_advance(ch, font) for ch in text)]
    # rend[i]: end of text[:i] without trailing whitespace; lead[i]: first non-space at or after i.
    rend = [0] * (n + 1)
    for i in range(1, n + 1):
        rend[i] = i if not text[i - 1].isspace() else rend[i - 1]
    lead = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        lead[i] = i if not text[i].isspace() else lead[i + 1]

    def over(a: int, b: int) -> bool:
        return k * (prefix[b] - prefix[a]) > width

    lines: list[str] = []
    s = e = 0  # the current line is text[s:e]
    for end in _token_ends(text):
        a = e  # the token is text[a:end]
        if e > s and over(s, max(s, rend[end])) and text[a] not in NO_START:
            if rend[e] > s:  # (a line of nothing but spaces is no line)
                lines.append(text[s : rend[e]])
            s, e = min(lead[a], end), end
        else:
            e = end
        while e - s > 1 and over(s, max(s, rend[e])):
            # A word wider than the box (a long e-mail address): split it by characters, as
            # far as it fits (at least one character per line).
            cut = s + 1
            while cut + 1 < e and not over(s, cut + 1):
                cut += 1
            if rend[cut] > s:
                lines.append(text[s : rend[cut]])
            s = min(lead[cut], e)
    if rend[e] > s:
        lines.append(text[s : rend[e]])
    return tuple(lines)


Paragraphs = tuple[tuple[str, float], ...]
"""Paragraphs as (text, size relative to the base size); the text ``"\\n"`` is vertical space."""


@lru_cache(maxsize=4096)
def fit(
    paragraphs: Paragraphs,
    width: float,
    height: float,
    max_size: float,
    min_size: float = 4.0,
    leading: float = 1.22,
) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The largest base size (≤ ``max_size``) at which the paragraphs, each with a relative size,
    fit the box; returns it and the lines as (text, size). Below ``min_size`` it stops shrinking."""
    size = max_size
    while True:
        lines: list[tuple[str, float]] = []
        for text, rel in paragraphs:
            s = size * rel
            lines += [("", s)] if text == "\n" else [(ln, s) for ln in wrap(text, s, width)]
        total = sum(s * leading for _, s in lines)
        if total <= height or size <= min_size:
            return size, tuple(lines)
        size = max(min_size, size * min(0.93, math.sqrt(height / total)))


def lines_height(lines: Sequence[tuple[str, float]], leading: float) -> float:
    return sum(s * leading for _, s in lines)


__all__ = [
    "BOLD_STROKE",
    "FONT",
    "NO_START",
    "fit",
    "font_path",
    "is_cjk",
    "lines_height",
    "printable",
    "register_fonts",
    "string_width",
    "wrap",
]
