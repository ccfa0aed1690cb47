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
    if not solids.is_empty and solids.contains(shapely.Point(x, y)):
        return np.zeros(len(pts), dtype=bool)
    obstacles = [(shapely.Polygon(o.polygon), o.height_m) for o in lv.obstacles]
    out = ok.copy()
    for i in np.nonzero(ok)[0]:
        px, py = pts[i]
        seg = shapely.LineString([(x, y), (px, py)])
        if (
            not solids.is_empty
            and seg.intersects(solids)
            and seg.intersection(solids).length > 1e-9
        ):
            out[i] = False
            continue
        length = math.hypot(px - x, py - y)
        for poly, height in obstacles:
            inter = seg.intersection(poly)
            if inter.is_empty:
                continue
            # The sight line's height is linear along it: its lowest point over each crossed
            # piece is at one of that piece's ends.
            for q in shapely.get_coordinates(inter):
                s = math.hypot(q[0] - x, q[1] - y) / length if length else 0.0
                if h + s * (T - h) <= height:
                    out[i] = False
                    break
            if not out[i]:
                break
    return out


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
