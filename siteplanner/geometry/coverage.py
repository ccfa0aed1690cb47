"""Coverage per camera (frustum within range, minus shadows) and per zone (union over cameras).

Coverage = frustum footprint ∩ range ∩ visible; the DORI bands are the coverage where the pixel
density reaches each threshold. A camera only looks at the wall edges and obstacles that an
STRtree finds within the convex hull of its footprint and its own position: no sight line to a
point of the footprint can leave that hull.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.geometry.optics import EMPTY, depth_band, footprint
from siteplanner.geometry.visibility import far_shadows, obstacle_scale_range, obstacle_shadows
from siteplanner.geometry.walls import boundary_edges, wall_solids
from siteplanner.model import DORI_LEVELS, Level, Optics


@dataclass
class ObstacleSet:
    ids: list[str]
    polygons: np.ndarray  # of shapely Polygons, counter-clockwise
    rings: list[np.ndarray]
    heights: np.ndarray
    tree: shapely.STRtree


@dataclass
class LevelGeometry:
    """What every camera of a level needs: wall solids, their edges and obstacles, indexed."""

    solids: BaseGeometry
    edges: np.ndarray
    edge_tree: shapely.STRtree
    obstacles: ObstacleSet

    @classmethod
    def build(cls, level: Level) -> LevelGeometry:
        solids = wall_solids(level)
        edges = boundary_edges(solids)
        lines = shapely.linestrings(edges.reshape(-1, 2, 2)) if len(edges) else np.empty(0, object)
        if not solids.is_empty:
            shapely.prepare(solids)
        polys, rings, ids, heights = [], [], [], []
        for ob in level.obstacles:
            poly = shapely.Polygon(ob.polygon)
            if not poly.is_valid:
                poly = _largest_polygon(shapely.make_valid(poly))
            if poly is None or poly.is_empty:
                continue
            poly = shapely.orient_polygons(poly, exterior_cw=False)
            polys.append(poly)
            rings.append(np.asarray(poly.exterior.coords)[:-1])
            ids.append(ob.id)
            heights.append(ob.height_m)
        poly_arr = np.array(polys, dtype=object)
        for p in polys:
            shapely.prepare(p)
        return cls(
            solids=solids,
            edges=edges,
            edge_tree=shapely.STRtree(lines),
            obstacles=ObstacleSet(
                ids, poly_arr, rings, np.array(heights, dtype=float), shapely.STRtree(poly_arr)
            ),
        )


def _largest_polygon(geom: BaseGeometry) -> BaseGeometry | None:
    parts = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon"]
    return max(parts, key=lambda g: g.area) if parts else None


@dataclass
class CameraCoverage:
    footprint: BaseGeometry
    coverage: BaseGeometry
    dori: dict[str, BaseGeometry] = field(default_factory=dict)
    inside_wall: bool = False
    inside_obstacle: str | None = None

    @property
    def coverage_m2(self) -> float:
        return float(self.coverage.area)

    def dori_m2(self) -> dict[str, float]:
        return {k: float(g.area) for k, g in self.dori.items()}


def camera_coverage(
    geo: LevelGeometry, optics: Optics, target_height_m: float, dori_ppm: dict[str, float]
) -> CameraCoverage:
    fp = footprint(optics, target_height_m)
    blind = {k: EMPTY for k in DORI_LEVELS}
    cam = shapely.Point(optics.x, optics.y)
    if not geo.solids.is_empty and geo.solids.contains(cam):
        return CameraCoverage(fp, EMPTY, blind, inside_wall=True)
    if fp.is_empty:
        return CameraCoverage(fp, EMPTY, blind)
    hull = shapely.convex_hull(shapely.union(fp, cam))
    reach = optics.range_m * 1.01 + 0.1
    pieces: list[BaseGeometry] = []
    idx = geo.edge_tree.query(hull, predicate="intersects")
    if len(idx):
        pieces.extend(far_shadows(geo.edges[idx], optics.x, optics.y, reach))
    obs = geo.obstacles
    for i in obs.tree.query(hull, predicate="intersects"):
        height = float(obs.heights[i])
        if optics.height_m <= height and obs.polygons[i].intersects(cam):
            return CameraCoverage(fp, EMPTY, blind, inside_obstacle=obs.ids[i])
        scales = obstacle_scale_range(optics.height_m, target_height_m, height)
        if scales is None:
            continue
        pieces.extend(obstacle_shadows(obs.rings[i], optics.x, optics.y, *scales, reach))
    coverage = fp
    if pieces:
        coverage = _difference(fp, _union(pieces))
    bands: dict[str, BaseGeometry] = {}
    for level in DORI_LEVELS:
        band = depth_band(optics, target_height_m, fp, dori_ppm[level])
        if band.is_empty or coverage.is_empty:
            bands[level] = EMPTY
        elif band.equals_exact(fp, 0.0) or abs(band.area - fp.area) <= 1e-12 * max(fp.area, 1):
            bands[level] = coverage
        else:
            bands[level] = _intersection(coverage, band)
    return CameraCoverage(fp, coverage, bands)


def _union(pieces: list[BaseGeometry]) -> BaseGeometry:
    try:
        return shapely.union_all(pieces)
    except shapely.errors.GEOSException:
        # Nearly coincident edges can defeat exact overlay; a nanometre grid resolves them.
        return shapely.union_all(pieces, grid_size=1e-9)


def _difference(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    try:
        return _polygonal(shapely.difference(a, b))
    except shapely.errors.GEOSException:
        return _polygonal(shapely.difference(a, b, grid_size=1e-9))


def _intersection(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    try:
        return _polygonal(shapely.intersection(a, b))
    except shapely.errors.GEOSException:
        return _polygonal(shapely.intersection(a, b, grid_size=1e-9))


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Drop the slivers' lines and points that overlay can leave in a collection."""
    if geom.geom_type in ("Polygon", "MultiPolygon") or geom.is_empty:
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else EMPTY


def union_coverage(geoms: list[BaseGeometry]) -> BaseGeometry:
    geoms = [g for g in geoms if not g.is_empty]
    if not geoms:
        return EMPTY
    return _union(geoms)


def zone_polygon(points: list[tuple[float, float]]) -> tuple[BaseGeometry, bool]:
    """A zone's polygon, repaired when it intersects itself. Returns (polygon, repaired)."""
    poly = shapely.Polygon(points)
    if poly.is_valid:
        return poly, False
    fixed = _polygonal(shapely.make_valid(poly))
    return fixed, True


def clip(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    if a.is_empty or b.is_empty:
        return EMPTY
    return _intersection(a, b)


def subtract(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    if a.is_empty or b.is_empty:
        return a
    return _difference(a, b)
