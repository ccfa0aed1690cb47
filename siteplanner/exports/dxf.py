"""The plan as a DXF drawing in metres ($INSUNITS 6) that CAD users can switch layer by layer.

Layers are named ``<level>-<what>``: walls (centre lines at their thickness), openings,
obstacles, zones by kind, cameras, coverage, each DORI band, signs and labels. Coverage areas
are closed polylines (holes as further closed polylines on the same layer); cameras are block
references with their id and name as attributes.
"""

from __future__ import annotations

import re
from pathlib import Path

import ezdxf
import shapely
from ezdxf.document import Drawing
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analysis
from siteplanner.drawing import palette
from siteplanner.model import DORI_LEVELS, Plan

CAMERA_BLOCK = "SP_CAMERA"
SIGN_BLOCK = "SP_SIGN"
# Characters a DXF layer name may not hold.
_BAD = re.compile(r'[<>/\\":;?*|=`,\x00-\x1f]')


def layer_name(level_id: str, what: str) -> str:
    return _BAD.sub("_", f"{level_id}-{what}")[:255]


def _rgb(color: palette.Rgba) -> tuple[int, int, int]:
    r, g, b = palette.opaque(color)
    return (round(r * 255), round(g * 255), round(b * 255))


def _layers(level_id: str) -> dict[str, tuple[int, int, int]]:
    out = {
        "WALLS": _rgb(palette.WALL),
        "OPENINGS": _rgb(palette.DOOR),
        "OBSTACLES": _rgb(palette.OBSTACLE_LINE),
        **{f"ZONES-{k.upper()}": _rgb(v) for k, v in palette.ZONE_LINE.items()},
        "CAMERAS": _rgb(palette.CAMERA),
        "COVERAGE": _rgb(palette.COVERAGE_LINE),
        **{f"DORI-{b.upper()}": _rgb(palette.DORI_LEGEND[b]) for b in DORI_LEVELS},
        "SIGNS": _rgb(palette.SIGN),
        "LABELS": _rgb(palette.LABEL),
    }
    return {layer_name(level_id, k): v for k, v in out.items()}


def _rings(geom: BaseGeometry):
    for poly in shapely.get_parts(geom):
        if poly.geom_type == "Polygon":
            yield poly.exterior.coords
            for hole in poly.interiors:
                yield hole.coords
        elif hasattr(poly, "geoms"):
            yield from _rings(poly)


def _blocks(doc: Drawing) -> None:
    cam = doc.blocks.new(CAMERA_BLOCK)
    cam.add_circle((0, 0), 0.15)
    cam.add_lwpolyline([(0.15, 0.08), (0.4, 0), (0.15, -0.08)], close=True)  # looking along +x
    cam.add_attdef("ID", (0.2, 0.2), dxfattribs={"height": 0.2})
    cam.add_attdef("NAME", (0.2, -0.4), dxfattribs={"height": 0.2})
    sign = doc.blocks.new(SIGN_BLOCK)
    sign.add_lwpolyline([(-0.15, -0.2), (0.15, -0.2), (0.15, 0.2), (-0.15, 0.2)], close=True)
    sign.add_attdef("ID", (0.25, 0.0), dxfattribs={"height": 0.2})


def build(plan: Plan, analysis: Analysis, level_id: str | None = None) -> Drawing:
    doc = ezdxf.new("R2018", setup=False)
    doc.units = ezdxf.units.M
    doc.header["$INSUNITS"] = 6
    doc.header["$MEASUREMENT"] = 1  # metric
    _blocks(doc)
    msp = doc.modelspace()
    for lv in plan.levels:
        if level_id is not None and lv.id != level_id:
            continue
        for name, rgb in _layers(lv.id).items():
            layer = doc.layers.add(name)
            layer.rgb = rgb

        def lay(what: str, _lid: str = lv.id) -> dict:
            return {"layer": layer_name(_lid, what)}

        # Walls as their centre lines drawn at their thickness (constant-width polylines, the
        # way CAD draws walls), joined end to end: a campus has tens of thousands of segments.
        by_width: dict[float, list] = {}
        for w in lv.walls:
            by_width.setdefault(w.thickness_m, []).append(w.points)
        for width, lines in by_width.items():
            merged = shapely.line_merge(shapely.MultiLineString(lines))
            for line in shapely.get_parts(merged):
                pts = shapely.get_coordinates(line).tolist()
                closed = len(pts) > 3 and pts[0] == pts[-1]
                msp.add_lwpolyline(
                    pts[:-1] if closed else pts,
                    close=closed,
                    dxfattribs={**lay("WALLS"), "const_width": width},
                )
        for o in lv.openings:
            msp.add_line(o.points[0], o.points[1], dxfattribs=lay("OPENINGS"))
        for ob in lv.obstacles:
            msp.add_lwpolyline(ob.polygon, close=True, dxfattribs=lay("OBSTACLES"))
        for z in lv.zones:
            zr = analysis.zones.get(z.id)
            geom = zr.polygon if zr is not None else shapely.Polygon(z.polygon)
            for ring in _rings(geom):
                msp.add_lwpolyline(
                    list(ring)[:-1], close=True, dxfattribs=lay(f"ZONES-{z.kind.upper()}")
                )
            if z.name or z.id:
                p = (
                    geom.representative_point()
                    if not geom.is_empty
                    else shapely.Point(z.polygon[0])
                )
                msp.add_text(z.name or z.id, height=0.4, dxfattribs=lay("LABELS")).set_placement(
                    (p.x, p.y)
                )
        for c in lv.cameras:
            ref = msp.add_blockref(
                CAMERA_BLOCK, c.position, dxfattribs={**lay("CAMERAS"), "rotation": c.pan_deg}
            )
            ref.add_auto_attribs({"ID": c.id, "NAME": c.name or c.id})
            cr = analysis.cameras.get(c.id)
            if cr is None:
                continue
            for ring in _rings(cr.coverage.coverage):
                msp.add_lwpolyline(list(ring)[:-1], close=True, dxfattribs=lay("COVERAGE"))
            for band in DORI_LEVELS:
                g = cr.coverage.dori.get(band)
                if g is None:
                    continue
                for ring in _rings(g):
                    msp.add_lwpolyline(
                        list(ring)[:-1], close=True, dxfattribs=lay(f"DORI-{band.upper()}")
                    )
        for s in lv.signs:
            ref = msp.add_blockref(
                SIGN_BLOCK, s.position, dxfattribs={**lay("SIGNS"), "rotation": s.facing_deg - 90}
            )
            ref.add_auto_attribs({"ID": s.id})
    return doc


def write_dxf(plan: Plan, analysis: Analysis, out: str | Path, level_id: str | None = None) -> int:
    """Write the drawing; returns the number of entities in model space."""
    doc = build(plan, analysis, level_id)
    doc.saveas(str(out))
    return len(doc.modelspace())


__all__ = ["CAMERA_BLOCK", "SIGN_BLOCK", "build", "layer_name", "write_dxf"]
