"""The analysis: a pure function of the plan, with caches keyed by what changed.

``Analyser.analyse(plan)`` gives every camera's coverage and DORI bands, every zone's covered area
(the union over its level's cameras) and the findings of a rule pack. The editor keeps one
``Analyser`` so that an edit recomputes only the cameras and levels it touched, and calls
``Analyser.camera`` while a camera is dragged.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.geometry.coverage import (
    EMPTY,
    CameraCoverage,
    LevelGeometry,
    camera_coverage,
    clip,
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

    @property
    def area_m2(self) -> float:
        return float(self.polygon.area)

    @property
    def covered_m2(self) -> float:
        return float(self.covered.area)

    def by_dori_m2(self) -> dict[str, float]:
        return {k: float(g.area) for k, g in self.by_dori.items()}


class LevelResult:
    """A level's cameras together; the unions are computed on first use."""

    def __init__(
        self,
        level_id: str,
        geometry: LevelGeometry | Callable[[], LevelGeometry],
        cameras: list[CameraResult],
    ):
        self.level_id = level_id
        self._geometry = geometry
        self.cameras = cameras
        self._union: BaseGeometry | None = None
        self._union_dori: dict[str, BaseGeometry] | None = None
        geoms = [c.coverage.coverage for c in cameras]
        self._tree = shapely.STRtree(geoms)

    @property
    def geometry(self) -> LevelGeometry:
        """The level's wall and obstacle geometry (built on first use when it came from a
        worker process)."""
        if callable(self._geometry):
            self._geometry = self._geometry()
        return self._geometry

    @property
    def union(self) -> BaseGeometry:
        if self._union is None:
            self._union = union_coverage([c.coverage.coverage for c in self.cameras])
        return self._union

    @property
    def union_dori(self) -> dict[str, BaseGeometry]:
        if self._union_dori is None:
            self._union_dori = {
                k: union_coverage([c.coverage.dori[k] for c in self.cameras]) for k in DORI_LEVELS
            }
        return self._union_dori

    def covered(self, region: BaseGeometry) -> tuple[BaseGeometry, dict[str, BaseGeometry]]:
        """Coverage (union over cameras) within ``region``, and per DORI band."""
        near = [self.cameras[i] for i in self._tree.query(region, predicate="intersects")]
        covered = clip(union_coverage([c.coverage.coverage for c in near]), region)
        bands = {
            k: clip(union_coverage([c.coverage.dori[k] for c in near]), region) for k in DORI_LEVELS
        }
        return covered, bands


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    level: str | None = None
    camera: str | None = None
    zone: str | None = None
    area_m2: float | None = None
    reference: str = ""
    sign: str | None = None
    opening: str | None = None
    percent: float | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "level": self.level,
            "camera": self.camera,
            "zone": self.zone,
            "area_m2": None if self.area_m2 is None else round(self.area_m2, 4),
            "reference": self.reference,
        }
        for key in ("sign", "opening", "percent"):
            value = getattr(self, key)
            if value is not None:
                out[key] = round(value, 2) if isinstance(value, float) else value
        return out


@dataclass
class Analysis:
    plan: Plan
    rules: str
    target_height_m: float
    cameras: dict[str, CameraResult] = field(default_factory=dict)
    zones: dict[str, ZoneResult] = field(default_factory=dict)
    levels: dict[str, LevelResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

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


def _digest(obj: object) -> str:
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def level_key(level: Level) -> str:
    """Fingerprint of what occludes sight on a level (walls, openings, obstacles)."""
    return _digest(
        [
            [(w.points, w.thickness_m) for w in level.walls],
            [(o.points, o.depth_m, o.cuts) for o in level.openings],
            [(o.polygon, o.height_m) for o in level.obstacles],
        ]
    )


def dori_thresholds(plan: Plan) -> dict[str, float]:
    return {k: plan.settings.dori_ppm.threshold(k) for k in DORI_LEVELS}


# Below this many cameras to compute, a worker process costs more than it saves.
PARALLEL_MIN_CAMERAS = 200


class Analyser:
    """Runs the analysis with caches for level geometry and per-camera coverage."""

    def __init__(self, max_cameras: int = 20000, parallel: bool = False) -> None:
        self._levels: dict[str, tuple[str, LevelGeometry]] = {}
        self._cameras: dict[tuple[object, ...], CameraCoverage] = {}
        self._max_cameras = max_cameras
        # Forking is safe in the command line, not in the editor (Qt threads): off by default.
        self.parallel = parallel

    def level_geometry(self, level: Level, key: str | None = None) -> LevelGeometry:
        key = key or level_key(level)
        cached = self._levels.get(level.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        geo = LevelGeometry.build(level)
        self._levels[level.id] = (key, geo)
        return geo

    def _camera_key(self, plan: Plan, optics: Optics, key: str) -> tuple[object, ...]:
        dori = tuple(dori_thresholds(plan).values())
        return (key, optics, plan.settings.target_height_m, dori)

    def camera(
        self,
        plan: Plan,
        level: Level,
        camera: Camera,
        geo: LevelGeometry | None = None,
        key: str | None = None,
    ) -> CameraResult:
        optics = resolve_optics(plan, camera)
        key = key or level_key(level)
        ckey = self._camera_key(plan, optics, key)
        cov = self._cameras.get(ckey)
        if cov is None:
            geo = geo or self.level_geometry(level, key)
            cov = camera_coverage(geo, optics, plan.settings.target_height_m, dori_thresholds(plan))
            if len(self._cameras) >= self._max_cameras:
                self._cameras.clear()
            self._cameras[ckey] = cov
        return CameraResult(camera.id, level.id, camera.name, optics, cov)

    def _missing(self, plan: Plan, keys: dict[str, str]) -> dict[str, int]:
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
        rules: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Analysis:
        from siteplanner.compliance.checks import evaluate

        pack_id = rules or plan.rules
        result = Analysis(plan, pack_id, plan.settings.target_height_m)
        keys = {level.id: level_key(level) for level in plan.levels}
        forked: set[str] = set()
        if self.parallel:
            forked = _fill_in_worker(self, plan, keys)
        total = sum(len(lv.cameras) for lv in plan.levels) or 1
        done = 0
        for level in plan.levels:
            key = keys[level.id]
            # Levels computed by the worker build their geometry only if someone asks for it.
            geo: LevelGeometry | Callable[[], LevelGeometry]
            if level.id in forked:
                geo = _lazy_geometry(self, level, key)
            else:
                geo = self.level_geometry(level, key)
            cams = []
            for camera in level.cameras:
                if cancelled is not None and cancelled():
                    raise AnalysisCancelled
                res = self.camera(plan, level, camera, None if callable(geo) else geo, key)
                result.cameras[camera.id] = res
                cams.append(res)
                done += 1
                if progress is not None:
                    progress(done, total)
            lres = LevelResult(level.id, geo, cams)
            result.levels[level.id] = lres
            for zone in level.zones:
                poly, repaired = zone_polygon(zone.polygon)
                covered, bands = lres.covered(poly)
                result.zones[zone.id] = ZoneResult(
                    zone.id, level.id, zone.name, zone.kind, poly, repaired, covered, bands
                )
        result.findings = evaluate(plan, result, pack_id)
        return result


def _lazy_geometry(analyser: Analyser, level: Level, key: str) -> Callable[[], LevelGeometry]:
    return lambda: analyser.level_geometry(level, key)


_WORK: tuple[Analyser, Plan, list[str], dict[str, str]] | None = None


def _worker_main(conn: Any) -> None:
    assert _WORK is not None
    analyser, plan, level_ids, keys = _WORK
    out = []
    try:
        for level_id in level_ids:
            level = plan.level(level_id)
            geo = analyser.level_geometry(level, keys[level_id])
            for camera in level.cameras:
                optics = resolve_optics(plan, camera)
                res = analyser.camera(plan, level, camera, geo, keys[level_id])
                out.append((analyser._camera_key(plan, optics, keys[level_id]), res.coverage))
        conn.send_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # the parent recomputes whatever the worker could not
        conn.send_bytes(pickle.dumps([]))
    finally:
        conn.close()


def _fill_in_worker(analyser: Analyser, plan: Plan, keys: dict[str, str]) -> set[str]:
    """Compute about half of the missing cameras in a forked process while this one does the
    rest. Returns the levels whose cameras came from the worker."""
    global _WORK
    missing = analyser._missing(plan, keys)
    if (
        sum(missing.values()) < PARALLEL_MIN_CAMERAS
        or (os.cpu_count() or 1) < 2
        or "fork" not in mp.get_all_start_methods()
    ):
        return set()
    # Give the worker every other level by descending camera count: a balanced split.
    ordered = sorted(missing, key=lambda lid: -missing[lid])
    theirs, ours = ordered[0::2], ordered[1::2]
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    _WORK = (analyser, plan, theirs, keys)
    try:
        proc = ctx.Process(target=_worker_main, args=(send,), daemon=True)
        proc.start()
    except OSError:
        return set()
    finally:
        _WORK = None
    send.close()
    for level_id in ours:
        level = plan.level(level_id)
        geo = analyser.level_geometry(level, keys[level_id])
        for camera in level.cameras:
            analyser.camera(plan, level, camera, geo, keys[level_id])
    try:
        data = pickle.loads(recv.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):
        data = []
    finally:
        recv.close()
        proc.join()
    for ckey, cov in data:
        analyser._cameras[ckey] = cov
    return set(theirs) if data else set()


class AnalysisCancelled(Exception):
    """Raised inside ``Analyser.analyse`` when the caller's ``cancelled`` returns true."""


def analyse(plan: Plan, rules: str | None = None) -> Analysis:
    return Analyser().analyse(plan, rules)


__all__ = [
    "EMPTY",
    "Analyser",
    "Analysis",
    "AnalysisCancelled",
    "CameraResult",
    "Finding",
    "LevelResult",
    "ZoneResult",
    "analyse",
]
