"""What the rules of one level share: its cameras and zones, and the camera × zone overlaps,
computed once per level with array operations rather than one clip per pair."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analysis, CameraResult, ZoneResult
from siteplanner.geometry.coverage import union_coverage
from siteplanner.model import Camera, Level, Plan, Zone

if TYPE_CHECKING:
    from siteplanner.compliance.packs import RulePack


def label(name: str | None, ident: str) -> str:
    """An object as messages name it: "CAM-01 Lobby (c1)", or the id alone when it has no name."""
    return f"{name} ({ident})" if name and name != ident else ident


def _pairwise(op, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``op`` (intersection or difference) element by element; nearly coincident edges can defeat
    exact overlay, and a nanometre grid resolves them."""
    if len(a) == 0:
        return np.empty(0, dtype=object)
    try:
        return op(a, b)
    except shapely.errors.GEOSException:
        return op(a, b, grid_size=1e-9)


class LevelContext:
    def __init__(
        self, plan: Plan, level: Level, analysis: Analysis, pack: RulePack, lang: str
    ) -> None:
        self.plan = plan
        self.level = level
        self.analysis = analysis
        self.pack = pack
        self.lang = lang
        self.level_name = level.name or level.id
        self.zone_specs: list[Zone] = list(level.zones)
        self.zones: list[ZoneResult] = [_zone(analysis, level, z.id) for z in level.zones]
        self.cameras: list[Camera] = list(level.cameras)
        self.results: list[CameraResult] = [_camera(analysis, level, c.id) for c in level.cameras]
        kinds = [z.kind for z in self.zones]
        self.private = [j for j, k in enumerate(kinds) if k == "private"]
        self.exclude = [j for j, k in enumerate(kinds) if k == "exclude"]
        self.collection = [j for j, k in enumerate(kinds) if k == "collection"]
        self.public = [
            j for j, z in enumerate(self.zone_specs) if z.place == "public" and z.kind != "private"
        ]
        self._coverage = np.array([r.coverage.coverage for r in self.results], dtype=object)
        self._polygons = np.array([z.polygon for z in self.zones], dtype=object)
        self._tree = shapely.STRtree(self._polygons)

    # Names as messages print them.
    def camera_label(self, i: int) -> str:
        return label(self.cameras[i].name, self.cameras[i].id)

    def zone_label(self, j: int) -> str:
        return label(self.zones[j].name, self.zones[j].zone_id)

    @cached_property
    def overlaps(self) -> list[dict[int, tuple[float, BaseGeometry]]]:
        """Per camera, the zones its coverage meets: zone index -> (area seen, geometry seen).
        One tree query and one array intersection for the whole level."""
        out: list[dict[int, tuple[float, BaseGeometry]]] = [{} for _ in self.cameras]
        if not len(self._coverage) or not len(self._polygons):
            return out
        ci, zi = self._tree.query(self._coverage, predicate="intersects")
        seen = _pairwise(shapely.intersection, self._coverage[ci], self._polygons[zi])
        areas = shapely.area(seen)
        for c, z, a, g in zip(ci.tolist(), zi.tolist(), areas.tolist(), seen, strict=True):
            out[c][z] = (a, g)
        return out

    def seen_m2(self, i: int, j: int) -> float:
        hit = self.overlaps[i].get(j)
        return hit[0] if hit else 0.0

    @cached_property
    def standing_in(self) -> list[list[int]]:
        """Per camera, the zones whose interior holds its position."""
        out: list[list[int]] = [[] for _ in self.cameras]
        if not self.cameras or not len(self._polygons):
            return out
        points = shapely.points(np.array([c.position for c in self.cameras], dtype=float))
        pi, zi = self._tree.query(points, predicate="within")
        for p, z in sorted(zip(pi.tolist(), zi.tolist(), strict=True)):
            out[p].append(z)
        return out

    def in_private_space(self, i: int) -> bool:
        return any(self.zones[j].kind == "private" for j in self.standing_in[i])

    @cached_property
    def collection_union(self) -> BaseGeometry:
        return union_coverage([self.zones[j].polygon for j in self.collection])

    @cached_property
    def signed(self) -> set[str]:
        """Cameras some sign announces (ids are unique across the plan)."""
        return {cid for lv in self.plan.levels for s in lv.signs for cid in s.covers}

    def public_seen_m2(self, i: int) -> float:
        """The largest area of one public place that camera ``i`` sees."""
        public = set(self.public)
        return max((a for j, (a, _g) in self.overlaps[i].items() if j in public), default=0.0)

    def outside_collection_m2(self, cams: list[int]) -> dict[int, float]:
        """For the given cameras, the area each sees outside every collection zone."""
        if not cams:
            return {}
        cov = self._coverage[cams]
        if self.collection_union.is_empty:
            return dict(zip(cams, shapely.area(cov).tolist(), strict=True))
        outside = _pairwise(
            shapely.difference, cov, np.full(len(cams), self.collection_union, dtype=object)
        )
        return dict(zip(cams, shapely.area(outside).tolist(), strict=True))

    def identification_public_m2(self, cams: list[int]) -> dict[int, float]:
        """For the given cameras, the area of public places each reaches at identification
        density (summed over the public zones)."""
        out = dict.fromkeys(cams, 0.0)
        if not cams or not self.public:
            return out
        bands = np.array(
            [self.results[i].coverage.dori["identification"] for i in cams], dtype=object
        )
        public = self._polygons[self.public]
        ci, zi = shapely.STRtree(public).query(bands, predicate="intersects")
        areas = shapely.area(_pairwise(shapely.intersection, bands[ci], public[zi]))
        for c, a in zip(ci.tolist(), areas.tolist(), strict=True):
            out[cams[c]] += a
        return out


def _zone(analysis: Analysis, level: Level, zone_id: str) -> ZoneResult:
    res = analysis.zone(level.id, zone_id)
    if res is None:
        raise KeyError(f"no analysis of zone {zone_id} on level {level.id}")
    return res


def _camera(analysis: Analysis, level: Level, camera_id: str) -> CameraResult:
    res = analysis.camera(level.id, camera_id)
    if res is None:
        raise KeyError(f"no analysis of camera {camera_id} on level {level.id}")
    return res


__all__ = ["LevelContext", "label"]
