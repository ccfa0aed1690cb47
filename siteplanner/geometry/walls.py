"""Wall solids with openings cut, and their boundary edges for line-of-sight tests.

A wall's solid is its polyline buffered by ``thickness_m / 2`` with flat caps and mitred joins;
walls are full height. A door, or a window that is see-through, cuts its segment buffered by
``depth_m / 2`` (flat caps) out of the solids.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.model import Level

EMPTY = shapely.Polygon()


def wall_solids(level: Level) -> BaseGeometry:
    if not level.walls:
        return EMPTY
    lines = polylines([w.points for w in level.walls])
    half = np.array([w.thickness_m / 2 for w in level.walls])
    solids = shapely.union_all(shapely.buffer(lines, half, cap_style="flat", join_style="mitre"))
    cutters = [o for o in level.openings if o.cuts]
    if cutters:
        segs = polylines([o.points for o in cutters])
        cuts = shapely.buffer(segs, np.array([o.depth_m / 2 for o in cutters]), cap_style="flat")
        solids = shapely.difference(solids, shapely.union_all(cuts))
    return shapely.normalize(solids) if not solids.is_empty else EMPTY


def polylines(point_lists: list[list[tuple[float, float]]]) -> np.ndarray:
    """Many LineStrings in one vectorised call (ragged lists through an index array)."""
    coords = np.array([p for pts in point_lists for p in pts], dtype=float)
    index = np.repeat(np.arange(len(point_lists)), [len(pts) for pts in point_lists])
    return shapely.linestrings(coords, indices=index)


def boundary_edges(geom: BaseGeometry) -> np.ndarray:
    """Edges (n, 4) as ax, ay, bx, by, oriented with the solid on the left of a -> b."""
    if geom.is_empty:
        return np.empty((0, 4))
    polys = shapely.get_parts(geom)
    polys = polys[shapely.get_type_id(polys) == 3]
    if len(polys) == 0:
        return np.empty((0, 4))
    # Counter-clockwise shells and clockwise holes keep the interior on the left of every edge.
    oriented = shapely.orient_polygons(polys, exterior_cw=False)
    rings = shapely.get_rings(oriented)
    coords, ring_index = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring_index[:-1] == ring_index[1:]
    edges = np.hstack([coords[:-1], coords[1:]])[same_ring]
    nonzero = (edges[:, 0] != edges[:, 2]) | (edges[:, 1] != edges[:, 3])
    return edges[nonzero]
