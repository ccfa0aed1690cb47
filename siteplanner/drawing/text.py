"""Fonts and text layout shared by every canvas: measuring, line breaking (``wrap``) and fitting
paragraphs into a box (``fit``).

Sizes and widths are in points (1/72 inch). Measuring uses the bundled font's advance widths
(no kerning), so a layout computed here is the same whichever canvas draws it.

Line breaking (``wrap``): a line may break after a space and before or after any CJK character,
except before closing punctuation (``NO_START``: no line begins with 》, 、 or 。), after opening
punctuation (``NO_END``), and inside a web address, an e-mail address or a phone number (never
split). A newline always breaks. Only a unit wider than the box is split between characters; ``fit``
shrinks the text first so that this happens only at its smallest size. The work is linear in the
length of the text: widths are prefix sums of per-character advances, so nothing is measured twice.

``cjk_punctuation`` gives ASCII punctuation after Chinese its full-width form (``：`` not ``:``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
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

# Line-breaking rules (kinsoku, as in GB/T 15834 and JIS X 4051): closing punctuation never starts
# a line, opening punctuation never ends one.
NO_START = frozenset("，。、；：！？）》」』】〕〉〗〙｝］’”…‥・々" + ",.;:!?)]}")
NO_END = frozenset("（《「『【〔〈〖〘｛［‘“" + "([{")

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
    return 0.001 * size * _text_advance(text, font)


@lru_cache(maxsize=8192)
def _text_advance(text: str, font: str) -> float:
    """The advance of ``text`` in 1/1000 em (sign texts repeat from sign to sign)."""
    register_fonts()
    return sum(_advance(ch, font) for ch in text)


def start_x(x: float, text: str, size: float, anchor: str) -> float:
    """Where text anchored at ``x`` ("start", "middle" or "end") begins, in points."""
    if anchor == "start":
        return x
    w = string_width(text, size)
    return x - (w / 2 if anchor == "middle" else w)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or o >= 0x20000


# Spans never broken across lines: web addresses, e-mail addresses and phone numbers (digits
# with the spaces, hyphens and brackets people write them with).
# The look-behinds let a match start only where a run begins, and the possessive runs never
# backtrack: the search stays linear on a 10,000-character word.
_UNBREAKABLE = re.compile(
    r"(?:https?://|www\.)[^\s，。、；：！？）》」』】]++"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)+"
    r"|(?<![\d+(])\+?\(?\d[\d\-() ]{5,}\d",
    re.ASCII,
)


def _breaks(text: str, lead: list[int], rend: list[int]) -> list[int]:
    """The break opportunities of ``text`` (a line may end there) in increasing order: after a
    space, before and after a CJK character; never inside an unbreakable span, never before
    punctuation that may not start a line (``NO_START``), never after punctuation that may not
    end one (``NO_END``)."""
    n = len(text)
    glued = bytearray(n + 1)
    for m in _UNBREAKABLE.finditer(text):
        glued[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)

    def allowed(k: int) -> bool:
        if glued[k]:
            return False
        nxt = lead[k]
        if nxt < n and text[nxt] in NO_START:
            return False
        return not (rend[k] > 0 and text[rend[k] - 1] in NO_END)

    out: list[int] = [0]

    def add(k: int) -> None:
        if k > out[-1] and allowed(k):  # candidates come in order, some twice
            out.append(k)

    for i, ch in enumerate(text):
        if is_cjk(ch):
            if i and not text[i - 1].isspace():
                add(i)
            if i + 1 < n and not text[i + 1].isspace():
                add(i + 1)
        elif ch.isspace() and i + 1 < n and not text[i + 1].isspace():
            add(i + 1)
    if n > out[-1]:
        out.append(n)
    return out[1:]


def wrap(text: str, size: float, width: float, font: str = FONT) -> tuple[str, ...]:
    """Greedy line breaking at ``size`` points within ``width`` points (see the module's
    docstring). A newline always breaks. A unit wider than the box (a long word, an e-mail
    address in a narrow column) is split between characters, as far as it fits; a line wider
    than ``width`` is then a single character. Lines come without leading or trailing spaces."""
    return _wrap(text, size, width, font)[0]


@lru_cache(maxsize=4096)
def _wrap(text: str, size: float, width: float, font: str = FONT) -> tuple[tuple[str, ...], float]:
    """The lines, and how many times wider than the box the widest unit that had to be split
    is (0 when none was split)."""
    register_fonts()
    lines: list[str] = []
    overflow = 0.0
    for para in text.split("\n"):
        more, over = _wrap_paragraph(para, 0.001 * size, width, font)
        lines += more
        overflow = max(overflow, over)
    return tuple(lines), overflow


def _wrap_paragraph(text: str, k: float, width: float, font: str) -> tuple[list[str], float]:
    n = len(text)
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

    def kinsoku_ok(cut: int) -> bool:
        return text[cut] not in NO_START and text[cut - 1] not in NO_END

    lines: list[str] = []
    starts: list[int] = []  # where each line begins in text
    overflow = 0.0
    s = e = lead[0]  # the current line is text[s:e]
    breaks = _breaks(text, lead, rend)
    for end in breaks:
        if end <= s:
            continue
        if e > s and over(s, rend[end]):
            lines.append(text[s : rend[e]])
            starts.append(s)
            s = lead[e]
        e = end
        while e - s > 1 and over(s, rend[e]):
            # A unit wider than the box: split it by characters as far as it fits (at least one
            # character per line), at a place where punctuation allows it if there is one.
            unit = k * (prefix[rend[e]] - prefix[s])
            overflow = max(overflow, unit / width if width > 0 else math.inf)
            fits = s + 1
            while fits + 1 < e and not over(s, fits + 1):
                fits += 1
            cut = fits
            while cut > s + 1 and not kinsoku_ok(cut):
                cut -= 1
            if not kinsoku_ok(cut):
                cut = fits
            if rend[cut] > s:
                lines.append(text[s : rend[cut]])
                starts.append(s)
            s = min(lead[cut], e)
    if rend[e] > s:
        lines.append(text[s : rend[e]])
        starts.append(s)
        _no_orphan(text, lines, starts, breaks, lead, rend, over, rend[e])
    return lines, overflow


def _no_orphan(
    text: str,
    lines: list[str],
    starts: list[int],
    breaks: list[int],
    lead: list[int],
    rend: list[int],
    over: Callable[[int, int], bool],
    end: int,
) -> None:
    """A paragraph's last line is not one Chinese character (with its punctuation) alone: the
    previous line gives it its last break's worth of characters when they fit (``中心）``,
    not ``心）``). Lines and starts are changed in place."""
    if len(lines) < 2:
        return
    last = [ch for ch in lines[-1] if not ch.isspace() and ch not in NO_START | NO_END]
    if len(last) != 1 or not is_cjk(last[0]):
        return
    prev, here = starts[-2], starts[-1]
    # The last break inside the previous line (not the one that ended it).
    b = next((b for b in reversed(breaks) if lead[b] < here), None)
    if b is None or rend[b] <= prev or over(lead[b], end):
        return  # no break to give, or what would move does not fit the last line
    lines[-2:] = [text[prev : rend[b]], text[lead[b] : end]]
    starts[-1] = lead[b]


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
        overflow = 0.0
        for text, rel in paragraphs:
            s = size * rel
            if text == "\n":  # a paragraph of just a newline is vertical space of its size
                lines.append(("", s))
                continue
            more, over = _wrap(text, s, width, FONT)
            lines += [(ln, s) for ln in more]
            overflow = max(overflow, over)
        total = sum(s * leading for _, s in lines)
        # Smaller rather than an address or a word cut in two, down to the smallest size.
        if (total <= height and not overflow) or size <= min_size:
            return size, tuple(lines)
        step = 0.93 if total <= height else min(0.93, math.sqrt(height / total))
        if overflow:
            step = min(step, 1.0 / overflow)  # straight to where the widest unit fits
        size = max(min_size, size * step)


_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_AFTER_CJK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff])([,:;!?()]) ?")


def cjk_punctuation(text: str) -> str:
    """ASCII punctuation right after a Chinese character in its full-width form, without the
    space that followed it (``请联系: x`` -> ``请联系：x``). For fixed wording, not user text."""
    return _AFTER_CJK.sub(lambda m: _FULL_WIDTH[m.group(1)], text)


def splits(paragraphs: Paragraphs, size: float, width: float) -> bool:
    """True when setting ``paragraphs`` at base ``size`` within ``width`` has to split a unit
    wider than the box (an address, a phone number, a long word) between characters."""
    return any(
        text != "\n" and _wrap(text, size * rel, width, FONT)[1] > 0 for text, rel in paragraphs
    )


def lines_height(lines: Sequence[tuple[str, float]], leading: float) -> float:
    return sum(s * leading for _, s in lines)


__all__ = [
    "BOLD_STROKE",
    "FONT",
    "NO_END",
    "NO_START",
    "cjk_punctuation",
    "fit",
    "font_path",
    "is_cjk",
    "lines_height",
    "printable",
    "register_fonts",
    "splits",
    "string_width",
    "wrap",
]
