"""The plan as one GeoJSON FeatureCollection in plan metres (x east, y north; local coordinates,
no CRS). Every feature has ``kind``, ``id``, ``level`` and ``name`` where it has one; coverage
features carry ``camera`` and ``band`` and the analysis's own polygons (so their areas agree)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analysis
from siteplanner.model import DORI_LEVELS, Plan


def _feature(geom: BaseGeometry | dict, **props: Any) -> dict:
    geometry = geom  # Shapely geometries are written by write_geojson, all at once
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {k: v for k, v in props.items() if v is not None and v != ""},
    }


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    pts = [list(p) for p in points]
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def features(plan: Plan, analysis: Analysis, level_id: str | None = None) -> list[dict]:
    out: list[dict] = []
    for lv in plan.levels:
        if level_id is not None and lv.id != level_id:
            continue
        L = lv.id
        for w in lv.walls:
            geo = {"type": "LineString", "coordinates": [list(p) for p in w.points]}
            out.append(_feature(geo, kind="wall", id=w.id, level=L, thickness_m=w.thickness_m))
        for o in lv.openings:
            geo = {"type": "LineString", "coordinates": [list(p) for p in o.points]}
            out.append(_feature(geo, kind="opening", id=o.id, level=L, opening=o.kind))
        for ob in lv.obstacles:
            geo = {"type": "Polygon", "coordinates": [_ring(ob.polygon)]}
            out.append(
                _feature(
                    geo, kind="obstacle", id=ob.id, level=L, name=ob.name, height_m=ob.height_m
                )
            )
        for z in lv.zones:
            zr = analysis.zones.get(z.id)
            geo = (
                zr.polygon
                if zr is not None
                else {"type": "Polygon", "coordinates": [_ring(z.polygon)]}
            )
            out.append(
                _feature(
                    geo,
                    kind="zone",
                    id=z.id,
                    level=L,
                    name=z.name,
                    zone=z.kind,
                    place=z.place,
                    required_dori=z.required_dori,
                    area_m2=round(zr.area_m2, 4) if zr is not None else None,
                )
            )
        for c in lv.cameras:
            cr = analysis.cameras.get(c.id)
            geo = {"type": "Point", "coordinates": list(c.position)}
            out.append(
                _feature(
                    geo,
                    kind="camera",
                    id=c.id,
                    level=L,
                    name=c.name,
                    purpose=c.purpose,
                    face_recognition=bool(cr.optics.face_recognition) if cr else None,
                    pan_deg=c.pan_deg,
                )
            )
            if cr is None:
                continue
            bands = [("coverage", cr.coverage.coverage)]
            bands += [(b, cr.coverage.dori[b]) for b in DORI_LEVELS if b in cr.coverage.dori]
            for band, g in bands:
                if g.is_empty:
                    continue
                out.append(
                    _feature(
                        g,
                        kind="coverage",
                        id=f"{c.id}:{band}",
                        level=L,
                        camera=c.id,
                        band=band,
                        area_m2=round(float(g.area), 4),
                    )
                )
        for s in lv.signs:
            geo = {"type": "Point", "coordinates": list(s.position)}
            out.append(
                _feature(
                    geo,
                    kind="sign",
                    id=s.id,
                    level=L,
                    covers=list(s.covers),
                    facing_deg=s.facing_deg,
                )
            )
    return out


def write_geojson(
    plan: Plan, analysis: Analysis, out: str | Path, level_id: str | None = None
) -> int:
    feats = features(plan, analysis, level_id)
    # Geometries through Shapely's vectorised GeoJSON writer: a campus has tens of thousands.
    geoms = [f["geometry"] for f in feats]
    shaped = [i for i, g in enumerate(geoms) if isinstance(g, BaseGeometry)]
    texts = shapely.to_geojson(np.array([geoms[i] for i in shaped], dtype=object))
    geo_text = {i: t for i, t in zip(shaped, texts, strict=True)}
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "name": ')
        fh.write(json.dumps(plan.name, ensure_ascii=False))
        fh.write(', "features": [')
        for i, f in enumerate(feats):
            if i:
                fh.write(",\n")
            g = geo_text.get(i) or json.dumps(f["geometry"])
            props = json.dumps(f["properties"], ensure_ascii=False)
            fh.write(f'{{"type": "Feature", "geometry": {g}, "properties": {props}}}')
        fh.write("]}\n")
    return len(feats)


__all__ = ["features", "write_geojson"]
