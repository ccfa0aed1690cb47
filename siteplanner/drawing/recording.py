"""A canvas that keeps the drawing calls as data, optionally passing them on to another canvas.

Used to compare what a layout asks of different canvases, to count or inspect what was drawn, and
to replay a drawing later (``replay``). A symbol's drawing is recorded once, where it is defined,
and handed to the inner canvas as a replay of that record.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent

from siteplanner.drawing.canvas import Canvas, Color, Path
from siteplanner.drawing.text import FONT, register_fonts, start_x, string_width

Call = tuple[str, tuple[Any, ...], dict[str, Any]]


class RecordingCanvas:
    """Every call as ``(name, args, kwargs)`` in ``calls``; paths are kept as copies of their
    operations, a symbol definition as ``("define_symbol", (name, w, h, body), {})`` where
    ``body`` is the list of calls its drawing made."""

    def __init__(self, inner: Canvas | None = None) -> None:
        self.inner = inner
        self.calls: list[Call] = []
        self.symbols: dict[str, list[Call]] = {}

    def _call(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.calls.append((name, args, kwargs))
        if self.inner is not None:
            getattr(self.inner, name)(*args, **kwargs)

    def begin_page(self, width: float, height: float) -> None:
        self._call("begin_page", width, height)

    def end_page(self) -> None:
        self._call("end_page")

    def save(self) -> None:
        self._call("save")

    def restore(self) -> None:
        self._call("restore")

    def translate(self, dx: float, dy: float) -> None:
        self._call("translate", dx, dy)

    def rotate(self, degrees: float) -> None:
        self._call("rotate", degrees)

    def scale(self, sx: float, sy: float) -> None:
        self._call("scale", sx, sy)

    def clip(self, path: Path) -> None:
        self._call("clip", Path(list(path.ops)))

    def set_fill(self, color: Color) -> None:
        self._call("set_fill", color)

    def set_stroke(self, color: Color) -> None:
        self._call("set_stroke", color)

    def set_line_width(self, width: float) -> None:
        self._call("set_line_width", width)

    def set_line_cap(self, cap: Any) -> None:
        self._call("set_line_cap", cap)

    def set_line_join(self, join: Any) -> None:
        self._call("set_line_join", join)

    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self._call("rect", x, y, w, h, fill=fill, stroke=stroke)

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
    ) -> None:
        self._call("rounded_rect", x, y, w, h, radius, fill=fill, stroke=stroke)

    def circle(
        self, cx: float, cy: float, r: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self._call("circle", cx, cy, r, fill=fill, stroke=stroke)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._call("line", x1, y1, x2, y2)

    def draw_path(self, path: Path, *, fill: bool = True, stroke: bool = False) -> None:
        self._call("draw_path", Path(list(path.ops)), fill=fill, stroke=stroke)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        anchor: Any = "start",
        bold: bool = False,
    ) -> None:
        self._call("text", x, y, text, size, anchor=anchor, bold=bold)

    def image(self, data: bytes, x: float, y: float, w: float, h: float) -> None:
        self._call("image", data, x, y, w, h)

    def has_symbol(self, name: str) -> bool:
        return name in self.symbols

    def define_symbol(
        self, name: str, width: float, height: float, draw: Callable[[Canvas], None]
    ) -> None:
        body = RecordingCanvas()
        body.symbols = self.symbols  # a symbol may place those defined before it
        draw(body)
        self.symbols[name] = body.calls
        self.calls.append(("define_symbol", (name, width, height, body.calls), {}))
        if self.inner is not None:
            self.inner.define_symbol(name, width, height, lambda c: replay(body.calls, c))

    def draw_symbol(self, name: str) -> None:
        self._call("draw_symbol", name)


def replay(calls: list[Call], canvas: Canvas) -> None:
    """Draw recorded calls on ``canvas``."""
    for name, args, kwargs in calls:
        if name == "define_symbol":
            sym, w, h, body = args
            canvas.define_symbol(sym, w, h, lambda c, body=body: replay(body, c))
        else:
            getattr(canvas, name)(*args, **kwargs)


@dataclass(frozen=True)
class InkBox:
    """The page-space bounding box of a text or of a placed symbol (pictogram, QR code)."""

    kind: str  # "text" or "symbol"
    what: str  # the text, or the symbol's name
    x0: float
    y0: float
    x1: float
    y1: float
    upright: bool  # False under a rotation: the box is the bounds of a turned shape
    line: int = -1  # for a character's box: which recorded text (its index among the texts)


_Matrix = tuple[float, float, float, float, float, float]  # PDF order: a b c d e f


def _mul(m: _Matrix, n: _Matrix) -> _Matrix:
    """``n`` applied first, then ``m`` (the CTM after ``cm n`` when the CTM was ``m``)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a2 * a + b2 * c,
        a2 * b + b2 * d,
        c2 * a + d2 * c,
        c2 * b + d2 * d,
        e2 * a + f2 * c + e,
        e2 * b + f2 * d + f,
    )


def _box(m: _Matrix, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def ink_boxes(calls: list[Call], per_char: bool = False) -> list[InkBox]:
    """Where the recorded texts and placed symbols land on the page, following the transforms
    (``save``/``restore``, ``translate``, ``scale``, ``rotate``). A text's box runs from its
    font's descent to its ascent over its advance width. Symbols are not looked into: a placed
    symbol is the box it was defined with. With ``per_char`` a text gives one box per character
    instead (kind "char", spaces included, ``line`` telling which text it belongs to), each over
    that character's advance: the differences of the prefix widths."""
    register_fonts()
    sizes: dict[str, tuple[float, float]] = {}
    out: list[InkBox] = []
    m: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[_Matrix] = []
    line = -1
    for name, args, kwargs in calls:
        if name == "save":
            stack.append(m)
        elif name == "restore":
            m = stack.pop()
        elif name == "translate":
            m = _mul(m, (1.0, 0.0, 0.0, 1.0, args[0], args[1]))
        elif name == "scale":
            m = _mul(m, (args[0], 0.0, 0.0, args[1], 0.0, 0.0))
        elif name == "rotate":
            r = math.radians(args[0])
            m = _mul(m, (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0))
        elif name == "define_symbol":
            sizes[args[0]] = (args[1], args[2])
        elif name == "text":
            x, y, text, size = args
            if not text:
                continue
            x0 = start_x(x, text, size, kwargs.get("anchor", "start"))
            ascent, descent = getAscentDescent(FONT, size)
            upright = abs(m[1]) + abs(m[2]) < 1e-9
            line += 1
            if not per_char:
                box = _box(m, x0, y + descent, x0 + string_width(text, size), y + ascent)
                out.append(InkBox("text", text, *box, upright=upright))
                continue
            # Prefix widths, so the characters' boxes add up to the text's box exactly.
            left = x0
            for k, ch in enumerate(text):
                right = x0 + string_width(text[: k + 1], size)
                box = _box(m, left, y + descent, right, y + ascent)
                out.append(InkBox("char", ch, *box, upright=upright, line=line))
                left = right
        elif name == "draw_symbol" and args[0] in sizes:
            w, h = sizes[args[0]]
            box = _box(m, 0.0, 0.0, w, h)
            out.append(InkBox("symbol", args[0], *box, upright=abs(m[1]) + abs(m[2]) < 1e-9))
    return out


__all__ = ["Call", "InkBox", "RecordingCanvas", "ink_boxes", "replay"]
