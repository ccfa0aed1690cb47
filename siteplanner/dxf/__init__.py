"""Importing CAD drawings (DXF) into plans: walls, doors, windows, columns and rooms from the
drawing's layers, at true size in metres, with the whole drawing kept as the level's underlay.

``import_dxf(path)`` returns the plan and the lines to tell the user; bad input raises
:class:`DxfError` with a one-line message that says what to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from siteplanner.dxf.build import build_level, layer_counts, underlay
from siteplanner.dxf.reader import (
    FLATTEN_M,
    UNIT_CODES,
    DxfError,
    drawing_units,
    explode,
    extents_size,
    guess_units,
    metres_per_unit,
    open_drawing,
    unit_name,
)
from siteplanner.dxf.roles import ROLES, assign_roles, parse_map, role_by_name
from siteplanner.model import Level, Plan
from siteplanner.model.ids import IdAllocator

__all__ = [
    "ROLES",
    "UNIT_CODES",
    "DxfError",
    "Imported",
    "assign_roles",
    "import_dxf",
    "parse_map",
    "role_by_name",
]


@dataclass
class Imported:
    plan: Plan
    units: str
    size_m: tuple[float, float]
    # (layer, entities, role) for every layer that holds something.
    layers: list[tuple[str, int, str | None]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def import_dxf(
    path: str | os.PathLike[str],
    units: str | None = None,
    mapping: Mapping[str, Iterable[str]] | None = None,
) -> Imported:
    """The plan the drawing at ``path`` makes. ``units`` (mm, cm, m, in, ft) overrides the
    drawing's own; ``mapping`` ({role: [layer names or patterns]}) overrides the roles its layer
    names suggest."""
    name = str(path)
    opened = open_drawing(path)
    doc = opened.doc
    messages = list(opened.repairs)
    code = drawing_units(doc)
    if units is not None:
        if units not in UNIT_CODES:
            raise DxfError(f"--units {units!r}: choose one of {', '.join(UNIT_CODES)}")
        if code and UNIT_CODES[units] != code:
            messages.append(f"the drawing says {unit_name(code)}; read as {units} (--units)")
        code = UNIT_CODES[units]
    elif code == 0 or code not in _KNOWN:
        size = extents_size(doc)
        if size <= 0:
            raise DxfError(f"{name}: the drawing is empty: nothing in its model space to import")
        metric = int(doc.header.get("$MEASUREMENT", 1) or 0) == 1
        guess = guess_units(size, metric)
        if guess is None:
            raise DxfError(
                f"{name}: the drawing has no units and its size ({size:g} units across) fits "
                "no floor: give them with --units mm|cm|m|in|ft"
            )
        messages.append(
            f"the drawing has no units: read as {unit_name(guess)} (it is then "
            f"{size * metres_per_unit(guess):.1f} m across); use --units to change"
        )
        code = guess
    scale = metres_per_unit(code)
    overrides = dict(mapping or {})
    cache: dict[str, str | None] = {}

    def role(layer: str) -> str | None:
        if layer not in cache:
            cache[layer] = assign_roles([layer], overrides)[layer]
        return cache[layer]

    exploded = explode(doc, role, code, FLATTEN_M / scale)
    if not exploded.polylines:
        raise DxfError(
            f"{name}: the drawing is empty: no lines, arcs or polylines in its model space"
        )
    # Metres, with the drawing's lower-left corner at the plan's origin.
    lo = np.min([p.min(axis=0) for _, p, _, _ in exploded.polylines], axis=0)
    hi = np.max([p.max(axis=0) for _, p, _, _ in exploded.polylines], axis=0)
    polys = [(layer, (p - lo) * scale, c, g) for layer, p, c, g in exploded.polylines]
    texts = [
        (layer, text, (x - lo[0]) * scale, (y - lo[1]) * scale, h * scale)
        for layer, text, x, y, h in exploded.texts
    ]
    width, height = (float(v) for v in (hi - lo) * scale)
    roles = {layer: role(layer) for layer in exploded.entities}
    for layer, *_ in exploded.polylines:
        roles.setdefault(layer, role(layer))
    for layer, *_ in exploded.texts:
        roles.setdefault(layer, role(layer))

    plan = Plan(name=Path(name).stem)
    ids = IdAllocator.for_plan(plan)
    level = Level(id=ids.new("levels"), name=Path(name).stem)
    built = build_level(level, polys, texts, exploded.groups, roles, ids)
    level.underlay = {  # type: ignore[attr-defined]  # a key the format keeps (extra)
        "kind": "dxf",
        "source": Path(name).name,
        "units": unit_name(code),
        "metres_per_unit": scale,
        "origin_units": [float(lo[0]), float(lo[1])],
        "layer_roles": {layer: roles[layer] or "" for layer in sorted(roles)},
        **underlay(polys, texts, roles),
    }
    plan.levels.append(level)
    doors = sum(o.kind == "door" for o in level.openings)
    messages.append(
        f"{len(level.walls)} walls ({built.walls_paired} from pairs of lines, "
        f"{built.walls_single} single lines at the default thickness), {doors} doors, "
        f"{len(level.openings) - doors} windows, {len(level.obstacles)} columns, "
        f"{len(level.zones)} zones"
    )
    messages.extend(built.notes)
    counts = layer_counts(exploded.entities)
    return Imported(
        plan=plan,
        units=unit_name(code),
        size_m=(width, height),
        layers=[(layer, n, roles.get(layer)) for layer, n in counts],
        messages=messages,
    )


_KNOWN = set(range(1, 21))
