"""Rules about telling people: signs where cameras watch a public place, big enough to read,
and a notice that says who operates the cameras, why, and for how long images are kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.legibility import (
    DISTANCE_FACTOR,
    LETTER_FACTOR,
    driver_distance,
    larger_size,
    printed_sizes,
    sign_viewing_distance,
    standard_size,
)
from siteplanner.compliance.registry import RULES, ActiveRule, rule
from siteplanner.findings import MIN_AREA_M2, Finding
from siteplanner.model import Organization, Sign, Zone

if TYPE_CHECKING:  # the packs load the rules: a runtime import would be a cycle
    from siteplanner.compliance.packs import RulePack


def watches_public_place(ctx: LevelContext, i: int, least: float) -> bool:
    """Camera ``i`` sees a public place and must therefore be announced; a camera standing in a
    private space is not (it must go: CAMERA_IN_PRIVATE_SPACE)."""
    return ctx.public_seen_m2(i) > least and not ctx.in_private_space(i)


@rule(
    "SIGN_MISSING",
    group="signage",
    texts={"message": ("camera", "level", "area")},
    params={"min_area_m2": MIN_AREA_M2},
)
def sign_missing(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    for i, cam in enumerate(ctx.cameras):
        if cam.id in ctx.signed or not watches_public_place(ctx, i, r.params["min_area_m2"]):
            continue
        yield r.finding(
            {"camera": ctx.camera_label(i), "level": ctx.level_name, "area": ctx.public_seen_m2(i)},
            level=ctx.level.id,
            camera=cam.id,
            area_m2=ctx.public_seen_m2(i),
        )


@rule(
    "SIGN_TOO_SMALL",
    group="signage",
    texts={
        "message": (
            "sign",
            "level",
            "width_cm",
            "height_cm",
            "pictogram_mm",
            "letter_mm",
            "legible_m",
            "distance",
            "source",
            "needed_pictogram_mm",
            "needed_letter_mm",
            "factor",
            "letter_factor",
        ),
        "source_given": (),
        "source_derived": (),
        "source_default": (),
    },
)
def sign_too_small(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    # Judged on what is printed: the pictogram against distance / 60 (ISO 3864-1) and the
    # title's letters against distance / 120 (see siteplanner.compliance.legibility). Viewing
    # distance: the sign's own, else the open floor in front of it (at least 3 m, at most the
    # plan default), see docs/signage.md.
    if not ctx.level.signs:
        return
    solids = ctx.analysis.levels[ctx.level.id].geometry.solids
    title = ctx.pack.sign.get("title") or {}
    titles = [title[lang] for lang in ctx.pack.sign_languages if title.get(lang)][:2]
    for sign in ctx.level.signs:
        distance, source = sign_viewing_distance(
            sign, ctx.plan.settings.sign_viewing_distance_m, solids
        )
        face = any(
            cr.optics.face_recognition
            for cam, cr in zip(ctx.cameras, ctx.results, strict=True)
            if cam.id in sign.covers
        )
        printed = printed_sizes(sign.width_m, sign.height_m, titles, face)
        if printed.legible_m + 1e-9 >= distance:
            continue
        yield r.finding(
            {
                "sign": sign.id,
                "level": ctx.level_name,
                "width_cm": sign.width_m * 100,
                "height_cm": sign.height_m * 100,
                "pictogram_mm": printed.pictogram_m * 1000,
                "letter_mm": printed.letter_m * 1000,
                "legible_m": printed.legible_m,
                "distance": distance,
                "source": r.text(f"source_{source}"),
                "needed_pictogram_mm": distance / DISTANCE_FACTOR * 1000,
                "needed_letter_mm": distance / LETTER_FACTOR * 1000,
                "factor": DISTANCE_FACTOR,
                "letter_factor": LETTER_FACTOR,
            },
            level=ctx.level.id,
            sign=sign.id,
        )


def missing_notice_fields(org: Organization, fields: tuple[str, ...]) -> list[str]:
    """The organisation fields among ``fields`` that the plan leaves empty."""
    out = []
    for name in fields:
        value = getattr(org, name, None)
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(name)
    return out


@rule(
    "NOTICE_INCOMPLETE",
    group="signage",
    texts={"message": ("level", "missing", "cameras")},
    params={"min_area_m2": MIN_AREA_M2},
)
def notice_incomplete(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """Cameras on this level watch a public place, but the organisation details the sign must
    give (the pack's ``notice_fields``) are missing; or a camera here recognises faces and the
    face notice's details (``face_notice_fields``, and where it verifies identity the
    alternative offered) are missing. One finding per level."""
    org = ctx.plan.organization
    watching = [
        i for i in range(len(ctx.cameras)) if watches_public_place(ctx, i, r.params["min_area_m2"])
    ]
    missing = missing_notice_fields(org, ctx.pack.notice_fields) if watching else []
    face = [i for i, cr in enumerate(ctx.results) if cr.optics.face_recognition]
    if face:
        verifying = any(ctx.pack.verifies_identity(ctx.cameras[i].purpose) for i in face)
        for m in missing_face_fields(org, ctx.pack, verifying):
            if m not in missing:
                missing.append(m)
    if not missing:
        return
    named = watching or face
    sep = ctx.pack.term("list_separator", r.lang)
    yield r.finding(
        {
            "level": ctx.level_name,
            "missing": sep.join(ctx.pack.term(f"field.{m}", r.lang) for m in missing),
            "cameras": sep.join(ctx.camera_label(i) for i in named[:3])
            + (ctx.pack.term("and_more", r.lang) if len(named) > 3 else ""),
        },
        level=ctx.level.id,
        camera=ctx.cameras[named[0]].id,
    )


def missing_face_fields(org: Organization, pack: RulePack, verifying: bool) -> list[str]:
    """What a facial-recognition notice lacks: the pack's ``face_notice_fields``, and
    ``face_alternative`` when face recognition verifies identity."""
    fields = tuple(pack.face_notice_fields)
    if verifying and pack.face_notice_fields:
        fields += ("face_alternative",)
    return missing_notice_fields(org, fields)


@rule("AUDIO_RECORDING", group="signage", texts={"message": ("camera", "level")})
def audio_recording(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """A camera that records sound: far more intrusive than images alone, and something the
    signs must state explicitly (where packs run this rule)."""
    for i, cam in enumerate(ctx.cameras):
        if cam.audio:
            yield r.finding(
                {"camera": ctx.camera_label(i), "level": ctx.level_name},
                level=ctx.level.id,
                camera=cam.id,
            )


def _announces_face(ctx: LevelContext, sign: Sign) -> bool:
    return any(
        cr.optics.face_recognition
        for cam, cr in zip(ctx.cameras, ctx.results, strict=True)
        if cam.id in sign.covers
    )


def _mm(w: float, h: float) -> str:
    return f"{w * 1000:.0f} × {h * 1000:.0f} mm"


DRIVER_RULE = "SIGN_TOO_SMALL_FOR_DRIVERS"


def _normal(word: str) -> str:
    return word.strip().lower().replace(" ", "_").replace("-", "_")


def drivers_zone(
    zones: list[tuple[Zone, BaseGeometry]], point: tuple[float, float], params: dict
) -> int | None:
    """The index in ``zones`` of a zone drivers use (its ``use`` one of ``params["uses"]``)
    within ``params["near_m"]`` of ``point``, or None."""
    uses = {_normal(u) for u in params["uses"]}
    p = shapely.Point(point)
    for j, (z, poly) in enumerate(zones):
        if z.use and _normal(z.use) in uses and poly.distance(p) <= params["near_m"]:
            return j
    return None


def driver_params(pack: RulePack) -> dict | None:
    """The parameters of the pack's ``SIGN_TOO_SMALL_FOR_DRIVERS`` rule, None when the pack
    does not run it (the sign placement sizes signs for drivers only where it does)."""
    spec = pack.rules.get(DRIVER_RULE)
    if spec is None or not spec.enabled:
        return None
    return {**RULES[DRIVER_RULE].params, **spec.params}


def pack_titles(pack: RulePack) -> list[str]:
    """The sign titles the legibility maths reads: the first two of the pack's sign languages."""
    title = pack.sign.get("title") or {}
    return [title[lang] for lang in pack.sign_languages if title.get(lang)][:2]


@rule(
    DRIVER_RULE,
    group="signage",
    texts={
        "message": (
            "sign",
            "level",
            "zone",
            "size",
            "legible_m",
            "speed_kmh",
            "seconds",
            "distance",
            "needed",
        )
    },  # fmt: skip
    # Drivers in a car park: 16 km/h (10 mph), the common car-park limit; zones whose ``use``
    # is one of ``uses``; signs up to ``near_m`` from such a zone (at its entrances).
    params={"speed_kmh": 16.0, "uses": ["car_park", "parking"], "near_m": 2.0},
)
def sign_too_small_for_drivers(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """A sign drivers read must be legible from the distance they cover while reading it
    (``legibility.driver_distance``), not only from a pedestrian's distance."""
    if not ctx.level.signs:
        return
    zones = [(z, res.polygon) for z, res in zip(ctx.zone_specs, ctx.zones, strict=True)]
    titles = pack_titles(ctx.pack)
    seconds, distance = driver_distance(titles[0] if titles else "", r.params["speed_kmh"])
    for sign in ctx.level.signs:
        j = drivers_zone(zones, (float(sign.position[0]), float(sign.position[1])), r.params)
        if j is None:
            continue
        printed = printed_sizes(sign.width_m, sign.height_m, titles, _announces_face(ctx, sign))
        if printed.legible_m + 1e-9 >= distance:
            continue
        yield r.finding(
            {
                "sign": sign.id,
                "level": ctx.level_name,
                "zone": ctx.zone_label(j),
                "size": _mm(sign.width_m, sign.height_m),
                "legible_m": printed.legible_m,
                "speed_kmh": r.params["speed_kmh"],
                "seconds": seconds,
                "distance": distance,
                "needed": _mm(*standard_size(distance, titles)),
            },
            level=ctx.level.id,
            sign=sign.id,
            zone=ctx.zones[j].zone_id,
        )


@rule(
    "SIGN_NOT_PROMINENT",
    group="signage",
    texts={"message": ("camera", "level", "signs")},
    params={"min_area_m2": MIN_AREA_M2},
)
def sign_not_prominent(ctx: LevelContext, r: ActiveRule) -> Iterator[Finding]:
    """Where a camera is concealed people cannot see that they are watched: its signs must be
    more prominent, here one standard size larger than their viewing distance needs."""
    titles = pack_titles(ctx.pack)
    cap = ctx.plan.settings.sign_viewing_distance_m
    for i, cam in enumerate(ctx.cameras):
        if not cam.concealed or not watches_public_place(ctx, i, r.params["min_area_m2"]):
            continue
        small = []
        for level in ctx.plan.levels:
            lres = ctx.analysis.levels.get(level.id)
            solids = lres.geometry.solids if lres is not None else None
            for sign in level.signs:
                if cam.id not in sign.covers:
                    continue
                distance, _ = sign_viewing_distance(sign, cap, solids)
                need = larger_size(*standard_size(distance, titles))
                if sign.width_m + 1e-9 < need[0] or sign.height_m + 1e-9 < need[1]:
                    small.append(f"{sign.id} ({_mm(sign.width_m, sign.height_m)} → {_mm(*need)})")
        if small:
            yield r.finding(
                {"camera": ctx.camera_label(i), "level": ctx.level_name, "signs": ", ".join(small)},
                level=ctx.level.id,
                camera=cam.id,
            )
