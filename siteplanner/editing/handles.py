"""Where a selected camera's handles sit, what dragging one of them sets, and the typed
length/angle of a wall being drawn. Qt-free; plan metres, degrees counter-clockwise from +x.

Camera handles (see the plan-format spec for the optics: tilt down is positive):

- **pan**: turns the camera (``direction_deg`` in :mod:`~siteplanner.editing.snapping`);
- **fov_left / fov_right**: the edges of the horizontal field of view, at the range. Dragging
  one sets the field of view *symmetric about the pan*: the pan stays, both edges move, the new
  half angle being the angle between the pan and the cursor. Edge-wise (Alt in the editor),
  the other edge stays and the pan turns to the middle;
- **range**: on the pan direction at the range; dragging sets the range to the cursor's distance
  along the pan;
- **tilt**: on the pan direction where the optical axis meets the target plane; dragging sets
  the tilt that aims the axis at the cursor's distance. The near and far edges of the footprint
  (where the bottom and top of the image meet the target plane) are drawn with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from siteplanner.model import Optics

Pt = tuple[float, float]

# What a drag may set: the model takes a field of view in (0, 180) degrees, a tilt in
# [-90, 90]; the handles keep clear of the ends, where the footprint degenerates.
MIN_FOV_DEG, MAX_FOV_DEG = 1.0, 179.0
MIN_RANGE_M = 0.5
MIN_TILT_DEG, MAX_TILT_DEG = 0.5, 89.5
# Where the tilt handle waits when the optical axis meets the target plane beyond the range (or
# never): this far out along the pan, so that it can still be dragged to tilt the camera down.
TILT_PARK_FRACTION = 0.85


@dataclass(frozen=True, slots=True)
class CameraHandles:
    """Handle positions of one camera in plan metres (tilt: where the optical axis meets the
    target plane, or parked at ``TILT_PARK_FRACTION`` of the range when that is beyond the
    range or nowhere; None for a camera not above the target plane, which no tilt aims there)."""

    fov_left: Pt
    fov_right: Pt
    range: Pt
    tilt: Pt | None
    near: tuple[Pt, Pt] | None  # the footprint's near edge (a segment), None if none
    far: tuple[Pt, Pt] | None  # its far edge, None when it lies beyond the range


def _along(origin: Pt, deg: float, dist: float) -> Pt:
    a = math.radians(deg)
    return (origin[0] + dist * math.cos(a), origin[1] + dist * math.sin(a))


def angle_between(a_deg: float, b_deg: float) -> float:
    """The signed difference b − a, in (−180, 180]."""
    d = (b_deg - a_deg) % 360.0
    return d - 360.0 if d > 180.0 else d


def axis_distance(optics: Optics, target_height_m: float, tilt_deg: float | None = None) -> float:
    """Horizontal distance from the camera to where a ray tilted ``tilt_deg`` down (default:
    the optical axis) meets the target plane; ``inf`` when it never does."""
    drop = optics.height_m - target_height_m
    t = optics.tilt_deg if tilt_deg is None else tilt_deg
    if drop <= 0 or t <= 0:
        return math.inf
    if t >= 90:
        return 0.0
    return drop / math.tan(math.radians(t))


def footprint_edge(optics: Optics, target_height_m: float, far: bool) -> tuple[float, float] | None:
    """(distance along the pan, half width) of the footprint's near (bottom of the image) or
    far (top) edge on the target plane; None when that edge does not meet the plane in range.

    A bottom/top image row is a straight line on the plane, perpendicular to the pan: its rays
    leave at tilt ± vfov/2; the corner ray's depth along the axis is the slant distance times
    cos(vfov/2), and its sideways offset that depth times tan(hfov/2)."""
    drop = optics.height_m - target_height_m
    half_v = optics.vfov_deg / 2
    elevation = optics.tilt_deg + (-half_v if far else half_v)
    if drop <= 0 or elevation <= 0:
        return None
    if elevation >= 90:
        return None  # the image reaches past straight down: no near edge in front
    dist = drop / math.tan(math.radians(elevation))
    if dist > optics.range_m:
        return None
    slant = drop / math.sin(math.radians(elevation))
    half_w = slant * math.cos(math.radians(half_v)) * math.tan(math.radians(optics.hfov_deg / 2))
    return dist, half_w


def camera_handles(optics: Optics, target_height_m: float) -> CameraHandles:
    c = (optics.x, optics.y)
    pan, r = optics.pan_deg, optics.range_m
    axis = axis_distance(optics, target_height_m)
    tilt = None
    if optics.height_m > target_height_m:
        tilt = _along(c, pan, axis if axis <= r else TILT_PARK_FRACTION * r)

    def edge(far: bool) -> tuple[Pt, Pt] | None:
        e = footprint_edge(optics, target_height_m, far)
        if e is None:
            return None
        dist, half_w = e
        mid = _along(c, pan, dist)
        a = math.radians(pan + 90)
        dx, dy = half_w * math.cos(a), half_w * math.sin(a)
        return ((mid[0] + dx, mid[1] + dy), (mid[0] - dx, mid[1] - dy))

    return CameraHandles(
        fov_left=_along(c, pan + optics.hfov_deg / 2, r),
        fov_right=_along(c, pan - optics.hfov_deg / 2, r),
        range=_along(c, pan, r),
        tilt=tilt,
        near=edge(False),
        far=edge(True),
    )


def fov_from_edge(position: Pt, pan_deg: float, cursor: Pt, step_deg: float | None = None) -> float:
    """The horizontal field of view, symmetric about the pan, whose edge passes through the
    cursor (rounded to ``step_deg`` when given), within [MIN_FOV_DEG, MAX_FOV_DEG]."""
    if math.dist(position, cursor) < 1e-9:
        return MIN_FOV_DEG
    ang = math.degrees(math.atan2(cursor[1] - position[1], cursor[0] - position[0]))
    fov = 2 * abs(angle_between(pan_deg, ang))
    if step_deg:
        fov = round(fov / step_deg) * step_deg
    return min(max(fov, MIN_FOV_DEG), MAX_FOV_DEG)


def fov_edge_wise(
    position: Pt,
    pan_deg: float,
    fov_deg: float,
    edge: str,
    cursor: Pt,
    step_deg: float | None = None,
) -> tuple[float, float]:
    """(pan, field of view) when one edge (``"fov_left"``, counter-clockwise of the pan, or
    ``"fov_right"``) follows the cursor and the other edge stays where it is."""
    sign = 1.0 if edge == "fov_left" else -1.0
    fixed = pan_deg - sign * fov_deg / 2
    ang = math.degrees(math.atan2(cursor[1] - position[1], cursor[0] - position[0]))
    # Swept from the fixed edge on the moved edge's side; past the fixed edge: the narrowest.
    fov = max(sign * angle_between(fixed, ang), 0.0)
    if step_deg:
        fov = round(fov / step_deg) * step_deg
    fov = min(max(fov, MIN_FOV_DEG), MAX_FOV_DEG)
    return round(fixed + sign * fov / 2, 9), fov


def range_from_point(
    position: Pt, pan_deg: float, cursor: Pt, step_m: float | None = None
) -> float:
    """The range reaching the cursor's distance along the pan (rounded to ``step_m``)."""
    a = math.radians(pan_deg)
    d = (cursor[0] - position[0]) * math.cos(a) + (cursor[1] - position[1]) * math.sin(a)
    if step_m:
        d = round(d / step_m) * step_m
    return round(max(d, MIN_RANGE_M), 6)


def tilt_from_point(
    position: Pt,
    pan_deg: float,
    height_m: float,
    target_height_m: float,
    cursor: Pt,
    step_deg: float | None = None,
) -> float | None:
    """The downward tilt that aims the optical axis at the cursor's distance along the pan
    (rounded to ``step_deg``); None for a camera not above the target plane."""
    drop = height_m - target_height_m
    if drop <= 0:
        return None
    a = math.radians(pan_deg)
    d = (cursor[0] - position[0]) * math.cos(a) + (cursor[1] - position[1]) * math.sin(a)
    tilt = MAX_TILT_DEG if d <= 0 else math.degrees(math.atan2(drop, d))
    if step_deg:
        tilt = round(tilt / step_deg) * step_deg
    return round(min(max(tilt, MIN_TILT_DEG), MAX_TILT_DEG), 6)


def typed_point(anchor: Pt, toward: Pt, length: float | None, angle_deg: float | None) -> Pt:
    """The next point of a wall drawn from ``anchor``: ``length`` metres (default: as far as
    ``toward``) at ``angle_deg`` (default: the direction of ``toward``)."""
    dx, dy = toward[0] - anchor[0], toward[1] - anchor[1]
    if angle_deg is None:
        angle_deg = math.degrees(math.atan2(dy, dx)) if (dx or dy) else 0.0
    if length is None:
        length = math.hypot(dx, dy)
    p = _along(anchor, angle_deg, length)
    return (round(p[0], 9), round(p[1], 9))


def opening_with_width(points: list[Pt], width_m: float) -> list[Pt]:
    """An opening's two ends moved along its line to ``width_m`` apart, about its centre."""
    (x0, y0), (x1, y1) = points
    length = math.hypot(x1 - x0, y1 - y0)
    if width_m <= 0 or length <= 0:
        raise ValueError("an opening's width must be more than 0")
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    cx, cy, h = (x0 + x1) / 2, (y0 + y1) / 2, width_m / 2
    return [
        (round(cx - ux * h, 9), round(cy - uy * h, 9)),
        (round(cx + ux * h, 9), round(cy + uy * h, 9)),
    ]
