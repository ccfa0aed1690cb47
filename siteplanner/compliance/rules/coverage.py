"""Rules about coverage where it is needed."""

from __future__ import annotations

from collections.abc import Iterator

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.registry import ActiveRule, rule
from siteplanner.findings import MIN_AREA_M2, Finding
from siteplanner.model import Plan


def coverage_target(plan: Plan, pack_target: float) -> float:
    """The share of a collection zone that must be covered: the plan's own
    ``settings.coverage_target`` when it sets one (a site may ask for more, or accept less, than
    the pack's usual figure), else the rule pack's ``coverage_target``."""
    own = plan.settings.coverage_target
    return pack_target if own is None else own


@rule(
    "UNDER_COVERAGE",
    group="coverage",
    texts={
        "message": ("zone", "level", "what", "percent", "target", "blind"),
        "at_density": ("band", "ppm"),
        "any": (),
    },
    # A zone smaller than this is a drawing slip, not a place to cover.
    params={"min_zone_m2": MIN_AREA_M2},
)
def under_coverage(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    target = coverage_target(ctx.plan, ctx.pack.coverage_target)
    dori = ctx.plan.settings.dori_ppm
    for j in ctx.collection:
        zr = ctx.zones[j]
        if zr.area_m2 <= r.params["min_zone_m2"]:
            continue
        need = ctx.zone_specs[j].required_dori
        covered = zr.by_dori[need] if need else zr.covered
        frac = covered.area / zr.area_m2
        if frac >= target - 1e-9:
            continue
        blind = zr.area_m2 - covered.area
        what = (
            r.text(
                "at_density",
                band=ctx.pack.term(f"dori.{need}", r.lang),
                ppm=dori.threshold(need),
            )
            if need
            else r.text("any")
        )
        yield r.finding(
            {
                "zone": ctx.zone_label(j),
                "level": ctx.level_name,
                "what": what,
                "percent": 100 * frac,
                "target": 100 * target,
                "blind": blind,
            },
            level=ctx.level.id,
            zone=zr.zone_id,
            area_m2=blind,
            percent=100 * frac,
        )
