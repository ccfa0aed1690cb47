"""The drawing protocol: what sign sheets (and the site report and plan drawings) draw through.

One layout, several surfaces: ``siteplanner.drawing.pdf.PdfCanvas`` writes a PDF with ReportLab,
``siteplanner.app.qt_canvas.QtCanvas`` paints on a QPainter (screen, image, printer), and
``RecordingCanvas`` keeps the calls as data (tests, comparisons). Layout code computes positions
with ``siteplanner.drawing.text`` and never asks the canvas for anything, so every implementation
receives exactly the same calls.

Conventions (those of PDF):
- Units are **points** (1/72 inch; ``MM`` points to the millimetre). Origin at the lower-left
  corner of the page, x to the right, **y up**. Angles in degrees, counter-clockwise.
- Colours are RGB triples of floats in 0..1: what screens show (the Qt canvas, SVG, PNG). A
  ``PrintColor`` is such a triple that also carries the CMYK definition a PDF prints it with.
- Text is drawn with the fill colour; ``y`` is the baseline. ``anchor`` says which point of the
  text ``x`` is: its start, its middle or its end (widths from ``siteplanner.drawing.text``).
- ``save``/``restore`` bracket the whole graphics state: colours, line style, transform, clip.
- A symbol is a drawing defined once and placed many times (the PDF keeps one copy). It is drawn
  in its own box (0, 0)-(width, height) at the current origin, under the current transform.
  Define symbols outside any other symbol's definition; a symbol's drawing may place symbols
  defined before it.
- A page is opened with ``begin_page(width, height)`` and closed with ``end_page()``.
- Paths are filled by the even-odd rule.
- Raster images (``image``) are PNG or JPEG bytes, stretched to fill their box, upright.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

Color = tuple[float, float, float]
Cmyk = tuple[float, float, float, float]


class PrintColor(tuple[float, float, float]):
    """An RGB colour (for screens) with its CMYK definition (for print): ``PdfCanvas`` writes the
    CMYK, the Qt and SVG canvases use the RGB. It compares equal to its RGB triple."""

    cmyk: Cmyk

    def __new__(cls, rgb: tuple[float, float, float], cmyk: Cmyk) -> PrintColor:
        self = super().__new__(cls, rgb)
        self.cmyk = tuple(cmyk)  # type: ignore[assignment]
        return self

    def __reduce__(self):  # copies and pickles keep the CMYK
        return (PrintColor, (tuple(self), self.cmyk))

    def __repr__(self) -> str:
        return f"PrintColor({tuple(self)!r}, cmyk={self.cmyk!r})"


def cmyk_of(color: Color) -> Cmyk:
    """The colour's own CMYK definition, or the plain conversion of its RGB (black on the black
    plate alone, K = 1 - max(R, G, B)) when it has none."""
    own = getattr(color, "cmyk", None)
    if own is not None:
        return own
    r, g, b = color
    k = 1.0 - max(r, g, b)
    if k >= 1.0 - 1e-9:
        return (0.0, 0.0, 0.0, 1.0)
    return ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k)


Anchor = Literal["start", "middle", "end"]
LineCap = Literal["butt", "round", "square"]
LineJoin = Literal["miter", "round", "bevel"]

MM = 72.0 / 25.4
"""Points per millimetre."""


@dataclass
class Path:
    """An outline made of straight segments, Bézier curves, circular arcs and rectangles.

    Methods return the path, so that ``Path().move_to(0, 0).line_to(1, 1)`` reads as a drawing.
    """

    ops: list[tuple[str, tuple[float, ...]]] = field(default_factory=list)

    def move_to(self, x: float, y: float) -> Path:
        self.ops.append(("move_to", (x, y)))
        return self

    def line_to(self, x: float, y: float) -> Path:
        self.ops.append(("line_to", (x, y)))
        return self

    def curve_to(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> Path:
        """A cubic Bézier from the current point through controls (x1, y1), (x2, y2) to (x3, y3)."""
        self.ops.append(("curve_to", (x1, y1, x2, y2, x3, y3)))
        return self

    def arc(self, cx: float, cy: float, r: float, start: float, extent: float) -> Path:
        """A new subpath: the arc of the circle (cx, cy, r) from ``start`` degrees over ``extent``
        degrees (counter-clockwise when positive)."""
        self.ops.append(("arc", (cx, cy, r, start, extent)))
        return self

    def rect(self, x: float, y: float, w: float, h: float) -> Path:
        """A closed rectangular subpath with its lower-left corner at (x, y)."""
        self.ops.append(("rect", (x, y, w, h)))
        return self

    def close(self) -> Path:
        self.ops.append(("close", ()))
        return self


@runtime_checkable
class Canvas(Protocol):
    """The drawing calls; see the module's docstring for units and conventions."""

    # pages
    def begin_page(self, width: float, height: float) -> None: ...
    def end_page(self) -> None: ...

    # graphics state
    def save(self) -> None: ...
    def restore(self) -> None: ...
    def translate(self, dx: float, dy: float) -> None: ...
    def rotate(self, degrees: float) -> None: ...
    def scale(self, sx: float, sy: float) -> None: ...
    def clip(self, path: Path) -> None:
        """Intersect the clip region with the inside of ``path`` until the next ``restore``."""

    def set_fill(self, color: Color) -> None: ...
    def set_stroke(self, color: Color) -> None: ...
    def set_line_width(self, width: float) -> None: ...
    def set_line_cap(self, cap: LineCap) -> None: ...
    def set_line_join(self, join: LineJoin) -> None: ...

    # shapes: filled with the fill colour and/or outlined with the stroke colour and line style
    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: bool = True, stroke: bool = False
    ) -> None: ...
    def rounded_rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        radius: float,
        *,
        fill: bool = True,
        stroke: bool = False,
    ) -> None: ...
    def circle(
        self, cx: float, cy: float, r: float, *, fill: bool = True, stroke: bool = False
    ) -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """A stroked straight line."""

    def draw_path(self, path: Path, *, fill: bool = True, stroke: bool = False) -> None: ...

    # text
    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        anchor: Anchor = "start",
        bold: bool = False,
    ) -> None:
        """``text`` in the bundled font at ``size`` points, baseline at ``y``; ``bold`` strokes the
        glyph outlines ``BOLD_STROKE * size`` wide in the fill colour (the face has one weight)."""

    def image(self, data: bytes, x: float, y: float, w: float, h: float) -> None:
        """The PNG or JPEG image ``data`` filling the box with lower-left corner (x, y)."""

    # symbols
    def has_symbol(self, name: str) -> bool: ...
    def define_symbol(
        self, name: str, width: float, height: float, draw: Callable[[Canvas], None]
    ) -> None:
        """Define ``name`` as what ``draw(canvas)`` draws into the box (0, 0)-(width, height)."""

    def draw_symbol(self, name: str) -> None: ...


__all__ = [
    "MM",
    "Anchor",
    "Canvas",
    "Cmyk",
    "Color",
    "LineCap",
    "LineJoin",
    "Path",
    "PrintColor",
    "cmyk_of",
]
