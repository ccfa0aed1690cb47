"""New plan objects with the editor's rules and the defaults of :mod:`siteplanner.editing.defaults`.

Each factory takes the :class:`~siteplanner.model.ids.IdAllocator` that names what it makes, so a
batch (a paste, an import, a placement) draws its ids from one allocator and they never clash.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from siteplanner.editing.defaults import DEFAULTS, Defaults
from siteplanner.editing.snapping import SnapIndex, WallHit
from siteplanner.geometry.walls import wall_solids
from siteplanner.model import Camera, Level, Obstacle, Opening, Plan, Sign, Wall, Zone
from siteplanner.model.ids import IdAllocator

Pt = tuple[float, float]


def new_wall(ids: IdAllocator, points: Sequence[Pt], thickness_m: float | None = None) -> Wall:
    thickness = DEFAULTS.wall_thickness_m if thickness_m is None else thickness_m
    return Wall(id=ids.new("walls"), points=list(points), thickness_m=thickness)


def new_obstacle(
    ids: IdAllocator, polygon: Sequence[Pt], height_m: float | None = None
) -> Obstacle:
    height = DEFAULTS.obstacle_height_m if height_m is None else height_m
    return Obstacle(id=ids.new("obstacles"), polygon=list(polygon), height_m=height)


def rectangle(p0: Pt, p1: Pt) -> list[Pt] | None:
    """The axis-aligned rectangle with opposite corners ``p0`` and ``p1`` (None if flat)."""
    (x0, y0), (x1, y1) = p0, p1
    if abs(x1 - x0) <= 1e-6 or abs(y1 - y0) <= 1e-6:
        return None
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def new_zone(
    plan: Plan,
    ids: IdAllocator,
    kind: str,
    polygon: Sequence[Pt],
    defaults: Defaults = DEFAULTS,
) -> Zone:
    """A zone named after its kind and how many the plan has ("Private 2"), with the kind's
    default fields (a collection zone is public and needs observation density)."""
    n = sum(1 for lv in plan.levels for z in lv.zones if z.kind == kind) + 1
    return Zone(
        id=ids.new("zones"),
        name=f"{kind.capitalize()} {n}",
        kind=kind,
        polygon=list(polygon),
        **defaults.zone_fields.get(kind, {}),
    )


def opening_on_wall(
    ids: IdAllocator, hit: WallHit, kind: str = "door", defaults: Defaults = DEFAULTS
) -> Opening:
    """A door or window of the default width centred where ``hit`` is, kept on its segment
    (narrowed to the segment when that is shorter), cutting through the wall."""
    a, b = hit.a, hit.b
    length = math.dist(a, b)
    width = min(defaults.opening_width_m(kind), length)
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    t = max(width / 2, min(length - width / 2, math.dist(a, hit.point)))
    cx, cy = a[0] + ux * t, a[1] + uy * t
    h = width / 2
    return Opening(
        id=ids.new("openings"),
        kind=kind,
        points=[(cx - ux * h, cy - uy * h), (cx + ux * h, cy + uy * h)],
        depth_m=max(
            defaults.opening_depth_m, hit.wall.thickness_m + defaults.opening_depth_margin_m
        ),
    )


@dataclass(frozen=True, slots=True)
class WallMount:
    """Where a camera goes on a wall: a point in front of a face, and the pan facing away."""

    position: Pt
    pan_deg: float
    wall: Wall


def wall_mount(
    index: SnapIndex, p: Pt, tol: float, offset_m: float | None = None
) -> WallMount | None:
    """The editor's rule for a camera put on or near a wall: it goes onto the face nearest the
    click, ``offset_m`` in front of it (into the room that face looks at), facing away from the
    wall. Where walls meet (a room's inside corner, a mitred bend) it stands that far from each
    face, on the bisector. None when no wall is within ``tol`` of ``p``.

    The walls' solids are the analysis's, so the camera never lands inside one."""
    off = DEFAULTS.camera_wall_offset_m if offset_m is None else offset_m
    if not off > 0:
        raise ValueError("a camera stands a positive distance in front of the wall")
    pt = shapely.Point(p)
    # Every wall whose solid could come within ``off`` of the mount point: that point is at
    # most tol + off (outside the walls) or a wall's depth + off (inside them) from the click.
    walls = index.walls_near(p, tol + 3 * index.max_half_thickness + 2 * off + 1e-6)
    if not walls:
        return None
    solids = wall_solids(walls)
    near = shapely.distance(solids, pt) <= tol
    if not near.any():
        return None
    solid = shapely.union_all(solids)
    # The points exactly ``off`` from the walls: the outline of the solid grown by ``off``.
    # Its inside corners are sharp, so a corner mount is ``off`` from both faces.
    ring = shapely.boundary(shapely.buffer(solid, off))
    pos = shapely.get_coordinates(shapely.shortest_line(ring, pt))[0]
    x, y = float(pos[0]), float(pos[1])
    pan = _facing(solid, (x, y))
    nearest = walls[int(shapely.distance(solids, pt).argmin())]
    return WallMount((x, y), pan, nearest)


def wall_mounts(
    walls: Sequence[Wall], spacing_m: float, offset_m: float | None = None
) -> list[WallMount]:
    """Every place the editor's wall rule could put a camera, about ``spacing_m`` apart: points
    ``offset_m`` in front of every face of ``walls`` (both sides, every room), each corner of
    those outlines included, facing away from the walls. What an automatic placement samples
    its wall-mounted candidates from."""
    off = DEFAULTS.camera_wall_offset_m if offset_m is None else offset_m
    if not (off > 0 and spacing_m > 0):
        raise ValueError("the offset and the spacing must be greater than zero")
    solids = wall_solids(walls)
    if len(solids) == 0:
        return []
    solid = shapely.union_all(solids)
    # Mitred, so that the outline's corners are points: a camera in a corner, on the bisector.
    grown = shapely.buffer(solid, off, join_style="mitre")
    owner_tree = shapely.STRtree(solids)
    out: list[WallMount] = []
    for ring in shapely.get_rings(shapely.get_parts(grown)):
        coords = shapely.get_coordinates(ring)[:-1]
        length = float(shapely.length(ring))
        n = max(1, math.ceil(length / spacing_m))
        along = shapely.line_interpolate_point(ring, np.arange(n) * (length / n))
        points = [tuple(map(float, c)) for c in coords]
        points += [tuple(map(float, c)) for c in shapely.get_coordinates(along)]
        seen: set[tuple[float, float]] = set()
        for x, y in points:
            key = (round(x, 9), round(y, 9))
            if key in seen:
                continue
            seen.add(key)
            wall = walls[int(owner_tree.nearest(shapely.Point(x, y)))]
            out.append(WallMount((x, y), _facing(solid, (x, y)), wall))
    return out


def _facing(solid: Any, c: Pt) -> float:
    """Direction (degrees) in which ``c`` looks away from ``solid``: from its nearest point on
    the solid, or, where several are nearest (an inside corner), along the bisector of them."""
    # get_rings reads polygons only: split a union of separate walls into its parts first.
    rings = shapely.get_rings(shapely.get_parts(solid))
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[:-1] == ring[1:]
    a, b = coords[:-1][same], coords[1:][same]
    d = b - a
    length2 = np.maximum((d * d).sum(axis=1), 1e-300)
    t = np.clip(((np.asarray(c) - a) * d).sum(axis=1) / length2, 0.0, 1.0)
    feet = a + t[:, None] * d
    away = np.asarray(c) - feet
    dist = np.hypot(away[:, 0], away[:, 1])
    nearest = dist <= dist.min() + 1e-9
    # A foot on a shared corner shows up once per edge: count each point once.
    unique = np.unique(np.round(feet[nearest], 9), axis=0)
    units = (np.asarray(c) - unique) / dist.min()
    vx, vy = units.sum(axis=0)
    return math.degrees(math.atan2(vy, vx))


def new_camera(
    plan: Plan,
    ids: IdAllocator,
    position: Pt,
    pan_deg: float = 0.0,
    defaults: Defaults = DEFAULTS,
) -> Camera:
    """A camera of the plan's first camera model (or the default optics when it has none),
    named CAM-nn after the cameras the plan holds; position to the millimetre, pan to 0.1°."""
    n = sum(len(lv.cameras) for lv in plan.levels) + 1
    model = plan.camera_models[0].id if plan.camera_models else None
    optics: dict[str, Any] = {}
    if model is None:
        optics = {
            "hfov_deg": defaults.camera_hfov_deg,
            "vfov_deg": defaults.camera_vfov_deg,
            "resolution": defaults.camera_resolution,
            "range_m": defaults.camera_range_m,
        }
    return Camera(
        id=ids.new("cameras"),
        name=f"CAM-{n:02d}",
        model=model,
        position=(round(position[0], 3), round(position[1], 3)),
        height_m=defaults.camera_height_m,
        pan_deg=round(pan_deg, 1),
        tilt_deg=defaults.camera_tilt_deg,
        purpose=defaults.camera_purpose,
        **optics,
    )


def new_sign(level: Level, ids: IdAllocator, position: Pt) -> Sign:
    """A sign that covers the level's camera nearest to it (if the level has one)."""
    near = min(level.cameras, key=lambda c: math.dist(c.position, position), default=None)
    covers = [near.id] if near is not None else []
    return Sign(id=ids.new("signs"), position=position, covers=covers)
