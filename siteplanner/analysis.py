"""The analysis: a pure function of the plan, with caches keyed by what changed.

``Analyser.analyse(plan)`` gives every camera's coverage and DORI bands and every zone's covered
area (the union over its level's cameras): geometry only. The findings of a rule pack come from
the compliance layer, run over this analysis by ``siteplanner.pipeline``. The editor keeps one
``Analyser`` so that an edit recomputes only the cameras and levels it touched, and calls
``Analyser.camera`` while a camera is dragged.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import pickle
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.findings import Finding
from siteplanner.geometry.budget import (
    MAX_ANALYSIS_SHADOWS,
    analysis_too_complex,
    camera_too_complex,
    check_plan,
)
from siteplanner.geometry.coverage import (
    CameraCoverage,
    LevelGeometry,
    SightTooComplex,
    best_band_regions,
    camera_coverage,
    clip,
    subtract,
    union_coverage,
    zone_polygon,
)
from siteplanner.model import DORI_LEVELS, Camera, Level, Optics, Plan, resolve_optics


@dataclass
class CameraResult:
    camera_id: str
    level_id: str
    name: str
    optics: Optics
    coverage: CameraCoverage

    @property
    def coverage_m2(self) -> float:
        return self.coverage.coverage_m2

    def dori_m2(self) -> dict[str, float]:
        return self.coverage.dori_m2()


@dataclass
class ZoneResult:
    zone_id: str
    level_id: str
    name: str
    kind: str
    polygon: BaseGeometry
    repaired: bool
    covered: BaseGeometry
    by_dori: dict[str, BaseGeometry]
    required_dori: str | None = None
    _blind: BaseGeometry | None = field(default=None, repr=False, compare=False)

    @property
    def area_m2(self) -> float:
        return float(self.polygon.area)

    @property
    def covered_m2(self) -> float:
        return float(self.covered.area)

    def by_dori_m2(self) -> dict[str, float]:
        return {k: float(g.area) for k, g in self.by_dori.items()}

    @property
    def passing(self) -> BaseGeometry:
        """The part of the zone covered at its required density (at any density if none)."""
        return self.by_dori[self.required_dori] if self.required_dori else self.covered

    @property
    def blind(self) -> BaseGeometry:
        """The part of the zone not covered at its required density (any coverage if none)."""
        if self._blind is None:
            self._blind = subtract(self.polygon, self.passing)
        return self._blind

    @property
    def passing_percent(self) -> float:
        """The share of the zone covered at its required density, in per cent (the figure the
        coverage finding gives)."""
        area = self.area_m2
        return 100.0 * float(self.passing.area) / area if area > 0 else 0.0


class LevelResult:
    """A level's cameras together, with a tree of their coverages for zone queries."""

    def __init__(
        self,
        level_id: str,
        geometry: LevelGeometry | Callable[[], LevelGeometry],
        cameras: list[CameraResult],
    ):
        self.level_id = level_id
        self._geometry = geometry
        self.cameras = cameras
        geoms = [c.coverage.coverage for c in cameras]
        self._tree = shapely.STRtree(geoms)
        self._best_bands: dict[str, BaseGeometry] | None = None

    def best_bands(self) -> dict[str, BaseGeometry]:
        """The level's coverage split by the best DORI band any camera reaches there
        (``geometry.coverage.best_band_regions``), computed once per result."""
        if self._best_bands is None:
            self._best_bands = best_band_regions([c.coverage for c in self.cameras])
        return self._best_bands

    @property
    def geometry(self) -> LevelGeometry:
        """The level's wall and obstacle geometry (built on first use when it came from a
        worker process)."""
        if callable(self._geometry):
            self._geometry = self._geometry()
        return self._geometry

    def covered(self, region: BaseGeometry) -> tuple[BaseGeometry, dict[str, BaseGeometry]]:
        """Coverage (union over cameras) within ``region``, and per DORI band."""
        near = [self.cameras[i] for i in self._tree.query(region, predicate="intersects")]
        covered = clip(union_coverage([c.coverage.coverage for c in near]), region)
        bands = {
            k: clip(union_coverage([c.coverage.dori[k] for c in near]), region) for k in DORI_LEVELS
        }
        return covered, bands


@dataclass
class Analysis:
    """Geometry results keyed by id; ``rules`` and ``findings`` are filled by the pipeline
    (siteplanner.pipeline), which evaluates a rule pack on them."""

    plan: Plan
    rules: str
    target_height_m: float
    cameras: dict[str, CameraResult] = field(default_factory=dict)
    zones: dict[str, ZoneResult] = field(default_factory=dict)
    levels: dict[str, LevelResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def camera(self, level_id: str, camera_id: str) -> CameraResult | None:
        """The camera's results if it stands on ``level_id`` (ids are unique across the plan)."""
        res = self.cameras.get(camera_id)
        return res if res is not None and res.level_id == level_id else None

    def zone(self, level_id: str, zone_id: str) -> ZoneResult | None:
        """The zone's results if it lies on ``level_id``."""
        res = self.zones.get(zone_id)
        return res if res is not None and res.level_id == level_id else None

    def to_json(self, plan_name: str | None = None) -> dict[str, object]:
        def r(v: float) -> float:
            return round(v, 4)

        return {
            "plan": plan_name if plan_name is not None else self.plan.name,
            "rules": self.rules,
            "target_height_m": self.target_height_m,
            "cameras": [
                {
                    "id": c.camera_id,
                    "level": c.level_id,
                    "coverage_m2": r(c.coverage_m2),
                    "dori_m2": {k: r(v) for k, v in c.dori_m2().items()},
                }
                for c in self.cameras.values()
            ],
            "zones": [
                {
                    "id": z.zone_id,
                    "level": z.level_id,
                    "kind": z.kind,
                    "area_m2": r(z.area_m2),
                    "covered_m2": r(z.covered_m2),
                    "by_dori_m2": {k: r(v) for k, v in z.by_dori_m2().items()},
                }
                for z in self.zones.values()
            ],
            "findings": [f.to_json() for f in self.findings],
        }


def level_shape(level: Level) -> tuple[object, ...]:
    """What occludes sight on a level (walls, openings, obstacles), as a comparable value."""
    return (
        tuple((tuple(w.points), w.thickness_m) for w in level.walls),
        tuple(
            (tuple(o.points), o.depth_m, o.cuts, o.kind == "window" and o.sill_height_m)
            for o in level.openings
        ),
        tuple((tuple(o.polygon), o.height_m) for o in level.obstacles),
    )


def dori_thresholds(plan: Plan) -> dict[str, float]:
    return {k: plan.settings.dori_ppm.threshold(k) for k in DORI_LEVELS}


# Below this many cameras to compute, a worker process costs more than it saves.
PARALLEL_MIN_CAMERAS = 200


class Analyser:
    """Runs the analysis with caches for level geometry and per-camera coverage."""

    def __init__(self, max_cameras: int = 20000, parallel: bool = False) -> None:
        self._levels: dict[str, tuple[int, LevelGeometry]] = {}
        # Level shapes map to small tokens so that camera cache keys stay cheap to hash.
        self._tokens: dict[tuple[object, ...], int] = {}
        self._current: dict[str, int] = {}
        self._next_token = 0
        self._cameras: dict[tuple[object, ...], CameraCoverage] = {}
        self._max_cameras = max_cameras
        # Shadows the cameras analysed since the last analysis began took (budgeted).
        self._shadows = 0.0
        # Forking is safe in the command line, not in the editor (Qt threads): off by default.
        self.parallel = parallel

    def level_key(self, level: Level) -> int:
        """A token that changes exactly when the level's walls, openings or obstacles do."""
        shape = level_shape(level)
        token = self._tokens.get(shape)
        if token is None:
            if len(self._tokens) > 256:
                self._tokens.clear()
            # Tokens only grow, so a cleared table never hands an old token to a new shape.
            self._next_token += 1
            token = self._tokens[shape] = self._next_token
        self._current[level.id] = token
        return token

    def level_geometry(self, level: Level, key: int | None = None) -> LevelGeometry:
        key = key if key is not None else self.level_key(level)
        cached = self._levels.get(level.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        geo = LevelGeometry.build(level)
        self._levels[level.id] = (key, geo)
        return geo

    def _camera_key(self, plan: Plan, optics: Optics, key: int) -> tuple[object, ...]:
        dori = tuple(dori_thresholds(plan).values())
        return (key, optics, plan.settings.target_height_m, dori)

    def camera(
        self,
        plan: Plan,
        level: Level,
        camera: Camera,
        geo: LevelGeometry | None = None,
        key: int | None = None,
    ) -> CameraResult:
        """One camera's coverage. Without ``key``, the level's walls are taken as they were at
        the last analysis (what the editor wants while a camera is dragged)."""
        optics = resolve_optics(plan, camera)
        if key is None:
            key = self._current.get(level.id)
            if key is None:
                key = self.level_key(level)
        ckey = self._camera_key(plan, optics, key)
        cov = self._cameras.get(ckey)
        if cov is None:
            geo = geo or self.level_geometry(level, key)
            try:
                cov = camera_coverage(
                    geo, optics, plan.settings.target_height_m, dori_thresholds(plan)
                )
            except SightTooComplex as exc:
                raise camera_too_complex(plan, level, camera.id, exc.shadows) from None
            if len(self._cameras) >= self._max_cameras:
                self._cameras.clear()
            self._cameras[ckey] = cov
        return CameraResult(camera.id, level.id, camera.name, optics, cov)

    def _missing(self, plan: Plan, keys: dict[str, int]) -> dict[str, int]:
        """Cameras per level that are not in the cache yet."""
        out: dict[str, int] = {}
        for level in plan.levels:
            n = sum(
                self._camera_key(plan, resolve_optics(plan, c), keys[level.id]) not in self._cameras
                for c in level.cameras
            )
            if n:
                out[level.id] = n
        return out

    def analyse(
        self,
        plan: Plan,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Analysis:
        """Every camera's coverage and every zone's covered area (geometry only)."""
        return self.analyse_levels(plan, None, progress, cancelled)[0]

    def analyse_levels(
        self,
        plan: Plan,
        work: LevelWork | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[Analysis, dict[str, Any]]:
        """The analysis, and ``work(plan, level, level_analysis)`` for each level as soon as that
        level is analysed, in whichever process analysed it (``{level id: result}``).

        ``level_analysis`` holds that level's results only. With ``parallel``, a forked process
        takes about half of the levels on a large plan; ``work``'s results then travel back
        pickled."""
        check_plan(plan)  # refuse, before any work, what no budget of time or memory allows
        self._shadows = 0.0
        keys = {level.id: self.level_key(level) for level in plan.levels}
        worker = _start_worker(self, plan, keys, work) if self.parallel else None
        theirs = set(worker.level_ids) if worker else set()
        per_level: dict[str, LevelOutcome] = {}
        total = sum(len(lv.cameras) for lv in plan.levels) or 1
        done = 0
        try:
            for level in plan.levels:
                if level.id in theirs:
                    continue
                per_level[level.id] = self._outcome(plan, level, keys[level.id], work, cancelled)
                done += len(level.cameras)
                if progress is not None:
                    progress(done, total)
        except BaseException:
            if worker is not None:
                worker.stop()
            raise
        if worker is not None:
            for level_id, (coverages, zones, extra) in worker.collect().items():
                level = plan.level(level_id)
                assert level is not None
                for ckey, cov in coverages:
                    self._cameras[ckey] = cov
                cams = [self.camera(plan, level, c, None, keys[level_id]) for c in level.cameras]
                lres = LevelResult(level_id, _lazy_geometry(self, level, keys[level_id]), cams)
                per_level[level_id] = LevelOutcome(lres, zones, extra)
            for level in plan.levels:  # whatever the worker could not do is done here
                if level.id not in per_level:
                    per_level[level.id] = self._outcome(
                        plan, level, keys[level.id], work, cancelled
                    )
        result = Analysis(plan, plan.rules, plan.settings.target_height_m)
        extras: dict[str, Any] = {}
        for level in plan.levels:
            outcome = per_level[level.id]
            result.levels[level.id] = outcome.level
            # Ids are unique across the plan (the model refuses a repeated one).
            result.cameras.update((c.camera_id, c) for c in outcome.level.cameras)
            result.zones.update(outcome.zones)
            extras[level.id] = outcome.extra
        if progress is not None:
            progress(total, total)
        return result, extras

    def analyse_level(
        self,
        plan: Plan,
        level: Level,
        key: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Analysis:
        """One level's cameras and zones, as an analysis of that level alone."""
        key = key if key is not None else self.level_key(level)
        geo = self.level_geometry(level, key)
        cams = []
        for camera in level.cameras:
            if cancelled is not None and cancelled():
                raise AnalysisCancelled
            cams.append(self.camera(plan, level, camera, geo, key))
            self._shadows += cams[-1].coverage.shadows
            if self._shadows > MAX_ANALYSIS_SHADOWS:
                raise analysis_too_complex(plan, level, self._shadows)
        lres = LevelResult(level.id, geo, cams)
        zones: dict[str, ZoneResult] = {}
        for zone in level.zones:
            poly, repaired = zone_polygon(zone.polygon)
            covered, bands = lres.covered(poly)
            zones[zone.id] = ZoneResult(
                zone.id,
                level.id,
                zone.name,
                zone.kind,
                poly,
                repaired,
                covered,
                bands,
                zone.required_dori,
            )
        return _level_analysis(plan, lres, zones)

    def _outcome(
        self,
        plan: Plan,
        level: Level,
        key: int,
        work: LevelWork | None,
        cancelled: Callable[[], bool] | None = None,
    ) -> LevelOutcome:
        part = self.analyse_level(plan, level, key, cancelled)
        extra = work(plan, level, part) if work is not None else None
        return LevelOutcome(part.levels[level.id], part.zones, extra)


# Work done on each level once it is analysed (the pipeline evaluates the rules there): it gets
# the plan, the level and that level's analysis; its result must pickle.
LevelWork = Callable[[Plan, Level, Analysis], Any]


def _level_analysis(plan: Plan, lres: LevelResult, zones: dict[str, ZoneResult]) -> Analysis:
    part = Analysis(plan, plan.rules, plan.settings.target_height_m)
    part.cameras = {c.camera_id: c for c in lres.cameras}
    part.zones = zones
    part.levels = {lres.level_id: lres}
    return part


@dataclass
class LevelOutcome:
    level: LevelResult
    zones: dict[str, ZoneResult]
    extra: Any = None


def _lazy_geometry(analyser: Analyser, level: Level, key: int) -> Callable[[], LevelGeometry]:
    return lambda: analyser.level_geometry(level, key)


_WORK: tuple[Analyser, Plan, list[str], dict[str, int], LevelWork | None] | None = None


def _worker_main(conn: Any, parents_end: Any) -> None:
    assert _WORK is not None
    analyser, plan, level_ids, keys, work = _WORK
    # Ctrl-C is the parent's to handle: it stops this worker (or the worker sees it orphaned).
    # The parent blocked SIGINT around the fork, so none can land in the fork's own clean-up.
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to ignore
        pass
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # Held open here, the parent's end would make a send to a parent that died block forever.
    parents_end.close()
    _die_with_parent()
    parent = os.getppid()

    def orphaned() -> bool:
        # The parent was interrupted (Ctrl-C) before it could stop this worker: stop too.
        return os.getppid() != parent

    out: dict[str, tuple[list[tuple[object, CameraCoverage]], dict, Any]] = {}
    try:
        for level_id in level_ids:
            level = plan.level(level_id)
            assert level is not None
            outcome = analyser._outcome(plan, level, keys[level_id], work, orphaned)
            coverages = [
                (analyser._camera_key(plan, c.optics, keys[level_id]), c.coverage)
                for c in outcome.level.cameras
            ]
            out[level_id] = (coverages, outcome.zones, outcome.extra)
        conn.send_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # the parent does whatever the worker could not
        try:
            conn.send_bytes(pickle.dumps({}))
        except OSError:
            pass  # no parent to tell
    finally:
        conn.close()


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this process when its parent exits (an interrupted parent
    may leave before it could stop it); elsewhere the worker notices between cameras."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


_PR_SET_PDEATHSIG = 1


@dataclass
class _Worker:
    level_ids: list[str]
    proc: Any
    conn: Any

    def collect(self) -> dict[str, tuple[list, dict, Any]]:
        try:
            data = pickle.loads(self.conn.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            data = {}
        except BaseException:  # interrupted (Ctrl-C) while waiting: do not wait for the worker
            self.proc.kill()
            raise
        finally:
            self.conn.close()
            self.proc.join()
        return data

    def stop(self) -> None:
        """Abandon the worker (the analysis was cancelled or failed)."""
        self.conn.close()
        self.proc.kill()
        self.proc.join()


def _start_worker(
    analyser: Analyser, plan: Plan, keys: dict[str, int], work: LevelWork | None
) -> _Worker | None:
    """Fork a process that analyses about half of the levels needing work while this one does
    the rest (a large campus on two cores). None when it would not pay."""
    global _WORK
    missing = analyser._missing(plan, keys)
    if (
        sum(missing.values()) < PARALLEL_MIN_CAMERAS
        or (os.cpu_count() or 1) < 2
        or "fork" not in mp.get_all_start_methods()
    ):
        return None
    # Every other level by descending camera count: a balanced split.
    ordered = sorted(missing, key=lambda lid: -missing[lid])
    theirs = ordered[0::2]
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    _WORK = (analyser, plan, theirs, keys, work)
    masked = hasattr(signal, "pthread_sigmask")
    if masked:  # a Ctrl-C during the fork is delivered to this process once it is done
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        proc = ctx.Process(target=_worker_main, args=(send, recv), daemon=True)
        proc.start()
    except OSError:
        recv.close()
        return None
    finally:
        _WORK = None
        send.close()
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
    return _Worker(theirs, proc, recv)


class AnalysisCancelled(Exception):
    """Raised inside ``Analyser.analyse`` when the caller's ``cancelled`` returns true."""


__all__ = [
    "Analyser",
    "Analysis",
    "AnalysisCancelled",
    "CameraResult",
    "Finding",
    "LevelResult",
    "LevelWork",
    "ZoneResult",
]
