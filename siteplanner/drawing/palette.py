"""The one palette of the plan: the editor's canvas and the plan drawing (report, PNG, SVG)
take their colours from here, so that a plan looks the same on screen and on paper.

Colours are RGBA tuples of floats in 0..1. The drawing protocol has no transparency: the plan
drawing uses ``over_white`` (the colour a translucent fill shows on white paper).
"""

from __future__ import annotations

Rgba = tuple[float, float, float, float]


def hex_rgba(code: str, alpha: int = 255) -> Rgba:
    """``"#rrggbb"`` with an alpha in 0..255 as an RGBA tuple."""
    code = code.lstrip("#")
    r, g, b = (int(code[i : i + 2], 16) / 255.0 for i in (0, 2, 4))
    return (r, g, b, alpha / 255.0)


def rgba(r: int, g: int, b: int, a: int = 255) -> Rgba:
    return (r / 255.0, g / 255.0, b / 255.0, a / 255.0)


def over_white(color: Rgba) -> tuple[float, float, float]:
    """The opaque colour ``color`` shows when laid over white."""
    r, g, b, a = color
    return (1 - a + a * r, 1 - a + a * g, 1 - a + a * b)


def opaque(color: Rgba) -> tuple[float, float, float]:
    return color[:3]


BACKGROUND = hex_rgba("#f5f6f8")
GRID_MINOR = hex_rgba("#e6e9ee")
GRID_MAJOR = hex_rgba("#d3d8df")
WALL = hex_rgba("#2d3139")
WALL_SELECTED = hex_rgba("#1d6fe8")
SELECTION = hex_rgba("#1d6fe8")
DOOR = hex_rgba("#7a5230")
WINDOW = hex_rgba("#3b8fd9")
OBSTACLE_FILL = rgba(176, 148, 104, 120)
OBSTACLE_LINE = hex_rgba("#8a6d43")
ZONE_FILL = {
    "collection": rgba(46, 160, 67, 30),
    "private": rgba(170, 60, 200, 50),
    "exclude": rgba(110, 118, 130, 40),
}
ZONE_LINE = {
    "collection": hex_rgba("#2e9c47"),
    "private": hex_rgba("#a43cc8"),
    "exclude": hex_rgba("#6e7682"),
}
COVERAGE_FILL = rgba(37, 115, 220, 22)
COVERAGE_LINE = rgba(37, 115, 220, 110)
# The DORI bands: each point of the plan is painted once, in the colour of the best band any
# camera reaches there (one union per band, not each camera's bands stacked), on a scale that
# changes hue and lightness together (pale yellow, teal, blue, indigo) so that neighbouring
# bands stay apart where views overlap and in grey print.
DORI_BAND = {
    "detection": hex_rgba("#e9f5a0", 215),
    "observation": hex_rgba("#6cc6b0", 205),
    "recognition": hex_rgba("#2c7fb8", 190),
    "identification": hex_rgba("#253494", 225),
}
INTRUSION_FILL = rgba(220, 38, 38, 150)
INTRUSION_LINE = hex_rgba("#b91c1c")
BLIND_HATCH = rgba(232, 89, 12, 170)
CAMERA = hex_rgba("#0b4fa0")
CAMERA_FACE = hex_rgba("#b45309")
CAMERA_WARN = hex_rgba("#c2410c")
SIGN = hex_rgba("#f2c200")
LABEL = hex_rgba("#1f2933")
PREVIEW = hex_rgba("#e8590c")
SEVERITY = {
    "error": hex_rgba("#d32f2f"),
    "warning": hex_rgba("#ed8b00"),
    "info": hex_rgba("#1d6fe8"),
}
# The same colours laid over white paper: the legend and the printed drawing.
DORI_LEGEND = {k: (*over_white(v), 1.0) for k, v in DORI_BAND.items()}
# The requirement view: the part of a collection zone covered at its required density, the
# part not (hatched as well, so that it reads without colour).
REQUIREMENT_PASS = rgba(46, 160, 67, 150)
REQUIREMENT_FAIL = rgba(220, 38, 38, 120)
REQUIREMENT_FAIL_HATCH = hex_rgba("#b91c1c")
LEGEND_BACK = rgba(255, 255, 255, 215)
ISOLATION_BACK = rgba(29, 111, 232, 225)  # the banner while one camera is isolated
LABEL_HALO = rgba(255, 255, 255, 200)  # behind the canvas's labels, over any band

__all__ = [name for name in dir() if name.isupper()] + ["hex_rgba", "opaque", "over_white", "rgba"]
