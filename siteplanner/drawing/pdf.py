"""The ``Canvas`` protocol on a ReportLab PDF canvas: vector output, the CJK font embedded as a
subset, symbols as PDF form XObjects (drawn once, placed by reference).

Colour: a ``PrintColor`` is written with its CMYK definition (``k``/``K``); a plain RGB triple as
RGB (``rg``/``RG``), or, on a canvas made with ``cmyk=True`` (print-shop output), converted to
CMYK so that no RGB is left in the file."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path as FsPath

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas as RlCanvas

from siteplanner.drawing.canvas import Anchor, Canvas, Color, LineCap, LineJoin, Path, cmyk_of
from siteplanner.drawing.text import BOLD_STROKE, FONT, printable, register_fonts, start_x

_CAPS = {"butt": 0, "round": 1, "square": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class PdfCanvas:
    """Draws into ``path``; call ``close()`` once the last page is ended to write the file."""

    def __init__(
        self,
        path: str | FsPath,
        *,
        title: str = "",
        author: str = "",
        creator: str = "SitePlanner",
        pagesize: tuple[float, float] = A4,
        cmyk: bool = False,
    ) -> None:
        register_fonts()
        self.cmyk = cmyk
        # The bundled face as the initial font: no base-14 font ends up in the file.
        self.rl = RlCanvas(str(path), pagesize=pagesize, pageCompression=1, initialFontName=FONT)
        self.rl.setTitle(printable(title))
        self.rl.setAuthor(printable(author))
        self.rl.setCreator(printable(creator))
        self._fill: Color = (0.0, 0.0, 0.0)
        self._fills: list[Color] = []
        self._forms: dict[str, str] = {}
        self.pages = 0

    def close(self) -> None:
        # Binary (not ASCII85) streams: smaller, and much faster without ReportLab's C accelerator.
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self.rl.save()
        finally:
            rl_config.useA85 = saved

    # pages
    def begin_page(self, width: float, height: float) -> None:
        self.rl.setPageSize((width, height))

    def end_page(self) -> None:
        self.rl.showPage()
        self.pages += 1

    # graphics state
    def save(self) -> None:
        self.rl.saveState()
        self._fills.append(self._fill)

    def restore(self) -> None:
        self.rl.restoreState()
        self._fill = self._fills.pop()

    def translate(self, dx: float, dy: float) -> None:
        self.rl.translate(dx, dy)

    def rotate(self, degrees: float) -> None:
        self.rl.rotate(degrees)

    def scale(self, sx: float, sy: float) -> None:
        self.rl.scale(sx, sy)

    def clip(self, path: Path) -> None:
        self.rl.clipPath(self._path(path), stroke=0, fill=0)

    def set_fill(self, color: Color) -> None:
        self._fill = color
        if self._print(color):
            self.rl.setFillColorCMYK(*cmyk_of(color))
        else:
            self.rl.setFillColorRGB(*color)

    def set_stroke(self, color: Color) -> None:
        if self._print(color):
            self.rl.setStrokeColorCMYK(*cmyk_of(color))
        else:
            self.rl.setStrokeColorRGB(*color)

    def _print(self, color: Color) -> bool:
        return self.cmyk or hasattr(color, "cmyk")

    def set_line_width(self, width: float) -> None:
        self.rl.setLineWidth(width)

    def set_line_cap(self, cap: LineCap) -> None:
        self.rl.setLineCap(_CAPS[cap])

    def set_line_join(self, join: LineJoin) -> None:
        self.rl.setLineJoin(_JOINS[join])

    # shapes
    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self.rl.rect(x, y, w, h, stroke=int(stroke), fill=int(fill))

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
        self.rl.roundRect(x, y, w, h, radius, stroke=int(stroke), fill=int(fill))

    def circle(
        self, cx: float, cy: float, r: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        self.rl.circle(cx, cy, r, stroke=int(stroke), fill=int(fill))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.rl.line(x1, y1, x2, y2)

    def draw_path(self, path: Path, *, fill: bool = True, stroke: bool = False) -> None:
        self.rl.drawPath(self._path(path), stroke=int(stroke), fill=int(fill))

    def _path(self, path: Path):
        p = self.rl.beginPath()
        for op, a in path.ops:
            if op == "move_to":
                p.moveTo(*a)
            elif op == "line_to":
                p.lineTo(*a)
            elif op == "curve_to":
                p.curveTo(*a)
            elif op == "arc":
                cx, cy, r, start, extent = a
                p.arc(cx - r, cy - r, cx + r, cy + r, startAng=start, extent=extent)
            elif op == "rect":
                p.rect(*a)
            elif op == "close":
                p.close()
            else:
                raise ValueError(f"unknown path operation {op!r}")
        return p

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
        text = printable(text)
        if not text:
            return
        x = start_x(x, text, size, anchor)
        t = self.rl.beginText()
        t.setFont(FONT, size)
        t.setTextOrigin(x, y)
        if bold:
            # Fill and stroke the glyphs (render mode 2); the stroke style is kept to this text.
            self.rl.saveState()
            self.set_stroke(self._fill)
            self.rl.setLineWidth(size * BOLD_STROKE)
            t.setTextRenderMode(2)
            t.textOut(text)
            t.setTextRenderMode(0)
            self.rl.drawText(t)
            self.rl.restoreState()
        else:
            t.textOut(text)
            self.rl.drawText(t)

    def image(self, data: bytes, x: float, y: float, w: float, h: float) -> None:
        # ReportLab stores each distinct image once, however often it is drawn.
        self.rl.drawImage(ImageReader(BytesIO(data)), x, y, w, h, mask="auto")

    # symbols
    def has_symbol(self, name: str) -> bool:
        return name in self._forms

    def define_symbol(
        self, name: str, width: float, height: float, draw: Callable[[Canvas], None]
    ) -> None:
        # Form names are internal: the symbol's name may be anything (a URL, say).
        form = f"F{len(self._forms)}"
        self._forms[name] = form
        fill = self._fill
        self.rl.beginForm(form, 0, 0, width, height)
        draw(self)
        self.rl.endForm()
        self._fill = fill

    def draw_symbol(self, name: str) -> None:
        self.rl.doForm(self._forms[name])


__all__ = ["PdfCanvas"]
