"""Tool icons drawn with QPainter (no image files to ship or scale)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from siteplanner.app import style

INK = QColor("#2d3139")
ACCENT = QColor("#1d6fe8")


def _select(p: QPainter) -> None:
    arrow = QPolygonF(
        [
            QPointF(x, y)
            for x, y in [(6, 3), (6, 19), (10, 15), (13, 21), (15.5, 20), (12.5, 14), (18, 14)]
        ]
    )
    p.setPen(QPen(INK, 1.2))
    p.setBrush(QColor("white"))
    p.drawPolygon(arrow)


def _wall(p: QPainter) -> None:
    p.setPen(QPen(INK, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.MiterJoin))
    p.drawPolyline(QPolygonF([QPointF(4, 20), QPointF(4, 5), QPointF(20, 5), QPointF(20, 13)]))


def _opening(p: QPainter) -> None:
    p.setPen(QPen(INK, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    p.drawLine(QPointF(2, 19), QPointF(7, 19))
    p.drawLine(QPointF(19, 19), QPointF(22, 19))
    p.setPen(QPen(style.DOOR, 1.5))
    p.drawLine(QPointF(7, 19), QPointF(7, 7))
    path = QPainterPath(QPointF(7, 7))
    path.arcTo(QRectF(-5, 7, 24, 24), 90, -90)
    p.drawPath(path)


def _obstacle(p: QPainter) -> None:
    p.setPen(QPen(style.OBSTACLE_LINE, 1.5))
    p.setBrush(style.OBSTACLE_FILL)
    p.drawRect(QRectF(3, 8, 18, 9))
    p.drawLine(QPointF(9, 8), QPointF(9, 17))
    p.drawLine(QPointF(15, 8), QPointF(15, 17))


def _zone(p: QPainter) -> None:
    poly = QPolygonF([QPointF(x, y) for x, y in [(3, 6), (17, 3), (21, 15), (9, 21), (4, 15)]])
    p.setPen(QPen(style.ZONE_LINE["collection"], 1.5, Qt.PenStyle.DashLine))
    p.setBrush(QColor(46, 160, 67, 70))
    p.drawPolygon(poly)


def _camera(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(37, 115, 220, 70))
    wedge = QPainterPath(QPointF(8, 12))
    wedge.arcTo(QRectF(-6, -2, 28, 28), 40, -80)
    wedge.closeSubpath()
    p.drawPath(wedge)
    p.setPen(QPen(QColor("white"), 1))
    p.setBrush(style.CAMERA)
    p.drawEllipse(QPointF(8, 12), 5, 5)
    p.setBrush(QColor("white"))
    p.drawEllipse(QPointF(8, 12), 1.6, 1.6)


def _sign(p: QPainter) -> None:
    p.setPen(QPen(INK, 1.2))
    p.setBrush(style.SIGN)
    p.drawRect(QRectF(5, 4, 14, 14))
    p.setPen(QPen(INK, 2))
    p.drawLine(QPointF(12, 7), QPointF(12, 12))
    p.drawPoint(QPointF(12, 15))
    p.setPen(QPen(INK, 1.5))
    p.drawLine(QPointF(12, 18), QPointF(12, 22))


def _measure(p: QPainter) -> None:
    p.setPen(QPen(INK, 1.3))
    p.setBrush(QColor("#f2e3b3"))
    p.save()
    p.translate(12, 12)
    p.rotate(-35)
    p.drawRect(QRectF(-10, -3.5, 20, 7))
    for i in range(-7, 8, 3):
        p.drawLine(QPointF(i, -3.5), QPointF(i, -0.5 if i % 2 else 0.5))
    p.restore()


def _sheet(p: QPainter, dy: float = 0.0, fill: QColor | None = None) -> None:
    """A floor seen at an angle: the glyph of a level."""
    p.setPen(QPen(INK, 1.2))
    p.setBrush(fill or QColor("#e8eef8"))
    p.drawPolygon(
        QPolygonF([QPointF(x, y + dy) for x, y in [(2, 14), (9, 10), (22, 10), (15, 14)]])
    )


def _sign_glyph(p: QPainter, plus: bool) -> None:
    p.setPen(QPen(ACCENT, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    p.drawLine(QPointF(13, 5), QPointF(21, 5))
    if plus:
        p.drawLine(QPointF(17, 1), QPointF(17, 9))


def _level_add(p: QPainter) -> None:
    _sheet(p, 5)
    _sheet(p, 0, QColor("white"))
    _sign_glyph(p, True)


def _level_remove(p: QPainter) -> None:
    _sheet(p, 5)
    _sign_glyph(p, False)


def _level_duplicate(p: QPainter) -> None:
    _sheet(p, 6)
    _sheet(p, 1)
    _sheet(p, -4, QColor("white"))


def _level_rename(p: QPainter) -> None:
    _sheet(p, 6)
    p.setPen(QPen(ACCENT, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(8, 15), QPointF(18, 3))
    p.setPen(QPen(INK, 1.0))
    p.drawLine(QPointF(5, 19), QPointF(8, 15))


def _arrow(p: QPainter, up: bool) -> None:
    _sheet(p, 6 if up else -4)
    p.setPen(QPen(ACCENT, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    tip, tail = (2.0, 12.0) if up else (22.0, 12.0)
    p.drawLine(QPointF(12, tail), QPointF(12, tip))
    d = 4.0 if up else -4.0
    p.drawLine(QPointF(12, tip), QPointF(8, tip + d))
    p.drawLine(QPointF(12, tip), QPointF(16, tip + d))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "select": _select,
    "wall": _wall,
    "opening": _opening,
    "obstacle": _obstacle,
    "zone": _zone,
    "camera": _camera,
    "sign": _sign,
    "measure": _measure,
    "level_add": _level_add,
    "level_duplicate": _level_duplicate,
    "level_rename": _level_rename,
    "level_remove": _level_remove,
    "level_up": lambda p: _arrow(p, True),
    "level_down": lambda p: _arrow(p, False),
}


def tool_icon(name: str, size: int = 24) -> QIcon:
    """The icon of a canvas tool (an empty icon for a name without one)."""
    draw = _PAINTERS.get(name)
    if draw is None:
        return QIcon()
    icon = QIcon()
    for scale in (1, 2):
        pm = QPixmap(size * scale, size * scale)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(size * scale / 24, size * scale / 24)
        p.setBrush(QBrush())
        draw(p)
        p.end()
        pm.setDevicePixelRatio(scale)
        icon.addPixmap(pm)
    return icon
