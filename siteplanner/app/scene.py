"""The scene of one level: items mirror the model; overlays mirror the latest analysis."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from siteplanner.app.document import Document
from siteplanner.app.items import (
    ITEM_TYPES,
    CameraItem,
    CoverageItem,
    ModelItem,
    VertexHandle,
    WallItem,
    blind_item,
    intrusion_item,
)
from siteplanner.app.worker import CoveragePaths, RenderData
from siteplanner.geometry.walls import wall_parts
from siteplanner.model import Level

EDITABLE_POINTS = {"walls": "points", "zones": "polygon", "obstacles": "polygon"}


def wall_solids_each(walls: list[Any], openings: list[Any]) -> list[Any]:
    """Each wall's solid with the openings cut, from the engine, in the order of ``walls``."""
    parts = wall_parts(Level.model_construct(walls=list(walls), openings=list(openings)))
    if len(parts) == len(walls):
        return list(parts)
    # Some wall was cut away entirely (the engine drops it): go wall by wall.
    out = []
    for w in walls:
        one = wall_parts(Level.model_construct(walls=[w], openings=list(openings)))
        out.append(one[0] if len(one) else None)
    return out


class PlanScene(QGraphicsScene):
    level_changed = Signal(str)

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.level_id = doc.plan.levels[0].id if doc.plan.levels else ""
        self.model_items: dict[int, ModelItem] = {}
        self.coverage_items: dict[str, CoverageItem] = {}
        self.overlays: list[QGraphicsPathItem] = []
        self.handles: list[VertexHandle] = []
        self.render_data: RenderData | None = None
        self.show_coverage = True
        self.show_dori = True
        self.show_intrusions = True
        self.show_blind = True
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self.update_handles)

    # -- model items -------------------------------------------------------------------------
    def level(self) -> Level | None:
        plan = self.doc.plan
        return plan.level(self.level_id) or (plan.levels[0] if plan.levels else None)

    def set_level(self, level_id: str) -> None:
        self.clear_all()
        self.level_id = level_id
        self.sync()
        if self.render_data is not None:
            self.apply_render(self.render_data)
        self.level_changed.emit(level_id)

    def clear_all(self) -> None:
        self.clearSelection()
        for h in self.handles:
            self.removeItem(h)
        self.handles = []
        for item in list(self.model_items.values()):
            self.removeItem(item)  # type: ignore[arg-type]
        self.model_items.clear()
        for cov in self.coverage_items.values():
            self.removeItem(cov)
        self.coverage_items.clear()
        for ov in self.overlays:
            self.removeItem(ov)
        self.overlays = []

    def sync(self) -> None:
        """Bring the items in line with the model: add, update and remove what changed."""
        level = self.level()
        if level is None:
            self.clear_all()
            return
        if level.id != self.level_id:
            self.level_id = level.id
        alive: set[int] = set()
        openings_key = tuple((tuple(o.points), o.depth_m, o.cuts) for o in level.openings)
        walls_todo: list[tuple[WallItem, Any]] = []
        for coll, cls in ITEM_TYPES.items():
            for obj in getattr(level, coll):
                oid = id(obj)
                alive.add(oid)
                item = self.model_items.get(oid)
                if item is None:
                    item = cls(obj)
                    self.model_items[oid] = item
                    self.addItem(item)  # type: ignore[arg-type]
                if coll == "walls":
                    key = WallItem.key_of(obj, openings_key)
                    if item.key != key:
                        walls_todo.append((item, key))  # type: ignore[arg-type]
                elif item.key != cls.key_of(obj):
                    item.refresh()
        if walls_todo:
            solids = wall_solids_each([i.obj for i, _ in walls_todo], level.openings)
            for (item, key), solid in zip(walls_todo, solids, strict=True):
                item.set_solid(solid, key)
        for oid in [k for k in self.model_items if k not in alive]:
            self.removeItem(self.model_items.pop(oid))  # type: ignore[arg-type]
        cams = {c.id for c in level.cameras}
        for cid in [c for c in self.coverage_items if c not in cams]:
            self.removeItem(self.coverage_items.pop(cid))
        self.update_handles()
        self._update_scene_rect()

    def _update_scene_rect(self) -> None:
        rect = self.content_rect()
        # Room to pan well beyond the drawing, as in a CAD canvas.
        margin = max(rect.width(), rect.height(), 50.0) * 3
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def content_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.model_items.values():
            if isinstance(item, CameraItem) or not hasattr(item, "path"):
                r = QRectF(item.pos().x() - 0.5, item.pos().y() - 0.5, 1, 1)  # type: ignore[attr-defined]
            else:
                r = item.sceneBoundingRect()  # type: ignore[attr-defined]
            rect = rect.united(r)
        for cov in self.coverage_items.values():
            rect = rect.united(cov.sceneBoundingRect())
        if rect.isEmpty():
            rect = QRectF(-5, -5, 30, 20)
        return rect

    def item_for(self, obj: Any) -> QGraphicsItem | None:
        return self.model_items.get(id(obj))  # type: ignore[return-value]

    def item_by_id(self, object_id: str) -> QGraphicsItem | None:
        for item in self.model_items.values():
            if item.obj.id == object_id:
                return item  # type: ignore[return-value]
        return None

    def selected_objects(self) -> list[tuple[str, Any]]:
        out = []
        for item in self.selectedItems():
            if isinstance(item, ModelItem):
                out.append((item.coll, item.obj))
        return out

    def select_objects(self, objects: list[Any]) -> None:
        self.clearSelection()
        for obj in objects:
            item = self.item_for(obj)
            if item is not None:
                item.setSelected(True)

    def update_handles(self) -> None:
        """Vertex handles for a single selected wall, zone or obstacle."""
        for h in self.handles:
            self.removeItem(h)
        self.handles = []
        try:
            sel = self.selected_objects()
        except RuntimeError:  # scene being torn down
            return
        if len(sel) != 1 or sel[0][0] not in EDITABLE_POINTS:
            return
        coll, obj = sel[0]
        field = EDITABLE_POINTS[coll]
        for i in range(len(getattr(obj, field))):
            h = VertexHandle(obj, field, i)
            self.addItem(h)
            self.handles.append(h)

    # -- analysis overlays -------------------------------------------------------------------
    def apply_render(self, data: RenderData) -> None:
        self.render_data = data
        level = self.level()
        lid = level.id if level else ""
        live = {c.id for c in level.cameras} if level else set()
        seen = set()
        for cid, paths in data.cameras.items():
            if paths.level_id != lid or cid not in live:
                continue
            seen.add(cid)
            self._set_coverage(cid, paths)
        for cid in [c for c in self.coverage_items if c not in seen]:
            self.removeItem(self.coverage_items.pop(cid))
        for ov in self.overlays:
            self.removeItem(ov)
        self.overlays = []
        for _zid, (zl, path) in data.intrusions.items():
            if zl == lid:
                item = intrusion_item(path)
                item.setVisible(self.show_intrusions)
                self.overlays.append(item)
                self.addItem(item)
        for _zid, (zl, path) in data.blind.items():
            if zl == lid:
                item = blind_item(path)
                item.setVisible(self.show_blind)
                item.setData(0, "blind")
                self.overlays.append(item)
                self.addItem(item)
        warn = {f.camera for f in data.analysis.findings if f.rule == "CAMERA_INSIDE_WALL"}
        for item in self.model_items.values():
            if isinstance(item, CameraItem):
                res = data.analysis.cameras.get(item.obj.id)
                face = bool(res and res.optics.face_recognition)
                if item.warn != (item.obj.id in warn) or item.face != face:
                    item.warn = item.obj.id in warn
                    item.face = face
                    item.update()

    def _set_coverage(self, cid: str, paths: CoveragePaths) -> None:
        item = self.coverage_items.get(cid)
        if item is None:
            item = CoverageItem(paths, self.show_dori)
            item.setVisible(self.show_coverage)
            self.coverage_items[cid] = item
            self.addItem(item)
        elif item.paths is not paths:
            item.set_paths(paths)

    def preview_camera(self, paths: CoveragePaths) -> None:
        """Show a camera's freshly computed coverage while it is being dragged."""
        self._set_coverage(paths.camera_id, paths)

    def set_overlay_visibility(
        self,
        coverage: bool | None = None,
        dori: bool | None = None,
        intrusions: bool | None = None,
        blind: bool | None = None,
    ) -> None:
        if coverage is not None:
            self.show_coverage = coverage
        if dori is not None:
            self.show_dori = dori
        if intrusions is not None:
            self.show_intrusions = intrusions
        if blind is not None:
            self.show_blind = blind
        for item in self.coverage_items.values():
            item.setVisible(self.show_coverage)
            item.set_show_dori(self.show_dori)
        for ov in self.overlays:
            ov.setVisible(self.show_blind if ov.data(0) == "blind" else self.show_intrusions)
