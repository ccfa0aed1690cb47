"""Wall solids with openings cut, and their boundary edges for line-of-sight tests.

A wall's solid is its polyline buffered by ``thickness_m / 2`` with flat caps and mitred joins;
walls are full height. A door, or a window that is see-through, cuts its segment buffered by
``depth_m / 2`` (flat caps) out of the solids.

The solids are kept wall by wall rather than merged: the shadow of a union is the union of the
shadows, and skipping the merge saves most of the cost of preparing a large level.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

from siteplanner.geometry.budget import MAX_POINTS, PIECEWISE_POINTS, bounded_points
from siteplanner.model import Level, Wall


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


def window_sills(level: Level) -> list[tuple[str, shapely.Polygon, float]]:
    """The wall left under each see-through window with a sill, as (opening id, polygon, sill
    height): it blocks like an obstacle of that height, so a sight line crosses the window only
    above the sill."""
    windows = [o for o in level.openings if o.kind == "window" and o.cuts and o.sill_height_m > 0]
    if not windows or not level.walls:
        return []
    pieces, _ = wall_pieces(level.walls)
    tree = shapely.STRtree(pieces)
    seg = np.array([o.points for o in windows], dtype=float)
    cuts = segment_rectangles(seg, np.array([o.depth_m / 2 for o in windows]))
    out: list[tuple[str, shapely.Polygon, float]] = []
    for o, cut in zip(windows, cuts, strict=True):
        near = tree.query(cut, predicate="intersects")
        if len(near) == 0:
            continue
        under = shapely.intersection(shapely.union_all(pieces[near]), cut, grid_size=1e-9)
        for part in shapely.get_parts(under):
            if part.geom_type == "Polygon" and part.area > 0:
                out.append((o.id, part, o.sill_height_m))
    return out


def wall_solids(walls: Sequence[Wall]) -> np.ndarray:
    """The solid of each wall, openings not cut, in the order of ``walls``."""
    pieces, wall_of = wall_pieces(walls)
    if len(pieces) == len(walls):
        return pieces
    # Walls built piece by piece: merge each wall's pieces (small, adjacent polygons).
    out = np.empty(len(walls), dtype=object)
    starts = np.searchsorted(wall_of, np.arange(len(walls)))
    stops = np.append(starts[1:], len(pieces))
    for i, (a, b) in enumerate(zip(starts, stops, strict=True)):
        out[i] = pieces[a] if b - a == 1 else shapely.union_all(pieces[a:b])
    return out


def wall_pieces(walls: Sequence[Wall]) -> tuple[np.ndarray, np.ndarray]:
    """Polygons whose union is each wall's solid, and the index of the wall of each (ascending).

    Most walls are one polygon. One with many points is the union of the buffers of each joint's
    three-point window (the two segments and the join between them): buffering the whole line
    costs GEOS time that grows with the square of its points where the buffer folds over itself
    (seconds for a thousand-point saw-tooth), the windows a small constant each, and the shadow
    of a union is the union of the shadows."""
    if not walls:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.intp)
    half = np.array([w.thickness_m / 2 for w in walls])
    points = wall_points(walls)
    n = np.array([len(pts) for pts in points])
    parts = np.empty(len(walls), dtype=object)
    straight = n == 2
    if straight.any():
        # A one-segment wall buffered with flat caps is a rectangle: build those directly.
        seg = np.array([pts for pts, s in zip(points, straight, strict=True) if s])
        parts[straight] = segment_rectangles(seg, half[straight])
    bent = (n > 2) & (n <= PIECEWISE_POINTS)
    if bent.any():
        lines = [pts for pts, b in zip(points, bent, strict=True) if b]
        parts[bent] = shapely.buffer(
            polylines(lines), half[bent], cap_style="flat", join_style="mitre"
        )
    long = np.nonzero(n > PIECEWISE_POINTS)[0]
    if len(long) == 0:
        return parts, np.arange(len(walls))
    windows, owner = [], []
    for i in long:
        pts = np.asarray(points[i], dtype=float)
        if np.array_equal(pts[0], pts[-1]):  # a closed line is joined where it closes too
            pts = np.vstack([pts, pts[1:2]])
        windows.append(np.stack([pts[:-2], pts[1:-1], pts[2:]], axis=1))
        owner.append(np.full(len(pts) - 2, i))
    owner_arr = np.concatenate(owner)
    pieces = shapely.buffer(
        shapely.linestrings(np.concatenate(windows)),
        half[owner_arr],
        cap_style="flat",
        join_style="mitre",
    )
    short = np.nonzero(n <= PIECEWISE_POINTS)[0]
    all_parts = np.concatenate([parts[short], pieces])
    wall_of = np.concatenate([short, owner_arr])
    order = np.argsort(wall_of, kind="stable")
    return all_parts[order], wall_of[order]


def wall_points(walls: Sequence[Wall]) -> list[Sequence[tuple[float, float]]]:
    """Each wall's centre line as the analysis takes it: simplified within a centimetre beyond
    the point budget."""
    return [
        w.points if len(w.points) <= MAX_POINTS else bounded_points(w.points, closed=False)
        for w in walls
    ]


def wall_parts(level: Level) -> np.ndarray:
    """One solid per wall (openings cut out), as an array of polygonal geometries."""
    if not level.walls:
        return np.empty(0, dtype=object)
    half_wall = np.array([w.thickness_m / 2 for w in level.walls])
    points_wall = wall_points(level.walls)
    # Indexed by part from here on (a wall of many points is several parts).
    parts, wall_of = wall_pieces(level.walls)
    half = half_wall[wall_of]
    points = points_wall if len(parts) == len(points_wall) else [points_wall[i] for i in wall_of]
    straight = np.array([len(pts) == 2 for pts in points])
    cutters = [o for o in level.openings if o.cuts]
    if not cutters:
        return parts[~shapely.is_empty(parts)]
    cuts = opening_cuts(level)
    wall_idx, cut_idx = shapely.STRtree(cuts).query(parts, predicate="intersects")
    if len(wall_idx) == 0:
        return parts[~shapely.is_empty(parts)]
    order = np.argsort(wall_idx, kind="stable")
    wall_idx, cut_idx = wall_idx[order], cut_idx[order]
    uniq, start, count = np.unique(wall_idx, return_index=True, return_counts=True)
    pieces: list[np.ndarray] = []
    # The usual case, a door along a straight wall and at least as deep as the wall is thick,
    # splits the wall's rectangle along its axis: done in bulk with the same result as GEOS.
    single = count == 1
    w_single, c_single = uniq[single], cut_idx[start[single]]
    along = straight[w_single]
    w_fast, c_fast = w_single[along], c_single[along]
    ok = np.zeros(len(w_fast), dtype=bool)
    if len(w_fast):
        seg = np.array([points[i] for i in w_fast], dtype=float)
        door = np.array([cutters[i].points for i in c_fast], dtype=float)
        depth = np.array([cutters[i].depth_m / 2 for i in c_fast])
        a, d = seg[:, 0], seg[:, 1] - seg[:, 0]
        length = np.hypot(d[:, 0], d[:, 1])
        unit = d / length[:, None]
        rel = door - a[:, None, :]
        t = (rel * unit[:, None, :]).sum(axis=2)
        off = rel[..., 0] * unit[:, None, 1] - rel[..., 1] * unit[:, None, 0]
        ok = (np.abs(off).max(axis=1) < 1e-9) & (depth >= half[w_fast])
        t0 = np.clip(t.min(axis=1), 0, length)
        t1 = np.clip(t.max(axis=1), 0, length)
        for lo, hi in ((np.zeros_like(t0), t0), (t1, length)):
            keep = ok & (hi - lo > 1e-12)
            if keep.any():
                sub = np.stack(
                    [a[keep] + unit[keep] * lo[keep, None], a[keep] + unit[keep] * hi[keep, None]],
                    axis=1,
                )
                pieces.append(segment_rectangles(sub, half[w_fast[keep]]))
    handled = set(w_fast[ok].tolist())
    slow = [k for k, w in enumerate(uniq) if int(w) not in handled]
    if slow:
        groups = np.split(cut_idx, start[1:])
        merged = np.array(
            [
                shapely.union_all(cuts[groups[k]]) if count[k] > 1 else cuts[groups[k][0]]
                for k in slow
            ],
            dtype=object,
        )
        pieces.append(shapely.difference(parts[uniq[slow]], merged))
    untouched = np.ones(len(parts), dtype=bool)
    untouched[uniq] = False
    out = np.concatenate([parts[untouched], *pieces]) if pieces else parts[untouched]
    return out[~shapely.is_empty(out)]


def segment_rectangles(seg: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Flat-capped buffers of segments (n, 2, 2) by ``half``: rectangles, counter-clockwise."""
    a, b = seg[:, 0], seg[:, 1]
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / length[:, None] * half[:, None]
    ring = np.stack([a - normal, b - normal, b + normal, a + normal], axis=1)
    return shapely.polygons(ring)


def boundary_edges(parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges (n, 4) as ax, ay, bx, by, oriented with the solid on the left of a -> b, in the
    order of ``parts``, and the number of edges of each part."""
    polys, part_of = shapely.get_parts(parts, return_index=True)
    keep = shapely.get_type_id(polys) == 3
    polys, part_of = polys[keep], part_of[keep]
    if len(polys) == 0:
        return np.empty((0, 4)), np.zeros(len(parts), dtype=np.intp)
    # Counter-clockwise shells and clockwise holes keep the interior on the left of every edge.
    oriented = shapely.orient_polygons(polys, exterior_cw=False)
    rings, ring_of = shapely.get_rings(oriented, return_index=True)
    coords, ring_index = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring_index[:-1] == ring_index[1:]
    edges = np.hstack([coords[:-1], coords[1:]])
    part_of_edge = part_of[ring_of[ring_index[:-1]]]
    nonzero = (edges[:, 0] != edges[:, 2]) | (edges[:, 1] != edges[:, 3])
    keep = same_ring & nonzero
    edges, part_of_edge = edges[keep], part_of_edge[keep]
    return edges, np.bincount(part_of_edge, minlength=len(parts)).astype(np.intp)
