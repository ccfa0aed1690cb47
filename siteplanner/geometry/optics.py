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
    u = np.cross(r, f)
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


def clip_convex(points: np.ndarray, planes: np.ndarray) -> np.ndarray:
    """Sutherland-Hodgman clip of a convex ring (n, 2) by half-planes aX + bY + c <= 0."""
    pts = points
    for a, b, c in planes:
        if len(pts) == 0:
            break
        s = pts[:, 0] * a + pts[:, 1] * b + c
        # Normalise by the plane's length so that the tolerance is a distance.
        norm = math.hypot(a, b)
        if norm < 1e-15:
            if c > 0:
                return np.empty((0, 2))
            continue
        inside = s <= 1e-12 * max(1.0, norm)
        if inside.all():
            continue
        if not inside.any():
            return np.empty((0, 2))
        nxt_pts = np.roll(pts, -1, axis=0)
        s_next = np.roll(s, -1)
        crossing = inside != np.roll(inside, -1)
        with np.errstate(divide="ignore", invalid="ignore"):
            w = s / (s - s_next)
            cross_pts = pts + (nxt_pts - pts) * w[:, None]
        stacked = np.stack([pts, cross_pts], axis=1).reshape(-1, 2)
        keep = np.stack([inside, crossing], axis=1).reshape(-1)
        pts = stacked[keep]
    return pts


def circle_points(radius: float, n: int = CIRCLE_VERTICES) -> np.ndarray:
    ang = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    return np.column_stack([radius * np.cos(ang), radius * np.sin(ang)])


_UNIT_CIRCLE = circle_points(1.0)


def footprint(optics: Optics, target_height_m: float) -> BaseGeometry:
    """Frustum on the target plane, within range: a convex polygon in plan coordinates."""
    ring = clip_convex(_UNIT_CIRCLE * optics.range_m, frustum_halfplanes(optics, target_height_m))
    return _polygon(ring, optics.x, optics.y)


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


def depth_band(
    optics: Optics, target_height_m: float, fp: BaseGeometry, ppm: float
) -> BaseGeometry:
    """The part of convex footprint ``fp`` where pixel density reaches ``ppm``."""
    if fp.is_empty:
        return EMPTY
    a, b, c = depth_form(optics, target_height_m)
    zmax = depth_limit_m(optics, ppm)
    ring = np.asarray(fp.exterior.coords)[:-1] - (optics.x, optics.y)
    clipped = clip_convex(ring, np.array([[a, b, c - zmax]]))
    return _polygon(clipped, optics.x, optics.y)


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
