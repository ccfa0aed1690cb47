"""Splitting a sign larger than the paper into tiles that are glued together on the wall.

Coordinates are the sign's own, in points: origin at its lower-left corner, y up. Neighbouring
tiles overlap by ``OVERLAP``; the tile further right (or higher up) laps over its neighbour, whose
overlap strip is the glue strip (hidden once assembled). What remains visible of a tile is its
window less its glue strips, and those visible parts cover the sign exactly once.

Tiles of one row (or column) have the same size when nothing is in the way. A seam (the edge of
the tile that laps over) is moved off text lines and off the pictogram and QR code when a nearby
gap allows it, each tile staying within ``BALANCE`` of the even size and within the paper, so no
sliver is left: the thinnest tile is at least 0.75 / 1.35 = 0.56 of the widest. One tile more
is used where that keeps more seams off the text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from siteplanner.drawing.canvas import MM
from siteplanner.drawing.recording import InkBox
from siteplanner.drawing.text import is_cjk

OVERLAP = 10 * MM
"""Width of the strip two neighbouring tiles share: the glue strip of the one underneath."""

BALANCE = (0.75, 1.35)
"""Bounds of a tile's length relative to the even split when its seam is moved."""

CLEARANCE = 0.5 * MM
"""How far a moved seam stays from the text or symbol it avoids."""


@dataclass(frozen=True)
class Tile:
    """One tile of a sign: ``row`` 0 is the top row, ``col`` 0 the left column."""

    row: int
    col: int
    rows: int
    cols: int
    x0: float  # the window of the sign the tile prints, in sign coordinates (points)
    y0: float
    x1: float
    y1: float

    @property
    def glue_right(self) -> bool:
        """The strip along the right edge goes under the tile to the right."""
        return self.col < self.cols - 1

    @property
    def glue_top(self) -> bool:
        """The strip along the top edge goes under the tile above."""
        return self.row > 0

    @property
    def visible(self) -> tuple[float, float, float, float]:
        """The part of the window that shows once the tiles are glued together."""
        return (
            self.x0,
            self.y0,
            self.x1 - (OVERLAP if self.glue_right else 0.0),
            self.y1 - (OVERLAP if self.glue_top else 0.0),
        )

    @property
    def label(self) -> str:
        return f"R{self.row + 1}C{self.col + 1}"


def tile_count(length: float, printable: float, overlap: float = OVERLAP) -> int:
    """The fewest tiles of at most ``printable`` that cover ``length`` with ``overlap`` between
    neighbours."""
    if length <= printable + 1e-6:
        return 1
    if printable <= overlap:
        raise ValueError("the printable area is narrower than the overlap")
    return math.ceil((length - overlap) / (printable - overlap) - 1e-9)


Span = tuple[float, float] | tuple[float, float, float]
"""A stretch (start, end) a seam should not cross, optionally with its own clearance (how far a
seam stays from it; CLEARANCE when not given)."""

ABUT = -1e-4
"""The clearance of a span a seam may touch but not enter: a glyph whose neighbour's advance
starts where its own ends, so the seam may lie on that boundary."""


def _crossings(lo: np.ndarray, hi: np.ndarray, spans: np.ndarray) -> list[int]:
    """For each interval [lo[k], hi[k]], how many spans (start, end, clearance) it touches
    (coming within their clearance of them)."""
    starts, ends, clear = spans[:, 0], spans[:, 1], spans[:, 2]
    touch = (starts - clear < hi[:, None]) & (lo[:, None] < ends + clear)
    return touch.sum(axis=1).tolist()


def _spans(spans: Sequence[Span], clearance: float) -> np.ndarray:
    rows = [(s[0], s[1], s[2] if len(s) > 2 else clearance) for s in spans if s[1] > s[0]]
    return np.array(rows, dtype=float).reshape(-1, 3)


def split(
    length: float,
    printable: float,
    avoid: Sequence[Span] = (),
    overlap: float = OVERLAP,
    glyphs: Sequence[tuple[float, float]] = (),
) -> list[tuple[float, float]]:
    """The tiles' extents (start, end) along one axis of a sign ``length`` long, overlapping
    by ``overlap``, none longer than ``printable``. As few tiles as the paper allows, of even
    length, unless moving a seam (the start of every tile but the first) takes it off the spans
    in ``avoid`` (text lines or words, the pictogram, the QR code): first the seam itself, then
    the whole glue strip under it. Before all that, the seam avoids cutting through the advance
    of any of ``glyphs`` (it may lie on the boundary of two). One tile more is used when that
    lets fewer seams cut a glyph or cross a span."""
    n = tile_count(length, printable, overlap)
    if n == 1:
        return [(0.0, length)]
    table = _spans(avoid, CLEARANCE)
    cuts = _spans([(a, b) for a, b in glyphs], ABUT)
    score, best = _seams(length, printable, table, cuts, overlap, n)
    if score[:2] > (0, 0):
        more = _seams(length, printable, table, cuts, overlap, n + 1)
        if more[0][:2] < score[:2]:
            best = more[1]
    starts = [0.0, *best]
    ends = [p + overlap for p in best] + [length]
    return list(zip(starts, ends, strict=True))


# Seams cutting a glyph, seams crossing a span, glue strips crossing one, distance moved.
Score = tuple[int, int, int, float]


def _seams(
    length: float,
    printable: float,
    spans: np.ndarray,
    cuts: np.ndarray,
    overlap: float,
    n: int,
) -> tuple[Score, list[float]]:
    """The best positions of the n - 1 seams of ``n`` tiles, and their score (lower is
    better)."""
    even = (length + (n - 1) * overlap) / n
    lo_len, hi_len = BALANCE[0] * even, min(printable, BALANCE[1] * even)

    def ok(start: float, end: float) -> bool:
        return lo_len - 1e-6 <= end - start <= hi_len + 1e-6

    # Where each seam can lie at all: the tiles before it and after it within their bounds.
    near = {e for a, b, c in spans.tolist() for e in (a - max(c, 0.0), b + max(c, 0.0))}
    bounds = {e for a, b, _ in cuts.tolist() for e in (a, b)}  # between two glyphs
    seams: list[list[tuple[float, tuple[int, int, int]]]] = []
    for i in range(1, n):
        ideal = i * (even - overlap)
        first = max(i * (lo_len - overlap), length - (n - i) * hi_len + (n - 1 - i) * overlap)
        last = min(i * (hi_len - overlap), length - (n - i) * lo_len + (n - 1 - i) * overlap)
        # Just below or above a span, with the glue strip just below it, or between glyphs.
        cands = {ideal} | {
            p
            for p in [*(q for e in near for q in (e, e - overlap)), *bounds]
            if first - 1e-6 <= p <= last + 1e-6 and 0 < p < length - overlap
        }
        ps = np.array(sorted(cands))
        # The seam is the line p; the glue strip under it runs from p to p + overlap.
        cut = _crossings(ps, ps, cuts)
        line = _crossings(ps, ps, spans)
        strip = _crossings(ps, ps + overlap, spans)
        costs = zip(ps.tolist(), cut, line, strip, strict=True)
        seams.append([(p, (a, b, c)) for p, a, b, c in costs])

    # Dynamic programme over the seams: best[j] is the cheapest choice of the seams so far
    # ending with candidate j of the current seam (costs add up; ties go to the even split).
    best: list[tuple[Score, list[float]] | None] = []
    for p, c in seams[0]:
        fine = ok(0.0, p + overlap)
        best.append(((*c, abs(p - (even - overlap))), [p]) if fine else None)
    for i in range(1, n - 1):
        ideal = (i + 1) * (even - overlap)
        nxt: list[tuple[Score, list[float]] | None] = []
        for p, c in seams[i]:
            options = [
                ((s[0] + c[0], s[1] + c[1], s[2] + c[2], s[3] + abs(p - ideal)), [*ps, p])
                for s, ps in (e for e in best if e is not None)
                if ok(ps[-1], p + overlap)
            ]
            nxt.append(min(options, key=lambda o: o[0]) if options else None)
        best = nxt
    finals = [e for e in best if e is not None and ok(e[1][-1], length)]
    # The even split is always among the candidates, so some choice is left.
    return min(finals, key=lambda e: e[0])


def text_spans(
    chars: Sequence[InkBox],
) -> tuple[list[Span], list[Span], list[tuple[float, float]]]:
    """What the seams of a sign should keep off, from its texts' character boxes (``ink_boxes``
    with ``per_char``): the whole lines for horizontal seams (they fall between lines); for
    vertical seams, the Latin words (a seam prefers the space between two) and each CJK
    character (a seam may lie between any two), and every glyph's advance, never to be cut."""
    lines: dict[int, list[InkBox]] = {}
    for ch in chars:
        lines.setdefault(ch.line, []).append(ch)
    ys: list[Span] = []
    xs: list[Span] = []
    glyphs: list[tuple[float, float]] = []
    for boxes in lines.values():
        ys.append((min(b.y0 for b in boxes), max(b.y1 for b in boxes)))
        word: list[InkBox] = []
        for b in boxes:
            if not b.what.isspace() and not is_cjk(b.what):
                word.append(b)
                continue
            if word:
                xs.append((word[0].x0, word[-1].x1))
                word = []
            if is_cjk(b.what):
                xs.append((b.x0, b.x1, ABUT))
        if word:
            xs.append((word[0].x0, word[-1].x1))
        glyphs += [(b.x0, b.x1) for b in boxes if not b.what.isspace()]
    return ys, xs, glyphs


def tiles(
    width: float,
    height: float,
    printable: tuple[float, float],
    avoid: Sequence[tuple[float, float, float, float]] = (),
    overlap: float = OVERLAP,
    chars: Sequence[InkBox] = (),
) -> list[Tile]:
    """The tiles of a ``width`` x ``height`` sign on paper whose printable area is
    ``printable`` (width, height), row by row from the top. ``avoid`` are boxes (x0, y0, x1, y1)
    that seams should not cross; ``chars`` the boxes of the texts' characters (upright), which
    a vertical seam may pass between but not through."""
    lines, words, glyphs = text_spans(chars)
    xs = split(width, printable[0], [*((b[0], b[2]) for b in avoid), *words], overlap, glyphs)
    ys = split(height, printable[1], [*((b[1], b[3]) for b in avoid), *lines], overlap)
    rows, cols = len(ys), len(xs)
    out = []
    for r, (y0, y1) in enumerate(reversed(ys)):
        for c, (x0, x1) in enumerate(xs):
            out.append(Tile(r, c, rows, cols, x0, y0, x1, y1))
    return out


__all__ = ["BALANCE", "OVERLAP", "Span", "Tile", "split", "text_spans", "tile_count", "tiles"]
