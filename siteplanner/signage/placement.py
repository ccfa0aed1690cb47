"""Where signs should go: at every way into a camera's covered public area, on the approach side.

For each camera, the covered public area ``Cp`` is its coverage within the level's public
collection zones (private zones removed). Coverage of an exclude zone (a public road) is a fault
to fix (``OVER_COLLECTION``), not a place to post signs, so exclude zones count as the outside
from which people approach. A person enters ``Cp`` by crossing its boundary where that boundary is
not a wall, an obstacle or a window: those crossable stretches are the entrances. A stretch that
lies in a doorway is a door entrance (one sign centred in front of the door); any other stretch is
an edge entrance (one sign per ``EDGE_SPACING_M`` of its length). The sign stands ``SETBACK_M``
outside the coverage, at eye level, facing the person approaching. Small uncovered pockets
enclosed by the coverage (the blind spot under a camera) are not approaches: a person can only
reach them through the coverage.

A sign is installed on a wall: a door sign goes on the wall face beside the door, on the approach
side, ``DOOR_GAP_M`` from the door's edge to the sign's edge; an edge sign goes on the nearest wall
face within ``EDGE_WALL_M`` of where people approach (else it needs a post, and says so). Its
``mount_height_m`` is the height of its centre. One sign per entrance: an existing sign close by
that faces the same way is extended with the cameras it lacks rather than duplicated. A camera
standing in a private space gets no sign: it must be removed (``CAMERA_IN_PRIVATE_SPACE``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analysis, AnalysisCancelled
from siteplanner.compliance import PackError, load_pack
from siteplanner.compliance.legibility import (
    derived_viewing_distance,
    driver_distance,
    standard_size,
)
from siteplanner.compliance.rules.signage import driver_params, drivers_zone, pack_titles
from siteplanner.findings import MIN_AREA_M2
from siteplanner.model import Level, Plan, Sign, Zone
from siteplanner.model.ids import IdAllocator

SETBACK_M = 0.75  # how far before the coverage boundary an edge sign stands
DOOR_SETBACK_M = 0.45  # beyond the door's depth (half on each side of the wall line)
MOUNT_HEIGHT_M = 1.6  # eye level (1.5–1.8 m)
MIN_ENTRANCE_M = 0.4  # narrower gaps are slivers between walls and the coverage
EDGE_SPACING_M = 8.0  # one sign per this much of a long open edge
POCKET_M2 = 6.0  # enclosed uncovered pockets smaller than this are not approaches
BLOCK_MARGIN_M = 0.1  # coverage edges this close to a wall run along the wall: not crossable
MERGE_M = 1.5  # suggestions closer than this (facing alike) become one sign
EXISTING_M = 2.0  # an existing sign this close that announces a camera already does the job
ZONE_GAP_M = 0.2  # public zones closer than twice this are one public place
ROOM_M = 0.5  # an approach needs this much free floor (a person) before the boundary
WALL_STANDOFF_M = 0.02  # the sign's plate in front of the wall face (its centre point in plan)
DOOR_GAP_M = 0.15  # from the door's edge to the sign's nearest edge (clear of the frame)
EDGE_WALL_M = 4.0  # an edge sign goes on a wall face this close to its approach point
MAX_WALL_GAP_M = 0.35  # a wall-mounted sign is at most this far from the wall solid


@dataclass
class SignSuggestion:
    id: str
    level_id: str
    position: tuple[float, float]
    facing_deg: float
    covers: list[str]
    kind: str  # "door" or "edge"
    opening: str | None
    entrance: tuple[tuple[float, float], tuple[float, float]]  # the stretch crossed
    width_m: float
    height_m: float
    viewing_distance_m: float
    mount_height_m: float = MOUNT_HEIGHT_M  # height of the sign's centre above the floor
    note: str = ""
    zones: list[str] = field(default_factory=list)  # public zones entered
    wall: str | None = None  # the wall it is mounted on (None: free-standing, on a post)
    side: str = ""  # "left" or "right" of the door, seen by a person walking up to it
    extends: str | None = None  # an existing sign to which ``covers`` is the new list

    def to_sign(self, sign_id: str = "") -> Sign:
        return Sign(
            id=sign_id,
            position=self.position,
            facing_deg=round(self.facing_deg, 1),
            width_m=self.width_m,
            height_m=self.height_m,
            mount_height_m=self.mount_height_m,
            covers=list(self.covers),
        )


def _parts(geom: BaseGeometry) -> list[BaseGeometry]:
    if geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        out: list[BaseGeometry] = []
        for g in geom.geoms:
            out += _parts(g)
        return out
    return [geom]


def _angle(dx: float, dy: float) -> float:
    return math.degrees(math.atan2(dy, dx)) % 360.0


def _angle_diff(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


@dataclass
class _Raw:
    position: tuple[float, float]
    facing: float
    camera: str
    kind: str
    opening: str | None
    entrance: tuple[tuple[float, float], tuple[float, float]]
    note: str
    zones: list[str]


class _LevelContext:
    def __init__(self, plan: Plan, level: Level, analysis: Analysis) -> None:
        self.level = level
        lr = analysis.levels.get(level.id)
        self.solids = lr.geometry.solids if lr is not None else shapely.Polygon()
        results = [(z, analysis.zone(level.id, z.id)) for z in level.zones]
        results = [(z, r) for z, r in results if r is not None]
        self.public = [
            (r.zone_id, r.polygon)
            for z, r in results
            if z.place == "public" and z.kind == "collection"
        ]
        self.private = shapely.union_all([r.polygon for z, r in results if z.kind == "private"])
        # Closing (grow, then shrink) joins public zones drawn a few centimetres apart, so that
        # the seam between two public zones is not taken for a way in.
        joined = shapely.union_all([p for _, p in self.public])
        joined = shapely.buffer(
            shapely.buffer(joined, ZONE_GAP_M, join_style="mitre"), -ZONE_GAP_M, join_style="mitre"
        )
        self.region = shapely.difference(joined, self.private)
        obstacles = [shapely.Polygon(o.polygon) for o in level.obstacles]
        windows = [
            shapely.buffer(shapely.LineString(o.points), o.depth_m / 2, cap_style="flat")
            for o in level.openings
            if o.kind == "window"
        ]
        self.blocked = shapely.union_all([self.solids, *obstacles, *windows])
        self.blocked_margin = shapely.buffer(self.blocked, BLOCK_MARGIN_M)
        self.doors = [
            (
                o,
                shapely.buffer(
                    shapely.LineString(o.points), o.depth_m / 2 + 0.15, cap_style="flat"
                ),
            )
            for o in level.openings
            if o.kind == "door"
        ]
        self.door_union = shapely.union_all([r for _, r in self.doors]) if self.doors else None
        self.walls = [
            (
                w.id,
                shapely.buffer(shapely.LineString(w.points), w.thickness_m / 2, cap_style="flat"),
            )
            for w in level.walls
            if len(w.points) >= 2
        ]
        self.private_zones = [
            shapely.Polygon(z.polygon) for z in level.zones if z.kind == "private"
        ]
        shapely.prepare(self.blocked)
        shapely.prepare(self.private)
        self.cap = plan.settings.sign_viewing_distance_m

    def walkable(self, p: shapely.Point) -> bool:
        return not self.blocked.contains(p)

    def reachable(self, q: tuple[float, float], p: shapely.Point) -> bool:
        """``p`` is free floor reached from ``q`` without crossing a wall or an obstacle."""
        return self.walkable(p) and not self.blocked.intersects(shapely.LineString([q, p]))

    def zones_at(self, geom: BaseGeometry) -> list[str]:
        return [zid for zid, poly in self.public if poly.intersects(geom)]


def _entrances(ctx: _LevelContext, camera_id: str, cov: BaseGeometry) -> list[_Raw]:
    cp = shapely.intersection(cov, ctx.region)
    if cp.area <= MIN_AREA_M2:
        return []
    # Keep only the areal parts: a collection has no boundary.
    cp = shapely.union_all([g for g in _parts(shapely.make_valid(cp)) if g.area > 0])
    shapely.prepare(cp)
    x0, y0, x1, y1 = cp.bounds
    window = shapely.box(x0 - 6, y0 - 6, x1 + 6, y1 + 6)
    outside = shapely.difference(shapely.difference(window, ctx.blocked), cp)
    pockets = [g for g in _parts(outside) if g.area < POCKET_M2]
    crossable = shapely.difference(cp.boundary, ctx.blocked_margin)
    if pockets:
        crossable = shapely.difference(crossable, shapely.buffer(shapely.union_all(pockets), 0.05))
    crossable = shapely.line_merge(crossable) if not crossable.is_empty else crossable
    out: list[_Raw] = []
    if crossable.is_empty:
        return out
    # Stretches in a doorway are door entrances; the rest of the boundary is open edges.
    for door, region in ctx.doors:
        part = shapely.intersection(crossable, region)
        lines = [g for g in _parts(part) if g.geom_type == "LineString"]
        if sum(g.length for g in lines) >= MIN_ENTRANCE_M:
            raw = _door_entrance(ctx, camera_id, cp, door, max(lines, key=lambda g: g.length))
            if raw is not None:
                out.append(raw)
    if ctx.door_union is not None:
        crossable = shapely.difference(crossable, ctx.door_union)
        crossable = shapely.line_merge(crossable) if not crossable.is_empty else crossable
    for piece in _parts(crossable):
        if piece.geom_type != "LineString" or piece.length < MIN_ENTRANCE_M:
            continue
        k = max(1, math.ceil(piece.length / EDGE_SPACING_M - 1e-9))
        for i in range(k):
            raw = _edge_entrance(ctx, camera_id, cp, piece, (i + 0.5) / k, k)
            if raw is not None:
                out.append(raw)
    return out


def _outward(cp: BaseGeometry, piece: BaseGeometry, t: float) -> tuple[float, float, float, float]:
    """A point on the piece at fraction ``t`` and the unit normal pointing out of ``cp``."""
    d = piece.length
    a = piece.interpolate(max(0.0, t * d - 0.05))
    b = piece.interpolate(min(d, t * d + 0.05))
    q = piece.interpolate(t * d)
    tx, ty = b.x - a.x, b.y - a.y
    n = math.hypot(tx, ty) or 1.0
    nx, ny = -ty / n, tx / n
    if cp.contains(shapely.Point(q.x + nx * 0.05, q.y + ny * 0.05)):
        nx, ny = -nx, -ny
    return q.x, q.y, nx, ny


def _door_entrance(ctx: _LevelContext, camera_id: str, cp, door, piece) -> _Raw | None:
    (ax, ay), (bx, by) = door.points
    length = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = -(by - ay) / length, (bx - ax) / length
    _, _, ox, oy = _outward(cp, piece, 0.5)
    if nx * ox + ny * oy < 0:
        nx, ny = -nx, -ny
    mx, my = (ax + bx) / 2, (ay + by) / 2
    off = door.depth_m / 2 + DOOR_SETBACK_M
    pos = shapely.Point(mx + nx * off, my + ny * off)
    note = ""
    facing = _angle(nx, ny)
    if ctx.private.contains(pos):
        # The approach is a private space: post the sign on the covered side, facing the
        # door, where people leaving that space read it.
        pos = shapely.Point(mx - nx * off, my - ny * off)
        note = "approach is a private space: posted on the covered side, facing the door"
    return _Raw(
        (round(pos.x, 3), round(pos.y, 3)),
        facing,
        camera_id,
        "door",
        door.id,
        ((ax, ay), (bx, by)),
        note,
        ctx.zones_at(piece),
    )


def _edge_entrance(ctx: _LevelContext, camera_id: str, cp, piece, t: float, k: int) -> _Raw | None:
    qx, qy, nx, ny = _outward(cp, piece, t)
    room = shapely.Point(qx + nx * ROOM_M, qy + ny * ROOM_M)
    if cp.contains(room) or not ctx.reachable((qx, qy), room):
        return None  # no floor to approach from (a strip along a wall): not a way in
    seg_len = piece.length / k
    a = piece.interpolate(max(0.0, (t * piece.length) - seg_len / 2))
    b = piece.interpolate(min(piece.length, (t * piece.length) + seg_len / 2))
    entrance = ((a.x, a.y), (b.x, b.y))
    zones = ctx.zones_at(piece)
    for setback in (SETBACK_M, 0.5, 1.0, 0.3):
        pos = shapely.Point(qx + nx * setback, qy + ny * setback)
        if not ctx.reachable((qx, qy), pos) or cp.contains(pos):
            continue
        if ctx.private.contains(pos):
            inside = shapely.Point(qx - nx * 0.3, qy - ny * 0.3)
            if not ctx.reachable((qx, qy), inside):
                return None
            return _Raw(
                (round(inside.x, 3), round(inside.y, 3)),
                _angle(nx, ny),
                camera_id,
                "edge",
                None,
                entrance,
                "approach is a private space: posted on the covered side",
                zones,
            )
        return _Raw(
            (round(pos.x, 3), round(pos.y, 3)),
            _angle(nx, ny),
            camera_id,
            "edge",
            None,
            entrance,
            "",
            zones,
        )
    return None


def _mount(
    ctx: _LevelContext, raw: _Raw, width: float
) -> tuple[tuple[float, float], float, str | None, str] | None:
    """(position, facing, wall id, side) of the sign for ``raw`` on a wall face, or None when no
    wall face is at hand (the sign keeps its free-standing place)."""
    if ctx.solids.is_empty:
        return None
    if raw.kind == "door":
        (ax, ay), (bx, by) = raw.entrance
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        mx, my = (ax + bx) / 2, (ay + by) / 2
        # The side of the door the sign is read from: the approach, or the covered side when
        # the approach is a private space (see _door_entrance).
        nx, ny = -uy, ux
        if (raw.position[0] - mx) * nx + (raw.position[1] - my) * ny < 0:
            nx, ny = -nx, -ny
        along = DOOR_GAP_M + width / 2
        # Person walking up faces -n; their right hand is (-ny, nx) rotated: (dy, -dx) of -n.
        rx, ry = -ny, nx
        for ex, ey, dx, dy in ((ax, ay, -ux, -uy), (bx, by, ux, uy)):
            c = (ex + dx * along + nx * 0.3, ey + dy * along + ny * 0.3)
            got = _on_face(ctx, c, 0.6)
            if got is None:
                continue
            pos, facing = got
            if _angle_diff(facing, _angle(nx, ny)) > 30.0:
                continue  # the face found is not the door's wall (a return, a corner)
            side = "right" if (pos[0] - mx) * rx + (pos[1] - my) * ry > 0 else "left"
            return pos, facing, _wall_at(ctx, pos), side
        return None
    got = _on_face(ctx, raw.position, EDGE_WALL_M)
    if got is None:
        return None
    pos, facing = got
    if not ctx.reachable(raw.position, shapely.Point(pos)):
        return None
    return pos, facing, _wall_at(ctx, pos), ""


def _on_face(
    ctx: _LevelContext, c: tuple[float, float], reach: float
) -> tuple[tuple[float, float], float] | None:
    """The point just in front of the wall face nearest ``c`` (within ``reach``), facing away from
    the wall, when that point is free, public floor."""
    pt = shapely.Point(c)
    if ctx.solids.distance(pt) > reach or ctx.solids.contains(pt):
        return None
    q = shapely.shortest_line(ctx.solids, pt).coords[0]
    dx, dy = c[0] - q[0], c[1] - q[1]
    d = math.hypot(dx, dy)
    if d < 1e-9:
        return None
    pos = (round(q[0] + dx / d * WALL_STANDOFF_M, 3), round(q[1] + dy / d * WALL_STANDOFF_M, 3))
    p = shapely.Point(pos)
    if not ctx.walkable(p) or ctx.private.contains(p):
        return None
    return pos, _angle(dx, dy)


def _wall_at(ctx: _LevelContext, pos: tuple[float, float]) -> str | None:
    pt = shapely.Point(pos)
    best = min(ctx.walls, key=lambda w: w[1].distance(pt), default=None)
    return best[0] if best is not None and best[1].distance(pt) <= MAX_WALL_GAP_M else None


def _merge(raws: list[_Raw]) -> list[tuple[_Raw, list[str], list[str]]]:
    """Group raw entrances: the same door side, or edge signs close together facing alike."""
    groups: list[tuple[_Raw, list[str], list[str]]] = []
    for r in raws:
        for g, cams, zones in groups:
            same_door = r.kind == g.kind == "door" and r.opening == g.opening
            near = (
                math.dist(r.position, g.position) <= MERGE_M
                and _angle_diff(r.facing, g.facing) <= 60.0
            )
            if (same_door and math.dist(r.position, g.position) < 0.05) or (
                r.kind == g.kind and not same_door and near and r.kind == "edge"
            ):
                if r.camera not in cams:
                    cams.append(r.camera)
                zones += [z for z in r.zones if z not in zones]
                break
        else:
            groups.append((r, [r.camera], list(r.zones)))
    return groups


@dataclass
class _Drivers:
    """The pack's car-park rule: its parameters and the size drivers can read."""

    params: dict
    size: tuple[float, float]


def _size_at(
    ctx: _LevelContext,
    zones: list[tuple[Zone, BaseGeometry]],
    drivers: _Drivers | None,
    pos: tuple[float, float],
    facing: float,
) -> tuple[float, float, float, bool]:
    """(width, height, viewing distance, for drivers): the standard size for the open floor in
    front of the sign, or, near a car park where the pack asks for it, the size drivers read."""
    dist = derived_viewing_distance(pos, facing, ctx.solids, ctx.cap)
    w, h = standard_size(dist)
    if drivers is not None and drivers_zone(zones, pos, drivers.params) is not None:
        dw, dh = drivers.size
        if dw * dh > w * h:
            return dw, dh, dist, True
    return w, h, dist, False


def suggest_signs(
    plan: Plan,
    analysis: Analysis,
    skip_announced: bool = True,
    level_ids: Iterable[str] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[SignSuggestion]:
    """Suggested signs at every entrance into a camera's covered public area.

    With ``skip_announced``, a camera is left off a suggestion when an existing sign within
    ``EXISTING_M`` already announces it (and a suggestion left with no camera is dropped).
    ``level_ids`` limits the work to those levels. ``cancelled`` is polled between cameras and
    covered areas (a campus level takes a second or more); a true answer raises
    ``AnalysisCancelled``."""

    def stop_if_cancelled() -> None:
        if cancelled is not None and cancelled():
            raise AnalysisCancelled

    wanted = set(level_ids) if level_ids is not None else None
    out: list[SignSuggestion] = []
    # Where the rule pack asks for car-park signs that drivers can read (the British pack).
    try:
        pack = load_pack(plan.rules)
    except PackError:
        pack = None
    params = driver_params(pack) if pack is not None else None
    drivers = None
    if pack is not None and params is not None:
        titles = pack_titles(pack)
        reading_m = driver_distance(titles[0] if titles else "", params["speed_kmh"])[1]
        drivers = _Drivers(params, standard_size(reading_m, titles))
    for level in plan.levels:
        if wanted is not None and level.id not in wanted:
            continue
        ctx = _LevelContext(plan, level, analysis)
        if ctx.region.is_empty:
            continue
        raws: list[_Raw] = []
        # Entrances are where people walk into the covered part of a public place, whichever
        # camera covers it: the edges between two cameras' views are not entrances. A sign at
        # an entrance announces every camera that watches the covered area behind it.
        seen: list[tuple[str, BaseGeometry]] = []
        for camera in level.cameras:
            stop_if_cancelled()
            here = shapely.Point(camera.position)
            if any(z.covers(here) for z in ctx.private_zones):
                continue  # to be removed, never announced (CAMERA_IN_PRIVATE_SPACE)
            cr = analysis.camera(level.id, camera.id)
            if cr is None or cr.coverage.coverage.is_empty:
                continue
            part = shapely.intersection(cr.coverage.coverage, ctx.region)
            if part.area > MIN_AREA_M2:
                seen.append((camera.id, part))
        covered = shapely.union_all([g for _, g in seen]) if seen else shapely.Polygon()
        for area in _parts(covered):
            stop_if_cancelled()
            if area.area <= MIN_AREA_M2:
                continue
            watching = [cid for cid, g in seen if shapely.intersection(g, area).area > MIN_AREA_M2]
            for raw in _entrances(ctx, "", area):
                raws += [replace(raw, camera=cid) for cid in watching]
        level_zones = [
            (z, r.polygon) for z in level.zones if (r := analysis.zone(level.id, z.id)) is not None
        ]

        for raw, cams, zones in _merge(raws):
            pos, facing = raw.position, raw.facing
            w, h, dist, for_drivers = _size_at(ctx, level_zones, drivers, pos, facing)
            wall, side, note = None, "", raw.note
            mounted = _mount(ctx, raw, w)
            if mounted is not None:
                pos, facing, wall, side = mounted
                w, h, dist, for_drivers = _size_at(ctx, level_zones, drivers, pos, facing)
            else:
                note = (note + "; " if note else "") + "no wall at hand: mount on a post"
            if for_drivers:
                note = (note + "; " if note else "") + "sized for drivers in the car park"
            # One sign per entrance: an existing sign close by, facing alike, takes the cameras.
            way_in = shapely.LineString(raw.entrance)
            near = [
                sg
                for sg in level.signs
                if min(math.dist(sg.position, pos), way_in.distance(shapely.Point(sg.position)))
                <= EXISTING_M
                and _angle_diff(sg.facing_deg, facing) <= 90.0
            ]
            extends = None
            if near:
                sg = min(near, key=lambda sg: math.dist(sg.position, pos))
                if skip_announced:
                    cams = [c for c in cams if c not in sg.covers]
                if not cams:
                    continue
                extends = sg.id
                pos, facing = (float(sg.position[0]), float(sg.position[1])), sg.facing_deg % 360
                wall, side, note = _wall_at(ctx, pos), "", "adds cameras to an existing sign"
                w, h = sg.width_m, sg.height_m
                cams = [*sg.covers, *(c for c in cams if c not in sg.covers)]
            elif skip_announced:
                cams = [
                    c
                    for c in cams
                    if not any(
                        c in sg.covers and math.dist(sg.position, pos) <= EXISTING_M
                        for sg in level.signs
                    )
                ]
                if not cams:
                    continue
            # Suggestions of this run at the same place (two entrances met at one wall) merge.
            twin = next(
                (
                    o
                    for o in out
                    if o.level_id == level.id
                    and o.extends == extends
                    and math.dist(o.position, pos) <= 0.5
                    and _angle_diff(o.facing_deg, facing) <= 60.0
                ),
                None,
            )
            if twin is not None:
                twin.covers += [c for c in cams if c not in twin.covers]
                continue
            out.append(
                SignSuggestion(
                    id=f"suggest-{level.id}-{len(out) + 1}",
                    level_id=level.id,
                    position=pos,
                    facing_deg=round(facing, 1),
                    covers=cams,
                    kind=raw.kind,
                    opening=raw.opening,
                    entrance=raw.entrance,
                    width_m=w,
                    height_m=h,
                    viewing_distance_m=round(dist, 2),
                    note=note,
                    zones=zones,
                    wall=wall,
                    side=side,
                    extends=extends,
                )
            )
    return out


def apply_suggestions(plan: Plan, suggestions: Iterable[SignSuggestion]) -> list[Sign]:
    """Put ``suggestions`` into ``plan``: new signs get fresh plan-wide ids, a suggestion that
    ``extends`` an existing sign sets that sign's ``covers``. Returns the signs added or
    changed, in order."""
    ids = IdAllocator.for_plan(plan)
    levels = {lv.id: lv for lv in plan.levels}
    changed: list[Sign] = []
    for s in suggestions:
        level = levels.get(s.level_id)
        if level is None:
            continue
        old = next((sg for sg in level.signs if sg.id == s.extends), None) if s.extends else None
        if old is not None:
            old.covers = [*old.covers, *(c for c in s.covers if c not in old.covers)]
            changed.append(old)
            continue
        sign = s.to_sign(ids.new("signs"))
        level.signs.append(sign)
        changed.append(sign)
    return changed


__all__ = ["SignSuggestion", "apply_suggestions", "suggest_signs"]
