"""Colours of the canvas (a light CAD look), as Qt colours of the shared palette."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from siteplanner.drawing import palette


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as written. Qt renders any tooltip that looks like HTML
    as rich text, so an id such as ``<img src=...>`` would be drawn, not shown."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as written (it shows names and ids from the plan)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _q(color: palette.Rgba) -> QColor:
    return QColor.fromRgbF(*color)


# The colours live in the Qt-free palette shared with the printed plan drawing.
BACKGROUND = _q(palette.BACKGROUND)
GRID_MINOR = _q(palette.GRID_MINOR)
GRID_MAJOR = _q(palette.GRID_MAJOR)
WALL = _q(palette.WALL)
WALL_SELECTED = _q(palette.WALL_SELECTED)
SELECTION = _q(palette.SELECTION)
DOOR = _q(palette.DOOR)
WINDOW = _q(palette.WINDOW)
OBSTACLE_FILL = _q(palette.OBSTACLE_FILL)
OBSTACLE_LINE = _q(palette.OBSTACLE_LINE)
ZONE_FILL = {k: _q(v) for k, v in palette.ZONE_FILL.items()}
ZONE_LINE = {k: _q(v) for k, v in palette.ZONE_LINE.items()}
COVERAGE_FILL = _q(palette.COVERAGE_FILL)
COVERAGE_LINE = _q(palette.COVERAGE_LINE)
DORI_BAND = {k: _q(v) for k, v in palette.DORI_BAND.items()}
INTRUSION_FILL = _q(palette.INTRUSION_FILL)
INTRUSION_LINE = _q(palette.INTRUSION_LINE)
BLIND_HATCH = _q(palette.BLIND_HATCH)
CAMERA = _q(palette.CAMERA)
CAMERA_FACE = _q(palette.CAMERA_FACE)
CAMERA_WARN = _q(palette.CAMERA_WARN)
SIGN = _q(palette.SIGN)
LABEL = _q(palette.LABEL)
PREVIEW = _q(palette.PREVIEW)
SEVERITY = {k: _q(v) for k, v in palette.SEVERITY.items()}
DORI_LEGEND = {k: _q(v) for k, v in palette.DORI_LEGEND.items()}
LEGEND_BACK = _q(palette.LEGEND_BACK)
ISOLATION_BACK = _q(palette.ISOLATION_BACK)
LABEL_HALO = _q(palette.LABEL_HALO)
REQUIREMENT_PASS = _q(palette.REQUIREMENT_PASS)
REQUIREMENT_FAIL = _q(palette.REQUIREMENT_FAIL)
REQUIREMENT_FAIL_HATCH = _q(palette.REQUIREMENT_FAIL_HATCH)
