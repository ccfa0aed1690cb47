"""Wall solids with openings cut, and their boundary edges for line-of-sight tests.

A wall's solid is its polyline buffered by ``thickness_m / 2`` with flat caps and mitred joins;
walls are full height. A door, or a window that is see-through, cuts its segment buffered by
``depth_m / 2`` (flat caps) out of the solids.

The solids are kept wall by wall rather than merged: the shadow of a union is the union of the
shadows, and skipping the merge saves most of the cost of preparing a large level.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.model import Level

EMPTY = shapely.Polygon()


def polylines(point_lists: list[list[tuple[float, float]]]) -> np.ndarray:
    """Many LineStrings in one vectorised call (ragged lists through an index array)."""
    if point_lists and all(len(pts) == 2 for pts in point_lists):
        return shapely.linestrings(np.array(point_lists, dtype=float))
    coords = np.array([p for pts in point_lists for p in pts], dtype=float)
    index = np.repeat(np.arange(len(point_lists)), [len(pts) for pts in point_lists])
    return shapely.linestrings(coords, indices=index)


def opening_cuts(level: Level) -> np.ndarray:
    """The regions that doors and see-through windows remove from the walls."""
    cutters = [o for o in level.openings if o.cuts]
    if not cutters:
        return np.empty(0, dtype=object)
    seg = np.array([o.points for o in cutters], dtype=float)
    return segment_rectangles(seg, np.array([o.depth_m / 2 for o in cutters]))


def wall_parts(level: Level) -> np.ndarray:
    """One solid per wall (openings cut out), as an array of polygonal geometries."""
    if not level.walls:
        return np.empty(0, dtype=object)
    half = np.array([w.thickness_m / 2 for w in level.walls])
    straight = np.array([len(w.points) == 2 for w in level.walls])
    parts = np.empty(len(level.walls), dtype=object)
    if straight.any():
        # A one-segment wall buffered with flat caps is a rectangle: build those directly.
        seg = np.array([w.points for w, s in zip(level.walls, straight, strict=True) if s])
        parts[straight] = segment_rectangles(seg, half[straight])
    if not straight.all():
        bent = [w.points for w, s in zip(level.walls, straight, strict=True) if not s]
        parts[~straight] = shapely.buffer(
            polylines(bent), half[~straight], cap_style="flat", join_style="mitre"
        )
    cuts = opening_cuts(level)
    if len(cuts):
        tree = shapely.STRtree(cuts)
        wall_idx, cut_idx = tree.query(parts, predicate="intersects")
        if len(wall_idx):
            # Group the cuts per wall, then subtract each wall's cuts in one vectorised call.
            order = np.argsort(wall_idx, kind="stable")
            wall_idx, cut_idx = wall_idx[order], cut_idx[order]
            uniq, start = np.unique(wall_idx, return_index=True)
            groups = np.split(cut_idx, start[1:])
            merged = np.array(
                [shapely.union_all(cuts[g]) if len(g) > 1 else cuts[g[0]] for g in groups],
                dtype=object,
            )
            parts[uniq] = shapely.difference(parts[uniq], merged)
    keep = ~shapely.is_empty(parts)
    return parts[keep]


def segment_rectangles(seg: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Flat-capped buffers of segments (n, 2, 2) by ``half``: rectangles, counter-clockwise."""
    a, b = seg[:, 0], seg[:, 1]
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / length[:, None] * half[:, None]
    ring = np.stack([a - normal, b - normal, b + normal, a + normal], axis=1)
    return shapely.polygons(ring)


def wall_solids(level: Level) -> BaseGeometry:
    """All wall solids of a level merged into one geometry (for drawing and reports)."""
    parts = wall_parts(level)
    if len(parts) == 0:
        return EMPTY
    return shapely.union_all(parts)


def boundary_edges(
    geoms: BaseGeometry | np.ndarray, per_part: bool = False
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Edges (n, 4) as ax, ay, bx, by, oriented with the solid on the left of a -> b.

    With ``per_part``, ``geoms`` is an array and the edge count of each of its items is returned
    too (edges come in the items' order).
    """
    items = np.atleast_1d(np.asarray(geoms, dtype=object))
    parts, part_of = shapely.get_parts(items, return_index=True)
    keep = shapely.get_type_id(parts) == 3
    parts, part_of = parts[keep], part_of[keep]
    counts = np.zeros(len(items), dtype=np.intp)
    if len(parts) == 0:
        return (np.empty((0, 4)), counts) if per_part else np.empty((0, 4))
    # Counter-clockwise shells and clockwise holes keep the interior on the left of every edge.
    oriented = shapely.orient_polygons(parts, exterior_cw=False)
    rings, ring_of = shapely.get_rings(oriented, return_index=True)
    coords, ring_index = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring_index[:-1] == ring_index[1:]
    edges = np.hstack([coords[:-1], coords[1:]])
    item_of_edge = part_of[ring_of[ring_index[:-1]]]
    nonzero = (edges[:, 0] != edges[:, 2]) | (edges[:, 1] != edges[:, 3])
    keep = same_ring & nonzero
    edges, item_of_edge = edges[keep], item_of_edge[keep]
    if not per_part:
        return edges
    counts = np.bincount(item_of_edge, minlength=len(items)).astype(np.intp)
    return edges, counts
