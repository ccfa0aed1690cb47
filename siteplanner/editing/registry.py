"""The plan's collections in one table: what each level list holds, its id prefix, and which
field carries its geometry. Everything that walks a level's objects (the canvas, the tools, the
clipboard, the DXF import, the placement) reads it from here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from siteplanner.model import ID_PREFIX, Camera, Level, Obstacle, Opening, Plan, Sign, Wall, Zone
from siteplanner.model.plan import Item

Pt = tuple[float, float]
Shape = Literal["point", "polyline", "segment", "polygon"]


@dataclass(frozen=True, slots=True)
class Collection:
    """One list of a level: ``level.<name>`` holds ``cls`` objects with geometry in ``field``."""

    name: str
    cls: type[Item]
    prefix: str
    field: str
    shape: Shape
    # Whether the editor offers a handle on each vertex (a door is moved, not reshaped).
    vertices: bool


def _entry(name: str, cls: type[Item], field: str, shape: Shape, vertices: bool) -> Collection:
    return Collection(name, cls, ID_PREFIX[name], field, shape, vertices)


# In the model's order (the order of ``Level``'s lists and of ``ID_PREFIX``).
REGISTRY: tuple[Collection, ...] = (
    _entry("walls", Wall, "points", "polyline", vertices=True),
    _entry("openings", Opening, "points", "segment", vertices=False),
    _entry("obstacles", Obstacle, "polygon", "polygon", vertices=True),
    _entry("zones", Zone, "polygon", "polygon", vertices=True),
    _entry("cameras", Camera, "position", "point", vertices=False),
    _entry("signs", Sign, "position", "point", vertices=False),
)
_BY_NAME = {c.name: c for c in REGISTRY}
_BY_CLASS = {c.cls: c for c in REGISTRY}


def collection(name: str) -> Collection:
    """The entry for a level list name such as ``"cameras"`` (KeyError for another name)."""
    return _BY_NAME[name]


def collection_of(obj: Any) -> Collection:
    """The entry for a plan object (KeyError for something that is not one)."""
    return _BY_CLASS[type(obj)]


def geometry(obj: Any) -> Any:
    """The object's geometry value: a point, or a list of points."""
    return getattr(obj, collection_of(obj).field)


class Found(NamedTuple):
    level: Level
    collection: str
    obj: Any


def level_objects(level: Level) -> Iterator[tuple[str, Any]]:
    """(collection name, object) for everything on a level, in the model's order."""
    for entry in REGISTRY:
        for obj in getattr(level, entry.name):
            yield entry.name, obj


def find(plan: Plan, object_id: str, level_id: str | None = None) -> Found | None:
    """The object with ``object_id``: ids are unique across the plan, so there is at most one
    (``level_id`` narrows the search to one level)."""
    for level in plan.levels:
        if level_id is not None and level.id != level_id:
            continue
        for name, obj in level_objects(level):
            if obj.id == object_id:
                return Found(level, name, obj)
    return None


def translated(value: Any, dx: float, dy: float) -> Any:
    """A geometry value (one point or a list of points) moved by (dx, dy)."""
    if isinstance(value, tuple) and len(value) == 2 and not isinstance(value[0], tuple | list):
        return (value[0] + dx, value[1] + dy)
    return [(p[0] + dx, p[1] + dy) for p in value]


def moved(obj: Any, dx: float, dy: float) -> tuple[str, Any]:
    """(field, new value) that moves ``obj`` by (dx, dy)."""
    field = collection_of(obj).field
    return field, translated(getattr(obj, field), dx, dy)
