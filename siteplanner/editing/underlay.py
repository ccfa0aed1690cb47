"""A level's drawing underlay (the vector drawing a DXF import keeps) as arrays.

The plan file holds ``level.underlay`` as a plain mapping (see :func:`siteplanner.dxf.underlay`):
``layers`` maps each layer name to its polylines, each a string ``"x,y x,y ..."`` in plan metres;
``texts`` lists ``[layer, text, x, y, height]``; ``hidden`` (optional) names the layers switched
off in the editor; ``layer_roles`` the role each layer was imported as. Here it becomes numpy
arrays per layer, which the editor draws and the snapping index searches. Plan metres throughout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely


@dataclass(frozen=True)
class UnderlayLayer:
    """The polylines of one layer: all their points, and where each polyline starts."""

    name: str
    points: np.ndarray  # (n, 2) plan metres
    starts: (
        np.ndarray
    )  # (k + 1,) offsets into ``points``: polyline i is points[starts[i]:starts[i+1]]
    role: str = ""

    @property
    def count(self) -> int:
        return len(self.starts) - 1

    def polylines(self) -> list[np.ndarray]:
        return [self.points[a:b] for a, b in zip(self.starts[:-1], self.starts[1:], strict=True)]

    def bounds(self) -> tuple[float, float, float, float] | None:
        if not len(self.points):
            return None
        lo, hi = self.points.min(axis=0), self.points.max(axis=0)
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


@dataclass(frozen=True)
class Underlay:
    layers: dict[str, UnderlayLayer] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    texts: list[tuple[str, str, float, float, float]] = field(default_factory=list)

    def visible(self) -> list[UnderlayLayer]:
        return [layer for name, layer in self.layers.items() if name not in self.hidden]

    def bounds(self, visible_only: bool = True) -> tuple[float, float, float, float] | None:
        """(x0, y0, x1, y1) of the (visible) layers' polylines, None when there are none."""
        boxes = [
            b
            for layer in (self.visible() if visible_only else self.layers.values())
            if (b := layer.bounds()) is not None
        ]
        if not boxes:
            return None
        arr = np.array(boxes)
        return (
            float(arr[:, 0].min()),
            float(arr[:, 1].min()),
            float(arr[:, 2].max()),
            float(arr[:, 3].max()),
        )


def underlay_of(level: Any) -> Mapping[str, Any] | None:
    """The level's underlay mapping (a key the file format keeps as an extra), or None."""
    data = getattr(level, "underlay", None)
    return data if isinstance(data, Mapping) and data.get("layers") else None


def _layer(name: str, strings: list[str], role: str) -> UnderlayLayer:
    good = [s for s in strings if isinstance(s, str) and s.strip()]
    sizes = np.array([s.count(",") for s in good], dtype=np.int64)
    flat = " ".join(good).replace(",", " ").split()
    try:
        values = np.array(flat, dtype=float)
    except ValueError:  # a hand-edited file: read polyline by polyline, skipping bad ones
        values, kept = _tolerant(good)
        sizes = np.array(kept, dtype=np.int64)
    if len(values) != 2 * int(sizes.sum()):
        values, kept = _tolerant(good)
        sizes = np.array(kept, dtype=np.int64)
    points = values.reshape(-1, 2)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    return UnderlayLayer(name, points, starts, role)


def _tolerant(strings: list[str]) -> tuple[np.ndarray, list[int]]:
    chunks: list[np.ndarray] = []
    sizes: list[int] = []
    for s in strings:
        try:
            pts = np.array([[float(v) for v in p.split(",")] for p in s.split()], dtype=float)
        except ValueError:
            continue
        if pts.ndim == 2 and pts.shape[1] == 2 and len(pts) >= 2 and np.isfinite(pts).all():
            chunks.append(pts.ravel())
            sizes.append(len(pts))
    return (np.concatenate(chunks) if chunks else np.zeros(0)), sizes


def parse_underlay(data: Mapping[str, Any] | None) -> Underlay:
    """The underlay mapping as arrays; anything malformed in it is skipped, never raised."""
    if not data:
        return Underlay()
    roles = data.get("layer_roles") or {}
    layers: dict[str, UnderlayLayer] = {}
    raw = data.get("layers") or {}
    if isinstance(raw, Mapping):
        for name, strings in raw.items():
            if isinstance(strings, list):
                layer = _layer(str(name), strings, str(roles.get(name) or ""))
                if layer.count:
                    layers[str(name)] = layer
    hidden = frozenset(str(h) for h in (data.get("hidden") or []) if isinstance(h, str))
    texts = []
    for t in data.get("texts") or []:
        try:
            layer, text, x, y, h = t
            texts.append((str(layer), str(text), float(x), float(y), float(h)))
        except (TypeError, ValueError):
            continue
    return Underlay(layers, hidden, texts)


def with_hidden(data: Mapping[str, Any], hidden: set[str] | frozenset[str]) -> dict[str, Any]:
    """A copy of the underlay mapping with ``hidden`` as its switched-off layers."""
    out = dict(data)
    out["hidden"] = sorted(hidden)
    return out


class UnderlaySnap:
    """The visible layers' vertices and polylines in STRtrees, for the snapping index."""

    def __init__(self, underlay: Underlay) -> None:
        visible = underlay.visible()
        pts = [layer.points for layer in visible]
        self.vertices = np.vstack(pts) if pts else np.zeros((0, 2))
        self._vx_tree = (
            shapely.STRtree(shapely.points(self.vertices)) if len(self.vertices) else None
        )
        lines = []
        for layer in visible:
            if layer.count:
                idx = np.repeat(np.arange(layer.count), np.diff(layer.starts))
                lines.append(shapely.linestrings(layer.points, indices=idx))
        self.lines = np.concatenate(lines) if lines else np.empty(0, dtype=object)
        self._line_tree = shapely.STRtree(self.lines) if len(self.lines) else None

    def nearest_vertex(self, p: tuple[float, float], tol: float) -> tuple[float, float] | None:
        if self._vx_tree is None:
            return None
        idx = self._vx_tree.query(shapely.Point(p), predicate="dwithin", distance=tol)
        if not len(idx):
            return None
        d = np.hypot(self.vertices[idx, 0] - p[0], self.vertices[idx, 1] - p[1])
        q = self.vertices[idx[int(np.argmin(d))]]
        return (float(q[0]), float(q[1]))

    def nearest_on_line(
        self, p: tuple[float, float], tol: float
    ) -> tuple[tuple[float, float], float] | None:
        """The nearest point on an underlay polyline within ``tol``, and its distance."""
        if self._line_tree is None:
            return None
        pt = shapely.Point(p)
        idx = self._line_tree.query(pt, predicate="dwithin", distance=tol)
        if not len(idx):
            return None
        d = shapely.distance(self.lines[idx], pt)
        k = int(np.argmin(d))
        x, y = shapely.get_coordinates(shapely.shortest_line(self.lines[idx[k]], pt))[0]
        return (float(x), float(y)), float(d[k])
