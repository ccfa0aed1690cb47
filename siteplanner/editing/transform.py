"""Whole-object edits without Qt: rotating a selection, duplicating objects and levels.

Each function returns what the editor puts in one undo command (``(object, field, value)``
changes, or new objects with fresh ids); nothing here changes the plan. Plan metres, angles in
degrees counter-clockwise from +x.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from siteplanner.editing.clipboard import RENAMED, copy_text, pasted
from siteplanner.editing.names import copy_names
from siteplanner.editing.registry import REGISTRY, collection_of, geometry
from siteplanner.model import Camera, Level, Plan, Sign
from siteplanner.model.ids import IdAllocator

Pt = tuple[float, float]
Change = tuple[Any, str, Any]

# The field of a point object that says which way it looks, turned with the object.
HEADING_FIELD = {Camera: "pan_deg", Sign: "facing_deg"}


def _points(obj: Any) -> list[Pt]:
    g = geometry(obj)
    if isinstance(g, tuple) and len(g) == 2 and not isinstance(g[0], tuple | list):
        return [(float(g[0]), float(g[1]))]
    return [(float(p[0]), float(p[1])) for p in g]


def bounds(objects: Sequence[Any]) -> tuple[float, float, float, float] | None:
    """(min x, min y, max x, max y) of the objects' geometry; None for no objects."""
    pts = [p for obj in objects for p in _points(obj)]
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def rotate_point(p: Pt, centre: Pt, angle_deg: float) -> Pt:
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    dx, dy = p[0] - centre[0], p[1] - centre[1]
    # Rounded as the snapping rounds, so that 4 × 90° gives back the very coordinates.
    return (round(centre[0] + c * dx - s * dy, 9), round(centre[1] + s * dx + c * dy, 9))


def normal_angle(deg: float) -> float:
    """``deg`` in [0, 360), without the float noise of repeated turns."""
    return round(deg % 360.0, 9) % 360.0


def rotation_changes(
    objects: Sequence[Any], angle_deg: float, centre: Pt | None = None
) -> list[Change]:
    """Turn ``objects`` by ``angle_deg`` about ``centre`` (default: the centre of their bounds,
    so one camera or sign turns in place). Cameras' pan and signs' facing turn with them."""
    box = bounds(objects)
    if box is None:
        return []
    if centre is None:
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    out: list[Change] = []
    for obj in objects:
        field = collection_of(obj).field
        value = geometry(obj)
        pts = _points(obj)
        turned = [rotate_point(p, centre, angle_deg) for p in pts]
        if isinstance(value, tuple) and len(pts) == 1 and not isinstance(value[0], tuple | list):
            if turned[0] != (float(value[0]), float(value[1])):
                out.append((obj, field, turned[0]))
        else:
            out.append((obj, field, turned))
        heading = HEADING_FIELD.get(type(obj))
        if heading is not None:
            out.append((obj, heading, normal_angle(getattr(obj, heading) + angle_deg)))
    return out


def duplicates(
    objects: Sequence[Any], plan: Plan, offset: Pt, ids: IdAllocator | None = None
) -> list[tuple[str, Any]]:
    """Copies of ``objects`` for the same level: fresh plan-wide ids, moved by ``offset``, a
    copied sign covering the copies of copied cameras (as a paste does)."""
    return pasted(copy_text(objects), plan, offset=offset, ids=ids)


def duplicate_level(plan: Plan, level: Level, name: str, ids: IdAllocator | None = None) -> Level:
    """A copy of ``level`` (everything on it, its background too) with a fresh level id and fresh
    object ids from the plan's one allocator, so ids stay unique across the plan; signs on the
    copy cover the copies of the cameras they covered; cameras renamed as a paste renames them.
    Not added to the plan."""
    ids = ids or IdAllocator.for_plan(plan)
    copy = level.model_copy(deep=True)
    copy.id = ids.new("levels")
    copy.name = name
    renamed: dict[str, str] = {}
    for entry in REGISTRY:
        for obj in getattr(copy, entry.name):
            old, obj.id = obj.id, ids.new(entry.name)
            renamed[old] = obj.id
    for sign in copy.signs:
        sign.covers = [renamed.get(c, c) for c in sign.covers]
    # Names as a paste gives them: cameras renumbered after the plan's (CAM-01 → CAM-06).
    for coll, numbered_only in RENAMED.items():
        objects = getattr(copy, coll)
        taken = [o.name for lv in plan.levels for o in getattr(lv, coll)]
        for obj, new in zip(
            objects, copy_names([o.name for o in objects], taken, numbered_only), strict=True
        ):
            obj.name = new
    return copy


def level_below(plan: Plan, level_id: str) -> Level | None:
    """The level under ``level_id``: the highest one below its elevation (levels at the same
    elevation: the one before it in the plan's list). None for the lowest."""
    here = plan.level(level_id)
    if here is None:
        return None
    index = plan.levels.index(here)
    below = [
        (lv.elevation_m, i, lv)
        for i, lv in enumerate(plan.levels)
        if lv is not here
        and (
            lv.elevation_m < here.elevation_m or (lv.elevation_m == here.elevation_m and i < index)
        )
    ]
    return max(below, key=lambda t: (t[0], t[1]))[2] if below else None
