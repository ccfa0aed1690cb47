"""Importing CAD drawings (DXF) into plans: walls, doors, windows, columns and rooms from the
drawing's layers, at true size in metres, with the whole drawing kept as the level's underlay.

``import_dxf(path)`` returns the plan and the lines to tell the user; bad input raises
:class:`DxfError` with a one-line message that says what to do. ``read_drawing(path)`` reads
and looks a drawing over first (layers, units, size), for a dialog that lets the user change
them before ``import_dxf(..., drawing=...)`` builds the plan. Both take ``progress`` and
``cancelled`` hooks, so that an editor can run them in a worker thread.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from siteplanner.dxf.build import build_level, layer_counts, underlay
from siteplanner.dxf.reader import (
    FLATTEN_M,
    FLOOR_MAX_M,
    FLOOR_MIN_M,
    UNIT_CODES,
    Cancelled,
    DxfError,
    Exploded,
    ImportCancelled,
    Progress,
    drawing_units,
    explode,
    extents_size,
    guess_units,
    metres_per_unit,
    open_drawing,
    stop_if,
    unit_name,
)
from siteplanner.dxf.roles import ROLES, assign_roles, parse_map, role_by_name
from siteplanner.model import Level, Plan
from siteplanner.model.ids import IdAllocator

__all__ = [
    "ROLES",
    "UNIT_CODES",
    "Drawing",
    "DxfError",
    "ImportCancelled",
    "Imported",
    "assign_roles",
    "import_dxf",
    "read_drawing",
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


@dataclass
class Drawing:
    """A drawing read and looked over, before it becomes a plan: what an import dialog shows
    (layers, units, size, a preview) and what :func:`import_dxf` builds from without reading
    the file again."""

    path: str
    doc: Any
    repairs: list[str]
    own_units: int  # the drawing's $INSUNITS when it is a unit we know, else 0
    units: str  # what it is read in unless told otherwise: its own, or guessed from its size
    guessed: bool
    # Its extents in drawing units: lower-left corner and size.
    origin: tuple[float, float]
    size: tuple[float, float]
    # (layer, top-level entities, role its name suggests), most entities first.
    layers: list[tuple[str, int, str | None]]
    # The geometry in drawing units, as read in ``units`` with the roles by name.
    exploded: Exploded
    # Texts not read, per layer (a layer whose name says to ignore it).
    skipped: Counter[str] = field(default_factory=Counter)
    # The unit that would make it a floor, when the units it names make it none (a drawing in
    # metres saved as inches, a CAD program's default).
    suggested_units: str | None = None

    def size_m(self, units: str) -> tuple[float, float]:
        f = metres_per_unit(UNIT_CODES[units])
        return self.size[0] * f, self.size[1] * f


def _span(to: Progress | None, lo: int, hi: int) -> Progress | None:
    """A progress callback reporting (done, total) of one stage as lo..hi of 1000."""
    if to is None:
        return None
    return lambda done, total: to(lo + (hi - lo) * min(done, total) // max(total, 1), 1000)


def _units(name: str, doc: Any, units: str | None, messages: list[str]) -> int:
    """The unit code to read the drawing in: ``units`` when given, else its own, else the one
    that makes it a floor (said in ``messages``)."""
    code = drawing_units(doc)
    if units is not None:
        if units not in UNIT_CODES:
            raise DxfError(f"--units {units!r}: choose one of {', '.join(UNIT_CODES)}")
        if code and UNIT_CODES[units] != code:
            messages.append(f"the drawing says {unit_name(code)}; read as {units} (--units)")
        return UNIT_CODES[units]
    if code == 0 or code not in _KNOWN:
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
        return guess
    return code


def _roles(overrides: Mapping[str, Iterable[str]]) -> Callable[[str], str | None]:
    cache: dict[str, str | None] = {}

    def role(layer: str) -> str | None:
        if layer not in cache:
            cache[layer] = assign_roles([layer], overrides)[layer]
        return cache[layer]

    return role


_WORDS = {"mm": "millimetres", "cm": "centimetres", "m": "metres", "in": "inches", "ft": "feet"}


def _doubt(doc: Any, code: int, size: float) -> tuple[str, str | None] | None:
    """(a sentence, the unit that would fit) when ``size`` drawing units in the drawing's own
    ``code`` make no floor (5-500 m across); None when they do."""
    across = size * metres_per_unit(code)
    if size <= 0 or FLOOR_MIN_M <= across <= FLOOR_MAX_M:
        return None
    metric = int(doc.header.get("$MEASUREMENT", 1) or 0) == 1
    guess = guess_units(size, metric)
    said = (
        f"the drawing says {unit_name(code)}, which makes it {across:.3g} m across, "
        f"{'small' if across < FLOOR_MIN_M else 'large'} for a floor"
    )
    if guess is None:
        return said + ": check its units", None
    name = unit_name(guess)
    return f"{said}: if it is drawn in {_WORDS.get(name, name)}, use --units {name}", name


def _ignored(role: Callable[[str], str | None]) -> Callable[[str], bool]:
    return lambda layer: role(layer) == "ignore"


def _bounds(name: str, exploded: Exploded) -> tuple[np.ndarray, np.ndarray]:
    if not exploded.polylines:
        raise DxfError(
            f"{name}: the drawing is empty: no lines, arcs or polylines in its model space"
        )
    lo = np.min([p.min(axis=0) for _, p, _, _ in exploded.polylines], axis=0)
    hi = np.max([p.max(axis=0) for _, p, _, _ in exploded.polylines], axis=0)
    return lo, hi


def read_drawing(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Drawing:
    """Read the drawing at ``path`` and look it over (layers, units, size). ``progress`` hears
    (done, 1000); ``cancelled`` is polled and stops the read with ImportCancelled."""
    name = str(path)
    role = _roles({})
    opened = open_drawing(path, _span(progress, 0, 800), cancelled, _ignored(role))
    doc = opened.doc
    notes: list[str] = []
    code = _units(name, doc, None, notes)
    exploded = explode(
        doc, role, code, FLATTEN_M / metres_per_unit(code), _span(progress, 800, 1000), cancelled
    )
    exploded.entities.update(opened.skipped)
    lo, hi = _bounds(name, exploded)
    own = drawing_units(doc)
    doubt = None if notes else _doubt(doc, code, float(max(hi - lo)))
    return Drawing(
        path=name,
        doc=doc,
        repairs=opened.repairs,
        own_units=own if own in _KNOWN else 0,
        units=unit_name(code),
        guessed=bool(notes),
        origin=(float(lo[0]), float(lo[1])),
        size=(float(hi[0] - lo[0]), float(hi[1] - lo[1])),
        layers=[(layer, n, role(layer)) for layer, n in layer_counts(exploded.entities)],
        exploded=exploded,
        skipped=opened.skipped,
        suggested_units=doubt[1] if doubt else None,
    )


def import_dxf(
    path: str | os.PathLike[str],
    units: str | None = None,
    mapping: Mapping[str, Iterable[str]] | None = None,
    *,
    drawing: Drawing | None = None,
    ids: IdAllocator | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Imported:
    """The plan the drawing at ``path`` makes. ``units`` (mm, cm, m, in, ft) overrides the
    drawing's own; ``mapping`` ({role: [layer names or patterns]}) overrides the roles its layer
    names suggest. ``drawing`` (from :func:`read_drawing`) saves reading the file again; ``ids``
    hands out the new objects' ids (those of the plan the level will join); ``progress`` hears
    (done, 1000) and ``cancelled`` stops the import with ImportCancelled."""
    name = str(path)
    overrides = dict(mapping or {})
    role = _roles(overrides)
    if drawing is not None and any(role(layer) != "ignore" for layer in drawing.skipped):
        drawing = None  # texts it left unread are wanted now: read the file again
    skipped: Counter[str]
    if drawing is None:
        opened = open_drawing(path, _span(progress, 0, 700), cancelled, _ignored(role))
        doc, messages, skipped = opened.doc, list(opened.repairs), opened.skipped
    else:
        doc, messages, skipped = drawing.doc, list(drawing.repairs), drawing.skipped
    code = _units(name, doc, units, messages)
    scale = metres_per_unit(code)
    if drawing is not None and not overrides and UNIT_CODES.get(drawing.units) == code:
        exploded = drawing.exploded  # as the look-over read it: same units, same roles
    else:
        exploded = explode(doc, role, code, FLATTEN_M / scale, _span(progress, 700, 950), cancelled)
        exploded.entities.update(skipped)
    stop_if(cancelled)
    # Metres, with the drawing's lower-left corner at the plan's origin.
    lo, hi = _bounds(name, exploded)
    polys = [(layer, (p - lo) * scale, c, g) for layer, p, c, g in exploded.polylines]
    texts = [
        (layer, text, (x - lo[0]) * scale, (y - lo[1]) * scale, h * scale)
        for layer, text, x, y, h in exploded.texts
    ]
    width, height = (float(v) for v in (hi - lo) * scale)
    if units is None and drawing_units(doc) == code:
        doubt = _doubt(doc, code, float(max(hi - lo)))
        if doubt is not None:
            messages.append(doubt[0])
    roles = {layer: role(layer) for layer in exploded.entities}
    for layer, *_ in exploded.polylines:
        roles.setdefault(layer, role(layer))
    for layer, *_ in exploded.texts:
        roles.setdefault(layer, role(layer))

    plan = Plan(name=Path(name).stem)
    if ids is None:
        ids = IdAllocator.for_plan(plan)
    level = Level(id=ids.new("levels"), name=Path(name).stem)
    built = build_level(level, polys, texts, exploded.groups, roles, ids)
    stop_if(cancelled)
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
    if progress is not None:
        progress(1000, 1000)
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
