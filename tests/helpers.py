"""Small plan builders and an independent point-by-point reference for the coverage semantics."""

from __future__ import annotations

import math

import numpy as np
import shapely

from siteplanner.model import Plan


def camera(**kw):
    base = {
        "id": "c1",
        "position": [0.0, 0.0],
        "height_m": 1.6,
        "pan_deg": 0.0,
        "tilt_deg": 0.0,
        "hfov_deg": 90.0,
        "vfov_deg": 60.0,
        "resolution": [1920, 1080],
        "range_m": 10.0,
    }
    base.update(kw)
    return base


def plan(cameras=(), walls=(), openings=(), obstacles=(), zones=(), signs=(), **top) -> Plan:
    data = {
        "format": "siteplanner",
        "version": 1,
        "name": "test",
        "levels": [
            {
                "id": "L1",
                "cameras": list(cameras),
                "walls": list(walls),
                "openings": list(openings),
                "obstacles": list(obstacles),
                "zones": list(zones),
                "signs": list(signs),
            }
        ],
    }
    data.update(top)
    return Plan.model_validate(data)


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def reference_visible(p: Plan, cam, T: float, pts: np.ndarray) -> np.ndarray:
    """The spec's rules 1-4, point by point, written independently of the engine."""
    lv = p.levels[0]
    x, y, h = cam.position[0], cam.position[1], cam.height_m
    pan, tilt = math.radians(cam.pan_deg), math.radians(cam.tilt_deg)
    f = np.array([math.cos(pan) * math.cos(tilt), math.sin(pan) * math.cos(tilt), -math.sin(tilt)])
    r = np.array([math.sin(pan), -math.cos(pan), 0.0])
    u = np.cross(r, f)
    v = np.column_stack([pts[:, 0] - x, pts[:, 1] - y, np.full(len(pts), T - h)])
    z = v @ f
    ta, tb = math.tan(math.radians(cam.hfov_deg) / 2), math.tan(math.radians(cam.vfov_deg) / 2)
    ok = (z > 0) & (np.abs(v @ r) <= z * ta) & (np.abs(v @ u) <= z * tb)
    ok &= np.hypot(v[:, 0], v[:, 1]) <= (cam.range_m or 30.0)
    # Wall solids built from the spec's words with shapely's own buffer.
    solids = shapely.union_all(
        [
            shapely.LineString(w.points).buffer(
                w.thickness_m / 2, cap_style="flat", join_style="mitre"
            )
            for w in lv.walls
        ]
    )
    cuts = [
        shapely.LineString(o.points).buffer(o.depth_m / 2, cap_style="flat")
        for o in lv.openings
        if o.kind == "door" or o.transparent
    ]
    if cuts:
        solids = solids.difference(shapely.union_all(cuts))
    here = shapely.Point(x, y)
    if strictly_inside(solids, here):
        return np.zeros(len(pts), dtype=bool)
    obstacles = [(shapely.Polygon(o.polygon), o.height_m) for o in lv.obstacles]
    if any(h <= height and strictly_inside(poly, here) for poly, height in obstacles):
        return np.zeros(len(pts), dtype=bool)
    idx = np.nonzero(ok)[0]
    # Rule 4 on the sight line without its first tenth of a micrometre: the camera's own point
    # never blocks (a camera on an outline sees along it), everything after it does when it
    # enters the interior of a wall solid. DE-9IM "T********": the interiors meet.
    d = pts[idx] - (x, y)
    length = np.hypot(d[:, 0], d[:, 1])
    start = np.array([x, y]) + d * (_HAIR_M / np.maximum(length, _HAIR_M))[:, None]
    segs = shapely.linestrings(np.stack([start, pts[idx]], axis=1))
    clear = length > _HAIR_M
    if not solids.is_empty:
        clear &= ~shapely.relate_pattern(segs, solids, "T********")
    out = np.zeros(len(pts), dtype=bool)
    for i, seg, seen, dist in zip(idx, segs, clear, length, strict=True):
        if not seen:
            continue
        for poly, height in obstacles:
            if not shapely.relate_pattern(seg, poly, "T********"):
                continue
            # The sight line's height is linear along it: its lowest point over each piece that
            # runs through the obstacle's interior is at one of that piece's ends.
            for piece in shapely.get_parts(seg.intersection(poly)):
                if not shapely.relate_pattern(piece, poly, "T********"):
                    continue  # along the outline: outlines never block
                ends = shapely.get_coordinates(piece)
                s = np.hypot(ends[:, 0] - x, ends[:, 1] - y) / dist
                if (h + s * (T - h) <= height).any():
                    seen = False
                    break
            if not seen:
                break
        out[i] = seen
    return out


# How much of a sight line the reference leaves out at the camera's end.
_HAIR_M = 1e-7


def strictly_inside(poly, point) -> bool:
    """Inside the polygon and more than a nanometre from its outline."""
    return not poly.is_empty and poly.contains(point) and poly.boundary.distance(point) > 1e-9


def reference_area(p: Plan, T: float = 1.6, step: float = 0.1, bounds=None) -> float:
    cam = p.levels[0].cameras[0]
    rng = cam.range_m or 30.0
    x0, y0 = cam.position[0] - rng, cam.position[1] - rng
    x1, y1 = cam.position[0] + rng, cam.position[1] + rng
    if bounds is not None:
        x0, y0, x1, y1 = bounds
    xs = np.arange(x0 + step / 2, x1, step)
    ys = np.arange(y0 + step / 2, y1, step)
    gx, gy = np.meshgrid(xs, ys)
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    return float(reference_visible(p, cam, T, pts).sum() * step * step)
