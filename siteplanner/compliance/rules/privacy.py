"""Rules about private spaces: no camera inside one, none seeing into one."""

from __future__ import annotations

from collections.abc import Iterator

import shapely

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.registry import ActiveRule, rule
from siteplanner.findings import MIN_AREA_M2, Finding
from siteplanner.geometry.walls import opening_cuts


@rule(
    "CAMERA_IN_PRIVATE_SPACE",
    group="privacy",
    texts={"message": ("camera", "kind", "zone", "level")},
)
def camera_in_private_space(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for i, cam in enumerate(ctx.cameras):
        for j in ctx.standing_in[i]:
            if ctx.zones[j].kind != "private":
                continue
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "kind": ctx.pack.private_type_name(ctx.zone_specs[j].private_type, r.lang),
                    "zone": ctx.zone_label(j),
                    "level": ctx.level_name,
                },
                level=ctx.level.id,
                camera=cam.id,
                zone=ctx.zones[j].zone_id,
            )


@rule(
    "PRIVATE_SPACE_COVERED",
    group="privacy",
    texts={
        "message": ("camera", "area", "kind", "zone", "level", "through", "hint"),
        "through": ("openings",),
        "hint_door": (),
        "hint_window": (),
        "hint_none": (),
    },
    # Smaller overlaps are overlay slivers along a shared edge, not something a camera sees.
    params={"min_area_m2": MIN_AREA_M2},
)
def private_space_covered(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    private = set(ctx.private)
    if not private:
        return
    openings = [o for o in ctx.level.openings if o.cuts]
    cut_tree = shapely.STRtree(opening_cuts(ctx.level))
    for i, cam in enumerate(ctx.cameras):
        cov = ctx.results[i].coverage.coverage
        for j, (area, seen) in sorted(ctx.overlaps[i].items()):
            if j not in private or area <= r.params["min_area_m2"]:
                continue
            # The openings the camera sees through into this zone.
            near = cut_tree.query(seen.buffer(0.5), predicate="intersects")
            via = [
                openings[k] for k in sorted(near.tolist()) if cut_tree.geometries[k].intersects(cov)
            ]
            if not via:
                hint = r.text("hint_none")
            elif all(o.kind == "window" for o in via):
                hint = r.text("hint_window")
            else:
                hint = r.text("hint_door")
            through = r.text("through", openings=", ".join(o.id for o in via)) if via else ""
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "area": area,
                    "kind": ctx.pack.private_type_name(ctx.zone_specs[j].private_type, r.lang),
                    "zone": ctx.zone_label(j),
                    "level": ctx.level_name,
                    "through": through,
                    "hint": hint,
                },
                level=ctx.level.id,
                camera=cam.id,
                zone=ctx.zones[j].zone_id,
                area_m2=area,
                opening=via[0].id if via else None,
            )


@rule(
    "DPIA_REQUIRED",
    group="privacy",
    texts={"message": ("level", "cameras", "area")},
    # What this program takes as monitoring "on a large scale" on one level; the law gives no
    # figure, so a pack states its own.
    params={"min_cameras": 10, "min_area_m2": 500.0},
)
def dpia_required(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """Systematic monitoring of a publicly accessible area on a large scale needs an impact
    assessment before it starts (GDPR Art. 35(3)(c))."""
    public = set(ctx.public)
    watching = [
        i
        for i in range(len(ctx.cameras))
        if not ctx.in_private_space(i)
        and any(a > MIN_AREA_M2 for j, (a, _g) in ctx.overlaps[i].items() if j in public)
    ]
    area = sum(ctx.zones[j].covered_m2 for j in ctx.public)
    if not watching:
        return
    if len(watching) < r.params["min_cameras"] and area < r.params["min_area_m2"]:
        return
    yield r.finding(
        {"level": ctx.level_name, "cameras": len(watching), "area": area},
        level=ctx.level.id,
        area_m2=area,
    )
