"""From exploded drawing geometry (metres) to walls, openings, obstacles, zones and an underlay.

- Walls: two parallel lines 4 cm to 1 m apart that run alongside each other make one wall on
  their centre line, as thick as they are apart (thinnest pairs first, each stretch of a line
  used once). The short ends that close such an outline are dropped; lines with no partner at
  all become walls of the default thickness.
- Doors and windows: each door/window block, and each cluster of touching geometry on a door or
  window layer (a swing arc with its leaf, a window's glazing lines), becomes an opening along the
  nearest wall, as wide as the cluster reaches along it.
- Rooms: closed outlines on room layers become zones named by a text inside them; names that say
  WC, toilet, changing room... make private zones, the rest collection zones (internal).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from siteplanner.editing.defaults import DEFAULTS
from siteplanner.editing.factories import new_obstacle, new_wall
from siteplanner.model import Level, Opening, Zone
from siteplanner.model.ids import IdAllocator

MIN_THICKNESS_M = 0.04
MAX_THICKNESS_M = 1.0
PARALLEL_SIN = math.sin(math.radians(2.0))
# Columns block every sight line: taller than any camera is mounted.
COLUMN_HEIGHT_M = 10.0
MIN_OPENING_M = 0.3
MAX_OPENING_DISTANCE_M = 1.0
MIN_ROOM_M2 = 0.5
DEFAULT_ZONE_KIND = "collection"
DEFAULT_ZONE_PLACE = "internal"
_PRIVATE = re.compile(
    r"\b(wc|toilets?|restrooms?|lavatory|bath(room)?|shower|changing|locker|dressing|"
    r"umkleide\w*|dusche\w*|bad)\b|卫生间|厕所|洗手间|更衣|浴室|淋浴|母婴|哺乳|宿舍",
    re.IGNORECASE,
)


@dataclass
class Built:
    walls_paired: int = 0
    walls_single: int = 0
    notes: list[str] = field(default_factory=list)


Poly = tuple[str, np.ndarray, bool, int]


def _segments(polys: list[Poly]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All straight pieces of ``polys``: starts, ends (m, 2 each) and the polyline each is from,
    duplicates (one line drawn twice, an outline under its hatch) counted once."""
    a, b, owner = [], [], []
    for k, (_, pts, closed, _) in enumerate(polys):
        ring = np.vstack([pts, pts[:1]]) if closed and len(pts) > 2 else pts
        a.append(ring[:-1])
        b.append(ring[1:])
        owner.append(np.full(len(ring) - 1, k))
    if not a:
        empty = np.zeros((0, 2))
        return empty, empty, np.zeros(0, dtype=int)
    p0, p1, own = np.vstack(a), np.vstack(b), np.concatenate(owner)
    keep = np.hypot(*(p1 - p0).T) > 1e-3
    p0, p1, own = p0[keep], p1[keep], own[keep]
    # Same segment either way round: sort its ends, round to the millimetre.
    swap = (p0[:, 0] > p1[:, 0]) | ((p0[:, 0] == p1[:, 0]) & (p0[:, 1] > p1[:, 1]))
    lo = np.where(swap[:, None], p1, p0)
    hi = np.where(swap[:, None], p0, p1)
    key = np.round(np.hstack([lo, hi]) * 1000).astype(np.int64)
    _, first = np.unique(key, axis=0, return_index=True)
    first.sort()
    return p0[first], p1[first], own[first]


def _covered(intervals: list[tuple[float, float]], lo: float, hi: float) -> float:
    """How much of [lo, hi] the intervals cover (they may overlap each other)."""
    total = 0.0
    for a, b in intervals:
        total += max(0.0, min(b, hi) - max(a, lo))
    return min(total, hi - lo)


def pair_walls(polys: list[Poly]) -> tuple[list[tuple[list[tuple[float, float]], float]], int]:
    """Walls from the lines of wall layers: [(centre line, thickness or 0 for the default)] and
    how many came from pairs of parallel lines."""
    p0, p1, owner = _segments(polys)
    n = len(p0)
    if n == 0:
        return [], 0
    d = p1 - p0
    length = np.hypot(d[:, 0], d[:, 1])
    u = d / length[:, None]
    lines = shapely.linestrings(np.stack([p0, p1], axis=1))
    tree = shapely.STRtree(lines)
    i, j = tree.query(lines, predicate="dwithin", distance=MAX_THICKNESS_M)
    sel = i < j
    i, j = i[sel], j[sel]
    cross = np.abs(u[i, 0] * u[j, 1] - u[i, 1] * u[j, 0])
    par = cross < PARALLEL_SIN
    i, j = i[par], j[par]
    mid = (p0[j] + p1[j]) / 2 - p0[i]
    side = u[i, 0] * mid[:, 1] - u[i, 1] * mid[:, 0]
    dist = np.abs(side)
    ta = ((p0[j] - p0[i]) * u[i]).sum(axis=1)
    tb = ((p1[j] - p0[i]) * u[i]).sum(axis=1)
    lo = np.maximum(0.0, np.minimum(ta, tb))
    hi = np.minimum(length[i], np.maximum(ta, tb))
    overlap = hi - lo
    ok = (dist >= MIN_THICKNESS_M) & (dist <= MAX_THICKNESS_M) & (overlap >= np.maximum(dist, 0.05))
    i, j, side, dist, lo, hi = i[ok], j[ok], side[ok], dist[ok], lo[ok], hi[ok]
    ta, tb = ta[ok], tb[ok]
    order = np.lexsort((-(hi - lo), np.round(dist, 3)))
    used: list[list[tuple[float, float]]] = [[] for _ in range(n)]
    walls: list[tuple[list[tuple[float, float]], float]] = []
    for k in order:
        a, b = int(i[k]), int(j[k])
        s, e = float(lo[k]), float(hi[k])
        # The same stretch in b's own parameter.
        pa, pb = p0[a] + u[a] * s, p0[a] + u[a] * e
        sb = float(((pa - p0[b]) * u[b]).sum())
        eb = float(((pb - p0[b]) * u[b]).sum())
        sb, eb = min(sb, eb), max(sb, eb)
        if _covered(used[a], s, e) > 0.5 * (e - s) or _covered(used[b], sb, eb) > 0.5 * (eb - sb):
            continue
        used[a].append((s, e))
        used[b].append((sb, eb))
        # Run on to where the longer face ends, within a wall's thickness: the two walls of a
        # corner then overlap instead of leaving the corner open.
        reach = 1.05 * float(dist[k])
        s2 = max(min(0.0, float(min(ta[k], tb[k]))), s - reach)
        e2 = min(max(float(length[a]), float(max(ta[k], tb[k]))), e + reach)
        normal = np.array([-u[a, 1], u[a, 0]]) * (float(side[k]) / 2)
        c0, c1 = p0[a] + u[a] * s2 + normal, p0[a] + u[a] * e2 + normal
        walls.append(
            ([(float(c0[0]), float(c0[1])), (float(c1[0]), float(c1[1]))], round(float(dist[k]), 3))
        )
    paired = len(walls)
    thickest = max((t for _, t in walls), default=0.0)
    # Lines left over: whole polylines none of whose pieces found a partner become walls of the
    # default thickness; single pieces no longer than the walls are thick are end caps.
    touched = np.zeros(len(polys), dtype=bool)
    for s in range(n):
        if used[s]:
            touched[owner[s]] = True
    for k, (_, pts, closed, _) in enumerate(polys):
        if touched[k]:
            continue
        ring = np.vstack([pts, pts[:1]]) if closed and len(pts) > 2 else pts
        total = float(np.hypot(*np.diff(ring, axis=0).T).sum())
        if total <= thickest + 0.01 or total < 1e-3:
            continue
        walls.append(([(float(x), float(y)) for x, y in ring], 0.0))
    for s in range(n):
        if used[s] or not touched[owner[s]]:
            continue
        if length[s] > thickest + 0.01:
            walls.append(
                ([(float(p0[s, 0]), float(p0[s, 1])), (float(p1[s, 0]), float(p1[s, 1]))], 0.0)
            )
    return walls, paired


def openings(
    clusters: list[tuple[str, np.ndarray]], walls: list[Any], ids: IdAllocator
) -> list[Opening]:
    """An opening per cluster of door or window geometry, along the nearest wall."""
    if not walls or not clusters:
        return []
    segs: list[tuple[np.ndarray, np.ndarray, float]] = []
    for w in walls:
        pts = np.asarray(w.points, dtype=float)
        for a, b in zip(pts[:-1], pts[1:], strict=True):
            segs.append((a, b, w.thickness_m))
    lines = shapely.linestrings([np.stack([a, b]) for a, b, _ in segs])
    tree = shapely.STRtree(lines)
    out: list[Opening] = []
    for kind, pts in clusters:
        centre = shapely.Point(pts.mean(axis=0))
        hit = tree.query_nearest(centre, max_distance=MAX_OPENING_DISTANCE_M)
        if len(hit) == 0:
            continue
        a, b, thick = segs[int(hit[0])]
        u = (b - a) / np.hypot(*(b - a))
        t = (pts - a) @ u
        t0, t1 = float(t.min()), float(t.max())
        if t1 - t0 < MIN_OPENING_M:
            continue
        q0, q1 = a + u * t0, a + u * t1
        out.append(
            Opening(
                id=ids.new("openings"),
                kind=kind,
                points=[(float(q0[0]), float(q0[1])), (float(q1[0]), float(q1[1]))],
                depth_m=max(DEFAULTS.opening_depth_m, thick + DEFAULTS.opening_depth_margin_m),
            )
        )
    return out


def clusters_of(
    polys: list[Poly], groups: list[str], roles: dict[str, str | None]
) -> list[tuple[str, np.ndarray]]:
    """Door and window geometry as one point cloud per door or window: a block each, and the
    touching pieces on door and window layers together."""
    by_group: dict[int, list[np.ndarray]] = {}
    loose: dict[str, list[np.ndarray]] = {"door": [], "window": []}
    for layer, pts, _, group in polys:
        if group >= 0:
            by_group.setdefault(group, []).append(pts)
        elif roles.get(layer) in loose:
            loose[roles[layer]].append(pts)  # type: ignore[index]
    out = [(groups[g], np.vstack(parts)) for g, parts in by_group.items()]
    for kind, parts in loose.items():
        if not parts:
            continue
        geoms = np.array([shapely.linestrings(p) for p in parts])
        merged = shapely.get_parts(shapely.union_all(shapely.buffer(geoms, 0.02)))
        tree = shapely.STRtree(geoms)
        for blob in merged:
            members = tree.query(blob, predicate="intersects")
            out.append((kind, np.vstack([parts[m] for m in members])))
    return out


def zones(
    rings: list[np.ndarray],
    texts: list[tuple[str, str, float, float, float]],
    ids: IdAllocator,
) -> tuple[list[Zone], int]:
    """Zones from room outlines, named by a text inside; how many kept the default kind."""
    polys = [shapely.make_valid(shapely.Polygon(r)) for r in rings if len(r) >= 3]
    polys = [p for p in polys if p.area >= MIN_ROOM_M2]
    # The biggest piece of each (make_valid may split a self-crossing outline).
    polys = [max(shapely.get_parts(p), key=lambda g: g.area) for p in polys]
    polys = [p for p in polys if isinstance(p, shapely.Polygon) and p.area >= MIN_ROOM_M2]
    points = shapely.points([(x, y) for _, _, x, y, _ in texts]) if texts else None
    out: list[Zone] = []
    defaulted = 0
    for n, poly in enumerate(sorted(polys, key=lambda p: p.area), start=1):
        name = ""
        if points is not None:
            inside = np.flatnonzero(
                shapely.contains_xy(poly, *np.array([(x, y) for _, _, x, y, _ in texts]).T)
            )
            if len(inside):
                name = max((texts[k] for k in inside), key=lambda t: t[4])[1]
        name = " ".join(name.split())[:80] or f"Room {n}"
        ring = [(round(x, 3), round(y, 3)) for x, y in poly.exterior.coords[:-1]]
        fields: dict[str, Any]
        if _PRIVATE.search(name):
            fields = {"kind": "private", "private_type": _private_type(name)}
        else:
            fields = {"kind": DEFAULT_ZONE_KIND, "place": DEFAULT_ZONE_PLACE}
            defaulted += 1
        try:
            out.append(Zone(id=ids.new("zones"), name=name, polygon=ring, **fields))
        except ValueError:
            continue  # an outline that rounds to a line
    return out, defaulted


def _private_type(name: str) -> str:
    low = name.lower()
    if re.search(r"chang|locker|dress|umkleide|更衣", low):
        return "changing_room"
    if re.search(r"bath|shower|dusch|浴", low):
        return "bathhouse"
    if re.search(r"母婴|哺乳", low):
        return "lactation_room"
    if "宿舍" in low:
        return "dormitory"
    return "restroom"


def build_level(
    level: Level,
    polys: list[Poly],
    texts: list[tuple[str, str, float, float, float]],
    groups: list[str],
    roles: dict[str, str | None],
    ids: IdAllocator,
) -> Built:
    """Fill ``level`` with what the drawing (in metres) shows."""
    result = Built()
    wall_layers = {name for name, role in roles.items() if role == "wall"}
    in_groups = [p for p in polys if p[3] < 0]
    if any(p[0] in wall_layers for p in in_groups):
        wall_polys = [p for p in in_groups if p[0] in wall_layers]
    else:
        fallback = sorted({p[0] for p in in_groups if roles.get(p[0]) is None})
        wall_polys = [p for p in in_groups if roles.get(p[0]) is None]
        if wall_polys:
            result.notes.append(
                "no layer is named for walls: the lines of the layers not recognised ("
                + ", ".join(fallback[:8])
                + (", ..." if len(fallback) > 8 else "")
                + ") became walls (use --map wall=LAYER to choose)"
            )
    found, paired = pair_walls(wall_polys)
    for points, thickness in found:
        points = [(round(x, 4), round(y, 4)) for x, y in points]
        level.walls.append(new_wall(ids, points, thickness or None))
    result.walls_paired = paired
    result.walls_single = len(found) - paired
    level.openings.extend(openings(clusters_of(polys, groups, roles), level.walls, ids))
    for layer, pts, closed, _group in in_groups:
        if roles.get(layer) == "column" and closed and len(pts) >= 3:
            poly = shapely.Polygon(pts)
            if poly.is_valid and poly.area > 1e-4:
                ring = [(round(float(x), 3), round(float(y), 3)) for x, y in pts]
                level.obstacles.append(new_obstacle(ids, ring, COLUMN_HEIGHT_M))
    rings = [pts for layer, pts, closed, g in in_groups if roles.get(layer) == "room" and closed]
    names = [t for t in texts if roles.get(t[0]) == "room-name"]
    if not names:
        names = [t for t in texts if roles.get(t[0]) in ("room", None)]
    made, defaulted = zones(rings, names, ids)
    level.zones.extend(made)
    if defaulted:
        result.notes.append(
            f"{defaulted} rooms became {DEFAULT_ZONE_KIND} zones ({DEFAULT_ZONE_PLACE}); "
            "WC, changing rooms and the like became private zones: check the kinds"
        )
    return result


def underlay(
    polys: list[Poly],
    texts: list[tuple[str, str, float, float, float]],
    roles: dict[str, str | None],
) -> dict[str, Any]:
    """The whole drawing, compact: per layer its polylines, each a string ``"x,y x,y ..."`` in
    metres to the millimetre (a closed one repeats its first point; one line of the file however
    it is indented), and the texts of the layers not ignored (notes can be hundreds of
    thousands)."""
    layers: dict[str, list[str]] = {}
    for layer, pts, closed, _ in polys:
        ring = np.vstack([pts, pts[:1]]) if closed and len(pts) > 2 else pts
        layers.setdefault(layer, []).append(" ".join(f"{x:.3f},{y:.3f}" for x, y in ring.tolist()))
    words = [
        [layer, text, round(float(x), 3), round(float(y), 3), round(float(h), 3)]
        for layer, text, x, y, h in texts
        if roles.get(layer) != "ignore"
    ]
    return {"layers": layers, "texts": words}


def layer_counts(entities: Counter[str]) -> list[tuple[str, int]]:
    return sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))
