"""Canvas labels placed so that none overlaps another or a camera: cameras' names first, then
zones', then obstacles'; each tries a few spots around its anchor and is hidden when none is
free (the name stays in the tooltip and the panels). Redone when the zoom changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from siteplanner.app.items import CameraItem, ObstacleItem, ZoneItem
from siteplanner.drawing.plan_drawing import LabelPlacer

if TYPE_CHECKING:
    from siteplanner.app.canvas import PlanView

GLYPH_PX = 11.0  # a camera glyph's half size on screen: labels keep off it
# Where a label may go, as the offset (pixels, y down) of its top-left corner from its anchor,
# for a label of width w and height h: the usual spot first.
CAMERA_SPOTS = ((9, 3), (9, -14), (-9, 3), (-9, -14), (-0.5, 12), (-0.5, -26))
AREA_SPOTS = ((4, 4), (4, -18), (4, 18), (4, 32))
FIGURE_SPOTS = ((-0.5, -7), (-0.5, 9), (-0.5, -23), (-0.5, 25), (-0.5, -39), (-0.5, 41))


def _spot(dx: float, dy: float, w: float, h: float) -> tuple[float, float]:
    # A negative x offset puts the label's right edge there; -0.5 centres it.
    if dx == -0.5:
        return -w / 2, dy
    return (dx - w, dy) if dx < 0 else (dx, dy)


def place_labels(view: PlanView) -> int:
    """Place the shown level's labels for the view's zoom; returns how many were hidden."""
    scene = view.plan_scene
    placer = LabelPlacer((-1e9, -1e9, 1e9, 1e9))
    cams: list[CameraItem] = []
    zones: list[ZoneItem] = []
    obstacles: list[ObstacleItem] = []
    for item in scene.model_items.values():
        if isinstance(item, CameraItem):
            cams.append(item)
        elif isinstance(item, ZoneItem):
            zones.append(item)
        elif isinstance(item, ObstacleItem) and item.label is not None:
            obstacles.append(item)
    if len(cams) + len(zones) + len(obstacles) > 2000:
        return 0  # a campus: the level of detail hides the labels far out anyway
    vt = view.viewportTransform()  # exact, where mapFromScene rounds to whole pixels
    for cam in cams:
        p = vt.map(cam.pos())
        placer.block((p.x() - GLYPH_PX, p.y() - GLYPH_PX, p.x() + GLYPH_PX, p.y() + GLYPH_PX))
    hidden = 0
    jobs: list[tuple[QGraphicsSimpleTextItem, QPointF, tuple[tuple[float, float], ...], str]] = []
    # The requirement view's figures are what that view is for: placed before any name.
    for req in scene.requirement_items.values():
        if req.isVisible():
            jobs.append((req.label, QPointF(*req.req.anchor), FIGURE_SPOTS, "scene"))
    for cam in sorted(cams, key=lambda c: c.obj.id):
        jobs.append((cam.label, cam.pos(), CAMERA_SPOTS, "child"))
    for zone in zones:
        r = zone.path().boundingRect()
        jobs.append((zone.label, QPointF(r.left(), r.bottom()), AREA_SPOTS, "scene"))
    for obstacle in obstacles:
        assert obstacle.label is not None
        jobs.append((obstacle.label, obstacle.path().boundingRect().center(), AREA_SPOTS, "scene"))
    for label, anchor, spots, kind in jobs:
        if not label.text() or (kind == "child" and not scene.detail):
            continue  # zoomed far out the level of detail hides the cameras' names
        a = vt.map(anchor)
        br = label.boundingRect()
        w, h = br.width(), br.height()
        for dx, dy in spots:
            ox, oy = _spot(dx, dy, w, h)
            box = (a.x() + ox, a.y() + oy, a.x() + ox + w, a.y() + oy + h)
            if placer.free(box):
                placer.block(box)
                if kind == "child":
                    label.setPos(ox, oy)  # the camera glyph draws in pixels already
                else:
                    label.setPos(anchor)
                    label.setTransform(QTransform.fromTranslate(ox, oy))
                label.setVisible(True)
                break
        else:
            label.setVisible(False)
            hidden += 1
    return hidden


def label_rects(view: PlanView) -> list[QRectF]:
    """The viewport rectangles of the labels shown (for measuring overlaps)."""
    out = []
    vt = view.viewportTransform()
    for item in view.plan_scene.items():
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.text():
            out.append(item.deviceTransform(vt).mapRect(item.boundingRect()))
    return out
