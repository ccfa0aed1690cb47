"""Placing a background image (a scanned or exported floor plan) on the plan.

A level's background holds ``scale_m_per_px``, ``origin`` (the plan position of the image's
bottom-left corner, metres) and ``rotation_deg`` (counter-clockwise about the origin). Image
pixels run right and down; the plan's y runs up, so pixel (u, v) of an image H pixels tall lies
at ``origin + R(rotation) · (u·s, (H − v)·s)``.
"""

from __future__ import annotations

import math

Point = tuple[float, float]


def pixel_to_plan(
    u: float, v: float, image_height_px: float, scale: float, origin: Point, rotation_deg: float
) -> Point:
    """Plan position (m) of image pixel coordinates (u right, v down)."""
    lx, ly = u * scale, (image_height_px - v) * scale
    c, s = math.cos(math.radians(rotation_deg)), math.sin(math.radians(rotation_deg))
    return origin[0] + c * lx - s * ly, origin[1] + s * lx + c * ly


def plan_to_pixel(
    x: float, y: float, image_height_px: float, scale: float, origin: Point, rotation_deg: float
) -> Point:
    """Inverse of :func:`pixel_to_plan`."""
    dx, dy = x - origin[0], y - origin[1]
    c, s = math.cos(math.radians(rotation_deg)), math.sin(math.radians(rotation_deg))
    lx, ly = c * dx + s * dy, -s * dx + c * dy
    return lx / scale, image_height_px - ly / scale


def image_matrix(
    image_height_px: float, scale: float, origin: Point, rotation_deg: float
) -> tuple[float, float, float, float, float, float]:
    """The affine map of :func:`pixel_to_plan` as (m11, m12, m21, m22, dx, dy), where
    x = m11·u + m21·v + dx and y = m12·u + m22·v + dy (the order Qt's QTransform takes)."""
    c, s = math.cos(math.radians(rotation_deg)), math.sin(math.radians(rotation_deg))
    h = image_height_px
    return (
        scale * c,
        scale * s,
        scale * s,
        -scale * c,
        origin[0] - scale * s * h,
        origin[1] + scale * c * h,
    )


def calibrated_scale(p1_px: Point, p2_px: Point, distance_m: float) -> float:
    """Metres per pixel from two image points (pixels) that lie ``distance_m`` apart."""
    if not (distance_m > 0 and math.isfinite(distance_m)):
        raise ValueError("the distance must be a length greater than zero")
    d_px = math.dist(p1_px, p2_px)
    if d_px < 1.0:
        raise ValueError("the two points must be at least one pixel apart")
    return distance_m / d_px


def origin_keeping(
    anchor_px: Point,
    image_height_px: float,
    old_scale: float,
    new_scale: float,
    origin: Point,
    rotation_deg: float,
) -> Point:
    """The origin that keeps ``anchor_px`` where it was on the plan after a change of scale."""
    ax, ay = pixel_to_plan(*anchor_px, image_height_px, old_scale, origin, rotation_deg)
    bx, by = pixel_to_plan(*anchor_px, image_height_px, new_scale, (0.0, 0.0), rotation_deg)
    return ax - bx, ay - by


def aligned_origin(
    px: Point,
    target: Point,
    image_height_px: float,
    scale: float,
    origin: Point,
    rotation_deg: float,
) -> Point:
    """The origin that puts image pixel ``px`` on plan point ``target`` (scale and rotation
    kept)."""
    x, y = pixel_to_plan(*px, image_height_px, scale, origin, rotation_deg)
    return origin[0] + target[0] - x, origin[1] + target[1] - y


def calibration(
    p1_px: Point,
    p2_px: Point,
    distance_m: float,
    image_height_px: float,
    old_scale: float,
    origin: Point,
    rotation_deg: float,
) -> tuple[float, Point]:
    """(scale, origin) after a two-click calibration: the two pixels ``distance_m`` apart, the
    first one left where it was on the plan."""
    scale = calibrated_scale(p1_px, p2_px, distance_m)
    return scale, origin_keeping(p1_px, image_height_px, old_scale, scale, origin, rotation_deg)
