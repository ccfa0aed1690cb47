"""The camera pictogram, drawn as vector paths into a 100 x 100 unit box."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

UNIT = 100.0


def draw_camera(c: Canvas, color: tuple[float, float, float] = (0.07, 0.07, 0.07)) -> None:
    """A wall-mounted CCTV camera looking down to the left, in the box (0, 0)-(100, 100).

    The caller translates and scales; only filled shapes and thick strokes, so that it prints
    crisply from a sticker to a poster.
    """
    c.saveState()
    c.setFillColorRGB(*color)
    c.setStrokeColorRGB(*color)
    c.setLineCap(1)
    c.setLineJoin(1)
    c.translate(0, -8)  # centre the drawing's extent (y 27..92) in the box
    # Wall plate on the right and the bracket arm up to it.
    c.roundRect(89, 58, 9, 34, 2, stroke=0, fill=1)
    c.setLineWidth(7)
    p = c.beginPath()
    p.moveTo(74, 68)
    p.lineTo(80, 79)
    p.lineTo(90, 79)
    c.drawPath(p, stroke=1, fill=0)
    # Housing, tilted 20° down towards the left, with a sun shield and the lens at the front.
    c.saveState()
    c.translate(56, 55)
    c.rotate(20)
    c.roundRect(-30, -11, 60, 22, 5, stroke=0, fill=1)
    c.roundRect(-39, 10, 70, 7, 2, stroke=0, fill=1)
    c.roundRect(-37, -8, 9, 16, 2, stroke=0, fill=1)
    c.restoreState()
    # Field of view: arcs spreading from the lens.
    cx, cy = 21.0, 42.0
    for i, r in enumerate((8.0, 15.0, 22.0)):
        c.setLineWidth(4.4 - 0.4 * i)
        c.arc(cx - r, cy - r, cx + r, cy + r, startAng=178, extent=46)
    c.restoreState()
