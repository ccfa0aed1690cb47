"""How far away a sign must be readable from, and the size that needs.

Two criteria, applied to what is actually printed:
- the **pictogram** (the safety sign proper) at least distance / 60 high — ISO 3864-1, distance
  factor Z = 60 for normal lighting;
- the **title's letters** at least distance / 120 high — the sign trade's rule of one inch of
  letter height per ten feet of viewing distance (25.4 mm per 3.05 m; e.g. SSK Signs, "Font size
  for different viewing distances", ssksigns.com: "X-height = R/10, R in feet, X in inches").
A sign is legible from the smaller of the two distances its printed sizes allow.

The printed sizes come from the sign's layout fractions, kept here so that the sign writer
(``siteplanner.signage.pdf``) and the check (SIGN_TOO_SMALL) use the same numbers. The one place
of this maths: the compliance checks and the sign placement both use it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.drawing.text import fit

# ISO 3864-1 distance factor Z in normal lighting: height >= viewing distance / Z.
DISTANCE_FACTOR = 60.0
# Letter height >= viewing distance / LETTER_FACTOR (1 inch per 10 feet).
LETTER_FACTOR = 120.0
# Height of the title's letters as a fraction of the font size: Latin capitals and the body of
# the CJK glyphs of the bundled face are about this tall.
CAP_HEIGHT = 0.72
# The sign's layout, as fractions of its smaller side (border, padding) or of the inner height.
BORDER = 0.028
PAD = 0.045
TITLE_LEADING = 1.18


def pictogram_band(face: bool) -> float:
    """Fraction of the inner height given to the pictogram."""
    return 0.25 if face else 0.28


def title_band(n_titles: int) -> float:
    """Fraction of the inner height given to the title band."""
    return 0.13 + 0.06 * (max(1, n_titles) - 1)


def title_paragraphs(titles: Sequence[str]) -> tuple[tuple[str, float], ...]:
    """The titles as fitted paragraphs: the first full size, the others 0.62 of it."""
    return tuple((t, 1.0 if i == 0 else 0.62) for i, t in enumerate(titles))


@dataclass(frozen=True)
class PrintedSizes:
    """What a sign of a given size prints, in metres."""

    pictogram_m: float
    letter_m: float

    @property
    def legible_m(self) -> float:
        """The distance from which both the pictogram and the title can be read."""
        return min(self.pictogram_m * DISTANCE_FACTOR, self.letter_m * LETTER_FACTOR)


def printed_sizes(
    width_m: float, height_m: float, titles: Sequence[str], face: bool = False
) -> PrintedSizes:
    """The pictogram's height and the first title's letter height on a ``width_m`` x ``height_m``
    sign laid out as ``siteplanner.signage.pdf.draw_sign`` lays it out (any unit in, same out:
    the layout scales)."""
    w, h = width_m * 1000.0, height_m * 1000.0  # millimetres: sizes well within fit's range
    m = min(w, h)
    iw, ih = w - 2 * BORDER * m, h - 2 * BORDER * m
    pad = PAD * m
    pict = min(ih * pictogram_band(face) * 0.92, iw * 0.8)
    title_h = ih * title_band(len(titles))
    size, _ = fit(
        title_paragraphs(titles or ("",)),
        iw - 2 * pad,
        title_h * 0.84,
        title_h * 0.62,
        leading=TITLE_LEADING,
    )
    return PrintedSizes(pict / 1000.0, size * CAP_HEIGHT / 1000.0)


# Nobody is expected to read a sign from closer than this, however near the facing wall.
MIN_VIEWING_M = 3.0
# The ray starts this far in front of the sign: a sign is mounted on a wall face.
WALL_CLEARANCE_M = 0.4
# Standard sign sizes (width, height) in metres, portrait 3:4, smallest first.
STANDARD_SIZES: tuple[tuple[float, float], ...] = (
    (0.15, 0.2),
    (0.225, 0.3),
    (0.3, 0.4),
    (0.45, 0.6),
    (0.6, 0.8),
    (0.9, 1.2),
)


def free_distance(
    position: tuple[float, float], facing_deg: float, solids: BaseGeometry | None, cap: float
) -> float:
    """Open floor in front of a sign: the distance along its facing direction to the first wall
    solid, at most ``cap``."""
    if solids is None or solids.is_empty:
        return cap
    a = math.radians(facing_deg)
    dx, dy = math.cos(a), math.sin(a)
    x, y = position
    start = (x + dx * WALL_CLEARANCE_M, y + dy * WALL_CLEARANCE_M)
    if cap <= WALL_CLEARANCE_M:
        return cap
    ray = shapely.LineString([start, (x + dx * cap, y + dy * cap)])
    hit = ray.intersection(solids)
    if hit.is_empty:
        return cap
    return min(cap, WALL_CLEARANCE_M + shapely.Point(start).distance(hit))


def derived_viewing_distance(
    position: tuple[float, float],
    facing_deg: float,
    solids: BaseGeometry | None,
    cap: float,
) -> float:
    """The distance a sign should be read from when the plan does not say: the open approach in
    front of it, between ``MIN_VIEWING_M`` and ``cap`` (the plan's default viewing distance)."""
    return max(min(MIN_VIEWING_M, cap), free_distance(position, facing_deg, solids, cap))


def sign_viewing_distance(sign, cap: float, solids: BaseGeometry | None) -> tuple[float, str]:
    """(distance, source): the sign's own ``viewing_distance_m`` ("given"), else derived from the
    geometry ("derived"), else the plan default ``cap`` ("default") when there is no geometry."""
    if sign.viewing_distance_m:
        return float(sign.viewing_distance_m), "given"
    if solids is None:
        return cap, "default"
    pos = (float(sign.position[0]), float(sign.position[1]))
    return derived_viewing_distance(pos, sign.facing_deg, solids, cap), "derived"


# A driver's reading time: 0.5 s a word and 1 s a symbol, at least 1 s (the Ontario Ministry of
# Transportation method of the Traffic Control Devices Handbook, as given in NCHRP Report 600,
# Human Factors Guidelines for Road Systems, Tutorial 5, "Determining appropriate sign placement
# and letter height requirements").
SECONDS_PER_WORD = 0.5
SECONDS_PER_SYMBOL = 1.0
MIN_READING_S = 1.0


def reading_time(title: str, symbols: int = 1) -> float:
    """Seconds a driver needs to read ``title`` and ``symbols`` pictograms (CJK text: two
    characters to a word)."""
    cjk = sum(1 for ch in title if "\u4e00" <= ch <= "\u9fff")
    words = len(title.split()) if not cjk else math.ceil(cjk / 2)
    return max(MIN_READING_S, SECONDS_PER_WORD * words + SECONDS_PER_SYMBOL * symbols)


def driver_distance(title: str, speed_kmh: float) -> tuple[float, float]:
    """(reading time in s, distance in m) a driver at ``speed_kmh`` covers while reading a sign
    with this title and its pictogram: the distance it must be legible from."""
    t = reading_time(title)
    return t, speed_kmh / 3.6 * t


def larger_size(width_m: float, height_m: float) -> tuple[float, float]:
    """The next standard size above ``width_m`` x ``height_m`` (beyond the largest: 1.5 times)."""
    for w, h in STANDARD_SIZES:
        if w > width_m + 1e-9 and h > height_m + 1e-9:
            return w, h
    return round(width_m * 1.5, 3), round(height_m * 1.5, 3)


def required_height(distance_m: float) -> float:
    return distance_m / DISTANCE_FACTOR


def standard_size(
    distance_m: float, titles: Sequence[str] = ("视频监控区域", "CCTV in operation")
) -> tuple[float, float]:
    """The smallest standard sign whose printed pictogram and title (``titles``) are legible from
    ``distance_m``."""
    for w, h in STANDARD_SIZES:
        if printed_sizes(w, h, titles).legible_m + 1e-9 >= distance_m:
            return w, h
    # Beyond the largest: scale it up (the layout scales), to the next 5 cm of height.
    w0, h0 = STANDARD_SIZES[-1]
    k = distance_m / printed_sizes(w0, h0, titles).legible_m
    h = math.ceil(h0 * k * 20) / 20
    return round(h * w0 / h0, 3), h


__all__ = [
    "CAP_HEIGHT",
    "driver_distance",
    "larger_size",
    "reading_time",
    "LETTER_FACTOR",
    "PrintedSizes",
    "pictogram_band",
    "printed_sizes",
    "title_band",
    "title_paragraphs",
    "DISTANCE_FACTOR",
    "MIN_VIEWING_M",
    "STANDARD_SIZES",
    "derived_viewing_distance",
    "free_distance",
    "required_height",
    "sign_viewing_distance",
    "standard_size",
]
