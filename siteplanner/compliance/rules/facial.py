"""Rules about facial recognition and identification density."""

from __future__ import annotations

from collections.abc import Iterator

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.registry import ActiveRule, rule
from siteplanner.findings import Finding


@rule("FACIAL_RECOGNITION_NOTICE", group="facial", texts={"message": ("camera", "level")})
def facial_recognition_notice(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for i, cr in enumerate(ctx.results):
        if cr.optics.face_recognition:
            yield r.finding(
                {"camera": ctx.camera_label(i), "level": ctx.level_name},
                level=ctx.level.id,
                camera=cr.camera_id,
            )


@rule(
    "IMPACT_ASSESSMENT_REQUIRED",
    group="facial",
    # people: the pack's filing threshold; people_wan: the same in units of 10,000 (万).
    texts={"message": ("camera", "level", "people", "people_wan")},
)
def impact_assessment_required(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    people = ctx.pack.filing_threshold_people
    for i, cr in enumerate(ctx.results):
        if cr.optics.face_recognition:
            yield r.finding(
                {
                    "camera": ctx.camera_label(i),
                    "level": ctx.level_name,
                    "people": people,
                    "people_wan": people / 10000,
                },
                level=ctx.level.id,
                camera=cr.camera_id,
            )


@rule(
    "IDENTIFICATION_DENSITY",
    group="facial",
    texts={"message": ("camera", "area", "level")},
    # This much of a public place at identification density makes a camera an identity device.
    params={"min_area_m2": 1.0},
)
def identification_density(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    cams = [i for i, cr in enumerate(ctx.results) if not cr.optics.face_recognition]
    for i, area in ctx.identification_public_m2(cams).items():
        if area >= r.params["min_area_m2"]:
            yield r.finding(
                {"camera": ctx.camera_label(i), "area": area, "level": ctx.level_name},
                level=ctx.level.id,
                camera=ctx.cameras[i].id,
                area_m2=area,
            )


@rule("BIOMETRIC_SPECIAL_CATEGORY", group="facial", texts={"message": ("camera", "level")})
def biometric_special_category(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """Face recognition processes biometric data to identify people uniquely: a special category
    that needs one of the exceptions of GDPR Art. 9(2) (where packs run this rule)."""
    for i, cr in enumerate(ctx.results):
        if cr.optics.face_recognition:
            yield r.finding(
                {"camera": ctx.camera_label(i), "level": ctx.level_name},
                level=ctx.level.id,
                camera=cr.camera_id,
            )
