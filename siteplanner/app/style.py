"""Colours and sizes of the canvas (a light CAD look)."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as written. Qt renders any tooltip that looks like HTML
    as rich text, so an id such as ``<img src=...>`` would be drawn, not shown."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as written (it shows names and ids from the plan)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


BACKGROUND = QColor("#f5f6f8")
GRID_MINOR = QColor("#e6e9ee")
GRID_MAJOR = QColor("#d3d8df")
WALL = QColor("#2d3139")
WALL_SELECTED = QColor("#1d6fe8")
SELECTION = QColor("#1d6fe8")
DOOR = QColor("#7a5230")
WINDOW = QColor("#3b8fd9")
OBSTACLE_FILL = QColor(176, 148, 104, 120)
OBSTACLE_LINE = QColor("#8a6d43")
ZONE_FILL = {
    "collection": QColor(46, 160, 67, 30),
    "private": QColor(170, 60, 200, 50),
    "exclude": QColor(110, 118, 130, 40),
}
ZONE_LINE = {
    "collection": QColor("#2e9c47"),
    "private": QColor("#a43cc8"),
    "exclude": QColor("#6e7682"),
}
COVERAGE_FILL = QColor(37, 115, 220, 22)
COVERAGE_LINE = QColor(37, 115, 220, 110)
DORI_FILL = {
    "detection": QColor(37, 115, 220, 20),
    "observation": QColor(37, 115, 220, 28),
    "recognition": QColor(20, 90, 200, 36),
    "identification": QColor(10, 60, 170, 48),
}
INTRUSION_FILL = QColor(220, 38, 38, 150)
INTRUSION_LINE = QColor("#b91c1c")
BLIND_HATCH = QColor(232, 89, 12, 170)
CAMERA = QColor("#0b4fa0")
CAMERA_FACE = QColor("#b45309")
CAMERA_WARN = QColor("#c2410c")
SIGN = QColor("#f2c200")
LABEL = QColor("#1f2933")
PREVIEW = QColor("#e8590c")
SEVERITY = {"error": QColor("#d32f2f"), "warning": QColor("#ed8b00"), "info": QColor("#1d6fe8")}
# Opaque equivalents of the stacked DORI fills, for the legend.
DORI_LEGEND = {
    "detection": QColor(220, 232, 248),
    "observation": QColor(196, 215, 241),
    "recognition": QColor(160, 186, 230),
    "identification": QColor(118, 150, 214),
}
LEGEND_BACK = QColor(255, 255, 255, 215)
