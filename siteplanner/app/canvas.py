"""The canvas: a QGraphicsView whose transform flips plan y (up) to screen y (down) once."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView

from siteplanner.app import style
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import tr
from siteplanner.app.labels import place_labels
from siteplanner.app.scene import PlanScene
from siteplanner.units import FOOT_M

if TYPE_CHECKING:
    from siteplanner.app.tools import Tool

MIN_SCALE, MAX_SCALE = 0.5, 2000.0  # pixels per metre
DETAIL_PX_PER_M = 6.0  # below this, door and window glyphs are too small to read


class PlanView(QGraphicsView):
    cursor_moved = Signal(QPointF)  # plan metres

    def __init__(self, scene: PlanScene) -> None:
        super().__init__(scene)
        self.plan_scene = scene
        self.tool: Tool | None = None
        self._overlay_rect: QRect | None = None
        self._banner_rect: QRect | None = None  # the isolated camera's indicator
        self._pan_from: QPointF | None = None
        self._space = False
        # Shows the right-click menu at (viewport pos, global pos); set by the editor.
        self.context_menu: Callable[[QPoint, QPoint], None] | None = None
        self._right_click_used = False  # the tool took the right press (ends a drawing)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransform(QTransform.fromScale(20, -20))
        scene.state.overlays_changed.connect(self._overlays_changed)
        scene.state.units_changed.connect(self._units_changed)
        # After the scene has drawn the new analysis (connected after it): labels anew.
        scene.state.render_changed.connect(self._render_changed)

    @property
    def grid_visible(self) -> bool:
        return self.plan_scene.state.overlays.grid

    def _units_changed(self, _style: str) -> None:
        self.viewport().update()  # the scale bar

    def _overlays_changed(self, _overlays: object) -> None:
        self.resetCachedContent()  # the grid is in the cached background
        self.viewport().update()
        place_labels(self)  # the requirement view's figures come and go

    @guarded
    def _render_changed(self, _data: object) -> None:
        place_labels(self)

    # -- coordinates -------------------------------------------------------------------------
    @property
    def pixels_per_metre(self) -> float:
        return abs(self.transform().m11())

    def plan_point(self, pos: QPointF) -> QPointF:
        return self.mapToScene(pos.toPoint())

    def fit(self, rect: QRectF | None = None) -> None:
        # Connected straight to QAction.triggered, which passes a bool.
        rect = rect if isinstance(rect, QRectF) else self.plan_scene.content_rect()
        if rect.isEmpty():
            return
        m = max(rect.width(), rect.height()) * 0.04
        rect = rect.adjusted(-m, -m, m, m)
        vw, vh = max(self.viewport().width(), 10), max(self.viewport().height(), 10)
        s = min(vw / rect.width(), vh / rect.height())
        s = min(max(s, MIN_SCALE), MAX_SCALE)
        self.setTransform(QTransform.fromScale(s, -s))
        self.centerOn(rect.center())
        self._scale_changed()

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        s = self.pixels_per_metre
        factor = min(max(s * factor, MIN_SCALE), MAX_SCALE) / s
        if anchor is None:
            self.scale(factor, factor)
        else:
            before = self.mapToScene(anchor.toPoint())
            self.scale(factor, factor)
            after = self.mapToScene(anchor.toPoint())
            self.translate_view(after - before)
        self._scale_changed()

    def zoom_in(self) -> None:
        self.zoom(1.25)

    def zoom_out(self) -> None:
        self.zoom(0.8)

    def _scale_changed(self) -> None:
        self.plan_scene.set_detail(self.pixels_per_metre >= DETAIL_PX_PER_M)
        place_labels(self)  # label spots depend on the zoom

    def translate_view(self, d_plan: QPointF) -> None:
        """Shift the view so that plan point p moves by -d (keeps the point under the cursor)."""
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre - d_plan)

    def pan_pixels(self, dx: float, dy: float) -> None:
        s = self.pixels_per_metre
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(QPointF(centre.x() - dx / s, centre.y() + dy / s))

    # -- drawing -----------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.BACKGROUND)
        if not self.grid_visible:
            return
        s = self.pixels_per_metre
        step = 1.0
        while step * s < 12:
            step *= 5 if str(step)[0] == "1" else 2
        major = step * 5
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for spacing, colour in ((step, style.GRID_MINOR), (major, style.GRID_MAJOR)):
            pen = QPen(colour, 1.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            x = math.floor(rect.left() / spacing) * spacing
            lines = []
            while x <= rect.right():
                lines.append((QPointF(x, rect.top()), QPointF(x, rect.bottom())))
                x += spacing
            y = math.floor(rect.top() / spacing) * spacing
            while y <= rect.bottom():
                lines.append((QPointF(rect.left(), y), QPointF(rect.right(), y)))
                y += spacing
            for a, b in lines:
                painter.drawLine(a, b)

    def scale_bar(self) -> tuple[float, str]:
        """The scale bar's length in pixels and its label, in the display units: the largest
        1/2/5 x 10^n metres (or feet) that fits ~120 px."""
        feet = self.plan_scene.state.imperial
        s = self.pixels_per_metre * (FOOT_M if feet else 1.0)  # pixels per display unit
        length = 10 ** math.floor(math.log10(max(120 / s, 1e-3)))
        for m in (5, 2, 1):
            if m * length * s <= 120:
                length *= m
                break
        if feet:
            text = f"{length:g} ft" if length >= 1 else f"{length * 12:g} in"
        else:
            text = f"{length:g} m" if length >= 1 else f"{length * 100:g} cm"
        return length * s, text

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """A scale bar in the bottom-left corner of the view (the colour legend is a dock), and
        the indicator while one camera is isolated."""
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = painter.fontMetrics()
        h = self.viewport().height()
        px, text = self.scale_bar()
        width = px + 24 + fm.horizontalAdvance(text)
        box = QRectF(8, h - 8 - 22, width, 22)
        self._overlay_rect = box.toAlignedRect().adjusted(-1, -1, 1, 1)
        painter.fillRect(box, style.LEGEND_BACK)
        painter.setPen(QPen(style.LABEL, 1.0))
        x0, y0 = box.left() + 8, box.bottom() - 8
        painter.fillRect(QRectF(x0, y0 - 4, px / 2, 4), style.LABEL)
        painter.drawRect(QRectF(x0, y0 - 4, px, 4))
        painter.drawText(QPointF(x0 + px + 6, y0 + 1), text)
        self._banner_rect = self._draw_isolation_banner(painter)
        painter.restore()

    def isolation_text(self) -> str:
        """What the indicator says while one camera is isolated ("" when none is)."""
        cid = self.plan_scene.state.isolated_camera
        if cid is None:
            return ""
        found = self.plan_scene.doc.plan.find_camera(cid)
        name = (found[1].name or cid) if found is not None else cid
        return tr("Showing only {0} — Esc shows every camera").format(name)

    def _draw_isolation_banner(self, painter: QPainter) -> QRect | None:
        text = self.isolation_text()
        if not text:
            return None
        fm = painter.fontMetrics()
        w, h = fm.horizontalAdvance(text) + 24, fm.height() + 10
        box = QRectF((self.viewport().width() - w) / 2, 8, w, h)
        painter.fillRect(box, style.ISOLATION_BACK)
        painter.setPen(QPen(style.SELECTION, 1.5))
        painter.drawRect(box)
        painter.setPen(QPen(QColor("white"), 1.0))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.toAlignedRect().adjusted(-2, -2, 2, 2)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # The legend stays put while the drawing scrolls: repaint where it was copied to.
        for rect in (self._overlay_rect, self._banner_rect):
            if rect is not None:
                self.viewport().update(rect.translated(dx, dy))
                self.viewport().update(rect)

    # -- events ------------------------------------------------------------------------------
    def recover_from_error(self) -> None:
        """After a failed handler: drop the half-done gesture (the model was not touched)."""
        self._pan_from = None
        self._space = False
        self.viewport().unsetCursor()
        if self.tool is not None:
            self.tool.cancel()
        if self.tool is not None:
            self.viewport().setCursor(self.tool.cursor)

    @guarded
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            return
        self.zoom(math.pow(1.0015, delta), event.position())
        self.cursor_moved.emit(self.plan_point(event.position()))

    @guarded
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        used = self.tool is not None and self.tool.press(event)
        if event.button() == Qt.MouseButton.RightButton:
            # The right-click menu chooses what it acts on (keeping a selection of several
            # when one of them is clicked): the scene does not select on this press.
            self._right_click_used = used
            event.accept()
            return
        if not used:
            super().mousePressEvent(event)

    @guarded
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        used, self._right_click_used = self._right_click_used, False
        if used and event.reason() == QContextMenuEvent.Reason.Mouse:
            return  # the right click finished a drawing: no menu on top of it
        if self.context_menu is None:
            super().contextMenuEvent(event)
            return
        self.context_menu(event.pos(), event.globalPos())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.tool is not None
            and self.tool.takes_key(event)
        ):
            event.accept()  # the key press comes here, not to the menu shortcut
            return True
        # Tab would move the focus out of the canvas; a tool typing a value takes it instead.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and self.tool is not None
            and self.tool.wants_tab()
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    @guarded
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            d = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_pixels(d.x(), d.y())
            return
        self.cursor_moved.emit(self.plan_point(event.position()))
        if self.tool is None or not self.tool.move(event):
            super().mouseMoveEvent(event)

    @guarded
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        if self.tool is None or not self.tool.release(event):
            super().mouseReleaseEvent(event)

    @guarded
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is None or not self.tool.double_click(event):
            super().mouseDoubleClickEvent(event)

    @guarded
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if event.key() == Qt.Key.Key_Escape and self.plan_scene.state.isolated_camera:
            # Esc leaves the isolated view; a tool in the middle of a drawing cancels that first.
            if self.tool is None or self.tool.name == "select" or not self.tool.key(event):
                self.plan_scene.state.isolate_camera(None)
            return
        if self.tool is not None and self.tool.key(event):
            return
        super().keyPressEvent(event)

    @guarded
    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)
