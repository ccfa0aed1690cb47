"""The scene of one level: items mirror the model; overlays mirror the latest analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from siteplanner.app.document import Document
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import tr
from siteplanner.app.items import (
    ITEM_TYPES,
    BandsItem,
    CameraHandlesItem,
    CameraItem,
    CoverageItem,
    ModelItem,
    OpeningItem,
    RequirementItem,
    VertexHandle,
    WallItem,
    WallLayer,
    blind_item,
    intrusion_item,
)
from siteplanner.app.state import EditorState, Overlays
from siteplanner.app.style import plain_tip
from siteplanner.app.worker import CoveragePaths, RenderData, WallPaths
from siteplanner.editing.handles import camera_handles
from siteplanner.editing.registry import collection
from siteplanner.model import Level, MissingOptics, resolve_optics


class PlanScene(QGraphicsScene):
    """Draws ``state.level_id`` with the overlays ``state.overlays`` asks for."""

    def __init__(self, doc: Document, state: EditorState | None = None) -> None:
        super().__init__()
        self.doc = doc
        first = doc.plan.levels[0].id if doc.plan.levels else ""
        self.state = state if state is not None else EditorState(first, self)
        self.model_items: dict[int, ModelItem] = {}
        self.coverage_items: dict[str, CoverageItem] = {}
        self.overlays: list[QGraphicsPathItem] = []
        self.overlay_paths: list[QPainterPath] = []  # the worker's path each overlay shows
        self.handles: list[VertexHandle] = []
        self.camera_handles: CameraHandlesItem | None = None  # of the one selected camera
        # The level's wall solids, drawn from the worker's paths (one layer, or tiles).
        self.wall_layer = WallLayer()
        self.addItem(self.wall_layer)
        # The level's coverage by best DORI band, and the requirement view's zones.
        self.bands_items: dict[tuple[int, int], BandsItem] = {}
        self.requirement_items: dict[str, RequirementItem] = {}
        self._previewing: set[str] = set()  # cameras drawn solo while dragged
        self._walls_shown: WallPaths | None = None
        self._items_rect_cache: tuple[QRectF, QRectF] | None = None
        self.wall_tiles: dict[tuple[int, int], WallLayer] = {}
        self.detail = True  # door glyphs and labels, off when zoomed far out
        self.content_sources: list[Callable[[], QRectF]] = []  # more to fit (a background)
        self.state.level_changed.connect(self._show_level)
        self.state.overlays_changed.connect(self._apply_overlays)
        self.state.render_changed.connect(self._render_changed)
        self.state.walls_changed.connect(self._walls_changed)
        self.state.isolation_changed.connect(self._apply_isolation)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self.update_handles)
        self.selectionChanged.connect(self._emphasise_coverage)

    # -- model items -------------------------------------------------------------------------
    def level(self) -> Level | None:
        plan = self.doc.plan
        return plan.level(self.level_id) or (plan.levels[0] if plan.levels else None)

    @property
    def level_id(self) -> str:
        return self.state.level_id

    @property
    def render_data(self) -> RenderData | None:
        return self.state.render

    def set_level(self, level_id: str) -> None:
        self.state.set_level(level_id)

    @guarded
    def _show_level(self, _level_id: str) -> None:
        self.clear_all()
        self.sync(full=True)
        if self.render_data is not None:
            self.apply_render(self.render_data)

    @guarded
    def _render_changed(self, data: RenderData | None) -> None:
        if data is not None:
            self.apply_render(data)

    def clear_all(self) -> None:
        self.clearSelection()
        for h in self.handles:
            self.removeItem(h)
        self.handles = []
        if self.camera_handles is not None:
            self.removeItem(self.camera_handles)
            self.camera_handles = None
        for item in list(self.model_items.values()):
            self.removeItem(item)  # type: ignore[arg-type]
        self.model_items.clear()
        for cov in self.coverage_items.values():
            self.removeItem(cov)
        self.coverage_items.clear()
        for band_item in self.bands_items.values():
            self.removeItem(band_item)
        self.bands_items = {}
        for req in self.requirement_items.values():
            self.removeItem(req)
        self.requirement_items.clear()
        self._previewing.clear()
        for ov in self.overlays:
            self.removeItem(ov)
        self.overlays = []
        self.overlay_paths = []
        self.wall_layer.setPath(QPainterPath())
        for tile in self.wall_tiles.values():
            self.removeItem(tile)
        self.wall_tiles = {}
        self._walls_shown = None
        self._items_rect_cache = None

    def sync(self, full: bool = False) -> None:
        """Bring the items in line with the model: add, update and remove what changed.

        After an edit that names the objects it touched (a drag step), only those are looked at:
        a campus level holds thousands of items."""
        level = self.level()
        if level is None:
            self.clear_all()
            return
        touched = self.doc.last_touched
        if not full and touched is not None and level.id == self.level_id:
            self._sync_touched(level, touched)
            return
        if level.id != self.level_id:
            self.state.level_id = level.id  # the shown level was removed: show the first
        self._items_rect_cache = None
        alive: set[int] = set()
        for coll, cls in ITEM_TYPES.items():
            for obj in getattr(level, coll):
                oid = id(obj)
                alive.add(oid)
                item = self.model_items.get(oid)
                if item is None:
                    item = cls(obj)
                    self.model_items[oid] = item
                    self.addItem(item)  # type: ignore[arg-type]
                    if isinstance(item, OpeningItem):
                        item.set_detail(self.detail)
                    elif isinstance(item, CameraItem):
                        item.label.setVisible(self.detail)
                if item.key != cls.key_of(obj):
                    item.refresh()
        for oid in [k for k in self.model_items if k not in alive]:
            self.removeItem(self.model_items.pop(oid))  # type: ignore[arg-type]
        self.apply_walls(self.state.walls.get(level.id))
        cams = {c.id for c in level.cameras}
        for cid in [c for c in self.coverage_items if c not in cams]:
            self.removeItem(self.coverage_items.pop(cid))
        self.update_handles()
        self.update_scene_rect()

    def _sync_touched(self, level: Level, touched: list[object]) -> None:
        # Wall solids follow when the worker has cut them (walls_changed), not here.
        for obj in touched:
            item = self.model_items.get(id(obj))
            if item is None:
                continue  # another level, the plan's settings, a camera model...
            if item.key != type(item).key_of(obj):
                item.refresh()
            if self._items_rect_cache is not None and not isinstance(item, OpeningItem):
                # Grow what Fit to View takes in; a full sync recomputes it exactly.
                rect, walls = self._items_rect_cache
                r = item.sceneBoundingRect()  # type: ignore[attr-defined]
                if isinstance(item, WallItem):
                    walls = walls.united(r)
                else:
                    rect = rect.united(r)
                self._items_rect_cache = (rect, walls)
        selected = {id(o) for _, o in self.selected_objects()}
        if any(id(o) in selected for o in touched):
            self.update_handles()

    def apply_walls(self, walls: WallPaths | None) -> None:
        """Draw the level's wall solids as the worker made them (openings cut)."""
        if walls is None or walls is self._walls_shown:
            return
        self._walls_shown = walls
        if walls.path is not None:
            for tile in self.wall_tiles.values():
                self.removeItem(tile)
            self.wall_tiles = {}
            self.wall_layer.setPath(walls.path)
        else:
            # A large level: tiles, so that a pan redraws only the small tiles at the view's
            # edge and an edit rebuilds only the tiles it changed.
            self.wall_layer.setPath(QPainterPath())
            for tkey in [k for k in self.wall_tiles if k not in walls.tiles]:
                self.removeItem(self.wall_tiles.pop(tkey))
            for tkey, (digest, path) in walls.tiles.items():
                tile = self.wall_tiles.get(tkey)
                if tile is None:
                    tile = self.wall_tiles[tkey] = WallLayer()
                    self.addItem(tile)
                if tile.key != digest:
                    tile.key = digest
                    tile.setPath(path)
        self.update_scene_rect()

    @guarded
    def _walls_changed(self, walls: dict[str, WallPaths]) -> None:
        self.apply_walls(walls.get(self.level_id))

    def wall_path(self) -> QPainterPath:
        """All wall solids drawn (for tests and exports)."""
        out = QPainterPath(self.wall_layer.path())
        for tile in self.wall_tiles.values():
            out.addPath(tile.path())
        return out

    def set_detail(self, on: bool) -> None:
        """Level of detail: door and window glyphs only when they are big enough to read."""
        if on == self.detail:
            return
        self.detail = on
        for item in self.model_items.values():
            if isinstance(item, OpeningItem):
                item.set_detail(on)
            elif isinstance(item, CameraItem):
                item.label.setVisible(on)
        for req in self.requirement_items.values():
            req.label.setVisible(on)

    def update_scene_rect(self) -> None:
        rect = self.content_rect()
        # Room to pan well beyond the drawing, as in a CAD canvas.
        margin = max(rect.width(), rect.height(), 50.0) * 3
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def content_rect(self) -> QRectF:
        """What the level holds (walls, zones, cameras...) and what ``content_sources`` add,
        without the coverage drawn."""
        rect = QRectF()
        if not self.wall_layer.path().isEmpty():
            rect = self.wall_layer.sceneBoundingRect()
        for tile in self.wall_tiles.values():
            rect = rect.united(tile.sceneBoundingRect())
        # Until the worker's wall solids arrive (a plan just opened), the walls' own outlines.
        items, walls = self._items_rect()
        rect = rect.united(items) if not rect.isEmpty() else items.united(walls)
        for source in self.content_sources:
            rect = rect.united(source())
        if rect.isEmpty():
            rect = QRectF(-5, -5, 30, 20)
        return rect

    def _items_rect(self) -> tuple[QRectF, QRectF]:
        """(the level's objects but walls and openings, its walls' outlines), kept until the
        items change: thousands of items on a campus level."""
        if self._items_rect_cache is None:
            rect, walls = QRectF(), QRectF()
            for item in self.model_items.values():
                if isinstance(item, OpeningItem):
                    continue  # inside the walls
                if isinstance(item, WallItem):
                    walls = walls.united(item.sceneBoundingRect())
                    continue
                if isinstance(item, CameraItem) or not hasattr(item, "path"):
                    x, y = item.pos().x(), item.pos().y()  # type: ignore[attr-defined]
                    r = QRectF(x - 0.5, y - 0.5, 1, 1)
                else:
                    r = item.sceneBoundingRect()  # type: ignore[attr-defined]
                rect = rect.united(r)
            self._items_rect_cache = (rect, walls)
        return self._items_rect_cache

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

    @guarded
    def update_handles(self) -> None:
        """Vertex handles for a single selected wall, zone or obstacle; field-of-view, range
        and tilt handles for a single selected camera."""
        for h in self.handles:
            self.removeItem(h)
        self.handles = []
        try:
            sel = self.selected_objects()
        except RuntimeError:  # scene being torn down
            return
        cam = sel[0][1] if len(sel) == 1 and sel[0][0] == "cameras" else None
        self._update_camera_handles(cam)
        if len(sel) != 1 or not collection(sel[0][0]).vertices:
            return
        coll, obj = sel[0]
        field = collection(coll).field
        for i in range(len(getattr(obj, field))):
            h = VertexHandle(obj, field, i)
            self.addItem(h)
            self.handles.append(h)

    def _update_camera_handles(self, cam: Any) -> None:
        item = self.camera_handles
        optics = None
        if cam is not None:
            try:
                optics = resolve_optics(self.doc.plan, cam)
            except MissingOptics:
                optics = None  # no field of view to show: the pan handle only
        if optics is None:
            if item is not None:
                self.removeItem(item)
                self.camera_handles = None
            return
        if item is None or item.camera is not cam:
            if item is not None:
                self.removeItem(item)
            item = self.camera_handles = CameraHandlesItem(cam)
            self.addItem(item)
        target = self.doc.plan.settings.target_height_m
        item.place(cam.position, optics.pan_deg, optics.hfov_deg, camera_handles(optics, target))

    # -- analysis overlays -------------------------------------------------------------------
    def apply_render(self, data: RenderData) -> None:
        level = self.level()
        lid = level.id if level else ""
        live = {c.id for c in level.cameras} if level else set()
        seen = set()
        # By the camera's own id and level, whatever key the results are filed under.
        for paths in data.cameras.values():
            cid = paths.camera_id
            if paths.level_id != lid or cid not in live:
                continue
            seen.add(cid)
            self._set_coverage(cid, paths)
        for cid in [c for c in self.coverage_items if c not in seen]:
            self.removeItem(self.coverage_items.pop(cid))
        if self.state.isolated_camera is not None and self.state.isolated_camera not in live:
            self.state.isolate_camera(None)  # the isolated camera was deleted
        # The union now includes the cameras that were dragged: they stop drawing on their own.
        previewed, self._previewing = self._previewing, set()
        for cid in previewed:
            item = self.coverage_items.get(cid)
            if item is not None:
                item.set_solo(self._solo(cid))
        tiles = data.bands.get(lid, {})
        for tkey in [k for k in self.bands_items if k not in tiles]:
            self.removeItem(self.bands_items.pop(tkey))
        for tkey, paths in tiles.items():
            band_item = self.bands_items.get(tkey)
            if band_item is None:
                band_item = self.bands_items[tkey] = BandsItem()
                band_item.set_show_dori(self.state.overlays.dori)
                self.addItem(band_item)
            band_item.set_paths(paths)
            band_item.setVisible(self._bands_shown())
        reqs = {zid: r for zid, r in data.requirement.items() if r.level_id == lid}
        for zid in [z for z in self.requirement_items if z not in reqs]:
            self.removeItem(self.requirement_items.pop(zid))
        for zid, req in reqs.items():
            ritem = self.requirement_items.get(zid)
            if ritem is None:
                ritem = self.requirement_items[zid] = RequirementItem(req)
                ritem.label.setVisible(self.detail)
                self.addItem(ritem)
            elif ritem.req != req:
                ritem.set_requirement(req)
            ritem.setVisible(self._requirement_shown())
        # Overlays whose path is unchanged (the worker reuses a zone's path while its geometry
        # stays the same) keep their items: a redraw of the whole level otherwise.
        wanted: dict[int, tuple[str, QPainterPath]] = {}
        for kind, table in (("intrusion", data.intrusions), ("blind", data.blind)):
            for zl, path in table.values():
                if zl == lid:
                    wanted[id(path)] = (kind, path)
        kept, kept_paths = [], []
        for ov, src in zip(self.overlays, self.overlay_paths, strict=True):
            if wanted.pop(id(src), None) is not None:
                kept.append(ov)
                kept_paths.append(src)
            else:
                self.removeItem(ov)
        self.overlays, self.overlay_paths = kept, kept_paths
        for kind, path in wanted.values():
            if kind == "blind":
                item = blind_item(path)
                item.setData(0, "blind")
            else:
                item = intrusion_item(path)
            item.setVisible(self._overlay_shown(item))
            self.overlays.append(item)
            self.overlay_paths.append(path)  # held, so that its id stays its own
            self.addItem(item)
        warn = {f.camera for f in data.analysis.findings if f.rule == "CAMERA_INSIDE_WALL"}
        for cam in level.cameras if level else []:
            item = self.model_items.get(id(cam))
            if isinstance(item, CameraItem):
                res = data.analysis.camera(lid, item.obj.id)
                face = bool(res and res.optics.face_recognition)
                if res is not None:
                    dori = res.dori_m2()
                    item.setToolTip(
                        plain_tip(
                            f"{item.obj.name or item.obj.id}\n"
                            + tr("coverage {0} m²").format(f"{res.coverage_m2:.1f}")
                            + "\n"
                            + "\n".join(f"{tr(k)} {v:.1f} m²" for k, v in dori.items())
                        )
                    )
                if item.warn != (item.obj.id in warn) or item.face != face:
                    item.warn = item.obj.id in warn
                    item.face = face
                    item.update()

    @guarded
    def _emphasise_coverage(self) -> None:
        try:
            chosen = {o.id for c, o in self.selected_objects() if c == "cameras"}
        except RuntimeError:  # scene being torn down
            return
        for cid, item in self.coverage_items.items():
            item.set_emphasis(cid in chosen)

    def _set_coverage(self, cid: str, paths: CoveragePaths) -> None:
        item = self.coverage_items.get(cid)
        if item is None:
            item = CoverageItem(paths, self.state.overlays.dori)
            item.set_emphasis(
                any(isinstance(i, CameraItem) and i.obj.id == cid for i in self.selectedItems())
            )
            item.setVisible(self._coverage_shown(cid))
            item.set_solo(self._solo(cid))
            self.coverage_items[cid] = item
            self.addItem(item)
        elif item.paths is not paths:
            item.set_paths(paths)

    def preview_camera(self, paths: CoveragePaths) -> None:
        """Show a camera's freshly computed coverage while it is being dragged."""
        self._previewing.add(paths.camera_id)
        self._set_coverage(paths.camera_id, paths)
        self.coverage_items[paths.camera_id].set_solo(True)

    def set_overlay_visibility(self, **shown: bool) -> None:
        """Show or hide overlays by name (coverage, dori, intrusions, blind)."""
        for name, on in shown.items():
            self.state.set_overlay(name, on)

    def _bands_shown(self) -> bool:
        shown = self.state.overlays
        return shown.coverage and not shown.requirement and self.state.isolated_camera is None

    def _requirement_shown(self) -> bool:
        return self.state.overlays.requirement and self.state.isolated_camera is None

    def _solo(self, cid: str) -> bool:
        """A camera fills its own bands when isolated or dragged (the union lags behind)."""
        return cid == self.state.isolated_camera or cid in self._previewing

    def _coverage_shown(self, cid: str) -> bool:
        """A camera's coverage is drawn when coverage is on and no other camera is isolated."""
        isolated = self.state.isolated_camera
        return self.state.overlays.coverage and (isolated is None or isolated == cid)

    def _overlay_shown(self, item: QGraphicsPathItem) -> bool:
        # Intrusions and blind spots are of all cameras together: hidden while one is isolated.
        if self.state.isolated_camera is not None:
            return False
        shown = self.state.overlays
        return shown.blind if item.data(0) == "blind" else shown.intrusions

    @guarded
    def _apply_isolation(self, _camera_id: str | None) -> None:
        self._apply_overlays(self.state.overlays)

    @guarded
    def _apply_overlays(self, shown: Overlays) -> None:
        for band_item in self.bands_items.values():
            band_item.setVisible(self._bands_shown())
            band_item.set_show_dori(shown.dori)
        for req in self.requirement_items.values():
            req.setVisible(self._requirement_shown())
        for cid, item in self.coverage_items.items():
            item.setVisible(self._coverage_shown(cid))
            item.set_solo(self._solo(cid))
            item.set_show_dori(shown.dori)
        for ov in self.overlays:
            ov.setVisible(self._overlay_shown(ov))
