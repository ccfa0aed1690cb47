"""Line of sight: the shadows that walls and obstacles cast from a camera centre.

Walls are full height: a point is hidden when the plan segment from the camera to it crosses a
wall solid. The first crossing of such a segment enters the solid through an edge that faces the
camera, so the union of the "far sides" of the front-facing edges is the whole shadow.

Obstacles are height-limited (the 2.5-D rule): the 3-D sight line from the camera at height h to a
point at target height T has height h + s (T - h) at fraction s of its length; it is blocked over
an obstacle of height H where that height is at or below H. The blocked fractions form an interval
[s0, s1], so the shadow is the set of points C + k (Q - C) for Q in the obstacle and k in
[1 / s1, 1 / s0]: the obstacle scaled about C by 1 / s1, swept outwards to scale 1 / s0.

Outlines never block (spec, analysis rule 4): a sight line along a face or touching a corner goes
on. An edge seen edge-on therefore casts no shadow, and a camera standing on an outline is blocked
only in the directions that lead straight into the solid: the interior's cone at the camera (a
half-plane on a face, the corner's wedge at a corner), which :func:`outline_cones` builds.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry


def far_shadows(edges: np.ndarray, cx: float, cy: float, reach: float) -> np.ndarray:
    """Shadows of front-facing edges (n, 4) from (cx, cy), each reaching past distance ``reach``.

    Each shadow is the polygon a, b, then four points on rays through b and a at a radius where the
    chords between them stay beyond ``reach`` (the edge subtends less than 180 degrees). Edges
    whose line passes within ``ON_OUTLINE_M`` of the camera are seen edge-on and cast nothing; a
    camera on such an edge is blocked by :func:`outline_cones` instead.
    """
    if len(edges) == 0:
        return np.empty(0, dtype=object)
    a = edges[:, 0:2] - (cx, cy)
    b = edges[:, 2:4] - (cx, cy)
    # Keep only edges whose outer side faces the camera (camera to the right of a -> b), the
    # camera's distance from the edge's line being cross / length.
    cross = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
    length = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    front = cross < -ON_OUTLINE_M * length
    a, b = a[front], b[front]
    if len(a) == 0:
        return np.empty(0, dtype=object)
    ang_a = np.arctan2(a[:, 1], a[:, 0])
    ang_b = np.arctan2(b[:, 1], b[:, 0])
    sweep = np.angle(np.exp(1j * (ang_a - ang_b)))  # from b back to a, in (-pi, pi)
    dist = np.maximum(np.hypot(a[:, 0], a[:, 1]), np.hypot(b[:, 0], b[:, 1]))
    radius = np.maximum(reach, dist * 1.01 + 0.01) / np.cos(np.abs(sweep) / 6)
    steps = ang_b[:, None] + sweep[:, None] * np.array([0, 1, 2, 3]) / 3
    far = np.stack([np.cos(steps), np.sin(steps)], axis=2) * radius[:, None, None]
    ring = np.concatenate([a[:, None, :], b[:, None, :], far], axis=1) + (cx, cy)
    return shapely.polygons(ring)


# A camera this close to an outline stands on it: wall solids come out of buffers and mitres with
# rounding noise far below this, and no drawing is more precise.
ON_OUTLINE_M = 1e-7

# Widest angle one chord of a cone's far boundary spans (keeps the chords beyond reach).
_CONE_STEP = math.pi / 3


def near_ring(ring: np.ndarray, cx: float, cy: float) -> bool:
    """Whether (cx, cy) lies within ``ON_OUTLINE_M`` of the closed ring (m, 2), not closed."""
    return bool(len(ring)) and bool(
        (
            _edge_distance(ring - (cx, cy), np.roll(ring, -1, axis=0) - (cx, cy)) <= ON_OUTLINE_M
        ).any()
    )


def _edge_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance from the origin to each segment a[i] -> b[i]."""
    d = b - a
    len2 = (d * d).sum(axis=1)
    t = np.clip(-(a * d).sum(axis=1) / np.where(len2 > 0, len2, 1.0), 0.0, 1.0)
    closest = a + d * t[:, None]
    return np.hypot(closest[:, 0], closest[:, 1])


def _cone(cx: float, cy: float, start: float, sweep: float, reach: float) -> BaseGeometry:
    """The fan from (cx, cy) counter-clockwise from angle ``start`` through ``sweep`` radians,
    out past ``reach``."""
    steps = max(1, math.ceil(sweep / _CONE_STEP))
    radius = reach / math.cos(sweep / steps / 2)
    ang = start + sweep * np.arange(steps + 1) / steps
    far = np.column_stack([np.cos(ang), np.sin(ang)]) * radius + (cx, cy)
    return shapely.Polygon(np.vstack([[cx, cy], far]))


def outline_cones(
    rings: list[np.ndarray], cx: float, cy: float, reach: float
) -> list[BaseGeometry]:
    """Where sight lines from (cx, cy) lead straight into a solid whose outline it stands on.

    ``rings`` (m, 2), not closed, have the solid on their left (counter-clockwise shells,
    clockwise holes). On an edge, that is the half-plane on the solid's side; at a corner (or a
    run of vertices within ``ON_OUTLINE_M``, as a mitre can leave) the wedge from the edge that
    leaves the corner counter-clockwise round to the edge that arrives. Lines along the outline
    itself are not in it: outlines never block.
    """
    out: list[BaseGeometry] = []
    for ring in rings:
        rel = ring - (cx, cy)
        n = len(rel)
        if n < 3:
            continue
        nxt = np.roll(rel, -1, axis=0)
        near_v = np.hypot(rel[:, 0], rel[:, 1]) <= ON_OUTLINE_M
        if near_v.all():
            continue  # a ring smaller than the tolerance: a sliver, nothing to block
        arcs: list[tuple[np.ndarray, np.ndarray]] = []  # (leaving point, arriving point)
        if near_v.any():
            first = int(np.argmin(near_v))  # a vertex off the camera, to start the walk from
            order = np.roll(np.arange(n), -first)
            i = 0
            while i < n:
                if not near_v[order[i]]:
                    i += 1
                    continue
                j = i
                while j < n and near_v[order[j]]:
                    j += 1
                arcs.append((rel[order[j % n]], rel[order[i - 1]]))
                i = j
        on_edge = _edge_distance(rel, nxt) <= ON_OUTLINE_M
        on_edge &= ~near_v & ~np.roll(near_v, -1)
        arcs.extend((nxt[k], rel[k]) for k in np.nonzero(on_edge)[0])
        for leave, arrive in arcs:
            start = math.atan2(leave[1], leave[0])
            sweep = (math.atan2(arrive[1], arrive[0]) - start) % (2 * math.pi)
            if sweep > 1e-12:
                out.append(_cone(cx, cy, start, sweep, reach))
    return out


def quad_shadows(quads: np.ndarray, cx: float, cy: float, reach: float) -> np.ndarray:
    """Shadows of convex quadrilaterals (n, 4, 2) seen from (cx, cy) outside them, farther
    than ``ON_OUTLINE_M`` (a camera on a quadrilateral's outline takes it edge by edge).

    A convex solid's shadow, cut off past ``reach``, is the convex hull of its corners and of
    points far out on the rays that graze it (its silhouette), with two more rays between them
    so that the far boundary stays beyond ``reach``.
    """
    if len(quads) == 0:
        return np.empty(0, dtype=object)
    rel = quads - (cx, cy)
    mid = rel.mean(axis=1)
    base = np.arctan2(mid[:, 1], mid[:, 0])
    ang = np.arctan2(rel[..., 1], rel[..., 0]) - base[:, None]
    ang = (ang + np.pi) % (2 * np.pi) - np.pi  # relative to the middle: no wrap-around
    lo, hi = ang.min(axis=1), ang.max(axis=1)
    span = np.minimum(hi - lo, np.pi)
    dist = np.hypot(rel[..., 0], rel[..., 1]).max(axis=1)
    radius = np.maximum(reach, dist * 1.01 + 0.01) / np.cos(span / 6)
    steps = (base + lo)[:, None] + span[:, None] * np.array([0, 1, 2, 3]) / 3
    far = np.stack([np.cos(steps), np.sin(steps)], axis=2) * radius[:, None, None]
    pts = np.concatenate([rel, far], axis=1) + (cx, cy)
    return shapely.convex_hull(shapely.multipoints(pts))


def obstacle_scale_range(
    camera_h: float, target_h: float, obstacle_h: float
) -> tuple[float, float] | None:
    """Scale interval [k0, k1] (k1 may be inf) of an obstacle's shadow, or None if it casts none.

    A sight line of fraction s (0 at the camera, 1 at the target) is blocked where
    camera_h + s (target_h - camera_h) <= obstacle_h. Scale k = 1 / s.
    """
    h, t, o = camera_h, target_h, obstacle_h
    if h > o and t > o:
        return None
    if h > o >= t:  # descending line: blocked from s0 = (h - o) / (h - t) to the target
        s0 = (h - o) / (h - t)
        return 1.0, 1.0 / s0
    if t <= o:  # camera at or below the top and target too: every fraction is blocked
        return 1.0, math.inf
    # h <= o < t: blocked from the camera up to s1 = (o - h) / (t - h)
    s1 = (o - h) / (t - h)
    if s1 <= 0:
        return None  # only the camera point itself is at the obstacle's height
    return 1.0 / s1, math.inf


def obstacle_shadows(
    ring: np.ndarray, cx: float, cy: float, k0: float, k1: float, reach: float
) -> list[BaseGeometry]:
    """Shadow pieces of one obstacle (counter-clockwise ring (n, 2), not closed) for scales
    [k0, k1].

    With k1 infinite the sight line is blocked from the camera's end on, so a camera on the
    obstacle's outline is also blocked in the directions that lead straight into it (its cone,
    the same at every scale about the camera).
    """
    rel = (ring - (cx, cy)) * k0
    pieces: list[BaseGeometry] = [shapely.Polygon(rel + (cx, cy))]
    nxt = np.roll(rel, -1, axis=0)
    if math.isinf(k1):
        edges = np.hstack([rel, nxt]) + (cx, cy, cx, cy)
        pieces.extend(far_shadows(edges, cx, cy, reach))
        if near_ring(ring, cx, cy):
            pieces.extend(outline_cones([ring], cx, cy, reach))
        return pieces
    far_scale = k1 / k0
    quads = np.stack([rel, nxt, nxt * far_scale, rel * far_scale], axis=1) + (cx, cy)
    # Edges on a line through the camera sweep nothing; drop those zero-area quads.
    cross = rel[:, 0] * nxt[:, 1] - rel[:, 1] * nxt[:, 0]
    quads = quads[np.abs(cross) > ON_OUTLINE_M * np.hypot(*(nxt - rel).T)]
    if len(quads):
        pieces.extend(shapely.polygons(quads))
    return pieces
