"""Reading a DXF drawing with ezdxf: open it (recovering damaged files), find its units and
explode its model space into flat polylines and texts, blocks and all.

Everything here is in the drawing's own units; :mod:`siteplanner.dxf.build` turns it into metres.
"""

from __future__ import annotations

import gc
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ezdxf
import numpy as np
from ezdxf import bbox, recover
from ezdxf import path as dxfpath
from ezdxf.document import Drawing
from ezdxf.filemanagement import dxf_file_info
from ezdxf.lldxf.tagger import ascii_tags_loader
from ezdxf.lldxf.validator import is_dxf_file
from ezdxf.math import Matrix44
from ezdxf.units import conversion_factor

# $INSUNITS codes the import names (others are converted all the same, see unit_name).
UNIT_CODES = {"in": 1, "ft": 2, "mm": 4, "cm": 5, "m": 6}
_UNIT_NAMES = {1: "in", 2: "ft", 3: "mi", 4: "mm", 5: "cm", 6: "m", 7: "km", 10: "yd", 14: "dm"}
METRE = 6
# A floor plan is 5-500 m across: what a unitless drawing's extents are checked against.
FLOOR_MIN_M, FLOOR_MAX_M = 5.0, 500.0
FLATTEN_M = 0.01  # curves are flattened within 1 cm

Role = Callable[[str], "str | None"]
# progress(done, total): how far a long read has come; cancelled(): True to stop it.
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# Between checks of progress and cancel: tags read, entities exploded.
_TAGS_PER_CHECK = 1 << 16
_ENTITIES_PER_CHECK = 2000


class DxfError(Exception):
    """A drawing that cannot be imported; the message says what to do."""


class ImportCancelled(Exception):
    """The user stopped the import (``cancelled()`` returned true)."""


def stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def unit_name(code: int) -> str:
    return _UNIT_NAMES.get(code, f"unit code {code}")


def metres_per_unit(code: int) -> float:
    return float(conversion_factor(code, METRE))


@dataclass
class Opened:
    doc: Any
    repairs: list[str] = field(default_factory=list)
    # Texts left unread because their layer is ignored, per layer.
    skipped: Counter[str] = field(default_factory=Counter)


# Entity types read only for their text: on an ignored layer (notes, dimension labels) they are
# left out before ezdxf builds them, which is most of the reading time of an annotated sheet.
_TEXT_ENTITIES = frozenset(("TEXT", "MTEXT"))


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic collector paused: reading builds hundreds of thousands of objects that all
    stay alive, and each full collection would walk them all again (a fifth of the read)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _tags(
    tags: Iterable[Any],
    size: int,
    where: Callable[[], int],
    progress: Progress | None,
    cancelled: Cancelled | None,
    skip_text: Callable[[str], bool] | None,
    skipped: Counter[str],
) -> Iterator[Any]:
    """The tags on their way to ezdxf's loader: every so many, the bytes read are reported and
    ``cancelled`` is asked; TEXT and MTEXT entities of the model space whose layer
    ``skip_text`` names are held back (and counted in ``skipped``)."""
    in_entities = section = False
    pending: list[Any] | None = None
    layer = "0"
    for n, tag in enumerate(tags):
        if not n & (_TAGS_PER_CHECK - 1):
            stop_if(cancelled)
            if progress is not None:
                progress(min(where(), size), size)
        code = tag.code
        if code == 0:
            if pending is not None:
                if skip_text is not None and skip_text(layer):
                    skipped[layer] += 1
                else:
                    yield from pending
                pending = None
            value = tag.value
            if in_entities and value in _TEXT_ENTITIES:
                pending, layer = [tag], "0"
                continue
            section = value == "SECTION"
            if value == "ENDSEC":
                in_entities = False
            yield tag
        elif pending is not None:
            pending.append(tag)
            if code == 8:
                layer = tag.value
        else:
            if section and code == 2:
                in_entities = tag.value == "ENTITIES"
                section = False
            yield tag
    if pending is not None:
        yield from pending


def _read_ascii(
    name: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
    skip_text: Callable[[str], bool] | None,
    skipped: Counter[str],
) -> Any:
    """``ezdxf.readfile`` for an ASCII file, the tags passing through :func:`_tags` on their
    way to the loader."""
    if not is_dxf_file(name):
        raise OSError(f"File '{name}' is not a DXF file.")
    total = max(1, Path(name).stat().st_size)
    info = dxf_file_info(name)
    with open(name, encoding=info.encoding, errors="surrogateescape") as fp, _no_gc():
        raw = fp.buffer
        tags = _tags(
            ascii_tags_loader(fp), total, raw.tell, progress, cancelled, skip_text, skipped
        )
        doc = Drawing.load(tags)
    doc.filename = name
    return doc


def open_drawing(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    skip_text: Callable[[str], bool] | None = None,
) -> Opened:
    """The drawing at ``path``; damaged files are read in recover mode and what was repaired is
    listed. DxfError for a DWG, a file that is not DXF or one that cannot be read. ``progress``
    hears (bytes read, file size); ``cancelled`` is polled and stops the read with
    ImportCancelled; the model space's texts on the layers ``skip_text`` names are not read
    (an ASCII file's; they are counted in ``skipped``)."""
    name = str(path)
    p = Path(path)
    if not p.is_file():
        raise DxfError(f"{name}: no such file")
    try:
        with p.open("rb") as f:
            head = f.read(64)
    except OSError as exc:
        raise DxfError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if head[:4] == b"AC10" or head[:4] == b"AC1.":
        raise DxfError(f"{name}: DWG is not supported: save it as DXF from your CAD program")
    if not head.strip():
        raise DxfError(f"{name}: the file is empty: export the drawing as DXF again")
    if head.startswith(b"%PDF"):
        raise DxfError(
            f"{name}: is a PDF, not a DXF drawing: export the drawing as DXF from your CAD program"
        )
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    binary = head.startswith(b"AutoCAD Binary DXF")
    # An ASCII DXF opens with a group code (0 SECTION, or 999 and a comment).
    if not binary and not first.lstrip(b"-").isdigit():
        raise DxfError(f"{name}: is not a DXF drawing: export it as DXF from your CAD program")
    if b"\0" in head and not binary:
        raise DxfError(f"{name}: is not a DXF drawing: export it as DXF from your CAD program")
    skipped: Counter[str] = Counter()
    try:
        if binary:
            with _no_gc():
                return Opened(ezdxf.readfile(name))
        return Opened(_read_ascii(name, progress, cancelled, skip_text, skipped), [], skipped)
    except ezdxf.DXFStructureError:
        pass  # damaged: try to recover it below
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    stop_if(cancelled)
    try:
        doc, auditor = recover.readfile(name)
    except Exception:  # ezdxf raises many kinds on garbage; all mean "not a drawing we can read"
        raise DxfError(
            f"{name}: is not a DXF drawing ezdxf can read, even in recover mode: "
            "export it as DXF (R2000 or later) from your CAD program"
        ) from None
    repairs = [f"recovered a damaged file ({len(auditor.fixes)} problems repaired)"]
    repairs += [f"repaired: {fix.message}" for fix in auditor.fixes[:10]]
    repairs += [f"could not repair: {err.message}" for err in auditor.errors[:10]]
    return Opened(doc, repairs)


@dataclass
class Exploded:
    """A model space as flat geometry in drawing units."""

    # (layer, points (n, 2), closed, group) — group indexes ``groups`` or is -1.
    polylines: list[tuple[str, np.ndarray, bool, int]] = field(default_factory=list)
    # (layer, text, x, y, height)
    texts: list[tuple[str, str, float, float, float]] = field(default_factory=list)
    # Blocks that are one door or window each: kind per group.
    groups: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)


def drawing_units(doc: Any) -> int:
    try:
        return int(doc.header.get("$INSUNITS", 0))
    except (TypeError, ValueError):
        return 0


def extents_size(doc: Any) -> float:
    """The larger side of the model space's extents, in drawing units (0 when empty)."""
    box = bbox.extents(doc.modelspace(), fast=True)
    if not box.has_data:
        return 0.0
    return float(max(box.size.x, box.size.y))


def guess_units(size: float, metric: bool = True) -> int | None:
    """The unit in which ``size`` drawing units make a floor 5-500 m across (millimetres first:
    the most common), or None when no unit does."""
    order = ("mm", "cm", "m", "in", "ft") if metric else ("in", "ft", "mm", "cm", "m")
    for name in order:
        code = UNIT_CODES[name]
        if FLOOR_MIN_M <= size * metres_per_unit(code) <= FLOOR_MAX_M:
            return code
    return None


_CURVES = {"ARC", "CIRCLE", "ELLIPSE", "SPLINE", "LWPOLYLINE", "POLYLINE"}
_TEXTS = {"TEXT", "MTEXT", "ATTRIB"}


def _plain(e: Any) -> bool:
    """A polyline of straight segments in the plan's own axes (no bulges, not mirrored, no
    elevation): its points can be read as they are."""
    z = e.dxf.get("extrusion", (0, 0, 1))
    return (
        tuple(z) == (0, 0, 1)
        and not e.dxf.get("elevation", 0)
        and not any(b for *_, b in e.get_points("xyb"))
    )


class _Walker:
    def __init__(
        self,
        out: Exploded,
        role: Role,
        units: int,
        tolerance: float,
        tick: Callable[[], None] | None = None,
    ) -> None:
        self.out = out
        self.tick = tick  # called for every top-level entity (progress, cancel)
        self.role = role
        self.tolerance = tolerance  # drawing units
        self.units = units
        self._block_role: dict[str, str | None] = {}

    def walk(self, entities: Iterable[Any], parent_layer: str, units: int, group: int) -> None:
        for e in entities:
            kind = e.dxftype()
            layer = e.dxf.get("layer", "0") or "0"
            # Entities on layer 0 inside a block take the layer of the block reference.
            if layer == "0" and parent_layer:
                layer = parent_layer
            try:
                if not parent_layer:  # what the user sees per layer: top-level entities
                    self.out.entities[layer] += 1
                    if self.tick is not None:
                        self.tick()
                if kind == "INSERT":
                    self.insert(e, layer, units, group)
                elif kind == "LINE":
                    s, t = e.dxf.start, e.dxf.end
                    pts = np.array([[s.x, s.y], [t.x, t.y]])
                    self.out.polylines.append((layer, pts, False, group))
                elif kind == "LWPOLYLINE" and _plain(e):
                    pts = np.array([(x, y) for x, y in e.get_points("xy")], dtype=float)
                    if len(pts) >= 2:
                        self.out.polylines.append((layer, pts, bool(e.closed), group))
                elif kind in _CURVES:
                    path = dxfpath.make_path(e)
                    self.add_path(layer, path, group)
                elif kind == "HATCH":
                    for path in dxfpath.from_hatch(e):
                        self.add_path(layer, path, group)
                elif kind in _TEXTS:
                    self.text(e, layer)
            except (ValueError, TypeError, ZeroDivisionError, AttributeError, IndexError):
                continue  # a degenerate entity (zero radius, broken spline): nothing to draw

    def add_path(self, layer: str, path: Any, group: int) -> None:
        for sub in path.sub_paths() if path.has_sub_paths else [path]:
            pts = np.array([(v.x, v.y) for v in sub.flattening(self.tolerance)], dtype=float)
            if len(pts) < 2:
                continue
            closed = bool(sub.is_closed) or bool(np.allclose(pts[0], pts[-1]))
            if closed and len(pts) > 2 and np.allclose(pts[0], pts[-1]):
                pts = pts[:-1]
            self.out.polylines.append((layer, pts, closed, group))

    def text(self, e: Any, layer: str) -> None:
        raw = e.dxf.get("text", "") if e.dxftype() != "MTEXT" else ""
        # Most texts are plain: only those with control codes (%%d, \P, ^I) need decoding.
        if raw and not any(c in raw for c in ("%%", "\\", "^")):
            text = raw.strip()
        else:
            text = e.plain_text().strip()
        if not text:
            return
        at = e.dxf.insert
        height = float(e.dxf.get("char_height" if e.dxftype() == "MTEXT" else "height", 0) or 0)
        self.out.texts.append((layer, text, float(at.x), float(at.y), height))

    def insert(self, e: Any, layer: str, units: int, group: int) -> None:
        name = e.dxf.name
        block = e.doc.blocks.get(name) if e.doc is not None else None
        if block is None:
            return
        block_units = int(block.block_record.dxf.get("units", 0) or 0)
        if group < 0:
            kind = self._kind(name, layer)
            if kind is not None:
                self.out.groups.append(kind)
                group = len(self.out.groups) - 1
        for attrib in e.attribs:
            self.walk([attrib], layer, units, group)
        copies = list(e.multi_insert()) if e.mcount > 1 else [e]
        for copy in copies:
            parts = list(copy.virtual_entities())
            # A block drawn in other units than its container is scaled to them about its
            # insertion point (a uniform scale commutes with the insert's own transform).
            if block_units and units and block_units != units:
                f = float(conversion_factor(block_units, units))
                ip = copy.dxf.insert
                m = Matrix44.chain(
                    Matrix44.translate(-ip.x, -ip.y, -ip.z),
                    Matrix44.scale(f),
                    Matrix44.translate(ip.x, ip.y, ip.z),
                )
                for part in parts:
                    part.transform(m)
            self.walk(parts, layer, block_units or units, group)

    def _kind(self, block: str, layer: str) -> str | None:
        if block not in self._block_role:
            self._block_role[block] = self.role(block)
        for role in (self._block_role[block], self.role(layer)):
            if role in ("door", "window"):
                return role
        return None


def explode(
    doc: Any,
    role: Role,
    units: int,
    tolerance: float,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Exploded:
    """The model space's geometry, every block reference exploded with its transform (nested,
    scaled, mirrored, rotated, arrayed), curves flattened within ``tolerance`` drawing units.
    ``progress`` hears (entities done, entities in the model space)."""
    out = Exploded()
    msp = doc.modelspace()
    total = len(msp)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if not done % _ENTITIES_PER_CHECK:
            stop_if(cancelled)
            if progress is not None:
                progress(done, total)

    walker = _Walker(out, role, units, tolerance, tick)
    with _no_gc():
        walker.walk(msp, "", units, -1)
    return out


def is_closed_ring(pts: np.ndarray, closed: bool, tol: float) -> bool:
    return closed or (len(pts) > 3 and math.dist(pts[0], pts[-1]) <= tol)
