"""Snapping: the point a click or a drag lands on.

A :class:`SnapIndex` holds one level's vertices (of walls, zones and obstacles), wall centre
lines and wall faces (the outlines of the wall solids, mitred as the analysis builds them) in
Shapely STRtrees, so a query looks only at what lies within the snap distance (``dwithin``) —
a campus level holds thousands of walls — and the endpoints and lines of the level's drawing
underlay (:mod:`siteplanner.editing.underlay`), to trace over. Grid snapping and the 0/45/90°
constraint are plain functions. Plan metres throughout.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import shapely

from siteplanner.editing.underlay import UnderlaySnap, parse_underlay, underlay_of
from siteplanner.geometry.walls import polylines, wall_solids
from siteplanner.model import Level, Wall

Pt = tuple[float, float]
SnapKind = Literal[
    "vertex", "face_vertex", "underlay_vertex", "wall", "face", "underlay", "grid", "angle", "free"
]

# Beyond this many objects edited since the index was built, rebuilding is cheaper than
# checking each of them on every query.
STALE_LIMIT = 64

_CENTRE, _FACE = 0, 1


@dataclass(frozen=True, slots=True)
class Snap:
    """Where a point snapped to, what kind of target it found, and on which object."""

    point: Pt
    kind: SnapKind
    obj: Any = None


@dataclass(frozen=True, slots=True)
class WallHit:
    """The segment ``a``–``b`` of ``wall`` nearest a point, and the nearest point on it."""

    wall: Wall
    a: Pt
    b: Pt
    point: Pt
    distance: float


def snap_to_grid(p: Pt, step: float) -> Pt:
    return (round(round(p[0] / step) * step, 6), round(round(p[1] / step) * step, 6))


def constrain_angle(
    anchor: Pt, p: Pt, step_deg: float = 45.0, length_step: float | None = None
) -> Pt:
    """``p`` moved onto the nearest ray from ``anchor`` at a multiple of ``step_deg``, at the
    length of its projection on that ray (rounded to ``length_step`` when given)."""
    dx, dy = p[0] - anchor[0], p[1] - anchor[1]
    step = math.radians(step_deg)
    ang = round(math.atan2(dy, dx) / step) * step
    ux, uy = math.cos(ang), math.sin(ang)
    length = dx * ux + dy * uy
    if length_step:
        length = round(length / length_step) * length_step
    return (round(anchor[0] + ux * length, 6), round(anchor[1] + uy * length, 6))


def grid_offset(dx: float, dy: float, step: float | None, lock_axis: bool = False) -> Pt:
    """A drag's offset: with ``lock_axis`` only along its larger component, then rounded to
    whole grid steps (when ``step`` is given), so moved objects stay on the grid."""
    if lock_axis:
        if abs(dx) > abs(dy):
            dy = 0.0
        else:
            dx = 0.0
    if step:
        dx, dy = round(dx / step) * step, round(dy / step) * step
    return dx, dy


def direction_deg(origin: Pt, p: Pt, step_deg: float = 1.0) -> float:
    """The direction from ``origin`` to ``p`` (counter-clockwise from +x, degrees), rounded to
    ``step_deg``: how a camera's pan follows the cursor."""
    ang = math.degrees(math.atan2(p[1] - origin[1], p[0] - origin[0]))
    return round(ang / step_deg) * step_deg


def nearest_on_segment(p: Pt, a: Pt, b: Pt) -> Pt:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return (ax + t * dx, ay + t * dy)


def _vertices(obj: Any) -> Sequence[Pt]:
    return obj.points if isinstance(obj, Wall) else obj.polygon


class SnapIndex:
    """What a level offers to snap to, indexed.

    The index describes the level as it was when built. Objects edited since then are named to
    :meth:`touch`, and :meth:`sync` finds those added or removed: the entries of edited and
    removed ones are ignored, and the current shape of edited and added ones is looked at
    directly, so neither a drag nor placing an object rebuilds the index (tens of milliseconds
    on a campus level). Past ``STALE_LIMIT`` such objects, a new index is cheaper.
    """

    def __init__(self, level: Level, underlay: UnderlaySnap | None = None) -> None:
        self.level = level
        # The drawing under the level (its visible layers): endpoints and lines to trace over.
        self.underlay = underlay
        walls = list(level.walls)
        shapes: list[Any] = [*walls, *level.zones, *level.obstacles]
        # Holding the objects keeps their id() from being reused while the index lives.
        self._owners = shapes
        self._owner_ids = {id(o): i for i, o in enumerate(shapes)}
        self._stale: dict[int, Any] = {}  # indexed objects edited since
        self._added: dict[int, Any] = {}  # objects the level gained since
        self._removed: set[int] = set()  # owner numbers of indexed objects it lost since
        self._max_half = max((w.thickness_m / 2 for w in walls), default=0.0)
        # Vertices: the objects' own, then the corners of the wall solids.
        lists = [_vertices(o) for o in shapes]
        coords = np.array([p for pts in lists for p in pts], dtype=float).reshape(-1, 2)
        owner = np.repeat(np.arange(len(shapes)), [len(pts) for pts in lists])
        kind = np.zeros(len(coords), dtype=np.int8)
        solids = wall_solids(walls)
        faces = shapely.boundary(solids) if len(walls) else np.empty(0, dtype=object)
        if len(walls):
            fc, fi = shapely.get_coordinates(faces, return_index=True)
            coords = np.vstack([coords, fc])
            owner = np.concatenate([owner, fi])
            kind = np.concatenate([kind, np.ones(len(fc), dtype=np.int8)])
        self._vx, self._vx_owner, self._vx_kind = coords, owner, kind
        self._vx_tree = shapely.STRtree(shapely.points(coords)) if len(coords) else None
        # Lines: each wall's centre line, then each wall's faces.
        centres = polylines([w.points for w in walls]) if walls else np.empty(0, dtype=object)
        self._lines = np.concatenate([centres, faces])
        n = len(walls)
        self._line_owner = np.concatenate([np.arange(n), np.arange(n)])
        self._line_kind = np.concatenate([np.full(n, _CENTRE), np.full(n, _FACE)]).astype(np.int8)
        self._line_tree = shapely.STRtree(self._lines) if len(self._lines) else None

    @property
    def max_half_thickness(self) -> float:
        """Half the thickness of the level's thickest wall."""
        edited = (o.thickness_m / 2 for o in self._live_objects(None) if isinstance(o, Wall))
        return max([self._max_half, *edited])

    # -- keeping up with edits -----------------------------------------------------------------
    def touch(self, objects: Iterable[Any]) -> None:
        """Objects whose geometry changed since the index was built."""
        for obj in objects:
            k = id(obj)
            if k in self._owner_ids and self._owner_ids[k] not in self._removed:
                self._stale[k] = obj

    def sync(self) -> None:
        """Catch up with the objects added to or removed from the level since the build."""
        current = {id(o): o for o in (*self.level.walls, *self.level.zones, *self.level.obstacles)}
        self._added = {k: o for k, o in current.items() if k not in self._owner_ids}
        self._removed = {i for k, i in self._owner_ids.items() if k not in current}
        self._stale = {k: o for k, o in self._stale.items() if k in current}

    @property
    def outdated(self) -> bool:
        """True when a new index would serve better: many objects edited, added or removed."""
        return len(self._stale) + len(self._added) + len(self._removed) > STALE_LIMIT

    def _live(self, owner_idx: np.ndarray, skip: Any) -> np.ndarray:
        """Mask of index entries whose owner is not edited, removed or ``skip``."""
        if not self._stale and not self._removed and skip is None:
            return np.ones(len(owner_idx), dtype=bool)
        drop = {self._owner_ids[k] for k in self._stale} | self._removed
        if skip is not None and id(skip) in self._owner_ids:
            drop.add(self._owner_ids[id(skip)])
        return ~np.isin(owner_idx, np.fromiter(drop, dtype=np.intp, count=len(drop)))

    def _live_objects(self, skip: Any) -> list[Any]:
        """Edited and added objects: looked at as they are now, not through the trees."""
        return [o for o in (*self._stale.values(), *self._added.values()) if o is not skip]

    # -- queries -------------------------------------------------------------------------------
    def nearest_vertex(
        self, p: Pt, tol: float, faces: bool = False, skip: Any = None
    ) -> Snap | None:
        """The nearest vertex within ``tol`` (with ``faces``, the corners of wall solids too)."""
        best: tuple[float, Pt, Any, SnapKind] | None = None
        if self._vx_tree is not None:
            idx = self._vx_tree.query(shapely.Point(p), predicate="dwithin", distance=tol)
            if len(idx):
                idx = idx[self._live(self._vx_owner[idx], skip)]
                if not faces:
                    idx = idx[self._vx_kind[idx] == 0]
            if len(idx):
                d = np.hypot(self._vx[idx, 0] - p[0], self._vx[idx, 1] - p[1])
                k = int(np.argmin(d))
                i = int(idx[k])
                kind: SnapKind = "vertex" if self._vx_kind[i] == 0 else "face_vertex"
                q = (float(self._vx[i, 0]), float(self._vx[i, 1]))
                best = (float(d[k]), q, self._owners[int(self._vx_owner[i])], kind)
        for obj in self._live_objects(skip):
            pts: list[tuple[Pt, SnapKind]] = [(tuple(q), "vertex") for q in _vertices(obj)]
            if faces and isinstance(obj, Wall):
                ring = shapely.get_coordinates(shapely.boundary(wall_solids([obj])))
                pts += [((float(x), float(y)), "face_vertex") for x, y in ring]
            for q, kind in pts:
                d = math.dist(p, q)
                if d <= tol and (best is None or d < best[0]):
                    best = (d, (float(q[0]), float(q[1])), obj, kind)
        return None if best is None else Snap(best[1], best[3], best[2])

    def nearest_on_wall(
        self, p: Pt, tol: float, faces: bool = False, skip: Any = None
    ) -> Snap | None:
        """The nearest point within ``tol`` on a wall's centre line (with ``faces``, or on the
        outline of its solid, whichever is nearer)."""
        pt = shapely.Point(p)
        cands: list[tuple[Any, int, Any]] = []  # (geometry, kind, wall)
        if self._line_tree is not None:
            idx = self._line_tree.query(pt, predicate="dwithin", distance=tol)
            if len(idx):
                idx = idx[self._live(self._line_owner[idx], skip)]
                if not faces:
                    idx = idx[self._line_kind[idx] == _CENTRE]
            cands += [
                (self._lines[i], int(self._line_kind[i]), self._owners[int(self._line_owner[i])])
                for i in idx
            ]
        for obj in self._live_objects(skip):
            if isinstance(obj, Wall):
                cands.append((polylines([obj.points])[0], _CENTRE, obj))
                if faces:
                    cands.append((shapely.boundary(wall_solids([obj]))[0], _FACE, obj))
        if not cands:
            return None
        geoms = np.array([c[0] for c in cands], dtype=object)
        d = shapely.distance(geoms, pt)
        k = int(np.argmin(d))
        if d[k] > tol:
            return None
        x, y = shapely.get_coordinates(shapely.shortest_line(geoms[k], pt))[0]
        kind: SnapKind = "wall" if cands[k][1] == _CENTRE else "face"
        return Snap((float(x), float(y)), kind, cands[k][2])

    def snap(self, p: Pt, tol: float, faces: bool = False, skip: Any = None) -> Snap | None:
        """A vertex within ``tol``, else an endpoint of the drawing underlay, else the nearest
        wall point, else the nearest point on an underlay line (all within ``tol``); never on
        ``skip`` (the object whose vertex is being dragged: it would hold the vertex still)."""
        hit = self.nearest_vertex(p, tol, faces, skip)
        if hit is not None:
            return hit
        if self.underlay is not None:
            q = self.underlay.nearest_vertex(p, tol)
            if q is not None:
                return Snap(q, "underlay_vertex")
        hit = self.nearest_on_wall(p, tol, faces, skip)
        if hit is not None:
            return hit
        if self.underlay is not None:
            on = self.underlay.nearest_on_line(p, tol)
            if on is not None:
                return Snap(on[0], "underlay")
        return None

    def walls_near(self, p: Pt, radius: float) -> list[Wall]:
        """Walls whose centre line passes within ``radius`` of ``p``."""
        found: dict[int, Wall] = {}
        if self._line_tree is not None:
            idx = self._line_tree.query(shapely.Point(p), predicate="dwithin", distance=radius)
            idx = idx[self._line_kind[idx] == _CENTRE]
            idx = idx[self._live(self._line_owner[idx], None)]
            for i in idx:
                wall = self._owners[int(self._line_owner[i])]
                found[id(wall)] = wall
        for obj in self._live_objects(None):
            if isinstance(obj, Wall) and shapely.dwithin(
                polylines([obj.points])[0], shapely.Point(p), radius
            ):
                found[id(obj)] = obj
        return list(found.values())

    def nearest_wall(self, p: Pt, tol: float) -> WallHit | None:
        """The wall segment nearest ``p`` among those within ``tol`` of it or within their
        wall's own half thickness (a click anywhere on a thick wall counts)."""
        best: WallHit | None = None
        for wall in self.walls_near(p, max(tol, self.max_half_thickness)):
            reach = max(tol, wall.thickness_m / 2)
            pts = wall.points
            for a, b in zip(pts, pts[1:], strict=False):
                q = nearest_on_segment(p, a, b)
                d = math.dist(p, q)
                if d <= reach and (best is None or d < best.distance):
                    best = WallHit(wall, tuple(a), tuple(b), q, d)
        return best


def snap_point(
    p: Pt,
    index: SnapIndex | None,
    tol: float,
    grid: float | None = None,
    anchor: Pt | None = None,
    constrain: bool = False,
    faces: bool = False,
    skip: Any = None,
) -> Snap:
    """Where the cursor at ``p`` lands, in the editor's order of preference: with
    ``constrain`` and an ``anchor``, on the nearest 0/45/90° ray from the anchor (its length on
    the grid); else a vertex, else a wall (``index``, within ``tol``); else the grid point."""
    if constrain and anchor is not None:
        return Snap(constrain_angle(anchor, p, 45.0, grid), "angle")
    if index is not None:
        hit = index.snap(p, tol, faces, skip)
        if hit is not None:
            return hit
    if grid:
        return Snap(snap_to_grid(p, grid), "grid")
    return Snap(p, "free")


class SnapIndexCache:
    """The index of the level being edited, rebuilt only when it must be.

    Tell it about every edit: :meth:`edited` with the objects an edit changed, or ``None`` when
    it may have added or removed objects (the index then catches up when next asked for)."""

    def __init__(self) -> None:
        self._index: SnapIndex | None = None
        self._membership_changed = False
        # The underlay's trees, kept apart: they change only with the underlay mapping (an
        # import, a layer switched), not with the level's objects.
        self._underlay: tuple[Any, UnderlaySnap | None] | None = None

    def _underlay_snap(self, level: Level) -> UnderlaySnap | None:
        data = underlay_of(level)
        if self._underlay is None or self._underlay[0] is not data:
            found = UnderlaySnap(parse_underlay(data)) if data is not None else None
            self._underlay = (data, found)  # holding the mapping keeps its identity its own
        return self._underlay[1]

    def get(self, level: Level) -> SnapIndex:
        index = self._index
        if index is not None and index.level is level and self._membership_changed:
            index.sync()
        self._membership_changed = False
        underlay = self._underlay_snap(level)
        if (
            index is None
            or index.level is not level
            or index.outdated
            or index.underlay is not underlay
        ):
            index = self._index = SnapIndex(level, underlay)
        return index

    def edited(self, objects: Iterable[Any] | None) -> None:
        if objects is None:
            self._membership_changed = True
        elif self._index is not None:
            self._index.touch(objects)

    def clear(self) -> None:
        self._index = None
        self._underlay = None
