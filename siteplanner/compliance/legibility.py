"""How far away a sign must be readable from, and the size that needs (ISO 3864-1).

The one place of this maths: the compliance checks (SIGN_TOO_SMALL) and the sign placement both
use it.
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry.base import BaseGeometry

# ISO 3864-1 distance factor Z in normal lighting: height >= viewing distance / Z.
DISTANCE_FACTOR = 60.0
# Nobody is expected to read a sign from closer than this, however near the facing wall.
MIN_VIEWING_M = 3.0
# The ray starts this far in front of the sign: a sign is mounted on a wall face.
WALL_CLEARANCE_M = 0.4
# Standard sign sizes (width, height) in metres, portrait 3:4, smallest first.
STANDARD_SIZES: tuple[tuple[float, float], ...] = (
    (0.15, 0.2),
    (0.225, 0.3),
    (0.3, 0.4),
    (0.45, 0.6),
    (0.6, 0.8),
    (0.9, 1.2),
)


def free_distance(
    position: tuple[float, float], facing_deg: float, solids: BaseGeometry | None, cap: float
) -> float:
    """Open floor in front of a sign: the distance along its facing direction to the first wall
    solid, at most ``cap``."""
    if solids is None or solids.is_empty:
        return cap
    a = math.radians(facing_deg)
    dx, dy = math.cos(a), math.sin(a)
    x, y = position
    start = (x + dx * WALL_CLEARANCE_M, y + dy * WALL_CLEARANCE_M)
    if cap <= WALL_CLEARANCE_M:
        return cap
    ray = shapely.LineString([start, (x + dx * cap, y + dy * cap)])
    hit = ray.intersection(solids)
    if hit.is_empty:
        return cap
    return min(cap, WALL_CLEARANCE_M + shapely.Point(start).distance(hit))


def derived_viewing_distance(
    position: tuple[float, float],
    facing_deg: float,
    solids: BaseGeometry | None,
    cap: float,
) -> float:
    """The distance a sign should be read from when the plan does not say: the open approach in
    front of it, between ``MIN_VIEWING_M`` and ``cap`` (the plan's default viewing distance)."""
    return max(min(MIN_VIEWING_M, cap), free_distance(position, facing_deg, solids, cap))


def sign_viewing_distance(sign, cap: float, solids: BaseGeometry | None) -> tuple[float, str]:
    """(distance, source): the sign's own ``viewing_distance_m`` ("given"), else derived from the
    geometry ("derived"), else the plan default ``cap`` ("default") when there is no geometry."""
    if sign.viewing_distance_m:
        return float(sign.viewing_distance_m), "given"
    if solids is None:
        return cap, "default"
    pos = (float(sign.position[0]), float(sign.position[1]))
    return derived_viewing_distance(pos, sign.facing_deg, solids, cap), "derived"


def required_height(distance_m: float) -> float:
    return distance_m / DISTANCE_FACTOR


def standard_size(distance_m: float) -> tuple[float, float]:
    """The smallest standard sign readable from ``distance_m``."""
    need = required_height(distance_m)
    for w, h in STANDARD_SIZES:
        if h + 1e-9 >= need:
            return w, h
    h = math.ceil(need * 20) / 20
    return round(h * 0.75, 3), h


__all__ = [
    "DISTANCE_FACTOR",
    "MIN_VIEWING_M",
    "STANDARD_SIZES",
    "derived_viewing_distance",
    "free_distance",
    "required_height",
    "sign_viewing_distance",
    "standard_size",
]
