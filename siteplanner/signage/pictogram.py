"""The camera pictogram, drawn as vector paths into a 100 x 100 unit box."""

from __future__ import annotations

from siteplanner.drawing.canvas import Canvas, Color, Path

UNIT = 100.0


def draw_camera(c: Canvas, color: Color = (0.07, 0.07, 0.07)) -> None:
    """A wall-mounted CCTV camera looking down to the left, in the box (0, 0)-(100, 100).

    The caller translates and scales; only filled shapes and thick strokes, so that it prints
    crisply from a sticker to a poster.
    """
    c.save()
    c.set_fill(color)
    c.set_stroke(color)
    c.set_line_cap("round")
    c.set_line_join("round")
    c.translate(0, -8)  # centre the drawing's extent (y 27..92) in the box
    # Wall plate on the right and the bracket arm up to it.
    c.rounded_rect(89, 58, 9, 34, 2)
    c.set_line_width(7)
    c.draw_path(Path().move_to(74, 68).line_to(80, 79).line_to(90, 79), fill=False, stroke=True)
    # Housing, tilted 20° down towards the left, with a sun shield and the lens at the front.
    c.save()
    c.translate(56, 55)
    c.rotate(20)
    c.rounded_rect(-30, -11, 60, 22, 5)
    c.rounded_rect(-39, 10, 70, 7, 2)
    c.rounded_rect(-37, -8, 9, 16, 2)
    c.restore()
    # Field of view: arcs spreading from the lens.
    cx, cy = 21.0, 42.0
    for i, r in enumerate((8.0, 15.0, 22.0)):
        c.set_line_width(4.4 - 0.4 * i)
        c.draw_path(Path().arc(cx, cy, r, 178, 46), fill=False, stroke=True)
    c.restore()
