"""The ``Canvas`` protocol as SVG: one page, y flipped once at the root so that the drawing's PDF
coordinates (y up) stay as they are. Text refers to the bundled face by name with generic CJK
fallbacks; widths were computed by the layout, so anchors are kept as ``text-anchor``.

Written for the plan drawing's SVG export: ReportLab's renderSVG draws only its own shape trees
(no clipping paths, no page canvas), so the drawing would have to be laid out twice.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from siteplanner.drawing.canvas import Anchor, Canvas, Color, LineCap, LineJoin, Path
from siteplanner.drawing.text import BOLD_STROKE, printable

_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"


def _c(color: Color) -> str:
    r, g, b = (max(0, min(255, round(v * 255))) for v in color)
    return f"#{r:02x}{g:02x}{b:02x}"


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") or "0"


def path_data(path: Path) -> str:
    out: list[str] = []
    for op, a in path.ops:
        if op == "move_to":
            out.append(f"M{_n(a[0])} {_n(a[1])}")
        elif op == "line_to":
            out.append(f"L{_n(a[0])} {_n(a[1])}")
        elif op == "curve_to":
            out.append("C" + " ".join(_n(v) for v in a))
        elif op == "rect":
            x, y, w, h = a
            out.append(f"M{_n(x)} {_n(y)}h{_n(w)}v{_n(h)}h{_n(-w)}Z")
        elif op == "arc":
            cx, cy, r, start, extent = a
            s, e = math.radians(start), math.radians(start + extent)
            x0, y0 = cx + r * math.cos(s), cy + r * math.sin(s)
            x1, y1 = cx + r * math.cos(e), cy + r * math.sin(e)
            large = 1 if abs(extent) > 180 else 0
            sweep = 1 if extent > 0 else 0
            out.append(f"M{_n(x0)} {_n(y0)}A{_n(r)} {_n(r)} 0 {large} {sweep} {_n(x1)} {_n(y1)}")
        elif op == "close":
            out.append("Z")
        else:
            raise ValueError(f"unknown path operation {op!r}")
    return "".join(out)


class SvgCanvas:
    """Collects one page; ``svg()`` returns the document."""

    def __init__(self) -> None:
        self.width = self.height = 0.0
        self.parts: list[str] = []
        self._state = {
            "fill": (0.0, 0.0, 0.0),
            "stroke": (0.0, 0.0, 0.0),
            "width": 1.0,
            "cap": "butt",
            "join": "miter",
        }
        self._stack: list[tuple[dict, int]] = []
        self._open = 0  # groups opened since the last save
        self._clips = 0
        self._symbols: dict[str, str] = {}
        self.pages = 0

    # pages
    def begin_page(self, width: float, height: float) -> None:
        self.width, self.height = width, height

    def end_page(self) -> None:
        self.pages += 1

    # graphics state
    def save(self) -> None:
        self._stack.append((dict(self._state), self._open))
        self._open = 0

    def restore(self) -> None:
        self.parts.append("</g>" * self._open)
        self._state, self._open = self._stack.pop()

    def _group(self, attrs: str) -> None:
        self.parts.append(f"<g {attrs}>")
        self._open += 1

    def translate(self, dx: float, dy: float) -> None:
        self._group(f'transform="translate({_n(dx)} {_n(dy)})"')

    def rotate(self, degrees: float) -> None:
        self._group(f'transform="rotate({_n(degrees)})"')

    def scale(self, sx: float, sy: float) -> None:
        self._group(f'transform="scale({_n(sx)} {_n(sy)})"')

    def clip(self, path: Path) -> None:
        self._clips += 1
        cid = f"clip{self._clips}"
        self.parts.append(
            f'<defs><clipPath id="{cid}"><path d="{path_data(path)}" clip-rule="evenodd"/>'
            "</clipPath></defs>"
        )
        self._group(f'clip-path="url(#{cid})"')

    def set_fill(self, color: Color) -> None:
        self._state["fill"] = color

    def set_stroke(self, color: Color) -> None:
        self._state["stroke"] = color

    def set_line_width(self, width: float) -> None:
        self._state["width"] = width

    def set_line_cap(self, cap: LineCap) -> None:
        self._state["cap"] = cap

    def set_line_join(self, join: LineJoin) -> None:
        self._state["join"] = join

    def _paint(self, fill: bool, stroke: bool) -> str:
        s = self._state
        out = f'fill="{_c(s["fill"])}" fill-rule="evenodd"' if fill else 'fill="none"'
        if stroke:
            out += (
                f' stroke="{_c(s["stroke"])}" stroke-width="{_n(s["width"])}"'
                f' stroke-linecap="{s["cap"]}" stroke-linejoin="{s["join"]}"'
            )
        return out

    # shapes
    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f"{self._paint(fill, stroke)}/>"
        )

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
        self.parts.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(radius)}" '
            f"{self._paint(fill, stroke)}/>"
        )

    def circle(
        self, cx: float, cy: float, r: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self.parts.append(
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" {self._paint(fill, stroke)}/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f"{self._paint(False, True)}/>"
        )

    def draw_path(self, path: Path, *, fill: bool = True, stroke: bool = False) -> None:
        self.parts.append(f'<path d="{path_data(path)}" {self._paint(fill, stroke)}/>')

    # text: flipped back upright around its own baseline
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
        text = printable(text)
        if not text:
            return
        fill = _c(self._state["fill"])
        extra = f' stroke="{fill}" stroke-width="{_n(size * BOLD_STROKE)}"' if bold else ""
        self.parts.append(
            f'<text transform="translate({_n(x)} {_n(y)}) scale(1 -1)" font-size="{_n(size)}" '
            f'text-anchor="{anchor}" fill="{fill}"{extra}>{escape(text)}</text>'
        )

    def image(self, data: bytes, x: float, y: float, w: float, h: float) -> None:
        kind = "png" if data[:4] == b"\x89PNG" else "jpeg"
        href = f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"
        self.parts.append(
            f'<g transform="translate({_n(x)} {_n(y + h)}) scale(1 -1)"><image width="{_n(w)}" '
            f'height="{_n(h)}" preserveAspectRatio="none" href={quoteattr(href)}/></g>'
        )

    # symbols
    def has_symbol(self, name: str) -> bool:
        return name in self._symbols

    def define_symbol(
        self, name: str, width: float, height: float, draw: Callable[[Canvas], None]
    ) -> None:
        sid = f"sym{len(self._symbols)}"
        self._symbols[name] = sid
        mark = len(self.parts)
        state = dict(self._state)
        draw(self)
        body = "".join(self.parts[mark:])
        del self.parts[mark:]
        self._state = state
        self.parts.append(f'<defs><g id="{sid}">{body}</g></defs>')

    def draw_symbol(self, name: str) -> None:
        self.parts.append(f'<use href="#{self._symbols[name]}"/>')

    def svg(self) -> str:
        w, h = _n(self.width), _n(self.height)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
            f'viewBox="0 0 {w} {h}" font-family="{_FONT}">'
            f'<rect width="{w}" height="{h}" fill="#ffffff"/>'
            f'<g transform="translate(0 {h}) scale(1 -1)">' + "".join(self.parts) + "</g></svg>\n"
        )


__all__ = ["SvgCanvas", "path_data"]
