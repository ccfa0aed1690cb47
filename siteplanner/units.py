"""Display units: lengths and areas shown and typed in metres or in feet.

The plan always holds metres; these functions only convert text for people. Styles:
``"metric"`` (``3.25 m``), ``"ft_in"`` (``10' 8"``, to the nearest inch fraction) and ``"ft"``
(``10.66 ft``). The plan's ``settings.units`` is ``"metric"`` or ``"imperial"``; both imperial
styles map to ``"imperial"``. Exact definitions: 1 ft = 0.3048 m, 1 in = 0.0254 m.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

FOOT_M = 0.3048
INCH_M = 0.0254
SQFT_M2 = FOOT_M * FOOT_M  # 0.09290304

STYLES = ("metric", "ft_in", "ft")
DEFAULT_STYLE = "metric"


class UnitError(ValueError):
    """Text that is not a length or area."""


def style_for_plan_units(units: str, previous: str | None = None) -> str:
    """The display style for a plan's ``settings.units``, keeping an imperial preference."""
    if units == "imperial":
        return previous if previous in ("ft_in", "ft") else "ft_in"
    return "metric"


def plan_units_for_style(style: str) -> str:
    return "metric" if style == "metric" else "imperial"


def _check(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown unit style {style!r}; use one of {', '.join(STYLES)}")


def format_length(
    metres: float, style: str = DEFAULT_STYLE, decimals: int = 2, inch_denominator: int = 1
) -> str:
    """A length for display: ``3.25 m``, ``10.66 ft`` or ``10' 8"`` (inches rounded to
    1/``inch_denominator``)."""
    _check(style)
    if style == "metric":
        return f"{metres:.{decimals}f} m"
    if style == "ft":
        return f"{metres / FOOT_M:.{decimals}f} ft"
    sign = "-" if metres < 0 else ""
    inches = Fraction(abs(metres) / INCH_M).limit_denominator(10**6)
    steps = round(inches * inch_denominator)
    feet, rest = divmod(steps, 12 * inch_denominator)
    whole_in, frac = divmod(rest, inch_denominator)
    if frac:
        f = Fraction(frac, inch_denominator)
        inch_text = f"{whole_in} {f.numerator}/{f.denominator}" if whole_in else f"{f}"
    else:
        inch_text = f"{whole_in}"
    if steps == 0:
        sign = ""
    return f"{sign}{feet}' {inch_text}\""


def format_area(square_metres: float, style: str = DEFAULT_STYLE, decimals: int = 1) -> str:
    """An area for display: ``12.5 m²`` or ``134.5 ft²``."""
    _check(style)
    if style == "metric":
        return f"{square_metres:.{decimals}f} m²"
    return f"{square_metres / SQFT_M2:.{decimals}f} ft²"


def format_point(x: float, y: float, style: str = DEFAULT_STYLE) -> str:
    """A plan position for the status bar."""
    return f"x {format_length(x, style)}, y {format_length(y, style)}"


_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)"
_UNIT_M = {
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "米": 1.0,
    "cm": 0.01,
    "mm": 0.001,
    "ft": FOOT_M,
    "feet": FOOT_M,
    "foot": FOOT_M,
    "'": FOOT_M,
    "′": FOOT_M,
    "in": INCH_M,
    "inch": INCH_M,
    "inches": INCH_M,
    '"': INCH_M,
    "″": INCH_M,
}
_TOKEN = re.compile(
    rf"\s*({_NUM})(?:\s+(\d+)/(\d+)|/(\d+))?\s*"
    r"(metres|meters|metre|meter|米|cm|mm|m|feet|foot|ft|inches|inch|in|'|′|\"|″)?\s*-?\s*"
)


def parse_length(text: str, style: str = DEFAULT_STYLE) -> float:
    """Metres from typed text. A bare number is in the display unit (metres, or feet for the
    imperial styles); units may be given: ``3.5 m``, ``350 cm``, ``12 ft``, ``12' 6"``,
    ``12 ft 6 1/2 in``, ``6 in``. Raises ``UnitError`` for anything else."""
    _check(style)
    s = text.strip()
    if s.count(",") == 1 and "." not in s:  # a decimal comma: "3,5"
        s = s.replace(",", ".")
    if not s:
        raise UnitError("enter a length")
    negative = s.startswith("-")
    if negative:
        s = s[1:].lstrip()
    pos = 0
    total = 0.0
    parts = 0
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m or m.end() == pos:
            raise UnitError(f"not a length: {text!r}")
        num = float(m.group(1))
        if m.group(2):  # "6 1/2"
            num += int(m.group(2)) / int(m.group(3))
        elif m.group(4):  # "1/2"
            num = num / int(m.group(4))
        unit = m.group(5)
        if unit is None:
            if m.end() < len(s):  # only the last number may go without a unit ("1..2")
                raise UnitError(f"not a length: {text!r}")
            if parts and s[:pos].rstrip().endswith(("'", "′", "ft", "feet", "foot")):
                unit = "in"  # 12' 6 means 12 ft 6 in
            else:
                unit = "m" if style == "metric" else "ft"
        total += num * _UNIT_M[unit]
        parts += 1
        pos = m.end()
    if parts == 0 or not math.isfinite(total):
        raise UnitError(f"not a length: {text!r}")
    return -total if negative else total


def parse_area(text: str, style: str = DEFAULT_STYLE) -> float:
    """Square metres from ``12.5``, ``12.5 m²``, ``12.5 m2``, ``134 ft²``, ``134 sq ft``."""
    _check(style)
    m = re.fullmatch(
        rf"\s*({_NUM})\s*(m²|m2|sq\s*m|平方米|ft²|ft2|sq\s*ft|sqft)?\s*", text.replace(",", "")
    )
    if not m:
        raise UnitError(f"not an area: {text!r}")
    value = float(m.group(1))
    unit = m.group(2)
    if unit is None:
        return value if style == "metric" else value * SQFT_M2
    if "ft" in unit:
        return value * SQFT_M2
    return value
