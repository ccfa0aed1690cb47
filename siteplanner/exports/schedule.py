"""The camera schedule as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese), one row per
camera, the same figures as ``check --json`` (areas rounded to 4 decimals)."""

from __future__ import annotations

import csv
from pathlib import Path

from siteplanner.analysis import Analysis
from siteplanner.model import DORI_LEVELS, Plan

COLUMNS = [
    "id",
    "name",
    "level",
    "model",
    "x_m",
    "y_m",
    "height_m",
    "pan_deg",
    "tilt_deg",
    "hfov_deg",
    "vfov_deg",
    "resolution",
    "range_m",
    "purpose",
    "face_recognition",
    "coverage_m2",
    *[f"{band}_m2" for band in DORI_LEVELS],
]


def camera_rows(plan: Plan, analysis: Analysis, level_id: str | None = None) -> list[dict]:
    rows = []
    for lv in plan.levels:
        if level_id is not None and lv.id != level_id:
            continue
        for c in lv.cameras:
            cr = analysis.cameras.get(c.id)
            if cr is None:
                continue
            o = cr.optics
            dori = cr.dori_m2()
            rows.append(
                {
                    "id": c.id,
                    "name": c.name,
                    "level": lv.id,
                    "model": c.model or "",
                    "x_m": o.x,
                    "y_m": o.y,
                    "height_m": o.height_m,
                    "pan_deg": o.pan_deg,
                    "tilt_deg": o.tilt_deg,
                    "hfov_deg": o.hfov_deg,
                    "vfov_deg": o.vfov_deg,
                    "resolution": f"{o.resolution[0]}x{o.resolution[1]}",
                    "range_m": o.range_m,
                    "purpose": c.purpose or "",
                    "face_recognition": "true" if o.face_recognition else "false",
                    # Rounded as check --json rounds them.
                    "coverage_m2": round(cr.coverage_m2, 4),
                    **{f"{b}_m2": round(dori.get(b, 0.0), 4) for b in DORI_LEVELS},
                }
            )
    return rows


def write_csv(plan: Plan, analysis: Analysis, out: str | Path, level_id: str | None = None) -> int:
    """Write the schedule; returns the number of cameras written."""
    rows = camera_rows(plan, analysis, level_id)
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


__all__ = ["COLUMNS", "camera_rows", "write_csv"]
