"""The plan as a DXF drawing in metres ($INSUNITS 6) that CAD users can switch layer by layer.

Layers are named ``<level>-<what>``: walls, doors, windows, obstacles, zones by kind, cameras,
coverage, each DORI band, signs and labels. Coverage areas are closed polylines (holes as further
closed polylines on the same layer); cameras and signs are block references with their id and
name as attributes.

A campus holds tens of thousands of wall segments and openings, and every DXF entity costs
ezdxf a fixed ~0.1 ms to make and write, so the plan's bulk goes into few entities:

- walls: each straight run of collinear walls (through every junction), runs joined at their
  corners, becomes one polyline at the wall's thickness (the way CAD draws walls, filled, with
  mitred corners), and every opening that cuts the wall is a stretch of zero width along it: the
  gap the door leaves. A run through an X or T junction covers it whole, so the solid reads as
  the union of the walls without computing that union (0.2 s a level in GEOS);
- openings: one solid hatch per level and kind (door, window), a rectangle per opening across
  the wall it sits in;
- coverage and DORI bands stay one closed polyline per camera and ring, so each camera's area
  can be picked and measured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import ezdxf
import numpy as np
import shapely
from ezdxf.document import Drawing
from ezdxf.entities import Insert, LWPolyline
from ezdxf.entities.lwpolyline import LWPolylinePoints
from ezdxf.layouts import BaseLayout
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analysis, AnalysisCancelled
from siteplanner.drawing import palette
from siteplanner.geometry.walls import segment_rectangles
from siteplanner.model import DORI_LEVELS, Level, Plan

CAMERA_BLOCK = "SP_CAMERA"
SIGN_BLOCK = "SP_SIGN"
# Two walls lie on one line when their directions and offsets agree this closely (metres).
_COLLINEAR_M = 1e-4
# Characters a DXF layer name may not hold.
_BAD = re.compile(r'[<>/\\":;?*|=`,\x00-\x1f]')


def layer_name(level_id: str, what: str) -> str:
    return _BAD.sub("_", f"{level_id}-{what}")[:255]


def _rgb(color: palette.Rgba) -> tuple[int, int, int]:
    r, g, b = palette.opaque(color)
    return (round(r * 255), round(g * 255), round(b * 255))


def _layers(level_id: str) -> dict[str, tuple[int, int, int] | None]:
    out = {
        "WALLS": None,  # colour 7: black on a white background, white on a dark one
        "DOORS": _rgb(palette.DOOR),
        "WINDOWS": _rgb(palette.WINDOW),
        "OBSTACLES": _rgb(palette.OBSTACLE_LINE),
        **{f"ZONES-{k.upper()}": _rgb(v) for k, v in palette.ZONE_LINE.items()},
        "CAMERAS": _rgb(palette.CAMERA),
        "COVERAGE": _rgb(palette.COVERAGE_LINE),
        **{f"DORI-{b.upper()}": _rgb(palette.DORI_LEGEND[b]) for b in DORI_LEVELS},
        "SIGNS": _rgb(palette.SIGN),
        "LABELS": _rgb(palette.LABEL),
    }
    return {layer_name(level_id, k): v for k, v in out.items()}


def _rings(geoms: list[BaseGeometry]) -> list[np.ndarray]:
    """Every ring (outlines and holes) of the polygons in ``geoms`` as (n, 2) vertices, the
    closing vertex left out, in one vectorised pass."""
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    while True:  # collections inside collections
        nested = shapely.get_type_id(parts) == 7
        if not nested.any():
            break
        parts = np.concatenate([parts[~nested], shapely.get_parts(parts[nested])])
    polys = parts[shapely.get_type_id(parts) == 3]
    rings = shapely.get_rings(polys)
    if len(rings) == 0:
        return []
    coords, which = shapely.get_coordinates(rings, return_index=True)
    cuts = np.flatnonzero(np.diff(which)) + 1
    return [r[:-1] for r in np.split(coords, cuts) if len(r) > 3]


def _polyline(
    msp: BaseLayout,
    xy: np.ndarray,
    closed: bool,
    attribs: dict,
    widths: np.ndarray | None = None,
) -> LWPolyline:
    """An LWPOLYLINE whose vertices are set as one array: ezdxf's ``add_lwpolyline`` checks and
    packs them one by one, which on a campus is half the export's time."""
    pl = msp.add_lwpolyline((), close=closed, dxfattribs=attribs)
    vertices = np.zeros((len(xy), 5))
    vertices[:, :2] = xy
    if widths is not None:
        vertices[:, 2] = vertices[:, 3] = widths
    points = LWPolylinePoints()
    points.values = vertices
    pl.lwpoints = points
    return pl


def _blocks(doc: Drawing) -> None:
    cam = doc.blocks.new(CAMERA_BLOCK)
    cam.add_circle((0, 0), 0.15)
    cam.add_lwpolyline([(0.15, 0.08), (0.4, 0), (0.15, -0.08)], close=True)  # looking along +x
    cam.add_attdef("ID", CAMERA_ID_AT, dxfattribs={"height": 0.2})
    cam.add_attdef("NAME", CAMERA_NAME_AT, dxfattribs={"height": 0.2})
    sign = doc.blocks.new(SIGN_BLOCK)
    sign.add_lwpolyline([(-0.15, -0.2), (0.15, -0.2), (0.15, 0.2), (-0.15, 0.2)], close=True)
    sign.add_attdef("ID", SIGN_ID_AT, dxfattribs={"height": 0.2})


# Where the attributes stand from the insertion point (upright, whatever the block's rotation:
# labels stay readable on a plan).
CAMERA_ID_AT = (0.25, 0.1)
CAMERA_NAME_AT = (0.25, -0.35)
SIGN_ID_AT = (0.25, 0.0)


def _straight_runs(seg: np.ndarray) -> np.ndarray:
    """Segments (n, 2, 2) merged into maximal straight runs: collinear segments that overlap or
    touch become one, also through junctions where other walls meet them. A run's ends are
    vertices of the plan, unchanged, so that runs meeting at a corner still meet exactly."""
    d = seg[:, 1] - seg[:, 0]
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length > 0
    seg, d, length = seg[keep], d[keep], length[keep]
    if len(seg) == 0:
        return seg
    u = d / length[:, None]
    # One direction per line: x positive, or straight up.
    flip = (u[:, 0] < -1e-12) | ((np.abs(u[:, 0]) <= 1e-12) & (u[:, 1] < 0))
    u[flip] *= -1
    seg = np.where(flip[:, None, None], seg[:, ::-1], seg)  # each segment runs along u
    offset = seg[:, 0, 1] * u[:, 0] - seg[:, 0, 0] * u[:, 1]
    lo = np.einsum("ij,ij->i", seg[:, 0], u)
    hi = np.einsum("ij,ij->i", seg[:, 1], u)
    kx = np.round(u[:, 0] / _COLLINEAR_M).astype(np.int64)
    ky = np.round(u[:, 1] / _COLLINEAR_M).astype(np.int64)
    kc = np.round(offset / _COLLINEAR_M).astype(np.int64)
    order = np.lexsort((lo, kc, ky, kx))
    kx, ky, kc, lo, hi, seg = kx[order], ky[order], kc[order], lo[order], hi[order], seg[order]
    new_line = np.ones(len(seg), dtype=bool)
    new_line[1:] = (kx[1:] != kx[:-1]) | (ky[1:] != ky[:-1]) | (kc[1:] != kc[:-1])
    # The furthest any segment of the line reaches so far; a gap after it starts a new run.
    bounds = np.append(np.flatnonzero(new_line), len(seg))
    reach = np.empty_like(hi)
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        reach[a:b] = np.maximum.accumulate(hi[a:b])
    starts = new_line.copy()
    starts[1:] |= lo[1:] > reach[:-1] + _COLLINEAR_M
    run = np.cumsum(starts) - 1
    # Within each run, the segment reaching furthest gives the run's far end.
    by_reach = np.lexsort((hi, run))
    far = by_reach[np.append(run[by_reach][1:] != run[by_reach][:-1], True)]
    return np.stack([seg[starts, 0], seg[far, 1]], axis=1)


def _walls_and_openings(
    level: Level,
) -> tuple[list[tuple[np.ndarray, np.ndarray, bool]], dict[str, list[np.ndarray]]]:
    """The level's walls as polylines, ``(vertices (n, 2), width of the segment from each
    vertex, closed)``, openings that cut a wall leaving a zero-width stretch; and each opening
    as a rectangle across the wall it sits in (its own depth when on no wall), by kind."""
    segs, seg_width = [], []
    for w in level.walls:
        pts = np.asarray(w.points, dtype=float)
        if len(pts) >= 2:
            segs.append(np.stack([pts[:-1], pts[1:]], axis=1))
            seg_width.append(np.full(len(pts) - 1, w.thickness_m))
    openings = level.openings
    ends = (
        shapely.points(np.array([o.points for o in openings], dtype=float))
        if openings
        else np.empty((0, 2), dtype=object)
    )
    cuts = np.array([o.cuts for o in openings], dtype=bool)
    on_wall = np.zeros(len(openings))  # the width of the wall each opening sits in
    polylines = []
    if segs:
        all_segs, all_widths = np.concatenate(segs), np.concatenate(seg_width)
        widths = np.unique(all_widths)
    else:
        widths = np.empty(0)
    for width in widths:
        runs = _straight_runs(all_segs[all_widths == width])
        if len(runs) == 0:
            continue
        lines = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(list(runs))))
        # Openings with both ends within the wall: their stretch along that line.
        tol = width / 2 + _COLLINEAR_M
        oi, li = (
            shapely.STRtree(lines).query(ends[:, 0], predicate="dwithin", distance=tol)
            if len(openings)
            else (np.empty(0, dtype=int), np.empty(0, dtype=int))
        )
        both = shapely.dwithin(ends[oi, 1], lines[li], tol)
        oi, li = oi[both], li[both]
        on_wall[oi] = np.maximum(on_wall[oi], width)
        gap = cuts[oi]
        oi, li = oi[gap], li[gap]
        s0 = shapely.line_locate_point(lines[li], ends[oi, 0])
        s1 = shapely.line_locate_point(lines[li], ends[oi, 1])
        lo, hi = np.minimum(s0, s1), np.maximum(s0, s1)
        order = np.argsort(li, kind="stable")
        li, lo, hi = li[order], lo[order], hi[order]
        first = np.searchsorted(li, np.arange(len(lines)))
        last = np.searchsorted(li, np.arange(len(lines)), side="right")
        coords, which = shapely.get_coordinates(lines, return_index=True)
        splits = np.flatnonzero(np.diff(which)) + 1
        for i, xy in enumerate(np.split(coords, splits)):
            closed = len(xy) > 3 and bool(np.all(xy[0] == xy[-1]))
            g0, g1 = lo[first[i] : last[i]], hi[first[i] : last[i]]
            if len(g0) == 0:
                pts, seg_w = xy, np.full(len(xy) - 1, width)
            else:
                cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(xy, axis=0).T))])
                stops = np.unique(np.concatenate([cum, g0, g1]))
                pts = shapely.get_coordinates(shapely.line_interpolate_point(lines[i], stops))
                mids = (stops[:-1] + stops[1:]) / 2
                inside = (mids[:, None] > g0[None, :]) & (mids[:, None] < g1[None, :])
                seg_w = np.where(inside.any(axis=1), 0.0, width)
            if closed:
                pts = pts[:-1]
            else:
                seg_w = np.append(seg_w, width)  # the last vertex starts no segment
            polylines.append((pts, seg_w, closed))
    rects: dict[str, list[np.ndarray]] = {}
    if openings:
        seg = np.array([o.points for o in openings], dtype=float)
        half = np.where(on_wall > 0, on_wall / 2, [o.depth_m / 2 for o in openings])
        ok = np.hypot(*(seg[:, 1] - seg[:, 0]).T) > 0
        boxes = segment_rectangles(seg[ok], half[ok])
        rings = shapely.get_coordinates(shapely.get_exterior_ring(boxes)).reshape(-1, 5, 2)
        kinds = [o.kind for o, k in zip(openings, ok.tolist(), strict=True) if k]
        for kind, ring in zip(kinds, rings[:, :4], strict=True):
            rects.setdefault(kind, []).append(ring)
    return polylines, rects


def build(
    plan: Plan,
    analysis: Analysis,
    level_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Drawing:
    """The drawing; ``progress(done, total)`` after each level, ``cancelled()`` polled before
    each (``AnalysisCancelled`` once it is true)."""
    doc = ezdxf.new("R2018", setup=False)
    doc.units = ezdxf.units.M
    doc.header["$INSUNITS"] = 6
    doc.header["$MEASUREMENT"] = 1  # metric
    _blocks(doc)
    msp = doc.modelspace()
    levels = [lv for lv in plan.levels if level_id is None or lv.id == level_id]
    for done, lv in enumerate(levels):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled
        for name, rgb in _layers(lv.id).items():
            layer = doc.layers.add(name, color=7)
            if rgb is not None:
                layer.rgb = rgb

        def lay(what: str, _lid: str = lv.id) -> dict:
            return {"layer": layer_name(_lid, what)}

        walls = lay("WALLS")
        polylines, openings = _walls_and_openings(lv)
        for xy, widths, closed in polylines:
            _polyline(msp, xy, closed, walls, widths)
        for kind, rects in openings.items():
            hatch = msp.add_hatch(dxfattribs=lay(f"{kind.upper()}S"))
            hatch.set_solid_fill(color=256)  # by layer
            for ring in rects:
                hatch.paths.add_polyline_path(ring, is_closed=True)
        obstacles = lay("OBSTACLES")
        for ob in lv.obstacles:
            msp.add_lwpolyline(ob.polygon, close=True, dxfattribs=obstacles)
        for z in lv.zones:
            zr = analysis.zones.get(z.id)
            geom = zr.polygon if zr is not None else shapely.Polygon(z.polygon)
            zone_layer = lay(f"ZONES-{z.kind.upper()}")
            for ring in _rings([geom]):
                _polyline(msp, ring, True, zone_layer)
            if z.name or z.id:
                p = (
                    geom.representative_point()
                    if not geom.is_empty
                    else shapely.Point(z.polygon[0])
                )
                msp.add_text(z.name or z.id, height=0.4, dxfattribs=lay("LABELS")).set_placement(
                    (p.x, p.y)
                )
        cameras = lay("CAMERAS")
        results = [analysis.cameras.get(c.id) for c in lv.cameras]
        results = [r for r in results if r is not None]
        for ring in _rings([r.coverage.coverage for r in results]):
            _polyline(msp, ring, True, lay("COVERAGE"))
        for band in DORI_LEVELS:
            bands = [r.coverage.dori.get(band) for r in results]
            for ring in _rings([g for g in bands if g is not None]):
                _polyline(msp, ring, True, lay(f"DORI-{band.upper()}"))
        for c in lv.cameras:
            x, y = c.position[0], c.position[1]
            ref = msp.add_blockref(
                CAMERA_BLOCK, (x, y), dxfattribs={**cameras, "rotation": c.pan_deg}
            )
            _attrib(ref, "ID", c.id, (x, y), CAMERA_ID_AT, cameras)
            _attrib(ref, "NAME", c.name or c.id, (x, y), CAMERA_NAME_AT, cameras)
        signs = lay("SIGNS")
        for s in lv.signs:
            x, y = s.position[0], s.position[1]
            ref = msp.add_blockref(
                SIGN_BLOCK, (x, y), dxfattribs={**signs, "rotation": s.facing_deg - 90}
            )
            _attrib(ref, "ID", s.id, (x, y), SIGN_ID_AT, signs)
        if progress is not None:
            progress(done + 1, len(levels))
    return doc


def _attrib(
    ref: Insert,
    tag: str,
    text: str,
    at: tuple[float, float],
    off: tuple[float, float],
    attribs: dict,
) -> None:
    # add_attrib with the position worked out here: ezdxf's add_auto_attribs transforms each
    # ATTDEF of the block per insert, several times the cost.
    ref.add_attrib(
        tag, text, (at[0] + off[0], at[1] + off[1]), dxfattribs={**attribs, "height": 0.2}
    )


def write_dxf(
    plan: Plan,
    analysis: Analysis,
    out: str | Path,
    level_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the drawing; returns the number of entities in model space."""
    doc = build(plan, analysis, level_id, progress, cancelled)
    doc.saveas(str(out))
    return len(doc.modelspace())


__all__ = ["CAMERA_BLOCK", "SIGN_BLOCK", "build", "layer_name", "write_dxf"]
