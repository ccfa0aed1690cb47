"""A canvas that keeps the drawing calls as data, optionally passing them on to another canvas.

Used to compare what a layout asks of different canvases, to count or inspect what was drawn, and
to replay a drawing later (``replay``). A symbol's drawing is recorded once, where it is defined,
and handed to the inner canvas as a replay of that record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from siteplanner.drawing.canvas import Canvas, Color, Path

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
        self._call("set_fill", tuple(color))

    def set_stroke(self, color: Color) -> None:
        self._call("set_stroke", tuple(color))

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


__all__ = ["Call", "RecordingCanvas", "replay"]
