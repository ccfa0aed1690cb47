"""Copy and paste of plan objects as data.

What is copied is JSON: a list of ``{"collection": "cameras", "object": {...}}`` in the plan
file's own form, so it survives the system clipboard and another editor window. A paste makes
new objects from it: each gets a fresh id, plan-wide unique (from one allocator, so pasting
twice gives ``c6`` then ``c7``), moved by an offset so it is seen beside the original; a pasted
sign that covered a pasted camera covers that camera's copy. Pasted cameras take the next free
number of their name's pattern (``CAM-05`` → ``CAM-07`` when ``CAM-06`` exists), zones and
obstacles too when their names are numbered (``siteplanner.editing.names``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from siteplanner.editing.defaults import DEFAULTS
from siteplanner.editing.names import copy_names
from siteplanner.editing.registry import collection, collection_of, moved
from siteplanner.model import Plan, Sign
from siteplanner.model.ids import IdAllocator

MIME = "application/x-siteplanner-objects"

# Collections whose pasted names are renumbered: cameras always (two CAM-05 confuse every
# schedule and finding), the others only when their names carry a number.
RENAMED = {"cameras": False, "zones": True, "obstacles": True}


class ClipboardError(ValueError):
    """What was on the clipboard is not plan objects this program can paste (one line)."""


def copy_text(objects: Sequence[Any]) -> str:
    """The clipboard text for plan objects (in their plan-file form)."""
    return json.dumps(
        [
            {"collection": collection_of(o).name, "object": o.model_dump(mode="json")}
            for o in objects
        ]
    )


def parse(data: str | bytes) -> list[tuple[str, Any]]:
    """(collection, object) pairs from clipboard text, objects validated as the file's."""
    try:
        entries = json.loads(data)
        if not isinstance(entries, list):
            raise ClipboardError("expected a list of plan objects")
        out = []
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or "collection" not in e or "object" not in e:
                raise ClipboardError(f"item {i}: expected collection and object")
            try:
                entry = collection(e["collection"])
            except (KeyError, TypeError):
                raise ClipboardError(f"item {i}: unknown collection {e['collection']!r}") from None
            out.append((entry.name, entry.cls.model_validate(e["object"])))
        return out
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise ClipboardError(f"{where}: {err['msg']}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        if isinstance(exc, ClipboardError):
            raise
        raise ClipboardError(f"not plan objects ({exc})".splitlines()[0]) from None


def pasted(
    data: str | bytes,
    plan: Plan,
    offset: tuple[float, float] = DEFAULTS.paste_offset_m,
    ids: IdAllocator | None = None,
) -> list[tuple[str, Any]]:
    """New objects for pasting ``data`` into ``plan``: fresh ids, moved by ``offset``, pasted
    signs' ``covers`` following their pasted cameras. Nothing is added to the plan here."""
    ids = ids or IdAllocator.for_plan(plan)
    objects = parse(data)
    renamed: dict[str, str] = {}
    for name, obj in objects:
        old = obj.id
        obj.id = ids.new(name)
        if old and name == "cameras":
            renamed[old] = obj.id
        field, value = moved(obj, *offset)
        setattr(obj, field, value)
    for _, obj in objects:
        if isinstance(obj, Sign):
            obj.covers = [renamed.get(c, c) for c in obj.covers]
    for coll, numbered_only in RENAMED.items():
        pasted_here = [obj for name, obj in objects if name == coll]
        if not pasted_here:
            continue
        taken = [o.name for lv in plan.levels for o in getattr(lv, coll)]
        names = copy_names([o.name for o in pasted_here], taken, numbered_only)
        for obj, name in zip(pasted_here, names, strict=True):
            obj.name = name
    return objects
