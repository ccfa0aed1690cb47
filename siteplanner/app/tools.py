"""Canvas tools: select/move/rotate/edit vertices, draw walls, openings, obstacles, zones,
place cameras and signs, measure. Each turns mouse and keys into calls on the editing layer
(snapping, factories) and undo commands; the geometry is done there, not here."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainterPath, QTransform
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem, QGraphicsView

from siteplanner.app import style
from siteplanner.app.commands import AddObjectsCommand, SetFieldsCommand
from siteplanner.app.i18n import tr
from siteplanner.app.items import (
    FIXED_SIZE,
    Z_PREVIEW,
    CameraHandle,
    ModelItem,
    PanHandle,
    VertexHandle,
    cosmetic,
)
from siteplanner.editing import factories
from siteplanner.editing.defaults import DEFAULTS
from siteplanner.editing.handles import (
    fov_edge_wise,
    fov_from_edge,
    range_from_point,
    tilt_from_point,
    typed_point,
)
from siteplanner.editing.registry import collection, moved, translated
from siteplanner.editing.snapping import (
    SnapIndex,
    direction_deg,
    grid_offset,
    snap_point,
)
from siteplanner.model import MissingOptics, resolve_optics
from siteplanner.units import UnitError, parse_length

if TYPE_CHECKING:
    from siteplanner.app.main_window import MainWindow

Pt = tuple[float, float]
SNAP_PX = 10.0
DRAG_START_PX = 3.0
_drag_serial = itertools.count(1)


@dataclass
class ToolOptions:
    wall_thickness_m: float = DEFAULTS.wall_thickness_m
    obstacle_height_m: float = DEFAULTS.obstacle_height_m
    zone_kind: str = "collection"
    zone_shape: str = "polygon"  # or "rectangle"
    opening_kind: str = "door"
    snap_grid: bool = True
    grid_step_m: float = DEFAULTS.grid_step_m
    snap_objects: bool = True

    @property
    def grid(self) -> float | None:
        """The grid step when snapping to the grid, else None."""
        return self.grid_step_m if self.snap_grid else None


class Tool:
    name = ""
    hint = ""
    cursor = Qt.CursorShape.CrossCursor
    drag_mode = QGraphicsView.DragMode.NoDrag

    def __init__(self, win: MainWindow) -> None:
        self.win = win

    @property
    def view(self):
        return self.win.view

    @property
    def scene(self):
        return self.win.scene

    def activate(self) -> None:
        self.view.setDragMode(self.drag_mode)
        self.view.viewport().setCursor(self.cursor)
        self.win.statusBar().showMessage(tr(self.hint))

    def deactivate(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        pass

    def press(self, event: QMouseEvent) -> bool:
        return False

    def move(self, event: QMouseEvent) -> bool:
        return False

    def release(self, event: QMouseEvent) -> bool:
        return False

    def double_click(self, event: QMouseEvent) -> bool:
        return False

    def key(self, event: QKeyEvent) -> bool:
        return False

    def wants_tab(self) -> bool:
        """Whether Tab goes to the tool (typing a value) rather than moving the focus."""
        return False

    def takes_key(self, event: QKeyEvent) -> bool:
        """Whether a key that is also a menu shortcut (Backspace: Delete) goes to the tool."""
        return False

    # -- snapping ----------------------------------------------------------------------------
    # Snap to faces too (room outlines follow the inside of the walls); walls join at centres.
    snap_faces = False

    def plan_pos(self, pos: QPointF) -> Pt:
        p = self.view.plan_point(pos)
        return (p.x(), p.y())

    def tolerance(self) -> float:
        """The snap distance in plan metres: a few pixels at the current zoom."""
        return SNAP_PX / self.view.pixels_per_metre

    def index(self) -> SnapIndex | None:
        level = self.level()
        return None if level is None else self.win.doc.snap_index(level)

    def snap(
        self, pos: QPointF, anchor: Pt | None = None, shift: bool = False, skip: Any = None
    ) -> Pt:
        """Plan point under ``pos`` snapped to endpoints, walls, the grid; Shift: 0/45/90°."""
        opts = self.win.options
        index = self.index() if opts.snap_objects else None
        return snap_point(
            self.plan_pos(pos),
            index,
            self.tolerance(),
            grid=opts.grid,
            anchor=anchor,
            constrain=shift,
            faces=self.snap_faces,
            skip=skip,
        ).point

    def level(self):
        return self.scene.level()

    def add(self, text: str, coll: str, obj: Any) -> None:
        level = self.level()
        if level is None:
            return
        self.win.doc.undo.push(AddObjectsCommand(self.win.doc, text, level, [(coll, obj)]))
        self.scene.select_objects([obj])


class SelectTool(Tool):
    name = "select"
    hint = QT_TR_NOOP(
        "Click to select, Ctrl+click to add, drag to move, drag a box to select several"
    )
    cursor = Qt.CursorShape.ArrowCursor
    drag_mode = QGraphicsView.DragMode.RubberBandDrag

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.mode: str | None = None
        self.start = QPointF()
        self.start_plan: Pt = (0.0, 0.0)
        self.moved = False
        self.serial = 0
        self.originals: list[tuple[str, Any, str, Any]] = []
        self.target: Any = None

    def _hit(self, pos: QPointF) -> Any:
        for item in self.view.items(pos.toPoint()):
            if isinstance(item, PanHandle | VertexHandle | CameraHandle):
                return item
            if isinstance(item, QGraphicsSimpleTextItem) and isinstance(
                item.parentItem(), ModelItem
            ):
                return item.parentItem()
            if isinstance(item, ModelItem):
                return item
        return None

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        hit = self._hit(event.position())
        self.start = event.position()
        self.start_plan = self.plan_pos(event.position())
        self.moved = False
        self.serial = next(_drag_serial)
        if isinstance(hit, PanHandle):
            self.mode, self.target = "rotate", hit.camera_item.obj
            return True
        if isinstance(hit, VertexHandle):
            self.mode, self.target = "vertex", hit
            return True
        if isinstance(hit, CameraHandle):
            handles = hit.parentItem()
            self.mode, self.target = f"camera_{hit.kind}", handles.camera  # type: ignore[union-attr]
            return True
        if hit is None:
            self.mode = None
            return False
        QGraphicsView.mousePressEvent(self.view, event)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.mode = None  # Ctrl+click toggles selection, never moves
            return True
        self.mode = "move"
        moving = self.scene.selected_objects()
        if not any(obj is hit.obj for _, obj in moving):
            moving.append((hit.coll, hit.obj))
        self.originals = [
            (coll, obj, f, getattr(obj, f))
            for coll, obj in moving
            for f in [collection(coll).field]
        ]
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self.mode is None:
            return False
        if not self.moved:
            d = event.position() - self.start
            if math.hypot(d.x(), d.y()) < DRAG_START_PX:
                return True
            self.moved = True
            self.win.runner.hold()
        doc = self.win.doc
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self.mode == "rotate":
            cam = self.target
            ang = direction_deg(
                cam.position, self.plan_pos(event.position()), 45.0 if shift else 1.0
            )
            doc.undo.push(
                SetFieldsCommand(
                    doc, tr("Rotate camera"), [(cam, "pan_deg", ang)], ("rot", self.serial)
                )
            )
            self.win.preview_camera(cam.id)
        elif self.mode.startswith("camera_"):
            self._drag_camera_handle(self.mode.removeprefix("camera_"), event, shift)
        elif self.mode == "vertex":
            h: VertexHandle = self.target
            pts = list(getattr(h.obj, h.field))
            anchor = pts[h.index - 1] if h.index > 0 else (pts[1] if len(pts) > 1 else None)
            pts[h.index] = self.snap(event.position(), anchor, shift, skip=h.obj)
            try:
                doc.undo.push(
                    SetFieldsCommand(
                        doc, tr("Move vertex"), [(h.obj, h.field, pts)], ("vtx", self.serial)
                    )
                )
            except ValueError:  # a degenerate shape while dragging: skip this position
                pass
        else:
            x, y = self.plan_pos(event.position())
            x0, y0 = self.start_plan
            dx, dy = grid_offset(x - x0, y - y0, self.win.options.grid, lock_axis=shift)
            changes = [(obj, f, translated(orig, dx, dy)) for _, obj, f, orig in self.originals]
            # Merge by drag serial: one drag is one undo step.
            doc.undo.push(SetFieldsCommand(doc, tr("Move"), changes, ("move", self.serial)))
            cams = [obj for coll, obj, _, _ in self.originals if coll == "cameras"]
            if len(cams) == 1 and len(self.originals) == 1:
                self.win.preview_camera(cams[0].id)
        return True

    def _drag_camera_handle(self, kind: str, event: QMouseEvent, shift: bool) -> None:
        """Set the camera's field of view, range or tilt from the cursor (Shift: coarser
        steps), as one undo step per drag, and show the value beside the handle."""
        cam, doc = self.target, self.win.doc
        p = self.plan_pos(event.position())
        pos, pan = tuple(cam.position), float(cam.pan_deg)
        changes: list[tuple[Any, str, Any]] = []
        if kind in ("fov_left", "fov_right"):
            step = 5.0 if shift else 1.0
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                # Edge-wise: the other edge stays, the pan turns to the middle.
                try:
                    fov_now = resolve_optics(doc.plan, cam).hfov_deg
                except MissingOptics:
                    return
                new_pan, fov = fov_edge_wise(pos, pan, fov_now, kind, p, step)
                changes.append((cam, "pan_deg", new_pan))
                text = tr("Field of view {0}° (this edge only)")
            else:
                fov = fov_from_edge(pos, pan, p, step)
                text = tr("Field of view {0}° (symmetric)")
            field, value, shown = "hfov_deg", fov, f"{fov:g}"
            undo = tr("Change field of view")
        elif kind == "range":
            step = self.win.options.grid if not shift else 1.0
            value = range_from_point(pos, pan, p, step)
            field, text, shown = "range_m", tr("Range {0}"), self.win.fmt_len(value)
            undo = tr("Change range")
        else:
            try:
                height = resolve_optics(doc.plan, cam).height_m
            except MissingOptics:
                return
            target = doc.plan.settings.target_height_m
            tilt = tilt_from_point(pos, pan, height, target, p, 5.0 if shift else 1.0)
            if tilt is None:
                return
            field, value, text, shown = "tilt_deg", tilt, tr("Tilt {0}° down"), f"{tilt:g}"
            undo = tr("Change tilt")
        changes.append((cam, field, value))
        if any(getattr(o, f) != v for o, f, v in changes):
            # The pan is always among an edge drag's fields, so that the drag's steps merge.
            if kind.startswith("fov_") and len(changes) == 1:
                changes.insert(0, (cam, "pan_deg", cam.pan_deg))
            doc.undo.push(SetFieldsCommand(doc, undo, changes, (kind, self.serial)))
            self.win.preview_camera(cam.id)
        handles = self.scene.camera_handles
        if handles is not None:
            handles.show_feedback(text.format(shown), kind)
        self.win.statusBar().showMessage(text.format(shown))

    def release(self, event: QMouseEvent) -> bool:
        if self.mode is None:
            return False
        mode, self.mode = self.mode, None
        if mode.startswith("camera_") and self.scene.camera_handles is not None:
            self.scene.camera_handles.show_feedback("", "")
        if mode == "move":
            QGraphicsView.mouseReleaseEvent(self.view, event)
        if self.moved:
            self.win.runner.schedule()
        self.scene.update_handles()
        return True

    NUDGE = {
        Qt.Key.Key_Left: (-1, 0),
        Qt.Key.Key_Right: (1, 0),
        Qt.Key.Key_Up: (0, 1),
        Qt.Key.Key_Down: (0, -1),
    }

    def key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.scene.clearSelection()
            return True
        step = self.NUDGE.get(Qt.Key(event.key()))
        sel = self.scene.selected_objects()
        if step is None or not sel:
            return False
        # Arrow keys nudge the selection by one grid step (ten with Shift).
        d = self.win.options.grid_step_m
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            d *= 10
        dx, dy = step[0] * d, step[1] * d
        changes = [(obj, *moved(obj, dx, dy)) for _, obj in sel]
        doc = self.win.doc
        doc.undo.push(SetFieldsCommand(doc, tr("Nudge"), changes))
        return True


class PreviewTool(Tool):
    """A tool that collects points and shows a dashed preview."""

    min_points = 2
    closed = False

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.points: list[Pt] = []
        self.cursor_pt: Pt | None = None
        self.preview: QGraphicsPathItem | None = None

    def cancel(self) -> None:
        self.points = []
        self.cursor_pt = None
        if self.preview is not None:
            self.scene.removeItem(self.preview)
            self.preview = None

    def _draw(self) -> None:
        if self.preview is None:
            self.preview = QGraphicsPathItem()
            self.preview.setZValue(Z_PREVIEW)
            self.preview.setPen(cosmetic(style.PREVIEW, 1.5, Qt.PenStyle.DashLine))
            self.scene.addItem(self.preview)
        pts = self.points + ([self.cursor_pt] if self.cursor_pt else [])
        path = QPainterPath()
        if pts:
            path.moveTo(*pts[0])
            for q in pts[1:]:
                path.lineTo(*q)
            if self.closed and len(pts) > 2:
                path.closeSubpath()
            for q in self.points:
                path.addEllipse(
                    QPointF(*q), 2.5 / self.view.pixels_per_metre, 2.5 / self.view.pixels_per_metre
                )
        self.preview.setPath(path)

    def _shift(self, event: QMouseEvent | QKeyEvent) -> bool:
        return bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)

    def press(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        anchor = self.points[-1] if self.points else None
        q = self.snap(event.position(), anchor, self._shift(event))
        if not self.points or math.dist(q, self.points[-1]) > 1e-6:
            self.points.append(q)
        self.clicked()
        self._draw()
        return True

    def clicked(self) -> None:
        pass

    def move(self, event: QMouseEvent) -> bool:
        anchor = self.points[-1] if self.points else None
        self.cursor_pt = self.snap(event.position(), anchor, self._shift(event))
        if self.points:
            self._draw()
            d = math.dist(self.points[-1], self.cursor_pt)
            self.win.statusBar().showMessage(
                tr("{0}   length {1}").format(tr(self.hint), self.win.fmt_len(d))
            )
        return True

    def release(self, event: QMouseEvent) -> bool:
        return True

    def double_click(self, event: QMouseEvent) -> bool:
        self.finish()
        return True

    def key(self, event: QKeyEvent) -> bool:
        k = event.key()
        if k in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if k == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if k == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._draw()
            return True
        return False

    def takes_key(self, event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_Backspace and bool(self.points)

    def finish(self) -> None:
        pts = self.points
        if len(pts) >= self.min_points:
            try:
                self.create(list(pts))
            except ValueError as exc:  # e.g. a polygon with no area
                self.win.statusBar().showMessage(tr("Not created: {0}").format(exc).splitlines()[0])
        self.cancel()

    def create(self, pts: list[Pt]) -> None:
        raise NotImplementedError


class WallTool(PreviewTool):
    """Draws walls; after the first point a typed length (in the display units) and Enter puts
    the next point that far along the cursor's direction, Tab or ``<`` then a number fixes the
    angle (degrees counter-clockwise from east). What is typed shows beside the cursor."""

    name = "wall"
    hint = QT_TR_NOOP(
        "Wall: click points (or type a length, Tab for an angle, then Enter), double-click "
        "or Enter to finish, Esc to cancel, Shift for 45°"
    )
    TYPED_CHARS = set("0123456789.,-'\"/")

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.typed = {"length": "", "angle": ""}
        self.field = "length"
        self.overlay: QGraphicsSimpleTextItem | None = None

    def create(self, pts: list[Pt]) -> None:
        wall = factories.new_wall(self.win.doc.ids(), pts, self.win.options.wall_thickness_m)
        self.add(tr("Draw wall"), "walls", wall)

    # -- typed length and angle --------------------------------------------------------------
    @property
    def typing(self) -> bool:
        return bool(self.typed["length"] or self.typed["angle"]) or self.field == "angle"

    def wants_tab(self) -> bool:
        return bool(self.points)

    def takes_key(self, event: QKeyEvent) -> bool:
        return bool(self.points) and (
            super().takes_key(event) or bool(event.text()) and event.text() in self.TYPED_CHARS
        )

    def _clear_typed(self) -> None:
        self.typed = {"length": "", "angle": ""}
        self.field = "length"
        self._show_typed()

    def typed_values(self) -> tuple[float | None, float | None]:
        """(length in metres, angle in degrees) typed so far; ValueError/UnitError when what
        is typed is not a number."""
        length = angle = None
        if self.typed["length"]:
            length = parse_length(self.typed["length"], self.win.unit_style)
            if length <= 0:
                raise UnitError(tr("a wall's length must be more than 0"))
        if self.typed["angle"]:
            angle = float(self.typed["angle"].replace(",", "."))
        return length, angle

    def _typed_point(self) -> Pt | None:
        if not self.points or not self.typing:
            return None
        anchor = self.points[-1]
        toward = self.cursor_pt or (anchor[0] + 1.0, anchor[1])
        try:
            length, angle = self.typed_values()
        except ValueError:
            return None
        return typed_point(anchor, toward, length, angle)

    def _show_typed(self) -> None:
        if not self.points or not self.typing:
            if self.overlay is not None:
                self.overlay.setVisible(False)
            return
        if self.overlay is None:
            self.overlay = QGraphicsSimpleTextItem()
            self.overlay.setFlag(FIXED_SIZE, True)
            self.overlay.setZValue(Z_PREVIEW + 1)
            self.overlay.setBrush(style.PREVIEW)
            self.overlay.setTransform(QTransform.fromTranslate(14, 10))
            self.scene.addItem(self.overlay)
        unit = "ft" if self.win.state.imperial else "m"
        cursor = {"length": "", "angle": ""}
        cursor[self.field] = "▏"
        self.overlay.setText(
            tr("Length {0}{1} {2}   Angle {3}{4}°").format(
                self.typed["length"], cursor["length"], unit, self.typed["angle"], cursor["angle"]
            )
        )
        at = self._typed_point() or self.cursor_pt or self.points[-1]
        self.overlay.setPos(QPointF(*at))
        self.overlay.setVisible(True)

    def _draw(self) -> None:
        typed = self._typed_point()
        if typed is None:
            super()._draw()
            return
        cur, self.cursor_pt = self.cursor_pt, typed
        super()._draw()
        self.cursor_pt = cur

    def move(self, event: QMouseEvent) -> bool:
        super().move(event)
        if self.typing:
            self._draw()
            self._show_typed()
        return True

    def key(self, event: QKeyEvent) -> bool:
        if not self.points:
            return super().key(event)
        k, text = event.key(), event.text()
        if k in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or text == "<":
            self.field = "angle" if self.field == "length" else "length"
        elif text and text in self.TYPED_CHARS:
            self.typed[self.field] += text
        elif k == Qt.Key.Key_Backspace and self.typing:
            if self.typed[self.field]:
                self.typed[self.field] = self.typed[self.field][:-1]
            else:
                self.field = "length"
        elif k == Qt.Key.Key_Escape and self.typing:
            self._clear_typed()
        elif k in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typing:
            self._place_typed()
            return True
        else:
            return super().key(event)
        self._draw()
        self._show_typed()
        return True

    def _place_typed(self) -> None:
        try:
            self.typed_values()
        except ValueError as exc:
            self.win.statusBar().showMessage(
                tr("Not a length or angle: {0}").format(str(exc).splitlines()[0])
            )
            return
        p = self._typed_point()
        if p is not None and math.dist(p, self.points[-1]) > 1e-9:
            self.points.append(p)
        self._clear_typed()
        self._draw()

    def cancel(self) -> None:
        super().cancel()
        self.typed = {"length": "", "angle": ""}
        self.field = "length"
        if self.overlay is not None:
            self.scene.removeItem(self.overlay)
            self.overlay = None


class ObstacleTool(PreviewTool):
    name = "obstacle"
    hint = QT_TR_NOOP("Obstacle: click the corners, double-click or Enter to finish")
    min_points = 3
    closed = True
    snap_faces = True

    def create(self, pts: list[Pt]) -> None:
        ob = factories.new_obstacle(self.win.doc.ids(), pts, self.win.options.obstacle_height_m)
        self.add(tr("Draw obstacle"), "obstacles", ob)


class ZoneTool(PreviewTool):
    name = "zone"
    hint = QT_TR_NOOP("Zone: click the corners (or two corners of a rectangle), Enter to finish")
    min_points = 3
    closed = True
    snap_faces = True

    def clicked(self) -> None:
        if self.win.options.zone_shape == "rectangle" and len(self.points) == 2:
            rect = factories.rectangle(*self.points)
            if rect is not None:
                self.points = rect
                self.finish()

    def _draw(self) -> None:
        if self.win.options.zone_shape == "rectangle" and len(self.points) == 1 and self.cursor_pt:
            keep = self.points
            self.points = factories.rectangle(self.points[0], self.cursor_pt) or keep
            cur, self.cursor_pt = self.cursor_pt, None
            super()._draw()
            self.points, self.cursor_pt = keep, cur
            return
        super()._draw()

    def create(self, pts: list[Pt]) -> None:
        doc = self.win.doc
        zone = factories.new_zone(doc.plan, doc.ids(), self.win.options.zone_kind, pts)
        self.add(tr("Draw zone"), "zones", zone)


class OpeningTool(Tool):
    name = "opening"
    hint = QT_TR_NOOP("Door/window: click on a wall")

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        index = self.index()
        hit = (
            index.nearest_wall(self.plan_pos(event.position()), self.tolerance()) if index else None
        )
        if hit is None:
            self.win.statusBar().showMessage(tr("Click on a wall to place a door or window"))
            return True
        kind = self.win.options.opening_kind
        op = factories.opening_on_wall(self.win.doc.ids(), hit, kind)
        self.add(tr("Place door") if kind == "door" else tr("Place window"), "openings", op)
        return True

    def release(self, event: QMouseEvent) -> bool:
        return True


class CameraTool(Tool):
    name = "camera"
    hint = QT_TR_NOOP("Camera: click to place (on a wall: placed on its face)")

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        index = self.index()
        mount = None
        if index is not None:
            # On or near a wall: on its face, a few centimetres into the room, facing it.
            mount = factories.wall_mount(index, self.plan_pos(event.position()), self.tolerance())
        if mount is not None:
            position, pan = mount.position, mount.pan_deg
        else:
            position, pan = self.snap(event.position()), 0.0
        doc = self.win.doc
        cam = factories.new_camera(doc.plan, doc.ids(), position, pan)
        self.add(tr("Place camera"), "cameras", cam)
        return True

    def release(self, event: QMouseEvent) -> bool:
        return True


class SignTool(Tool):
    name = "sign"
    hint = QT_TR_NOOP("Sign: click to place")

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        level = self.level()
        if level is None:
            return True
        sign = factories.new_sign(level, self.win.doc.ids(), self.snap(event.position()))
        self.add(tr("Place sign"), "signs", sign)
        return True

    def release(self, event: QMouseEvent) -> bool:
        return True


class MeasureTool(PreviewTool):
    name = "measure"
    hint = QT_TR_NOOP("Measure: click two points")

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.label: QGraphicsSimpleTextItem | None = None
        self.last_m: float | None = None

    def clicked(self) -> None:
        if len(self.points) > 2:
            self.points = self.points[-1:]
        if len(self.points) == 2:
            self.last_m = math.dist(*self.points)
            self.win.statusBar().showMessage(
                tr("Distance {0}").format(self.win.fmt_len(self.last_m))
            )
            self._label(self.points[1], self.last_m)

    def _label(self, at: Pt, d: float) -> None:
        if self.label is None:
            self.label = QGraphicsSimpleTextItem()
            self.label.setFlag(FIXED_SIZE, True)
            self.label.setZValue(Z_PREVIEW)
            self.label.setBrush(style.PREVIEW)
            self.scene.addItem(self.label)
        self.label.setText(self.win.fmt_len(d))
        self.label.setPos(QPointF(*at))

    def move(self, event: QMouseEvent) -> bool:
        if len(self.points) == 2:
            return True
        return super().move(event)

    def press(self, event: QMouseEvent) -> bool:
        if len(self.points) == 2:
            self.points = []
            self.cursor_pt = None
        return super().press(event)

    def finish(self) -> None:
        pass

    def cancel(self) -> None:
        super().cancel()
        if self.label is not None:
            self.scene.removeItem(self.label)
            self.label = None


TOOLS: list[tuple[type[Tool], str, str]] = [
    (SelectTool, QT_TR_NOOP("Select"), "V"),
    (WallTool, QT_TR_NOOP("Wall"), "W"),
    (OpeningTool, QT_TR_NOOP("Door/Window"), "D"),
    (ObstacleTool, QT_TR_NOOP("Obstacle"), "O"),
    (ZoneTool, QT_TR_NOOP("Zone"), "Z"),
    (CameraTool, QT_TR_NOOP("Camera"), "C"),
    (SignTool, QT_TR_NOOP("Sign"), "S"),
    (MeasureTool, QT_TR_NOOP("Measure"), "M"),
]
