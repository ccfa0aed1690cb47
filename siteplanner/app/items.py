"""Scene items drawn from the model. Item coordinates are plan metres (y up); items that must
keep a constant size on screen (cameras, signs, handles, labels) ignore the view transform."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from siteplanner.app import style
from siteplanner.app.i18n import tr
from siteplanner.app.qtgeom import polygon_path
from siteplanner.app.worker import CoveragePaths, RequirementPaths

Flag = QGraphicsItem.GraphicsItemFlag
SELECTABLE = Flag.ItemIsSelectable
FIXED_SIZE = Flag.ItemIgnoresTransformations

Z_ZONE, Z_BLIND, Z_COVERAGE, Z_INTRUSION, Z_OBSTACLE, Z_WALL, Z_OPENING = 1, 2, 3, 4, 6, 8, 9
Z_SIGN, Z_CAMERA, Z_HANDLE, Z_PREVIEW = 20, 30, 40, 50
# A zone's name reads over the coverage drawn above the zone's own fill.
Z_ZONE_LABEL = 10


def cosmetic(
    color: QColor, width: float = 1.0, style_: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    pen = QPen(color, width, style_)
    pen.setCosmetic(True)
    return pen


class HaloLabel(QGraphicsSimpleTextItem):
    """A label on a light backing, so that it reads over the darkest DORI band."""

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.boundingRect(), style.LABEL_HALO)
        super().paint(painter, option, widget)


def _label(
    parent: QGraphicsItem | None,
    text: str,
    bold: bool = False,
    size: float = 8.0,
    italic: bool = False,
) -> QGraphicsSimpleTextItem:
    label = HaloLabel(text, parent)
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    label.setFont(font)
    label.setBrush(style.LABEL)
    label.setFlag(FIXED_SIZE, True)
    return label


def _strip_selected(option: QStyleOptionGraphicsItem) -> bool:
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    option.state = option.state & ~QStyle.StateFlag.State_Selected
    return selected


class ModelItem:
    """Mixin: an item that shows one plan object (``obj``) of a level collection (``coll``)."""

    coll = ""
    obj: Any
    key: Any

    @staticmethod
    def key_of(obj: Any) -> Any:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


class PathModelItem(QGraphicsPathItem, ModelItem):
    def __init__(self, obj: Any) -> None:
        super().__init__()
        self.obj = obj
        self.key = None
        self.setFlag(SELECTABLE, True)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = _strip_selected(option)
        super().paint(painter, option, widget)
        if selected:
            painter.setPen(cosmetic(style.SELECTION, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path())


class _ContentlessItem(QGraphicsPathItem, ModelItem):
    """Selectable outline of an object whose look is drawn elsewhere (walls by the wall layer,
    openings by a child glyph). Painting nothing from Python keeps thousands of them cheap."""

    def __init__(self, obj: Any) -> None:
        super().__init__()
        self.obj = obj
        self.key = None
        self.setFlag(SELECTABLE, True)
        self.setFlag(Flag.ItemHasNoContents, True)
        self.setPen(Qt.PenStyle.NoPen)
        self.highlight = QGraphicsPathItem(self)
        self.highlight.setPen(Qt.PenStyle.NoPen)
        self.highlight.setBrush(QColor(29, 111, 232, 150))
        self.highlight.setVisible(False)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.highlight.setVisible(bool(value))
        return super().itemChange(change, value)

    def _stroke(self, width: float) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(width)
        stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
        stroker.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        return stroker.createStroke(polygon_path(self.obj.points, closed=False))


class WallItem(_ContentlessItem):
    """A wall for selection and editing; its solid is drawn by the level's WallLayer."""

    coll = "walls"

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_WALL + 0.5)

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.points), obj.thickness_m)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        self.highlight.setPath(self._stroke(self.obj.thickness_m))
        self.setPath(self._stroke(max(self.obj.thickness_m, 0.3)))


class WallLayer(QGraphicsPathItem):
    """All wall solids of the level (openings cut) from the engine, as one cached path."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_WALL)
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(style.WALL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Panning only translates: blit the rendered walls instead of refilling thousands.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.key: Any = None


class OpeningItem(_ContentlessItem):
    coll = "openings"

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_OPENING)
        self.glyph = QGraphicsPathItem(self)
        self.glyph.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.points), obj.kind, obj.depth_m, obj.transparent)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        (x0, y0), (x1, y1) = self.obj.points
        path = QPainterPath()
        if self.obj.kind == "door":
            # The leaf drawn open at 90° from the first end, with its swing arc.
            w = math.hypot(x1 - x0, y1 - y0)
            ang = math.degrees(math.atan2(y1 - y0, x1 - x0))
            nx, ny = -(y1 - y0), (x1 - x0)
            path.moveTo(x0, y0)
            path.lineTo(x0 + nx, y0 + ny)
            box = QRectF(x0 - w, y0 - w, 2 * w, 2 * w)
            path.arcMoveTo(box, ang)
            path.arcTo(box, ang, 90)
            self.glyph.setPen(cosmetic(style.DOOR, 1.2))
        else:
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
            colour = style.WINDOW if self.obj.transparent else style.WALL
            self.glyph.setPen(cosmetic(colour, 3.0))
        self.glyph.setPath(path)
        self.highlight.setPath(self._stroke(self.obj.depth_m))
        self.setPath(self._stroke(max(self.obj.depth_m, 0.3)))

    def set_detail(self, on: bool) -> None:
        self.glyph.setVisible(on)


class ObstacleItem(PathModelItem):
    coll = "obstacles"

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_OBSTACLE)
        self.setPen(cosmetic(style.OBSTACLE_LINE, 1.0))
        self.setBrush(style.OBSTACLE_FILL)
        self.label: QGraphicsSimpleTextItem | None = None

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.polygon), obj.height_m, obj.name)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        self.setPath(polygon_path(self.obj.polygon))
        if self.obj.name:
            if self.label is None:
                self.label = _label(self, "", size=7.0)
                self.label.setBrush(style.OBSTACLE_LINE.darker(130))
            self.label.setText(f"{self.obj.name} {self.obj.height_m:g} m")
            self.label.setPos(self.path().boundingRect().center())
        elif self.label is not None:
            self.label.setText("")


class ZoneItem(PathModelItem):
    coll = "zones"

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_ZONE)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Not a child: a child is painted with its parent, under the coverage bands. The label
        # joins and leaves the scene with the zone and follows its visibility.
        self.label = _label(None, "", size=7.5, italic=True)
        self.label.setZValue(Z_ZONE_LABEL)
        self.label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        kind = QGraphicsItem.GraphicsItemChange
        if change == kind.ItemSceneHasChanged:
            scene = self.scene()
            if scene is not None and self.label.scene() is not scene:
                scene.addItem(self.label)
        elif change == kind.ItemSceneChange:
            old = self.scene()
            if old is not None and self.label.scene() is old:
                old.removeItem(self.label)
        elif change == kind.ItemVisibleHasChanged:
            self.label.setVisible(bool(value))
        return super().itemChange(change, value)

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.polygon), obj.kind, obj.name, obj.required_dori, obj.private_type)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        kind = self.obj.kind
        self.setPath(polygon_path(self.obj.polygon))
        self.setPen(cosmetic(style.ZONE_LINE[kind], 1.2, Qt.PenStyle.DashLine))
        self.setBrush(style.ZONE_FILL[kind])
        self.label.setText(self.obj.name or tr(kind))
        tip = {"collection": self.obj.required_dori, "private": self.obj.private_type}.get(kind)
        self.setToolTip(
            style.plain_tip(f"{self.obj.name} — {tr(kind)}" + (f" ({tr(tip)})" if tip else ""))
        )
        self.label.setBrush(style.ZONE_LINE[kind].darker(140))
        r = self.path().boundingRect()
        # Top-left corner (y up: the rect's bottom), a few pixels into the zone.
        self.label.setPos(QPointF(r.left(), r.bottom()))
        self.label.setTransform(QTransform.fromTranslate(4, 4))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        super().paint(painter, option, widget)
        if self.obj.kind == "exclude":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(style.ZONE_LINE["exclude"], Qt.BrushStyle.BDiagPattern))
            painter.drawPath(self.path())


class PointModelItem(QGraphicsItem, ModelItem):
    """A plan object at a point, drawn at a constant pixel size."""

    RADIUS = 8.0

    def __init__(self, obj: Any) -> None:
        super().__init__()
        self.obj = obj
        self.key = None
        self.setFlag(SELECTABLE, True)
        self.setFlag(FIXED_SIZE, True)

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), self.RADIUS + 2, self.RADIUS + 2)
        return p


class CameraItem(PointModelItem):
    coll = "cameras"
    HANDLE_PX = 34.0

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_CAMERA)
        # A fixed-size glyph: paint it once from Python, then blit it every frame.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.label = _label(self, "", size=7.5)
        self.label.setPos(9, 3)
        self.handle = PanHandle(self)
        self.handle.setVisible(False)
        self.warn = False
        self.face = False

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.position), obj.pan_deg, obj.name, obj.face_recognition, obj.model)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        self.setPos(QPointF(*self.obj.position))
        self.label.setText(self.obj.name or self.obj.id)
        a = math.radians(self.obj.pan_deg)
        # Fixed-size items draw in pixels with y down: the pan direction flips its y.
        self.handle.setPos(self.HANDLE_PX * math.cos(a), -self.HANDLE_PX * math.sin(a))
        self.update()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.handle.setVisible(bool(value))
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:
        r = self.HANDLE_PX + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        a = math.radians(self.obj.pan_deg)
        dx, dy = math.cos(a), -math.sin(a)
        colour = (
            style.CAMERA_WARN if self.warn else (style.CAMERA_FACE if self.face else style.CAMERA)
        )
        if selected:
            painter.setPen(QPen(style.SELECTION, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(0, 0), QPointF(dx * self.HANDLE_PX, dy * self.HANDLE_PX))
            painter.setPen(QPen(style.SELECTION, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.RADIUS + 3, self.RADIUS + 3)
        # Lens wedge pointing along the pan direction.
        px, py = -dy, dx
        tip = QPointF(dx * 15, dy * 15)
        wedge = QPolygonF(
            [
                QPointF(dx * 4 + px * 5, dy * 4 + py * 5),
                tip,
                QPointF(dx * 4 - px * 5, dy * 4 - py * 5),
            ]
        )
        painter.setPen(QPen(QColor("white"), 1.0))
        painter.setBrush(colour)
        painter.drawPolygon(wedge)
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        painter.setBrush(QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(0, 0), 2.5, 2.5)


class PanHandle(QGraphicsItem):
    """Drag to turn the camera (its pan)."""

    def __init__(self, camera_item: CameraItem) -> None:
        super().__init__(camera_item)
        self.camera_item = camera_item
        self.setZValue(Z_HANDLE)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def boundingRect(self) -> QRectF:
        return QRectF(-7, -7, 14, 14)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(style.SELECTION, 1.5))
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QPointF(0, 0), 5, 5)


# The handles of a selected camera besides its pan: what each sets, as its tooltip says.
CAMERA_HANDLE_TIPS = {
    "fov_left": QT_TR_NOOP("Drag: field of view, symmetric about the pan (Alt: this edge only)"),
    "fov_right": QT_TR_NOOP("Drag: field of view, symmetric about the pan (Alt: this edge only)"),
    "range": QT_TR_NOOP("Drag: range"),
    "tilt": QT_TR_NOOP("Drag: tilt (where the view's centre meets the target height)"),
}


class CameraHandle(QGraphicsItem):
    """A handle of the selected camera (field-of-view edge, range or tilt), a few pixels wide."""

    def __init__(self, kind: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setFlag(FIXED_SIZE, True)
        self.setZValue(Z_HANDLE)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip(tr(CAMERA_HANDLE_TIPS[kind]))

    def boundingRect(self) -> QRectF:
        return QRectF(-7, -7, 14, 14)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(style.SELECTION, 1.5))
        painter.setBrush(QColor("white"))
        if self.kind == "range":
            painter.drawRect(QRectF(-4.5, -4.5, 9, 9))
        elif self.kind == "tilt":
            painter.setBrush(style.SELECTION)
            painter.drawPolygon(QPolygonF([QPointF(0, 5), QPointF(-5, -4), QPointF(5, -4)]))
        else:  # a field-of-view edge: a diamond
            painter.drawPolygon(
                QPolygonF([QPointF(0, -5.5), QPointF(5.5, 0), QPointF(0, 5.5), QPointF(-5.5, 0)])
            )


class CameraHandlesItem(QGraphicsPathItem):
    """The selected camera's field-of-view edges and range arc, the footprint's near and far
    edges (where the bottom and top of the image meet the target height), and the handles that
    change them. Plan coordinates; the positions come from ``siteplanner.editing.handles``."""

    def __init__(self, camera: Any) -> None:
        super().__init__()
        self.camera = camera
        self.setZValue(Z_HANDLE - 1)
        self.setPen(cosmetic(style.SELECTION, 1.0, Qt.PenStyle.DashLine))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.footprint = QGraphicsPathItem(self)
        # Apart from the coverage outline: where the image's bottom and top rows land.
        self.footprint.setPen(cosmetic(style.PREVIEW, 2.5, Qt.PenStyle.DashDotLine))
        self.footprint.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.handles = {k: CameraHandle(k, self) for k in CAMERA_HANDLE_TIPS}
        self.feedback = _label(self, "", bold=True, size=8.5)
        self.feedback.setBrush(style.SELECTION.darker(130))
        self.feedback.setZValue(Z_HANDLE + 1)
        self.feedback.setTransform(QTransform.fromTranslate(10, -22))
        self.feedback.setVisible(False)
        self.placed: Any = None  # the CameraHandles drawn

    def place(self, position: Any, pan_deg: float, hfov_deg: float, h: Any) -> None:
        """Draw ``h`` (a ``CameraHandles``) for a camera at ``position`` looking ``pan_deg``."""
        self.placed = h
        x, y = float(position[0]), float(position[1])
        path = QPainterPath()
        path.moveTo(x, y)
        path.lineTo(*h.fov_left)
        path.moveTo(x, y)
        path.lineTo(*h.fov_right)
        r = math.dist((x, y), h.range)
        box = QRectF(x - r, y - r, 2 * r, 2 * r)
        # QPainterPath angles turn the y-down way; the plan's y is up, so they are negated.
        start = -(pan_deg - hfov_deg / 2)
        path.arcMoveTo(box, start)
        path.arcTo(box, start, -hfov_deg)
        self.setPath(path)
        edges = QPainterPath()
        for edge in (h.near, h.far):
            if edge is not None:
                edges.moveTo(*edge[0])
                edges.lineTo(*edge[1])
        self.footprint.setPath(edges)
        for kind, handle in self.handles.items():
            at = getattr(h, kind)
            handle.setVisible(at is not None)
            if at is not None:
                handle.setPos(QPointF(*at))

    def show_feedback(self, text: str, kind: str) -> None:
        """A value shown beside the handle being dragged ("" hides it)."""
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        handle = self.handles.get(kind)
        if text and handle is not None:
            self.feedback.setPos(handle.pos())


class SignItem(PointModelItem):
    coll = "signs"
    RADIUS = 7.0

    def __init__(self, obj: Any) -> None:
        super().__init__(obj)
        self.setZValue(Z_SIGN)

    @staticmethod
    def key_of(obj: Any) -> Any:
        return (tuple(obj.position), obj.facing_deg, obj.width_m, obj.height_m)

    def refresh(self) -> None:
        self.key = self.key_of(self.obj)
        self.setPos(QPointF(*self.obj.position))
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        a = math.radians(self.obj.facing_deg)
        dx, dy = math.cos(a), -math.sin(a)
        painter.setPen(QPen(style.LABEL, 1.5))
        painter.drawLine(QPointF(0, 0), QPointF(dx * 13, dy * 13))
        painter.setPen(QPen(style.SELECTION if selected else style.LABEL, 2.0 if selected else 1.0))
        painter.setBrush(style.SIGN)
        painter.drawRect(QRectF(-6, -6, 12, 12))
        painter.setPen(QPen(style.LABEL, 1.6))
        painter.drawLine(QPointF(0, -3.5), QPointF(0, 1))
        painter.drawPoint(QPointF(0, 3.5))


class VertexHandle(QGraphicsItem):
    """A vertex of the selected wall, zone or obstacle; drag to move it."""

    def __init__(self, obj: Any, field: str, index: int) -> None:
        super().__init__()
        self.obj, self.field, self.index = obj, field, index
        self.setFlag(FIXED_SIZE, True)
        self.setZValue(Z_HANDLE)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setPos(QPointF(*getattr(obj, field)[index]))

    def boundingRect(self) -> QRectF:
        return QRectF(-5, -5, 10, 10)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(style.SELECTION, 1.5))
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(-4, -4, 8, 8))


BEST_FIRST = ("identification", "recognition", "observation", "detection", "coverage")


def _fill_bands(painter: QPainter, rings: dict[str, QPainterPath], show_dori: bool) -> None:
    """Fill disjoint band regions (best first): each point once, in its best band's colour."""
    painter.setPen(Qt.PenStyle.NoPen)
    for band in BEST_FIRST:
        ring = rings.get(band)
        if ring is None or ring.isEmpty():
            continue
        painter.setBrush(
            style.DORI_BAND.get(band, style.COVERAGE_FILL) if show_dori else style.COVERAGE_FILL
        )
        painter.drawPath(ring)


class BandsItem(QGraphicsItem):
    """The level's coverage in one item, each point in the colour of the best DORI band any
    camera reaches there (the worker's union per band), so overlapping views stay legible."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_COVERAGE - 0.2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.show_dori = True
        self.paths: dict[str, QPainterPath] = {}
        self._rect = QRectF()
        # Panning only translates: blit the rendered bands instead of refilling them.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_paths(self, paths: dict[str, QPainterPath]) -> None:
        if paths is self.paths:
            return
        self.prepareGeometryChange()
        self.paths = paths
        rect = QRectF()
        for p in paths.values():
            if not p.isEmpty():
                rect = rect.united(p.boundingRect())
        self._rect = rect
        self.update()

    def set_show_dori(self, show: bool) -> None:
        if show != self.show_dori:
            self.show_dori = show
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        _fill_bands(painter, self.paths, self.show_dori)


class CoverageItem(QGraphicsItem):
    """One camera's coverage outline (paths made by the analysis worker). The fills are the
    level's BandsItem; a camera on its own (isolated, or dragged before the analysis catches
    up) is ``solo`` and fills its own bands."""

    def __init__(self, paths: CoveragePaths, show_dori: bool) -> None:
        super().__init__()
        self.setZValue(Z_COVERAGE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.show_dori = show_dori
        self.emphasis = False
        self.solo = False
        self.paths = paths
        self._rings: dict[str, QPainterPath] | None = None
        self._rect = paths.coverage.boundingRect()
        # Panning only translates: reuse the rendered pixmap instead of refilling the paths.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_paths(self, paths: CoveragePaths) -> None:
        self.prepareGeometryChange()
        self.paths = paths
        self._rings = None
        self._rect = paths.coverage.boundingRect()
        self.update()

    def set_show_dori(self, show: bool) -> None:
        self.show_dori = show
        self.update()

    def set_solo(self, on: bool) -> None:
        if on != self.solo:
            self.solo = on
            self.update()

    def rings(self) -> dict[str, QPainterPath]:
        """The camera's own bands made disjoint (its bands are nested: each better one inside
        the one before), made when first drawn solo."""
        if self._rings is None:
            nested = [self.paths.dori.get(b, QPainterPath()) for b in BEST_FIRST[:-1]]
            nested.append(self.paths.coverage)
            rings = {BEST_FIRST[0]: nested[0]}
            for i in range(1, len(nested)):
                better = nested[i - 1]
                rings[BEST_FIRST[i]] = (
                    nested[i].subtracted(better) if not better.isEmpty() else nested[i]
                )
            self._rings = rings
        return self._rings

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.solo:
            _fill_bands(painter, self.rings(), self.show_dori)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.emphasis:
            painter.setPen(cosmetic(style.SELECTION, 2.0))
        else:
            painter.setPen(cosmetic(style.COVERAGE_LINE, 1.0))
        painter.drawPath(self.paths.coverage)

    def set_emphasis(self, on: bool) -> None:
        """Outline strongly the coverage of a selected camera."""
        if on != self.emphasis:
            self.emphasis = on
            self.setZValue(Z_COVERAGE + (0.5 if on else 0.0))
            self.update()


class RequirementItem(QGraphicsItem):
    """A collection zone in the requirement view: green where it is covered at its required
    density, red and hatched where it is not, with the covered share written in it."""

    def __init__(self, req: RequirementPaths) -> None:
        super().__init__()
        self.setZValue(Z_COVERAGE + 0.8)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.label = _label(self, "", bold=True, size=8.0)
        self.label_back = QGraphicsRectItem(self.label)
        self.label_back.setFlag(Flag.ItemStacksBehindParent, True)
        self.label_back.setPen(cosmetic(style.GRID_MAJOR, 1.0))
        self.label_back.setBrush(style.LEGEND_BACK)
        self.req = req
        self._rect = QRectF()
        # Panning only translates: blit the rendered zone instead of refilling and hatching it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.set_requirement(req)

    def set_requirement(self, req: RequirementPaths) -> None:
        self.prepareGeometryChange()
        self.req = req
        self._rect = req.passing.boundingRect().united(req.failing.boundingRect())
        self.label.setText(requirement_text(req))
        ok = req.target is None or req.percent >= 100 * req.target - 1e-6
        self.label.setBrush(
            style.ZONE_LINE["collection"].darker(140) if ok else style.INTRUSION_LINE
        )
        self.label.setPos(QPointF(*req.anchor))
        r = self.label.boundingRect()
        self.label_back.setRect(r.adjusted(-3, -1, 3, 1))
        self.label.setTransform(QTransform.fromTranslate(-r.width() / 2, -r.height() / 2))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.REQUIREMENT_PASS)
        painter.drawPath(self.req.passing)
        painter.setBrush(style.REQUIREMENT_FAIL)
        painter.drawPath(self.req.failing)
        painter.setBrush(QBrush(style.REQUIREMENT_FAIL_HATCH, Qt.BrushStyle.BDiagPattern))
        painter.drawPath(self.req.failing)


def requirement_text(req: RequirementPaths) -> str:
    """What a zone in the requirement view says: its covered share at the required density."""
    pct = f"{req.percent:.0f}"
    target = f"{100 * req.target:.0f}" if req.target is not None else ""
    if req.required:
        text = tr("{0} % at {1}").format(pct, tr(req.required))
    else:
        text = tr("{0} % covered").format(pct)
    return text + (" " + tr("(target {0} %)").format(target) if target else "")


def intrusion_item(path: QPainterPath) -> QGraphicsPathItem:
    item = QGraphicsPathItem(path)
    item.setZValue(Z_INTRUSION)
    item.setPen(cosmetic(style.INTRUSION_LINE, 1.5))
    item.setBrush(style.INTRUSION_FILL)
    return item


def blind_item(path: QPainterPath) -> QGraphicsPathItem:
    item = QGraphicsPathItem(path)
    item.setZValue(Z_BLIND)
    item.setPen(cosmetic(style.BLIND_HATCH, 1.0, Qt.PenStyle.DotLine))
    item.setBrush(QBrush(style.BLIND_HATCH, Qt.BrushStyle.BDiagPattern))
    return item


ITEM_TYPES: dict[str, type] = {
    "zones": ZoneItem,
    "obstacles": ObstacleItem,
    "walls": WallItem,
    "openings": OpeningItem,
    "signs": SignItem,
    "cameras": CameraItem,
}
