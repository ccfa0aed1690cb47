"""Shapely geometry (plan metres) to Qt painter paths. The only place app/ touches shapely.

Paths stay in plan coordinates; the canvas transform flips y once for the screen. QPainterPath is
not a QObject, so the analysis worker can build paths off the UI thread.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def _ring_polygon(coords: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in coords])


def path_from_geometry(geom: BaseGeometry | None) -> QPainterPath:
    """Fill path of the polygonal parts of ``geom`` (holes by odd-even fill)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    if geom is None or geom.is_empty:
        return path
    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon":
            _add_polygon(path, part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            for sub in shapely.get_parts(part):
                if sub.geom_type == "Polygon":
                    _add_polygon(path, sub)
    return path


def _add_polygon(path: QPainterPath, poly: BaseGeometry) -> None:
    if poly.is_empty:
        return
    path.addPolygon(_ring_polygon(np.asarray(poly.exterior.coords)))
    path.closeSubpath()
    for ring in poly.interiors:
        path.addPolygon(_ring_polygon(np.asarray(ring.coords)))
        path.closeSubpath()


def paths_from_geometries(geoms: Iterable[BaseGeometry]) -> QPainterPath:
    """One path for many polygonal geometries (e.g. the wall solids of a level)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for g in geoms:
        path.addPath(path_from_geometry(g))
    return path


def polygon_path(points: Sequence[Sequence[float]], closed: bool = True) -> QPainterPath:
    """Path through plan points (a zone or obstacle outline, a wall centre line)."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(float(points[0][0]), float(points[0][1]))
    for x, y in points[1:]:
        path.lineTo(float(x), float(y))
    if closed:
        path.closeSubpath()
    return path


def tile_groups(
    geoms: Sequence[BaseGeometry], tile_m: float
) -> dict[tuple[int, int], tuple[bytes, list[BaseGeometry]]]:
    """Many geometries grouped by square tile (by the centre of each bounding box), each group
    with a digest of its geometries: a redraw rebuilds only the tiles whose digest changed."""
    if len(geoms) == 0:
        return {}
    arr = np.asarray(geoms, dtype=object)
    b = shapely.bounds(arr)
    cx = np.floor((b[:, 0] + b[:, 2]) / 2 / tile_m).astype(np.int64)
    cy = np.floor((b[:, 1] + b[:, 3]) / 2 / tile_m).astype(np.int64)
    wkb = shapely.to_wkb(arr)
    tiles: dict[tuple[int, int], list[int]] = {}
    for n, (i, j) in enumerate(zip(cx.tolist(), cy.tolist(), strict=True)):
        tiles.setdefault((i, j), []).append(n)
    out = {}
    for key, idx in tiles.items():
        digest = hashlib.blake2b(b"".join(wkb[k] for k in idx), digest_size=16).digest()
        out[key] = (digest, [arr[k] for k in idx])
    return out
