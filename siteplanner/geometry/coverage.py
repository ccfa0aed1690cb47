"""Coverage per camera (frustum within range, minus shadows) and per zone (union over cameras).

Coverage = frustum footprint ∩ range ∩ visible; the DORI bands are the coverage where the pixel
density reaches each threshold. A camera only looks at the wall edges and obstacles that an
STRtree finds within the convex hull of its footprint and its own position: no sight line to a
point of the footprint can leave that hull.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.geometry.budget import MAX_CAMERA_SHADOWS, bounded_points
from siteplanner.geometry.optics import EMPTY, depth_form, depth_limit_m, footprint
from siteplanner.geometry.visibility import (
    ON_OUTLINE_M,
    far_shadows,
    obstacle_scale_range,
    obstacle_shadows,
    outline_cones,
    quad_shadows,
)
from siteplanner.geometry.walls import boundary_edges, wall_parts, window_sills
from siteplanner.model import DORI_LEVELS, Level, Optics


@dataclass
class ObstacleSet:
    ids: list[str]
    polygons: np.ndarray  # of shapely Polygons, counter-clockwise
    rings: list[np.ndarray]
    heights: np.ndarray
    tree: shapely.STRtree


class LevelGeometry:
    """What every camera of a level needs: wall solids, their edges and obstacles, indexed."""

    def __init__(self, parts: np.ndarray, obstacles: ObstacleSet) -> None:
        parts = shapely.get_parts(parts)  # a door cut can split one wall into two solids
        self.parts = parts
        self.part_tree = shapely.STRtree(parts)
        # Convex quadrilaterals (straight wall pieces) cast their shadow as one convex polygon;
        # other parts cast it edge by edge.
        n_coords = shapely.get_num_coordinates(parts)
        simple = (n_coords == 5) & (shapely.get_num_interior_rings(parts) == 0)
        simple &= np.isclose(shapely.area(parts), shapely.area(shapely.convex_hull(parts)))
        self.is_quad = simple
        self.quads = np.zeros((len(parts), 4, 2))
        if simple.any():
            rings = shapely.get_exterior_ring(parts[simple])
            self.quads[simple] = shapely.get_coordinates(rings).reshape(-1, 5, 2)[:, :4]
        # Edges of the other parts, with each part's slice [start, stop) into the edge array.
        counts = np.zeros(len(parts), dtype=np.intp)
        self.edges, counts[~simple] = boundary_edges(parts[~simple])
        self.edge_stop = np.cumsum(counts)
        self.edge_start = self.edge_stop - counts
        self.obstacles = obstacles
        self._solids: BaseGeometry | None = None

    def part_edges(self, part_idx: np.ndarray) -> np.ndarray:
        """Indices of the edges of the given parts."""
        if len(part_idx) == 0:
            return np.empty(0, dtype=np.intp)
        starts, stops = self.edge_start[part_idx], self.edge_stop[part_idx]
        lengths = stops - starts
        offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        return np.arange(lengths.sum()) + offsets

    @property
    def solids(self) -> BaseGeometry:
        """All wall solids merged (computed on first use: only drawing and reports need it)."""
        if self._solids is None:
            self._solids = shapely.union_all(self.parts) if len(self.parts) else EMPTY
        return self._solids

    def inside_wall(self, point: shapely.Point) -> bool:
        """Whether ``point`` lies strictly inside a wall solid: on an outline (within
        ``ON_OUTLINE_M``) it does not."""
        near = self.part_tree.query(point, predicate="within")
        return any(strictly_inside(self.parts[i], point) for i in near)

    @classmethod
    def build(cls, level: Level) -> LevelGeometry:
        polys, rings, ids, heights = [], [], [], []
        for ob in level.obstacles:
            poly = shapely.Polygon(bounded_points(ob.polygon, closed=True))
            if not poly.is_valid:
                poly = _largest_polygon(_repaired(poly))
            if poly is None or poly.is_empty:
                continue
            poly = shapely.orient_polygons(poly, exterior_cw=False)
            shapely.prepare(poly)
            polys.append(poly)
            rings.append(np.asarray(poly.exterior.coords)[:-1])
            ids.append(ob.id)
            heights.append(ob.height_m)
        for opening_id, sill, height in window_sills(level):
            sill = shapely.orient_polygons(sill, exterior_cw=False)
            shapely.prepare(sill)
            polys.append(sill)
            rings.append(np.asarray(sill.exterior.coords)[:-1])
            ids.append(opening_id)
            heights.append(height)
        poly_arr = np.array(polys, dtype=object)
        obstacles = ObstacleSet(
            ids, poly_arr, rings, np.array(heights, dtype=float), shapely.STRtree(poly_arr)
        )
        return cls(wall_parts(level), obstacles)


def strictly_inside(poly: BaseGeometry, point: shapely.Point) -> bool:
    """Inside ``poly`` and farther than ``ON_OUTLINE_M`` from its outline."""
    return bool(
        shapely.contains(poly, point)
        and shapely.distance(shapely.boundary(poly), point) > ON_OUTLINE_M
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
    shadows: float = 0.0  # the shadow polygons it took, weighted: the analysis budgets their sum

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
    if geo.inside_wall(cam):
        return CameraCoverage(fp, EMPTY, blind, inside_wall=True)
    if fp.is_empty:
        return CameraCoverage(fp, EMPTY, blind)
    hull = shapely.convex_hull(shapely.union(fp, cam))
    reach = optics.range_m * 1.01 + 0.1
    tally = _Tally()
    coverage = _wall_visibility(geo, fp, hull, optics.x, optics.y, reach, tally)
    obs = geo.obstacles
    pieces: list[BaseGeometry] = []
    for i in obs.tree.query(hull, predicate="intersects"):
        height = float(obs.heights[i])
        if optics.height_m <= height and strictly_inside(obs.polygons[i], cam):
            return CameraCoverage(fp, EMPTY, blind, inside_obstacle=obs.ids[i])
        scales = obstacle_scale_range(optics.height_m, target_height_m, height)
        if scales is None:
            continue
        pieces.extend(obstacle_shadows(obs.rings[i], optics.x, optics.y, *scales, reach))
    tally.add(len(pieces) / 2)  # an obstacle's pieces: itself, and quads or edge shadows
    if pieces and not coverage.is_empty:
        coverage = _difference(coverage, _union(pieces))
    bands = dori_bands(optics, target_height_m, fp, coverage, dori_ppm)
    return CameraCoverage(fp, coverage, bands, shadows=tally.count)


class SightTooComplex(Exception):
    """A camera whose view would take more than ``MAX_CAMERA_SHADOWS`` shadows to compute."""

    def __init__(self, shadows: float) -> None:
        super().__init__(f"{shadows:.0f} shadows")
        self.shadows = shadows


class _Tally:
    """Counts the shadows a camera's view takes; stops the work, before their union, once they
    pass the budget (the union of thousands of thin overlapping shadows takes seconds)."""

    def __init__(self) -> None:
        self.count = 0.0

    def add(self, n: float) -> None:
        self.count += n
        if self.count > MAX_CAMERA_SHADOWS:
            raise SightTooComplex(self.count)


# Edges nearer than this are taken first; their shadows usually hide most of the rest.
_FIRST_RING_M = 2.0


def _wall_visibility(
    geo: LevelGeometry,
    fp: BaseGeometry,
    hull: BaseGeometry,
    cx: float,
    cy: float,
    reach: float,
    tally: _Tally,
) -> BaseGeometry:
    """Footprint minus the shadows of the walls, nearest walls first.

    A wall edge lying wholly in the shadow of nearer walls casts a shadow that lies in that
    shadow too (walls are full height), so after each ring only the edges that still touch the
    visible region are looked at.
    """
    parts = geo.part_tree.query(hull, predicate="intersects")
    if len(parts) == 0:
        return fp
    cam = shapely.Point(cx, cy)
    dist = shapely.distance(cam, geo.parts[parts])
    visible = fp
    on = dist <= ON_OUTLINE_M
    if on.any():
        # Solids whose outline the camera stands on: the edges it sees face-on cast their usual
        # shadows, and the directions straight into the solid are blocked (spec rule 4).
        touching = geo.parts[parts[on]]
        shadows = list(far_shadows(boundary_edges(touching)[0], cx, cy, reach))
        shadows.extend(outline_cones(_rings(touching), cx, cy, reach))
        tally.add(len(shadows))
        if shadows:
            visible = _difference(visible, _union(shadows))
        parts, dist = parts[~on], dist[~on]
    limit = _FIRST_RING_M
    while len(parts):
        near = dist <= limit
        if near.any():
            chosen = parts[near]
            quads = geo.is_quad[chosen]
            shadows = list(quad_shadows(geo.quads[chosen[quads]], cx, cy, reach))
            # A quadrilateral's shadow is one convex polygon: an eighth of the work of an edge's.
            tally.add(len(shadows) / 8)
            others = chosen[~quads]
            if len(others):
                edge_shadows = far_shadows(geo.edges[geo.part_edges(others)], cx, cy, reach)
                tally.add(len(edge_shadows))
                shadows.extend(edge_shadows)
            if shadows:
                visible = _difference(visible, _union(shadows))
            parts, dist = parts[~near], dist[~near]
            if visible.is_empty or len(parts) == 0:
                break
            # Sight lines to what is still visible run inside the hull of it and the camera.
            # The hull of a collection needs no overlay (a union can fail on near-coincident edges).
            reach_region = shapely.convex_hull(shapely.geometrycollections([visible, cam]))
            shapely.prepare(reach_region)
            touching = shapely.intersects(reach_region, geo.parts[parts])
            parts, dist = parts[touching], dist[touching]
        limit *= 2
    return visible


def _rings(polys: np.ndarray) -> list[np.ndarray]:
    """Every ring of the polygons, open, with the interior on its left."""
    oriented = shapely.orient_polygons(shapely.get_parts(polys), exterior_cw=False)
    rings = shapely.get_rings(oriented)
    return [shapely.get_coordinates(r)[:-1] for r in rings]


def dori_bands(
    optics: Optics,
    target_height_m: float,
    fp: BaseGeometry,
    coverage: BaseGeometry,
    dori_ppm: dict[str, float],
) -> dict[str, BaseGeometry]:
    """Coverage cut by the straight line where the depth reaches each DORI threshold."""
    bands: dict[str, BaseGeometry] = {}
    if coverage.is_empty:
        return {k: EMPTY for k in DORI_LEVELS}
    a, b, c = depth_form(optics, target_height_m)
    ring = np.asarray(fp.exterior.coords)[:-1] - (optics.x, optics.y)
    depths = ring @ np.array([a, b]) + c
    zmin, zmax = float(depths.min()), float(depths.max())
    todo: list[tuple[str, BaseGeometry]] = []
    for level in DORI_LEVELS:
        limit = depth_limit_m(optics, dori_ppm[level])
        if limit >= zmax:
            bands[level] = coverage
        elif limit <= zmin:
            bands[level] = EMPTY
        else:
            todo.append(
                (level, halfplane(a, b, c - limit, optics.x, optics.y, 4 * optics.range_m + 10))
            )
    if todo:
        cut = shapely.intersection(coverage, np.array([h for _, h in todo], dtype=object))
        for (level, _), geom in zip(todo, cut, strict=True):
            bands[level] = _polygonal(geom)
    return {k: bands[k] for k in DORI_LEVELS}


def halfplane(a: float, b: float, c: float, x: float, y: float, size: float) -> BaseGeometry:
    """A square of side 2 * size around (x, y) cut to aX + bY + c <= 0 (X, Y relative to x, y)."""
    n = math.hypot(a, b)
    # The boundary line's nearest point to the camera, and directions along and across it.
    px, py = -a * c / (n * n), -b * c / (n * n)
    ux, uy = a / n, b / n
    tx, ty = -uy, ux
    pts = [
        (px + tx * size, py + ty * size),
        (px - tx * size, py - ty * size),
        (px - tx * size - ux * size, py - ty * size - uy * size),
        (px + tx * size - ux * size, py + ty * size - uy * size),
    ]
    return shapely.Polygon([(x + u, y + v) for u, v in pts])


# Nearly coincident edges can defeat exact overlay: snap to a nanometre grid, then (rarely, for a
# camera standing exactly where shadows meet) repair the operands and snap to a micrometre, far
# below the analysis tolerance.
_GRIDS = (1e-9, 1e-6)


def _robust(op, *args: BaseGeometry) -> BaseGeometry:
    try:
        return op(*args)
    except shapely.errors.GEOSException:
        pass
    for i, grid in enumerate(_GRIDS):
        try:
            operands = args if i == 0 else [shapely.make_valid(g) for g in args]
            return op(*operands, grid_size=grid)
        except shapely.errors.GEOSException:
            if i == len(_GRIDS) - 1:
                raise
    raise AssertionError("unreachable")


def _union(pieces: list[BaseGeometry]) -> BaseGeometry:
    try:
        return shapely.union_all(pieces)
    except shapely.errors.GEOSException:
        pass
    for i, grid in enumerate(_GRIDS):
        try:
            parts = pieces if i == 0 else list(shapely.make_valid(np.asarray(pieces)))
            return shapely.union_all(parts, grid_size=grid)
        except shapely.errors.GEOSException:
            if i == len(_GRIDS) - 1:
                raise
    raise AssertionError("unreachable")


def _difference(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    return _polygonal(_robust(shapely.difference, a, b))


def _intersection(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    return _polygonal(_robust(shapely.intersection, a, b))


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
    poly = shapely.Polygon(bounded_points(points, closed=True))
    if poly.is_valid:
        return poly, False
    return _polygonal(_repaired(poly)), True


def _repaired(poly: BaseGeometry) -> BaseGeometry:
    """A self-crossing polygon made valid, its lobes united. GEOS's "structure" method takes a
    fraction of a second where "linework" takes minutes on a few thousand crossings (the budget
    refuses more than that)."""
    return shapely.make_valid(poly, method="structure")


def clip(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    if a.is_empty or b.is_empty:
        return EMPTY
    return _intersection(a, b)


def subtract(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    if a.is_empty or b.is_empty:
        return a
    return _difference(a, b)


# The bands from best to worst; "coverage" is seen, but below detection density.
BEST_FIRST: tuple[str, ...] = (*reversed(DORI_LEVELS), "coverage")


def best_band_regions(coverages: list[CameraCoverage]) -> dict[str, BaseGeometry]:
    """Where each band is the best any of ``coverages`` reaches, keyed as ``BEST_FIRST``.

    One union per band across the cameras, each less the better bands' union: the regions are
    disjoint and together make the union of the coverages, so each point is drawn once, in the
    colour of the best density any camera gives it (no stacked translucency where views
    overlap). A camera's bands are nested (identification inside recognition inside ...), so
    the unions are too."""
    # Snapped to a nanometre grid: GEOS's floating overlay can drop a whole face without an
    # error where the cameras' rotated edges nearly coincide, and a band then shows twice.
    unions = {k: _snapped_union([c.dori[k] for c in coverages]) for k in DORI_LEVELS}
    unions["coverage"] = _snapped_union([c.coverage for c in coverages])
    out: dict[str, BaseGeometry] = {}
    better: BaseGeometry = EMPTY
    for band in BEST_FIRST:
        region = unions[band]
        if not (region.is_empty or better.is_empty):
            region = _polygonal(_snapped(shapely.difference, region, better))
        out[band] = region
        better = unions[band] if better.is_empty else _snapped_union([better, unions[band]])
    return out


def _snapped(op, *args: BaseGeometry) -> BaseGeometry:
    """``op`` with snap-rounding on the finest grid that GEOS completes."""
    for i, grid in enumerate(_GRIDS):
        try:
            operands = args if i == 0 else [shapely.make_valid(g) for g in args]
            return op(*operands, grid_size=grid)
        except shapely.errors.GEOSException:
            if i == len(_GRIDS) - 1:
                raise
    raise AssertionError("unreachable")


def _snapped_union(geoms: list[BaseGeometry]) -> BaseGeometry:
    geoms = [g for g in geoms if not g.is_empty]
    if not geoms:
        return EMPTY
    return _polygonal(
        _snapped(lambda *g, grid_size: shapely.union_all(g, grid_size=grid_size), *geoms)
    )


def tiled(
    regions: dict[str, BaseGeometry], size: float
) -> dict[tuple[int, int], dict[str, BaseGeometry]]:
    """``regions`` cut into squares of ``size`` metres, keyed by (column, row): a view that shows
    part of a large level then fills only the pieces it shows. Empty pieces are left out."""
    out: dict[tuple[int, int], dict[str, BaseGeometry]] = {}
    for band, geom in regions.items():
        if geom.is_empty:
            continue
        x0, y0, x1, y1 = geom.bounds
        i0, j0 = math.floor(x0 / size), math.floor(y0 / size)
        i1, j1 = math.floor(x1 / size), math.floor(y1 / size)
        keys = [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
        boxes = shapely.box(
            np.array([i * size for i, _ in keys]),
            np.array([j * size for _, j in keys]),
            np.array([(i + 1) * size for i, _ in keys]),
            np.array([(j + 1) * size for _, j in keys]),
        )
        shapely.prepare(geom)
        hit = shapely.intersects(geom, boxes)
        pieces = shapely.intersection(geom, boxes[hit])
        for key, piece in zip(
            [k for k, h in zip(keys, hit, strict=True) if h], pieces, strict=True
        ):
            piece = _polygonal(piece)
            if not piece.is_empty:
                out.setdefault(key, {})[band] = piece
    return out
