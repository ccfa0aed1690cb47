"""Live analysis off the UI thread: debounced, on a copy of the plan, stale runs cancelled.

The worker runs the engine's pipeline (analysis, rule pack, sign suggestions for the levels
``suggest_levels()`` names) and turns its shapely results into painter paths, wall solids
included, so the UI thread only swaps ready-made paths and suggestions into items. The wall
solids go out first (``walls_ready``), before the analysis: they are quick and show an edit at once.
"""

from __future__ import annotations

import gc
import hashlib
import operator
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import shapely
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QPainterPath
from shapely.geometry.base import BaseGeometry

from siteplanner import pipeline
from siteplanner.analysis import (
    Analyser,
    Analysis,
    AnalysisCancelled,
    CameraResult,
    LevelResult,
)
from siteplanner.app.i18n import current_language
from siteplanner.app.qtgeom import path_from_geometry, paths_from_geometries, tile_groups
from siteplanner.compliance.packs import LanguageError, load_pack
from siteplanner.compliance.rules.coverage import coverage_target
from siteplanner.findings import MIN_AREA_M2
from siteplanner.geometry.coverage import tiled
from siteplanner.model import COLLECTIONS, DORI_LEVELS, Plan
from siteplanner.signage.placement import SignSuggestion

DEBOUNCE_MS = 150
# How long the worker may keep the interpreter before the UI thread gets it (Python's default
# is 5 ms): every Python paint() and slot on the UI thread waits up to this long while an
# analysis runs, and a frame calls many of them.
SWITCH_INTERVAL_S = 0.0005
WALL_TILE_M = 24.0
WALL_TILE_MIN_PARTS = 400  # above this many wall solids a level is drawn in tiles


@dataclass
class CoveragePaths:
    """One camera's coverage and DORI bands as painter paths (plan metres)."""

    camera_id: str
    level_id: str
    coverage: QPainterPath
    dori: dict[str, QPainterPath]


# A level's best-band paths: tile (column, row) -> band -> path.
BandTiles = dict[tuple[int, int], dict[str, QPainterPath]]


@dataclass(frozen=True)
class RequirementPaths:
    """A collection zone in the requirement view: the part covered at its required density
    (``passing``), the part not (``failing``), and the covered share in per cent."""

    zone_id: str
    level_id: str
    passing: QPainterPath
    failing: QPainterPath
    percent: float
    required: str | None  # the zone's required DORI band (None: any coverage)
    target: float | None  # the share the rule pack (or the plan) asks for, 0..1
    anchor: tuple[float, float]  # a point inside the zone for its figure


@dataclass
class RenderData:
    analysis: Analysis
    cameras: dict[str, CoveragePaths] = field(default_factory=dict)
    # Per level, the coverage split by the best band any camera reaches, in tiles.
    bands: dict[str, BandTiles] = field(default_factory=dict)
    requirement: dict[str, RequirementPaths] = field(default_factory=dict)  # collection zones
    intrusions: dict[str, tuple[str, QPainterPath]] = field(default_factory=dict)  # private zones
    blind: dict[str, tuple[str, QPainterPath]] = field(default_factory=dict)  # collection zones
    # Sign suggestions of the levels they were asked for (a level absent: not asked for).
    suggestions: dict[str, list[SignSuggestion]] = field(default_factory=dict)


@dataclass(frozen=True)
class WallPaths:
    """A level's wall solids (openings cut) as painter paths: one path for a small level, else
    square tiles, each with a digest so that an edit redraws only the tiles it changed."""

    level_id: str
    key: int  # the analyser's token of the level's walls, openings and obstacles
    path: QPainterPath | None = None
    tiles: dict[tuple[int, int], tuple[bytes, QPainterPath]] = field(default_factory=dict)


class WallCache:
    """Wall paths per level and tile, kept while their geometry does not change."""

    def __init__(self) -> None:
        self._levels: dict[str, WallPaths] = {}
        self._tiles: dict[bytes, QPainterPath] = {}

    def walls(
        self, plan: Plan, analyser: Analyser, cancelled: Callable[[], bool]
    ) -> dict[str, WallPaths]:
        out: dict[str, WallPaths] = {}
        tiles_used: set[bytes] = set()
        for level in plan.levels:
            if cancelled():
                raise AnalysisCancelled
            key = analyser.level_key(level)
            hit = self._levels.get(level.id)
            if hit is None or hit.key != key:
                hit = self._build(level.id, key, analyser.level_geometry(level, key).parts)
            out[level.id] = hit
            tiles_used.update(d for d, _p in hit.tiles.values())
        self._levels = out
        self._tiles = {d: p for d, p in self._tiles.items() if d in tiles_used}
        return out

    def _build(self, level_id: str, key: int, parts: object) -> WallPaths:
        geoms = list(parts)  # type: ignore[call-overload]
        if len(geoms) <= WALL_TILE_MIN_PARTS:
            return WallPaths(level_id, key, paths_from_geometries(geoms))
        tiles: dict[tuple[int, int], tuple[bytes, QPainterPath]] = {}
        for tkey, (digest, group) in tile_groups(geoms, WALL_TILE_M).items():
            path = self._tiles.get(digest)
            if path is None:
                path = self._tiles[digest] = paths_from_geometries(group)
            tiles[tkey] = (digest, path)
        return WallPaths(level_id, key, None, tiles)


class PathCache:
    """Paths per CameraCoverage object, so an unchanged camera keeps its converted paths."""

    def __init__(self) -> None:
        self._paths: dict[int, tuple[object, CoveragePaths]] = {}
        self._lock = threading.Lock()

    def paths(self, res: CameraResult) -> CoveragePaths:
        key = id(res.coverage)
        with self._lock:
            hit = self._paths.get(key)
        if hit is not None and hit[0] is res.coverage and hit[1].camera_id == res.camera_id:
            return hit[1]
        cov = res.coverage
        out = CoveragePaths(
            res.camera_id,
            res.level_id,
            path_from_geometry(cov.coverage),
            {k: path_from_geometry(cov.dori.get(k)) for k in DORI_LEVELS},
        )
        with self._lock:
            self._paths[key] = (cov, out)
        return out

    def prune(self, keep: set[int]) -> None:
        with self._lock:
            self._paths = {k: v for k, v in self._paths.items() if k in keep}


BAND_TILE_MIN_CAMERAS = 60  # above this many cameras a level's bands are drawn in tiles


class BandPathCache:
    """Each level's best-band paths, kept while the level's camera coverages are the same
    objects (the analyser reuses an unchanged camera's): an edit redoes only its level. A large
    level's come in square tiles (key: column, row), so that a view showing part of it fills
    only the small paths it shows; a small level's are one tile, (0, 0)."""

    def __init__(self) -> None:
        self._levels: dict[str, tuple[tuple[object, ...], BandTiles]] = {}

    def paths(self, lres: LevelResult) -> BandTiles:
        key = tuple(c.coverage for c in lres.cameras)
        hit = self._levels.get(lres.level_id)
        if hit is not None and len(hit[0]) == len(key) and all(map(operator.is_, hit[0], key)):
            return hit[1]
        regions = lres.best_bands()
        if len(lres.cameras) > BAND_TILE_MIN_CAMERAS:
            pieces = tiled(regions, WALL_TILE_M)
        else:
            pieces = {(0, 0): regions}
        paths = {
            tkey: {band: path_from_geometry(g) for band, g in bands.items()}
            for tkey, bands in pieces.items()
        }
        self._levels[lres.level_id] = (key, paths)
        return paths

    def prune(self, keep: set[str]) -> None:
        self._levels = {k: v for k, v in self._levels.items() if k in keep}


class ZonePathCache:
    """A zone overlay's path, the same object while its geometry stays the same, so that the
    canvas keeps the item (and its drawing) after an edit elsewhere."""

    def __init__(self) -> None:
        self._paths: dict[tuple[str, str], tuple[bytes, QPainterPath]] = {}

    def path(self, zone_id: str, kind: str, geom: BaseGeometry) -> QPainterPath:
        digest = hashlib.blake2b(shapely.to_wkb(geom), digest_size=16).digest()
        hit = self._paths.get((zone_id, kind))
        if hit is None or hit[0] != digest:
            hit = self._paths[(zone_id, kind)] = (digest, path_from_geometry(geom))
        return hit[1]


def render_data(
    analysis: Analysis,
    cache: PathCache,
    cancelled: Callable[[], bool],
    suggestions: dict[str, list[SignSuggestion]] | None = None,
    zones: ZonePathCache | None = None,
    bands: BandPathCache | None = None,
) -> RenderData:
    zones = zones if zones is not None else ZonePathCache()
    bands = bands if bands is not None else BandPathCache()
    data = RenderData(analysis, suggestions=suggestions or {})
    for cid, res in analysis.cameras.items():
        if cancelled():
            raise AnalysisCancelled
        data.cameras[cid] = cache.paths(res)
    cache.prune({id(r.coverage) for r in analysis.cameras.values()})
    for lid, lres in analysis.levels.items():
        if cancelled():
            raise AnalysisCancelled
        data.bands[lid] = bands.paths(lres)
    bands.prune(set(analysis.levels))
    target = zone_target(analysis.plan)
    for zid, z in analysis.zones.items():
        if z.kind == "private" and not z.covered.is_empty:
            data.intrusions[zid] = (z.level_id, zones.path(zid, "intrusion", z.covered))
        elif z.kind == "collection":
            gap = z.blind
            if not gap.is_empty and gap.area > MIN_AREA_M2:
                data.blind[zid] = (z.level_id, zones.path(zid, "blind", gap))
            if z.area_m2 > MIN_AREA_M2:
                data.requirement[zid] = RequirementPaths(
                    zid,
                    z.level_id,
                    zones.path(zid, "passing", z.passing),
                    zones.path(zid, "failing", gap),
                    z.passing_percent,
                    z.required_dori,
                    target,
                    _inside_point(z.polygon),
                )
    return data


def zone_target(plan: Plan) -> float | None:
    """The share of a collection zone to cover (the plan's own, else its rule pack's)."""
    try:
        pack_target = load_pack(plan.rules).coverage_target
    except ValueError:
        return plan.settings.coverage_target  # an unknown pack: the findings say so
    return coverage_target(plan, pack_target)


def _inside_point(geom: BaseGeometry) -> tuple[float, float]:
    p = geom.representative_point() if not geom.is_empty else None
    return (float(p.x), float(p.y)) if p is not None else (0.0, 0.0)


def finding_language(pack_id: str, ui_lang: str) -> str | None:
    """The language of the finding messages for an interface in ``ui_lang``: that language when
    the pack has it, else English when it has that, else the pack's own (None)."""
    try:
        pack = load_pack(pack_id)
    except ValueError:
        return None  # the pipeline names the unknown or broken pack
    for code in (ui_lang, "en"):
        try:
            return pack.lang(code)
        except LanguageError:
            continue
    return None


def snapshot(plan: Plan) -> Plan:
    """A copy of the plan's structure for the worker, sharing the objects themselves.

    Edits never change a value in place: commands assign new values to fields and add or remove
    objects from lists. So new lists and level/plan shells are enough to keep what the worker
    reads stable, at a fraction of the cost of a deep copy (1.5 s on the 1,000-camera campus).
    Any edit during a run also makes that run stale, so its result is dropped anyway."""
    levels = [
        lv.model_copy(update={c: list(getattr(lv, c)) for c in COLLECTIONS}) for lv in plan.levels
    ]
    return plan.model_copy(
        update={
            "levels": levels,
            "settings": plan.settings.model_copy(
                update={"dori_ppm": plan.settings.dori_ppm.model_copy()}
            ),
            "camera_models": [m.model_copy() for m in plan.camera_models],
        }
    )


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    walls = Signal(int, object)


class _Job(QRunnable):
    def __init__(
        self, runner: AnalysisRunner, generation: int, plan: Plan, suggest: list[str]
    ) -> None:
        super().__init__()
        self.runner = runner
        self.generation = generation
        self.plan = plan
        self.suggest = suggest
        self.setAutoDelete(True)

    def run(self) -> None:
        runner, gen = self.runner, self.generation

        def cancelled() -> bool:
            return runner.generation != gen

        try:
            runner.relay.walls.emit(gen, runner.walls.walls(self.plan, runner.analyser, cancelled))
            result = pipeline.run(
                self.plan,
                lang=finding_language(self.plan.rules, runner.language()),
                analyser=runner.analyser,
                suggest=self.suggest,
                cancelled=cancelled,
            )
            found: dict[str, list[SignSuggestion]] = {lid: [] for lid in self.suggest}
            for s in result.suggestions:
                found.setdefault(s.level_id, []).append(s)
            data = render_data(
                result.analysis, runner.paths, cancelled, found, runner.zones, runner.bands
            )
        except AnalysisCancelled:
            runner.relay.failed.emit(gen, "")
            return
        except Exception as exc:  # a plan the engine cannot analyse: say so, keep editing
            runner.relay.failed.emit(gen, f"{type(exc).__name__}: {exc}")
            return
        runner.relay.done.emit(gen, data)


class AnalysisRunner(QObject):
    """Schedules analyses of ``plan_source()``; ``finished`` carries the newest RenderData,
    ``walls_ready`` the wall paths of every level (level id -> WallPaths) just before."""

    started = Signal()
    finished = Signal(object)
    failed = Signal(str)
    walls_ready = Signal(object)

    def __init__(
        self,
        plan_source: Callable[[], Plan],
        parent: QObject | None = None,
        suggest_levels: Callable[[], list[str]] = list,
        language: Callable[[], str] = current_language,
    ) -> None:
        super().__init__(parent)
        self.plan_source = plan_source
        self.language = language  # the interface language, asked per run
        self.suggest_levels = suggest_levels  # the levels to suggest signs for, asked per run
        self.analyser = Analyser()
        self.paths = PathCache()
        self.walls = WallCache()
        self.zones = ZonePathCache()
        self.bands = BandPathCache()
        self.generation = 0
        self.last_error: str | None = None  # of the newest run, if it failed
        self.running = 0
        self.relay = _Relay()
        self.relay.done.connect(self._done)
        self.relay.failed.connect(self._failed)
        self.relay.walls.connect(self._walls)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._start)

    @property
    def busy(self) -> bool:
        return self.timer.isActive() or self.running > 0

    def schedule(self, delay_ms: int = DEBOUNCE_MS) -> None:
        """Start an analysis after ``delay_ms``; any run under way becomes stale and stops."""
        self.generation += 1
        self.timer.start(delay_ms)

    def hold(self) -> None:
        """Cancel what is pending (e.g. while a camera is dragged)."""
        self.generation += 1
        self.timer.stop()

    def _start(self) -> None:
        # The user keeps editing the live plan while the worker reads this copy.
        plan = snapshot(self.plan_source())
        gc.freeze()  # a plan just opened is long-lived too (see _done)
        self.running += 1
        self.started.emit()
        self.pool.start(_Job(self, self.generation, plan, list(self.suggest_levels())))

    def _walls(self, gen: int, walls: dict[str, WallPaths]) -> None:
        if gen == self.generation:
            self.walls_ready.emit(walls)

    def _done(self, gen: int, data: RenderData) -> None:
        self.running -= 1
        # What is alive now (the plan, the caches, this result) is long-lived: keep it out of
        # the cyclic collector's full passes, which on a campus walk 300,000 objects for
        # ~0.4 s holding the interpreter lock, stalling the UI thread whichever thread
        # triggers them. Acyclic objects are still freed when their last reference goes.
        gc.freeze()
        if gen == self.generation:
            self.last_error = None
            self.finished.emit(data)

    def _failed(self, gen: int, message: str) -> None:
        self.running -= 1
        if message and gen == self.generation:
            self.last_error = message
            self.failed.emit(message)

    def preview_camera(self, plan: Plan, camera_id: str) -> CoveragePaths | None:
        """One camera's coverage now, on the UI thread (fast and cached: used while dragging)."""
        found = plan.find_camera(camera_id)
        if found is None:
            return None
        level, cam = found
        try:
            res = self.analyser.camera(plan, level, cam)
        except Exception:  # a half-edited camera simply has no preview
            return None
        return self.paths.paths(res)

    def shutdown(self) -> None:
        self.hold()
        self.pool.waitForDone(5000)
