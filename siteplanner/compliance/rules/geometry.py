"""Rules about the plan's geometry: repaired zones, cameras that cannot see."""

from __future__ import annotations

from collections.abc import Iterator

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.registry import ActiveRule, rule
from siteplanner.findings import MIN_AREA_M2, Finding
from siteplanner.geometry.budget import SIMPLIFY_M, simplifications


@rule("GEOMETRY_REPAIRED", group="geometry", texts={"message": ("zone", "level", "area")})
def geometry_repaired(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for j, zr in enumerate(ctx.zones):
        if zr.repaired:
            yield r.finding(
                {"zone": ctx.zone_label(j), "level": ctx.level_name, "area": zr.area_m2},
                level=ctx.level.id,
                zone=zr.zone_id,
                area_m2=zr.area_m2,
            )


@rule(
    "GEOMETRY_SIMPLIFIED",
    group="geometry",
    texts={
        "message": ("object", "level", "before", "after", "tolerance_cm"),
        "wall": ("id",),
        "obstacle": ("id",),
        "zone": ("id",),
    },
)
def geometry_simplified(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """An outline with more points than the analysis budget allows, taken simplified."""
    for s in simplifications(ctx.plan, ctx.level):
        yield r.finding(
            {
                "object": r.text(s.kind, id=s.object_id),
                "level": ctx.level_name,
                "before": s.before,
                "after": s.after,
                "tolerance_cm": SIMPLIFY_M * 100,
            },
            level=ctx.level.id,
            zone=s.object_id if s.kind == "zone" else None,
        )


@rule("CAMERA_INSIDE_WALL", group="geometry", texts={"message": ("camera", "level")})
def camera_inside_wall(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for i, cr in enumerate(ctx.results):
        if cr.coverage.inside_wall:
            yield r.finding(
                {"camera": ctx.camera_label(i), "level": ctx.level_name},
                level=ctx.level.id,
                camera=cr.camera_id,
            )


@rule(
    "CAMERA_INSIDE_OBSTACLE", group="geometry", texts={"message": ("camera", "level", "obstacle")}
)
def camera_inside_obstacle(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for i, cr in enumerate(ctx.results):
        if cr.coverage.inside_obstacle:
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "level": ctx.level_name,
                    "obstacle": cr.coverage.inside_obstacle,
                },
                level=ctx.level.id,
                camera=cr.camera_id,
            )


@rule(
    "CAMERA_SEES_NOTHING",
    group="geometry",
    texts={"message": ("camera", "level", "height")},
    # Less than this is an overlay sliver, not a view of anything.
    params={"min_area_m2": MIN_AREA_M2},
)
def camera_sees_nothing(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """A camera whose coverage at the target height is empty. A camera inside a wall or an
    obstacle already has a finding that says why (and how to fix it): it gets no second one."""
    for i, cr in enumerate(ctx.results):
        cov = cr.coverage
        if cov.inside_wall or cov.inside_obstacle:
            continue
        if cov.coverage_m2 < r.params["min_area_m2"]:
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "level": ctx.level_name,
                    "height": ctx.plan.settings.target_height_m,
                },
                level=ctx.level.id,
                camera=cr.camera_id,
                area_m2=cov.coverage_m2,
            )
