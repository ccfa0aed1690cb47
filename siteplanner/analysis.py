"""The analysis: a pure function of the plan, with caches keyed by what changed.

``Analyser.analyse(plan)`` gives every camera's coverage and DORI bands, every zone's covered area
(the union over its level's cameras) and the findings of a rule pack. The editor keeps one
``Analyser`` so that an edit recomputes only the cameras and levels it touched, and calls
``Analyser.camera`` while a camera is dragged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

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


@dataclass
class LevelResult:
    level_id: str
    geometry: LevelGeometry
    union: BaseGeometry
    union_dori: dict[str, BaseGeometry]


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


class Analyser:
    """Runs the analysis with caches for level geometry and per-camera coverage."""

    def __init__(self, max_cameras: int = 20000) -> None:
        self._levels: dict[str, tuple[str, LevelGeometry]] = {}
        self._cameras: dict[tuple[object, ...], CameraCoverage] = {}
        self._max_cameras = max_cameras

    def level_geometry(self, level: Level, key: str | None = None) -> LevelGeometry:
        key = key or level_key(level)
        cached = self._levels.get(level.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        geo = LevelGeometry.build(level)
        self._levels[level.id] = (key, geo)
        return geo

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
        geo = geo or self.level_geometry(level, key)
        dori = dori_thresholds(plan)
        target = plan.settings.target_height_m
        ckey = (key, optics, target, tuple(dori.values()))
        cov = self._cameras.get(ckey)
        if cov is None:
            cov = camera_coverage(geo, optics, target, dori)
            if len(self._cameras) >= self._max_cameras:
                self._cameras.clear()
            self._cameras[ckey] = cov
        return CameraResult(camera.id, level.id, camera.name, optics, cov)

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
        total = sum(len(lv.cameras) for lv in plan.levels) or 1
        done = 0
        for level in plan.levels:
            key = level_key(level)
            geo = self.level_geometry(level, key)
            cams = []
            for camera in level.cameras:
                if cancelled is not None and cancelled():
                    raise AnalysisCancelled
                res = self.camera(plan, level, camera, geo, key)
                result.cameras[camera.id] = res
                cams.append(res)
                done += 1
                if progress is not None:
                    progress(done, total)
            union = union_coverage([c.coverage.coverage for c in cams])
            union_dori = {
                k: union_coverage([c.coverage.dori[k] for c in cams]) for k in DORI_LEVELS
            }
            result.levels[level.id] = LevelResult(level.id, geo, union, union_dori)
            for zone in level.zones:
                poly, repaired = zone_polygon(zone.polygon)
                result.zones[zone.id] = ZoneResult(
                    zone.id,
                    level.id,
                    zone.name,
                    zone.kind,
                    poly,
                    repaired,
                    clip(union, poly),
                    {k: clip(union_dori[k], poly) for k in DORI_LEVELS},
                )
        result.findings = evaluate(plan, result, pack_id)
        return result


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
