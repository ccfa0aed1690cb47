"""Budgets on what a plan may ask of the analysis, so that every plan is analysed in bounded time
and memory, or refused with a message that names the object and says what to do.

- A wall, obstacle or zone with more than ``MAX_POINTS`` points (a detailed outline from a DXF
  import) is simplified within ``SIMPLIFY_M`` (1 cm, below any drawing's precision) for the
  analysis; the rule ``GEOMETRY_SIMPLIFIED`` says so. One that still has more is refused: no
  tolerance the user did not choose may change a wall.
- A wall or obstacle that crosses itself more than ``MAX_SELF_CROSSINGS["wall"]`` times, a zone
  more than ``MAX_SELF_CROSSINGS["zone"]``, is refused: its solid (or repair) costs time and
  memory that grow with the square of its crossings, every camera near a wall pays for each hole
  the crossings leave, and what a repair would make of a scribble is no plan anyone drew.
- A level may hold ``MAX_LEVEL_OBJECTS`` objects and ``MAX_LEVEL_POINTS`` points (after
  simplification), a plan ``MAX_CAMERAS`` cameras and ``MAX_DETAILED_WALL_POINTS`` points in
  walls of many points: beyond that, split the site.
- While the analysis runs, a camera whose view takes more than ``MAX_CAMERA_SHADOWS`` shadows,
  or cameras that together take more than ``MAX_ANALYSIS_SHADOWS``, stop it with a refusal that
  names the camera (or level): the cost of a view grows with the detailed edges in it.

The refusals are :class:`PlanTooComplex` (a :class:`PlanFileError` with the field path), raised by
:func:`check_plan` before any work starts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import shapely

from siteplanner.fileformat import PlanFileError, clip
from siteplanner.model import Level, Plan

MAX_POINTS = 1_000
SIMPLIFY_M = 0.01
MAX_SELF_CROSSINGS = {"wall": 100, "obstacle": 100, "zone": 1_000}
MAX_LEVEL_OBJECTS = 50_000
MAX_LEVEL_POINTS = 50_000
MAX_CAMERAS = 3_000
# A wall with more points than this is built as the pieces around each of its joints (see
# ``walls.wall_pieces``), some 50 µs each: the plan may hold this many points in such walls.
PIECEWISE_POINTS = 32
MAX_DETAILED_WALL_POINTS = 40_000
# Shadows a camera's view may take, and a whole analysis (per process), an edge's shadow counting
# one, an obstacle's piece a half and a straight wall's an eighth: the union of a thousand thin
# overlapping shadows takes about half a second. The campus of `make bench` (1,000 cameras)
# takes about 2,200 in all.
MAX_CAMERA_SHADOWS = 1_500
MAX_ANALYSIS_SHADOWS = 12_000

Points = Sequence[tuple[float, float]]


class PlanTooComplex(PlanFileError):
    """A plan beyond the analysis budgets, naming the object and what to do."""


@dataclass(frozen=True)
class Simplified:
    """An object the analysis takes simplified within ``SIMPLIFY_M``."""

    kind: str  # "wall", "obstacle" or "zone"
    object_id: str
    field: str  # its field path, e.g. levels[0].walls[3].points
    before: int
    after: int


@lru_cache(maxsize=256)
def _simplified(points: tuple[tuple[float, float], ...], closed: bool) -> tuple:
    coords = np.asarray(points, dtype=float)
    if closed and not np.array_equal(coords[0], coords[-1]):
        coords = np.vstack([coords, coords[:1]])
    # Douglas-Peucker on the outline as a line: its ends stay, so a ring stays closed.
    line = shapely.simplify(shapely.linestrings(coords), SIMPLIFY_M, preserve_topology=False)
    out = shapely.get_coordinates(line)
    if closed:
        out = out[:-1]
    return tuple(map(tuple, out.tolist()))


def bounded_points(points: Points, closed: bool) -> Points:
    """The points the analysis uses: as drawn, or simplified within 1 cm beyond ``MAX_POINTS``."""
    if len(points) <= MAX_POINTS:
        return points
    out = _simplified(tuple(points), closed)
    # A polygon needs three points: a tiny outline drawn with thousands keeps its own.
    return out if len(out) >= (3 if closed else 2) else points


def self_crossings(points: Points, closed: bool, limit: int = 1_000) -> int:
    """How many times a polyline (or ring) crosses itself, counted up to just over ``limit``.

    Segments are queried against an STRtree in chunks, so the count stops growing (and the work
    stops) soon after it passes the limit."""
    coords = np.asarray(points, dtype=float)
    if closed:
        coords = np.vstack([coords, coords[:1]])
    if len(coords) < 4:
        return 0
    segs = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
    tree = shapely.STRtree(segs)
    count = 0
    for start in range(0, len(segs), 256):
        a, b = tree.query(segs[start : start + 256], predicate="crosses")
        count += int((a + start < b).sum())
        if count > limit:
            break
    return count


_KINDS = (("wall", "walls", "points", False), ("obstacle", "obstacles", "polygon", True))
_KINDS += (("zone", "zones", "polygon", True),)


def _outlines(level: Level) -> Iterator[tuple[str, str, int, Sequence[Any], bool]]:
    """(kind, collection, field, objects, closed) for each kind of outline a level holds."""
    for kind, collection, field, closed in _KINDS:
        yield kind, collection, field, getattr(level, collection), closed


def simplifications(plan: Plan, level: Level) -> list[Simplified]:
    """The objects of ``level`` that the analysis takes simplified."""
    li = next((i for i, lv in enumerate(plan.levels) if lv is level), 0)
    out = []
    for kind, collection, field, objects, closed in _outlines(level):
        for i, obj in enumerate(objects):
            pts = getattr(obj, field)
            if len(pts) > MAX_POINTS:
                used = bounded_points(pts, closed)
                if len(used) < len(pts):
                    path = f"levels[{li}].{collection}[{i}].{field}"
                    out.append(Simplified(kind, obj.id, path, len(pts), len(used)))
    return out


def check_plan(plan: Plan, file: str = "") -> None:
    """Refuse a plan beyond the budgets (``PlanTooComplex``, naming the object and what to do)."""
    cameras = sum(len(lv.cameras) for lv in plan.levels)
    if cameras > MAX_CAMERAS:
        raise PlanTooComplex(
            file,
            f"the plan has {cameras:,} cameras; at most {MAX_CAMERAS:,} can be analysed "
            "together: split the site into several plans",
            "levels",
        )
    detailed = 0
    for li, level in enumerate(plan.levels):
        objects = sum(
            len(getattr(level, k))
            for k in ("walls", "openings", "obstacles", "zones", "cameras", "signs")
        )
        if objects > MAX_LEVEL_OBJECTS:
            raise PlanTooComplex(
                file,
                f"level {clip(level.id)} has {objects:,} objects; at most "
                f"{MAX_LEVEL_OBJECTS:,} per level: split it into several levels",
                f"levels[{li}]",
            )
        total = 0
        for kind, collection, field, objects_, closed in _outlines(level):
            used = [getattr(o, field) for o in objects_]
            sizes = np.fromiter(map(len, used), dtype=np.intp, count=len(used))
            for i in np.nonzero(sizes > MAX_POINTS)[0]:  # few: simplify only those
                used[i] = bounded_points(used[i], closed)
                sizes[i] = len(used[i])
            total += int(sizes.sum())
            if kind == "wall":
                detailed += int(sizes[sizes > PIECEWISE_POINTS].sum())
                if detailed > MAX_DETAILED_WALL_POINTS:
                    raise PlanTooComplex(
                        file,
                        f"the walls of more than {PIECEWISE_POINTS} points up to level "
                        f"{clip(level.id)} have {detailed:,} points (at most "
                        f"{MAX_DETAILED_WALL_POINTS:,} in the plan): simplify detailed walls "
                        "in the drawing, or split the site",
                        f"levels[{li}].walls",
                    )
            for i in np.nonzero(sizes > MAX_POINTS)[0]:
                n = len(getattr(objects_[i], field))
                raise PlanTooComplex(
                    file,
                    f"{kind} {clip(objects_[i].id)} has {n:,} points, still {sizes[i]:,} when "
                    f"simplified within {SIMPLIFY_M * 100:g} cm (at most {MAX_POINTS:,}): "
                    f"split it into several {kind}s or simplify it in the drawing",
                    f"levels[{li}].{collection}[{i}].{field}",
                )
            limit = MAX_SELF_CROSSINGS[kind]
            for i in _crossing_themselves(used, sizes, closed):
                if self_crossings(used[i], closed, limit) > limit:
                    raise PlanTooComplex(
                        file,
                        f"{kind} {clip(objects_[i].id)} crosses itself more than {limit:,} times: "
                        "redraw it so that its edges do not cross",
                        f"levels[{li}].{collection}[{i}].{field}",
                    )
        if total > MAX_LEVEL_POINTS:
            raise PlanTooComplex(
                file,
                f"level {clip(level.id)} has {total:,} points in its walls, obstacles and "
                f"zones; at most {MAX_LEVEL_POINTS:,} per level: split it into several levels",
                f"levels[{li}]",
            )


def camera_too_complex(plan: Plan, level: Level, camera_id: str, shadows: float) -> PlanTooComplex:
    """The refusal of a camera whose view passes ``MAX_CAMERA_SHADOWS``."""
    li, ci = _camera_index(plan, level, camera_id)
    return PlanTooComplex(
        "",
        f"camera {clip(camera_id)} looks at more than {MAX_CAMERA_SHADOWS:,} wall and obstacle "
        f"edges ({shadows:,.0f}): simplify the detailed walls and obstacles in its view, or "
        "shorten its range",
        f"levels[{li}].cameras[{ci}]",
    )


def analysis_too_complex(plan: Plan, level: Level, shadows: float) -> PlanTooComplex:
    """The refusal of an analysis whose cameras' views together pass ``MAX_ANALYSIS_SHADOWS``."""
    li = next((i for i, lv in enumerate(plan.levels) if lv is level), 0)
    return PlanTooComplex(
        "",
        f"the cameras up to level {clip(level.id)} look at more than "
        f"{MAX_ANALYSIS_SHADOWS:,} wall and obstacle edges together ({shadows:,.0f}): "
        "simplify detailed walls and obstacles, or split the site into several plans",
        f"levels[{li}]",
    )


def _camera_index(plan: Plan, level: Level, camera_id: str) -> tuple[int, int]:
    li = next((i for i, lv in enumerate(plan.levels) if lv is level), 0)
    ci = next((i for i, c in enumerate(level.cameras) if c.id == camera_id), 0)
    return li, ci


def _crossing_themselves(outlines: list[Points], sizes: np.ndarray, closed: bool) -> list[int]:
    """Indices of the outlines (of at least 4 points: fewer cannot cross) that are not simple,
    found in one vectorised call."""
    idx = np.nonzero(sizes >= 4)[0].tolist()
    if not idx:
        return []
    rings = [list(outlines[i]) + ([outlines[i][0]] if closed else []) for i in idx]
    coords = np.array([p for r in rings for p in r], dtype=float)
    index = np.repeat(np.arange(len(rings)), [len(r) for r in rings])
    simple = shapely.is_simple(shapely.linestrings(coords, indices=index))
    return [i for i, ok in zip(idx, simple, strict=True) if not ok]
