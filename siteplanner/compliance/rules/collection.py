"""Rules about the collection area: cameras that see beyond what they are installed for."""

from __future__ import annotations

from collections.abc import Iterator

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.registry import ActiveRule, rule
from siteplanner.findings import SLIVER_M2, Finding


@rule(
    "OVER_COLLECTION",
    group="collection",
    texts={"message": ("camera", "area", "percent", "zone", "level")},
    params={"min_area_m2": SLIVER_M2},
)
def over_collection(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    exclude = set(ctx.exclude)
    for i, cam in enumerate(ctx.cameras):
        total = ctx.results[i].coverage_m2
        for j, (area, _seen) in sorted(ctx.overlaps[i].items()):
            if j not in exclude or area < r.params["min_area_m2"]:
                continue
            pct = 100.0 * area / total if total else 0.0
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "area": area,
                    "percent": pct,
                    "zone": ctx.zone_label(j),
                    "level": ctx.level_name,
                },
                level=ctx.level.id,
                camera=cam.id,
                zone=ctx.zones[j].zone_id,
                area_m2=area,
                percent=pct,
            )


@rule(
    "OUTSIDE_COLLECTION_AREA",
    group="collection",
    texts={"message": ("camera", "area", "percent", "level")},
    params={"min_area_m2": SLIVER_M2},
)
def outside_collection_area(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """Cameras installed for internal management may collect only within the collection zones."""
    least = r.params["min_area_m2"]
    internal = [
        i
        for i, cam in enumerate(ctx.cameras)
        if ctx.pack.is_internal(cam.purpose) and ctx.results[i].coverage_m2 >= least
    ]
    for i, outside in ctx.outside_collection_m2(internal).items():
        if outside < least:
            continue
        pct = 100.0 * outside / ctx.results[i].coverage_m2
        yield r.finding(
            {
                "camera": ctx.camera_label(i),
                "area": outside,
                "percent": pct,
                "level": ctx.level_name,
            },
            level=ctx.level.id,
            camera=ctx.cameras[i].id,
            area_m2=outside,
            percent=pct,
        )
