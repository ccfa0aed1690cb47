"""Canvas tools: select/move/rotate/edit vertices, draw walls, openings, obstacles, zones,
place cameras and signs, measure. Each turns mouse and keys into undo commands."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem, QGraphicsView

from siteplanner.app import style
from siteplanner.app.commands import AddObjectsCommand, SetFieldsCommand
from siteplanner.app.i18n import tr
from siteplanner.app.items import (
    FIXED_SIZE,
    Z_PREVIEW,
    ModelItem,
    PanHandle,
    VertexHandle,
    cosmetic,
)
from siteplanner.model import Camera, Obstacle, Opening, Sign, Wall, Zone

if TYPE_CHECKING:
    from siteplanner.app.main_window import MainWindow

Pt = tuple[float, float]
SNAP_PX = 10.0
DRAG_START_PX = 3.0
_drag_serial = itertools.count(1)

MOVE_FIELDS = {
    "cameras": "position",
    "signs": "position",
    "walls": "points",
    "openings": "points",
    "zones": "polygon",
    "obstacles": "polygon",
}


@dataclass
class ToolOptions:
    wall_thickness_m: float = 0.2
    obstacle_height_m: float = 1.5
    zone_kind: str = "collection"
    zone_shape: str = "polygon"  # or "rectangle"
    opening_kind: str = "door"
    snap_grid: bool = True
    grid_step_m: float = 0.1
    snap_objects: bool = True


def shifted(value: Any, dx: float, dy: float) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and not isinstance(value[0], tuple | list):
        return (value[0] + dx, value[1] + dy)
    return [(p[0] + dx, p[1] + dy) for p in value]


def _nearest_on_segment(p: Pt, a: Pt, b: Pt) -> tuple[Pt, float]:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / L2))
    q = (ax + t * dx, ay + t * dy)
    return q, t


class Tool:
    name = ""
    hint = ""
    cursor = Qt.CursorShape.CrossCursor
    drag_mode = QGraphicsView.DragMode.NoDrag

    def __init__(self, win: MainWindow) -> None:
        self.win = win

    @property
    def view(self):  # noqa: ANN201
        return self.win.view

    @property
    def scene(self):  # noqa: ANN201
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

    # -- snapping ----------------------------------------------------------------------------
    def snap(
        self, pos: QPointF, anchor: Pt | None = None, shift: bool = False, skip: Any = None
    ) -> Pt:
        """Plan point under ``pos`` snapped to endpoints, walls, the grid; Shift: 0/45/90°."""
        p = self.view.plan_point(pos)
        x, y = p.x(), p.y()
        opts = self.win.options
        if shift and anchor is not None:
            dx, dy = x - anchor[0], y - anchor[1]
            ang = round(math.atan2(dy, dx) / (math.pi / 4)) * (math.pi / 4)
            ux, uy = math.cos(ang), math.sin(ang)
            length = dx * ux + dy * uy
            if opts.snap_grid:
                length = round(length / opts.grid_step_m) * opts.grid_step_m
            return (round(anchor[0] + ux * length, 6), round(anchor[1] + uy * length, 6))
        tol = SNAP_PX / self.view.pixels_per_metre
        if opts.snap_objects:
            hit = self.snap_objects((x, y), tol, skip)
            if hit is not None:
                return hit
        if opts.snap_grid:
            g = opts.grid_step_m
            return (round(round(x / g) * g, 6), round(round(y / g) * g, 6))
        return (x, y)

    def snap_objects(self, p: Pt, tol: float, skip: Any = None) -> Pt | None:
        """Nearest vertex, else nearest wall point, within ``tol``; never on ``skip`` (the
        object whose vertex is being dragged: it would hold the vertex where it is)."""
        area = QRectF(p[0] - tol, p[1] - tol, 2 * tol, 2 * tol)
        best: tuple[float, Pt] | None = None
        segments: list[tuple[Pt, Pt]] = []
        for item in self.scene.items(area):
            if not isinstance(item, ModelItem) or item.coll not in ("walls", "zones", "obstacles"):
                continue
            if item.obj is skip:
                continue
            pts = item.obj.points if item.coll == "walls" else item.obj.polygon
            for q in pts:
                d = math.dist(p, q)
                if d <= tol and (best is None or d < best[0]):
                    best = (d, (float(q[0]), float(q[1])))
            if item.coll == "walls":
                segments.extend(zip(pts, pts[1:], strict=False))
        if best is not None:
            return best[1]
        for a, b in segments:
            q, _ = _nearest_on_segment(p, a, b)
            d = math.dist(p, q)
            if d <= tol and (best is None or d < best[0]):
                best = (d, q)
        return best[1] if best is not None else None

    def nearest_wall(self, p: Pt, tol: float) -> tuple[Any, Pt, Pt, Pt] | None:
        """(wall, a, b, nearest point) of the wall segment nearest ``p`` within ``tol`` (or
        within the wall's own half thickness)."""
        r = max(tol, 1.0)  # thick walls count too
        area = QRectF(p[0] - r, p[1] - r, 2 * r, 2 * r)
        best = None
        for item in self.scene.items(area):
            if not isinstance(item, ModelItem) or item.coll != "walls":
                continue
            pts = item.obj.points
            for a, b in zip(pts, pts[1:], strict=False):
                q, _ = _nearest_on_segment(p, a, b)
                d = math.dist(p, q)
                if d <= max(tol, item.obj.thickness_m / 2) and (best is None or d < best[0]):
                    best = (d, item.obj, a, b, q)
        return None if best is None else best[1:]

    def level(self):  # noqa: ANN201
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
            if isinstance(item, PanHandle | VertexHandle):
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
        p = self.view.plan_point(event.position())
        self.start_plan = (p.x(), p.y())
        self.moved = False
        self.serial = next(_drag_serial)
        if isinstance(hit, PanHandle):
            self.mode, self.target = "rotate", hit.camera_item.obj
            return True
        if isinstance(hit, VertexHandle):
            self.mode, self.target = "vertex", hit
            return True
        if hit is None:
            self.mode = None
            return False
        QGraphicsView.mousePressEvent(self.view, event)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.mode = None  # Ctrl+click toggles selection, never moves
            return True
        self.mode = "move"
        self.originals = [
            (coll, obj, MOVE_FIELDS[coll], getattr(obj, MOVE_FIELDS[coll]))
            for coll, obj in self.scene.selected_objects()
        ]
        if not any(obj is hit.obj for _, obj, _, _ in self.originals):
            self.originals.append(
                (hit.coll, hit.obj, MOVE_FIELDS[hit.coll], getattr(hit.obj, MOVE_FIELDS[hit.coll]))
            )
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
            p = self.view.plan_point(event.position())
            ang = math.degrees(math.atan2(p.y() - cam.position[1], p.x() - cam.position[0]))
            step = 45.0 if shift else 1.0
            ang = round(ang / step) * step
            doc.undo.push(
                SetFieldsCommand(
                    doc, tr("Rotate camera"), [(cam, "pan_deg", ang)], ("rot", self.serial)
                )
            )
            self.win.preview_camera(cam.id)
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
            p = self.view.plan_point(event.position())
            dx, dy = p.x() - self.start_plan[0], p.y() - self.start_plan[1]
            if shift:
                if abs(dx) > abs(dy):
                    dy = 0.0
                else:
                    dx = 0.0
            opts = self.win.options
            if opts.snap_grid:
                g = opts.grid_step_m
                dx, dy = round(dx / g) * g, round(dy / g) * g
            changes = [(obj, f, shifted(orig, dx, dy)) for _, obj, f, orig in self.originals]
            # Merge by drag serial: one drag is one undo step.
            doc.undo.push(SetFieldsCommand(doc, tr("Move"), changes, ("move", self.serial)))
            cams = [obj for coll, obj, _, _ in self.originals if coll == "cameras"]
            if len(cams) == 1 and len(self.originals) == 1:
                self.win.preview_camera(cams[0].id)
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self.mode is None:
            return False
        mode, self.mode = self.mode, None
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
        changes = [
            (obj, MOVE_FIELDS[coll], shifted(getattr(obj, MOVE_FIELDS[coll]), dx, dy))
            for coll, obj in sel
        ]
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
    name = "wall"
    hint = QT_TR_NOOP(
        "Wall: click points, double-click or Enter to finish, Esc to cancel, Shift for 45°"
    )

    def create(self, pts: list[Pt]) -> None:
        doc = self.win.doc
        wall = Wall(
            id=doc.new_id("walls"), points=pts, thickness_m=self.win.options.wall_thickness_m
        )
        self.add(tr("Draw wall"), "walls", wall)


class ObstacleTool(PreviewTool):
    name = "obstacle"
    hint = QT_TR_NOOP("Obstacle: click the corners, double-click or Enter to finish")
    min_points = 3
    closed = True

    def create(self, pts: list[Pt]) -> None:
        doc = self.win.doc
        ob = Obstacle(
            id=doc.new_id("obstacles"), polygon=pts, height_m=self.win.options.obstacle_height_m
        )
        self.add(tr("Draw obstacle"), "obstacles", ob)


class ZoneTool(PreviewTool):
    name = "zone"
    hint = QT_TR_NOOP("Zone: click the corners (or two corners of a rectangle), Enter to finish")
    min_points = 3
    closed = True

    def clicked(self) -> None:
        if self.win.options.zone_shape == "rectangle" and len(self.points) == 2:
            (x0, y0), (x1, y1) = self.points
            if abs(x1 - x0) > 1e-6 and abs(y1 - y0) > 1e-6:
                self.points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                self.finish()

    def _draw(self) -> None:
        if self.win.options.zone_shape == "rectangle" and len(self.points) == 1 and self.cursor_pt:
            (x0, y0), (x1, y1) = self.points[0], self.cursor_pt
            keep = self.points
            self.points = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            cur, self.cursor_pt = self.cursor_pt, None
            super()._draw()
            self.points, self.cursor_pt = keep, cur
            return
        super()._draw()

    def create(self, pts: list[Pt]) -> None:
        doc = self.win.doc
        kind = self.win.options.zone_kind
        n = sum(1 for lv in doc.plan.levels for z in lv.zones if z.kind == kind) + 1
        extra: dict[str, Any] = {}
        if kind == "collection":
            extra = {"place": "public", "required_dori": "observation"}
        elif kind == "private":
            extra = {"private_type": "restroom"}
        zone = Zone(
            id=doc.new_id("zones"), name=f"{kind.capitalize()} {n}", kind=kind, polygon=pts, **extra
        )
        self.add(tr("Draw zone"), "zones", zone)


class OpeningTool(Tool):
    name = "opening"
    hint = QT_TR_NOOP("Door/window: click on a wall")

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        p = self.view.plan_point(event.position())
        found = self.nearest_wall((p.x(), p.y()), SNAP_PX / self.view.pixels_per_metre)
        if found is None:
            self.win.statusBar().showMessage(tr("Click on a wall to place a door or window"))
            return True
        wall, a, b, q = found
        kind = self.win.options.opening_kind
        width = 0.9 if kind == "door" else 1.2
        length = math.dist(a, b)
        width = min(width, length)
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        # Keep the opening on its segment.
        t = max(width / 2, min(length - width / 2, math.dist(a, q)))
        cx, cy = a[0] + ux * t, a[1] + uy * t
        h = width / 2
        pts = [(cx - ux * h, cy - uy * h), (cx + ux * h, cy + uy * h)]
        doc = self.win.doc
        op = Opening(
            id=doc.new_id("openings"),
            kind=kind,
            points=pts,
            depth_m=max(0.6, wall.thickness_m + 0.1),
        )
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
        p = self.view.plan_point(event.position())
        x, y = p.x(), p.y()
        pan = 0.0
        found = self.nearest_wall((x, y), 0.0)
        if found is not None:
            # On a wall: put it on the face the click was on, a few centimetres into the room.
            wall, a, b, q = found
            L = math.dist(a, b)
            nx, ny = -(b[1] - a[1]) / L, (b[0] - a[0]) / L
            side = 1.0 if (x - q[0]) * nx + (y - q[1]) * ny >= 0 else -1.0
            off = wall.thickness_m / 2 + 0.05
            x, y = q[0] + side * nx * off, q[1] + side * ny * off
            pan = math.degrees(math.atan2(side * ny, side * nx))
        else:
            x, y = self.snap(event.position())
        doc = self.win.doc
        n = sum(len(lv.cameras) for lv in doc.plan.levels) + 1
        model = doc.plan.camera_models[0].id if doc.plan.camera_models else None
        optics: dict[str, Any] = {}
        if model is None:
            optics = {
                "hfov_deg": 90.0,
                "vfov_deg": 50.0,
                "resolution": (1920, 1080),
                "range_m": 20.0,
            }
        cam = Camera(
            id=doc.new_id("cameras"),
            name=f"CAM-{n:02d}",
            model=model,
            position=(round(x, 3), round(y, 3)),
            height_m=3.0,
            pan_deg=round(pan, 1),
            tilt_deg=20.0,
            purpose="public_safety",
            **optics,
        )
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
        x, y = self.snap(event.position())
        level = self.level()
        if level is None:
            return True
        near = sorted(level.cameras, key=lambda c: math.dist(c.position, (x, y)))
        covers = [near[0].id] if near else []
        sign = Sign(id=self.win.doc.new_id("signs"), position=(x, y), covers=covers)
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
