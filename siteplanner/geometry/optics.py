"""Pinhole camera optics on the target plane (normative semantics, plan-format spec §1-3, §5).

Camera centre C = (x, y, h); forward f = (cos p cos t, sin p cos t, -sin t); right
r = (sin p, -cos p, 0); up u = r x f. For a point P on the plane z = T, v = P - C and the depth is
z = v.f. Every condition below is linear in P, so the frustum footprint is a convex polygon and a
DORI band is the footprint cut by the straight line where the depth reaches W / (2 ppm tan(hfov/2)).
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.model import Optics

# Vertices of the range circle; the inscribed polygon's area is within 0.01 % of the disc.
CIRCLE_VERTICES = 256

EMPTY = shapely.Polygon()


def frame(pan_deg: float, tilt_deg: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p, t = math.radians(pan_deg), math.radians(tilt_deg)
    f = np.array([math.cos(p) * math.cos(t), math.sin(p) * math.cos(t), -math.sin(t)])
    r = np.array([math.sin(p), -math.cos(p), 0.0])
    # u = r x f, written out.
    u = np.array([math.cos(p) * math.sin(t), math.sin(p) * math.sin(t), math.cos(t)])
    return f, r, u


def frustum_halfplanes(optics: Optics, target_height_m: float) -> np.ndarray:
    """Rows (a, b, c): the footprint is {(X, Y) relative to the camera : aX + bY + c <= 0}."""
    f, r, u = frame(optics.pan_deg, optics.tilt_deg)
    dz = target_height_m - optics.height_m
    ta = math.tan(math.radians(optics.hfov_deg) / 2)
    tb = math.tan(math.radians(optics.vfov_deg) / 2)
    # Linear forms (coefficient of X, of Y, constant) of depth, v.r and v.u.
    z = np.array([f[0], f[1], dz * f[2]])
    vr = np.array([r[0], r[1], dz * r[2]])
    vu = np.array([u[0], u[1], dz * u[2]])
    return np.array([-z, vr - ta * z, -vr - ta * z, vu - tb * z, -vu - tb * z])


def depth_form(optics: Optics, target_height_m: float) -> np.ndarray:
    """(a, b, c) with depth z = aX + bY + c for (X, Y) relative to the camera."""
    f, _, _ = frame(optics.pan_deg, optics.tilt_deg)
    return np.array([f[0], f[1], (target_height_m - optics.height_m) * f[2]])


def circle_points(radius: float, n: int = CIRCLE_VERTICES) -> np.ndarray:
    ang = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    return np.column_stack([radius * np.cos(ang), radius * np.sin(ang)])


_UNIT_CIRCLE = circle_points(1.0)


def _clip_small(points: list[tuple[float, float]], planes: np.ndarray) -> list[tuple[float, float]]:
    """Sutherland-Hodgman on a handful of vertices: plain Python beats numpy's call overhead."""
    for a, b, c in planes.tolist():
        if not points:
            break
        out: list[tuple[float, float]] = []
        n = len(points)
        for i in range(n):
            px, py = points[i]
            qx, qy = points[(i + 1) % n]
            sp = a * px + b * py + c
            sq = a * qx + b * qy + c
            if sp <= 0:
                out.append((px, py))
            if (sp <= 0) != (sq <= 0):
                w = sp / (sp - sq)
                out.append((px + (qx - px) * w, py + (qy - py) * w))
        points = out
    return points


def footprint(optics: Optics, target_height_m: float) -> BaseGeometry:
    """Frustum on the target plane, within range: a convex polygon in plan coordinates."""
    r = optics.range_m
    square = [(-r, -r), (r, -r), (r, r), (-r, r)]
    wedge = _clip_small(square, frustum_halfplanes(optics, target_height_m))
    poly = _polygon(np.array(wedge).reshape(-1, 2), optics.x, optics.y)
    if poly.is_empty:
        return EMPTY
    disc = shapely.Polygon(_UNIT_CIRCLE * r + (optics.x, optics.y))
    out = shapely.intersection(poly, disc)
    if out.geom_type != "Polygon" or out.area <= 1e-12:
        return EMPTY
    return out


def depth_limit_m(optics: Optics, ppm: float) -> float:
    """Depth up to which pixel density reaches ``ppm``: W / (2 ppm tan(hfov / 2))."""
    return optics.resolution[0] / (2.0 * ppm * math.tan(math.radians(optics.hfov_deg) / 2))


def pixel_density(optics: Optics, target_height_m: float, x: float, y: float) -> float:
    """Pixels per metre at plan point (x, y) on the target plane; 0 behind the camera."""
    a, b, c = depth_form(optics, target_height_m)
    z = a * (x - optics.x) + b * (y - optics.y) + c
    if z <= 0:
        return 0.0
    return optics.resolution[0] / (2.0 * z * math.tan(math.radians(optics.hfov_deg) / 2))


def _polygon(ring: np.ndarray, x: float, y: float) -> BaseGeometry:
    if len(ring) >= 2:
        # Clipping at a vertex yields that vertex twice, a rounding apart: keep one.
        step = np.hypot(*(ring - np.roll(ring, 1, axis=0)).T)
        ring = ring[step > 1e-9]
    if len(ring) < 3:
        return EMPTY
    poly = shapely.Polygon(ring + (x, y))
    if poly.area <= 1e-12:
        return EMPTY
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    return poly
