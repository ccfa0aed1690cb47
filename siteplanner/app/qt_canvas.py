"""The ``Canvas`` protocol (``siteplanner.drawing.canvas``) on a QPainter: images, the screen and
printers draw the very same layouts as the PDF writer.

The painter is set up per page so that user space is the protocol's: points, y up, origin at the
page's lower-left corner. ``QtCanvas`` maps a page onto an image or widget at a fixed number of
device pixels per point; ``PrinterCanvas`` maps each page onto a printer's page (turned a quarter
when the layout asks for the other orientation) and starts a new sheet for every page after the
first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from siteplanner.drawing.canvas import Anchor, Canvas, Color, LineCap, LineJoin, Path
from siteplanner.drawing.text import BOLD_STROKE, font_path, printable, start_x

_CAPS = {
    "butt": Qt.PenCapStyle.FlatCap,
    "round": Qt.PenCapStyle.RoundCap,
    "square": Qt.PenCapStyle.SquareCap,
}
_JOINS = {
    "miter": Qt.PenJoinStyle.MiterJoin,
    "round": Qt.PenJoinStyle.RoundJoin,
    "bevel": Qt.PenJoinStyle.BevelJoin,
}
# Text is laid out with a 100 px font and scaled to the requested size: Qt rounds small pixel
# sizes, and unhinted outlines at 100 px advance as the font's metrics say (as in the PDF).
_FONT_PX = 100.0
_FAMILY: str | None = None


def font_family() -> str:
    """The bundled face, registered with Qt once."""
    global _FAMILY
    if _FAMILY is None:
        fid = QFontDatabase.addApplicationFont(str(font_path()))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _FAMILY = families[0] if families else "Sans Serif"
    return _FAMILY


def _font() -> QFont:
    font = QFont(font_family())
    font.setPixelSize(int(_FONT_PX))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)  # the layout measures without kerning
    return font


def qpath(path: Path) -> QPainterPath:
    """The protocol's path as a QPainterPath in the same (y-up) coordinates."""
    q = QPainterPath()
    for op, a in path.ops:
        if op == "move_to":
            q.moveTo(a[0], a[1])
        elif op == "line_to":
            q.lineTo(a[0], a[1])
        elif op == "curve_to":
            q.cubicTo(a[0], a[1], a[2], a[3], a[4], a[5])
        elif op == "arc":
            cx, cy, r, start, extent = a
            rect = QRectF(cx - r, cy - r, 2 * r, 2 * r)
            # Qt's angles turn the other way round in a y-up frame: negate them.
            q.arcMoveTo(rect, -start)
            q.arcTo(rect, -start, -extent)
        elif op == "rect":
            q.addRect(QRectF(a[0], a[1], a[2], a[3]))
        elif op == "close":
            q.closeSubpath()
        else:
            raise ValueError(f"unknown path operation {op!r}")
    return q


class QtCanvas:
    """Draws on ``painter`` at ``px_per_pt`` device pixels per point (1.0 for 72 dpi)."""

    def __init__(self, painter: QPainter, px_per_pt: float = 1.0) -> None:
        self.painter = painter
        self.px_per_pt = px_per_pt
        self.fill = QColor(0, 0, 0)
        self.stroke = QColor(0, 0, 0)
        self.line_width = 1.0
        self.cap = Qt.PenCapStyle.FlatCap
        self.join = Qt.PenJoinStyle.MiterJoin
        self._stack: list[tuple] = []
        self._symbols: dict[str, tuple[float, float, Callable[[Canvas], None]]] = {}
        self.pages = 0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # pages
    def begin_page(self, width: float, height: float) -> None:
        p = self.painter
        p.resetTransform()
        p.setClipping(False)
        p.translate(0, height * self.px_per_pt)
        p.scale(self.px_per_pt, -self.px_per_pt)

    def end_page(self) -> None:
        self.pages += 1

    # graphics state
    def save(self) -> None:
        self.painter.save()
        self._stack.append((self.fill, self.stroke, self.line_width, self.cap, self.join))

    def restore(self) -> None:
        self.painter.restore()
        self.fill, self.stroke, self.line_width, self.cap, self.join = self._stack.pop()

    def translate(self, dx: float, dy: float) -> None:
        self.painter.translate(dx, dy)

    def rotate(self, degrees: float) -> None:
        # Counter-clockwise in the y-up frame is Qt's positive (clockwise on screen) there.
        self.painter.rotate(degrees)

    def scale(self, sx: float, sy: float) -> None:
        self.painter.scale(sx, sy)

    def clip(self, path: Path) -> None:
        self.painter.setClipPath(qpath(path), Qt.ClipOperation.IntersectClip)

    def set_fill(self, color: Color) -> None:
        self.fill = QColor.fromRgbF(*color)

    def set_stroke(self, color: Color) -> None:
        self.stroke = QColor.fromRgbF(*color)

    def set_line_width(self, width: float) -> None:
        self.line_width = width

    def set_line_cap(self, cap: LineCap) -> None:
        self.cap = _CAPS[cap]

    def set_line_join(self, join: LineJoin) -> None:
        self.join = _JOINS[join]

    # shapes
    def _paint(self, path: QPainterPath, fill: bool, stroke: bool) -> None:
        if fill:
            self.painter.fillPath(path, QBrush(self.fill))
        if stroke:
            pen = QPen(self.stroke, self.line_width, Qt.PenStyle.SolidLine, self.cap, self.join)
            self.painter.strokePath(path, pen)

    def rect(
        self, x: float, y: float, w: float, h: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        path = QPainterPath()
        path.addRect(QRectF(x, y, w, h))
        self._paint(path, fill, stroke)

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
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, y, w, h), radius, radius)
        self._paint(path, fill, stroke)

    def circle(
        self, cx: float, cy: float, r: float, *, fill: bool = True, stroke: bool = False
    ) -> None:
        path = QPainterPath()
        path.addEllipse(QPointF(cx, cy), r, r)
        self._paint(path, fill, stroke)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        path = QPainterPath()
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
        self._paint(path, False, True)

    def draw_path(self, path: Path, *, fill: bool = True, stroke: bool = False) -> None:
        self._paint(qpath(path), fill, stroke)

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
        p = self.painter
        font = _font()
        p.save()
        p.translate(x, y)
        k = size / _FONT_PX
        p.scale(k, -k)  # glyphs upright in the y-up frame
        # drawText keeps the text as text in a printed PDF (searchable, copyable).
        p.setFont(font)
        p.setPen(QPen(self.fill))
        p.drawText(QPointF(0, 0), text)
        if bold:
            outline = QPainterPath()
            outline.addText(QPointF(0, 0), font, text)
            pen = QPen(self.fill, BOLD_STROKE * _FONT_PX)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.strokePath(outline, pen)
        p.restore()

    def image(self, data: bytes, x: float, y: float, w: float, h: float) -> None:
        img = QImage.fromData(data)
        if img.isNull():
            raise ValueError("not a PNG or JPEG image")
        p = self.painter
        p.save()
        # Images are stored top row first: flip them upright in the y-up frame.
        p.translate(x, y + h)
        p.scale(1, -1)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(0, 0, w, h), img)
        p.restore()

    # symbols: kept as drawing functions and drawn again under the current transform (a
    # QPicture would be rescaled by the device's resolution)
    def has_symbol(self, name: str) -> bool:
        return name in self._symbols

    def define_symbol(
        self, name: str, width: float, height: float, draw: Callable[[Canvas], None]
    ) -> None:
        self._symbols[name] = (width, height, draw)

    def draw_symbol(self, name: str) -> None:
        width, height, draw = self._symbols[name]
        self.save()
        # As a PDF form, a symbol shows only what lies in its box.
        self.painter.setClipRect(QRectF(0, 0, width, height), Qt.ClipOperation.IntersectClip)
        draw(self)
        self.restore()


class PrinterCanvas(QtCanvas):
    """Pages of the layout on the sheets of ``printer`` (full-page mode: the layout keeps its own
    margins), at the printer's resolution."""

    def __init__(self, printer: QPrinter, painter: QPainter) -> None:
        super().__init__(painter, printer.resolution() / 72.0)
        self.printer = printer

    def begin_page(self, width: float, height: float) -> None:
        if self.pages:
            self.printer.newPage()
        p = self.painter
        p.resetTransform()
        p.setClipping(False)
        res = self.printer.resolution()
        full = self.printer.pageLayout().fullRectPixels(res)
        # Full-page coordinates: the printer's painter starts at the printable area.
        paint = self.printer.pageLayout().paintRectPixels(res)
        p.translate(-paint.left(), -paint.top())
        scale = self.px_per_pt
        w_pt, h_pt = full.width() / scale, full.height() / scale
        if (width > height) != (w_pt > h_pt):
            # The layout wants the other orientation: turn the page a quarter.
            p.translate(full.width(), 0)
            p.rotate(90)
            w_pt, h_pt = h_pt, w_pt
        p.translate(0, h_pt * scale)
        p.scale(scale, -scale)


__all__ = ["PrinterCanvas", "QtCanvas", "font_family", "qpath"]
