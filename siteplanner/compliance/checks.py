"""Checks shared by every rule pack: they read the analysis and emit findings.

A pack decides each rule's severity and reference (and may switch a rule off); the geometry and
the thresholds live here so that adding a pack never touches the engine.
"""

from __future__ import annotations

import shapely

from siteplanner.analysis import Analysis, CameraResult
from siteplanner.compliance.legibility import DISTANCE_FACTOR as ISO_DISTANCE_FACTOR
from siteplanner.compliance.legibility import sign_viewing_distance
from siteplanner.compliance.packs import RulePack, load_pack
from siteplanner.findings import Finding, sort_findings
from siteplanner.geometry.coverage import clip, subtract, union_coverage
from siteplanner.geometry.walls import opening_cuts
from siteplanner.model import Level, Plan

# Areas below this are overlay slivers along shared edges, not something a camera sees.
MIN_AREA_M2 = 0.01
# A camera whose identification band covers this much of a public place is an identity device.
IDENTIFICATION_MIN_M2 = 1.0
# Purposes that mean "installed for the organisation's internal management".
INTERNAL_PURPOSES = {
    "internal",
    "internal_management",
    "management",
    "access_control",
    "attendance",
    "staff_management",
    "operations",
}


def is_internal(purpose: str | None) -> bool:
    if not purpose:
        return False
    return purpose.strip().lower().replace("-", "_").replace(" ", "_") in INTERNAL_PURPOSES


def _label(name: str, ident: str) -> str:
    return f"{name} ({ident})" if name and name != ident else ident


def evaluate(plan: Plan, analysis: Analysis, pack_id: str) -> list[Finding]:
    out: list[Finding] = []
    for level in plan.levels:
        out.extend(evaluate_level(plan, level, analysis, pack_id))
    return sort_findings(out)


def evaluate_level(plan: Plan, level: Level, analysis: Analysis, pack_id: str) -> list[Finding]:
    """Findings of one level; needs the analysis of that level's cameras and zones only."""
    pack = load_pack(pack_id)
    out: list[Finding] = []

    def add(rule: str, message: str, **kw: object) -> None:
        if pack.enabled(rule):
            out.append(
                Finding(rule, pack.severity(rule), message, reference=pack.reference(rule), **kw)
            )

    _level_checks(plan, level, analysis, pack, add)
    return out


def _level_checks(plan: Plan, level: Level, analysis: Analysis, pack: RulePack, add) -> None:  # noqa: C901
    zones = [analysis.zones[z.id] for z in level.zones]
    lname = level.name or level.id
    for zr in zones:
        if zr.repaired:
            add(
                "GEOMETRY_REPAIRED",
                f"Zone {_label(zr.name, zr.zone_id)} on {lname} crosses itself; it was repaired "
                f"to {zr.area_m2:.2f} m². Redraw it so that its edges do not cross.",
                level=level.id,
                zone=zr.zone_id,
                area_m2=zr.area_m2,
            )
    private = [z for z in zones if z.kind == "private"]
    exclude = [z for z in zones if z.kind == "exclude"]
    collection = [z for z in zones if z.kind == "collection"]
    public = [z for z in zones if (level.zone(z.zone_id).place == "public") and z.kind != "private"]
    collection_union = union_coverage([z.polygon for z in collection])
    cutters = [o for o in level.openings if o.cuts]
    cut_tree = shapely.STRtree(opening_cuts(level))
    signed = {cid for s in level.signs for cid in s.covers}
    for other in plan.levels:
        if other is not level:
            signed |= {cid for s in other.signs for cid in s.covers}

    zone_tree = shapely.STRtree([z.polygon for z in zones])
    for camera in level.cameras:
        cr: CameraResult = analysis.cameras[camera.id]
        cam = _label(camera.name, camera.id)
        cov = cr.coverage.coverage
        pos = shapely.Point(camera.position)
        # Only zones whose box meets the coverage's box or holds the camera need an overlay.
        near = set(zone_tree.query(cov).tolist()) | set(zone_tree.query(pos).tolist())
        near_ids = {zones[i].zone_id for i in near}
        seen_m2 = cov.area
        if cr.coverage.inside_wall:
            add(
                "CAMERA_INSIDE_WALL",
                f"Camera {cam} on {lname} stands inside a wall and sees nothing. Move it onto "
                f"the face of the wall, into the room it should watch.",
                level=level.id,
                camera=camera.id,
            )
        if cr.coverage.inside_obstacle:
            add(
                "CAMERA_INSIDE_OBSTACLE",
                f"Camera {cam} on {lname} is inside obstacle {cr.coverage.inside_obstacle} below "
                f"its top and sees nothing. Raise it above the obstacle or move it.",
                level=level.id,
                camera=camera.id,
            )
        for zr in private:
            if zr.zone_id not in near_ids:
                continue
            zone = level.zone(zr.zone_id)
            kind = (zone.private_type or "private space").replace("_", " ")
            if zr.polygon.contains(pos):
                add(
                    "CAMERA_IN_PRIVATE_SPACE",
                    f"Camera {cam} is installed inside {kind} {_label(zr.name, zr.zone_id)} "
                    f"on {lname}. No camera may be installed in a {kind}: remove it.",
                    level=level.id,
                    camera=camera.id,
                    zone=zr.zone_id,
                )
            seen = clip(cov, zr.polygon)
            if seen.area > MIN_AREA_M2:
                # The openings the camera sees through into this zone.
                seen_cuts = cut_tree.query(seen.buffer(0.5), predicate="intersects")
                via = [
                    cutters[i].id
                    for i in sorted(seen_cuts.tolist())
                    if cut_tree.geometries[i].intersects(cov)
                ]
                through = f" through {', '.join(via)}" if via else ""
                kind_word = (
                    "window"
                    if via and all(o.kind == "window" for o in cutters if o.id in via)
                    else "door"
                )
                hint = (
                    f" Turn or narrow the camera, or keep that {kind_word} closed and opaque."
                    if via
                    else " Turn or narrow the camera."
                )
                add(
                    "PRIVATE_SPACE_COVERED",
                    f"Camera {cam} sees {seen.area:.2f} m² of {kind} "
                    f"{_label(zr.name, zr.zone_id)} on {lname}{through}.{hint}",
                    level=level.id,
                    camera=camera.id,
                    zone=zr.zone_id,
                    area_m2=seen.area,
                    opening=via[0] if via else None,
                )
        for zr in exclude:
            if zr.zone_id not in near_ids:
                continue
            seen = clip(cov, zr.polygon)
            if seen.area > MIN_AREA_M2:
                pct = 100.0 * seen.area / seen_m2 if seen_m2 else 0.0
                add(
                    "OVER_COLLECTION",
                    f"Camera {cam} sees {seen.area:.2f} m² ({pct:.0f} % of its view) of "
                    f"{_label(zr.name, zr.zone_id)}, which is outside the collection area. "
                    f"Turn it, narrow it or mask that part of the image.",
                    level=level.id,
                    camera=camera.id,
                    zone=zr.zone_id,
                    area_m2=seen.area,
                    percent=pct,
                )
        if is_internal(camera.purpose) and seen_m2 > MIN_AREA_M2:
            outside = subtract(cov, collection_union)
            if outside.area > MIN_AREA_M2:
                pct = 100.0 * outside.area / seen_m2
                add(
                    "OUTSIDE_COLLECTION_AREA",
                    f"Camera {cam} is for internal management but {outside.area:.2f} m² "
                    f"({pct:.0f} % of its view) lies outside every collection zone on {lname}. "
                    f"Limit it to the area actually needed.",
                    level=level.id,
                    camera=camera.id,
                    area_m2=outside.area,
                    percent=pct,
                )
        public_seen = max(
            (clip(cov, z.polygon).area for z in public if z.zone_id in near_ids), default=0.0
        )
        if public_seen > MIN_AREA_M2 and camera.id not in signed:
            add(
                "SIGN_MISSING",
                f"Camera {cam} watches a public place on {lname} but no sign announces it. "
                f"Put a sign at each entrance into its view and list the camera on it.",
                level=level.id,
                camera=camera.id,
                area_m2=public_seen,
            )
        if cr.optics.face_recognition:
            add(
                "FACIAL_RECOGNITION_NOTICE",
                f"Camera {cam} on {lname} runs facial recognition: before processing, tell "
                f"people who processes their faces, why and how, for how long, and how to "
                f"exercise their rights, and obtain separate consent; offer another way to "
                f"verify identity.",
                level=level.id,
                camera=camera.id,
            )
            add(
                "IMPACT_ASSESSMENT_REQUIRED",
                f"Camera {cam} on {lname} runs facial recognition: carry out a personal "
                f"information protection impact assessment before use and keep processing "
                f"records; file with the cyberspace authority once facial information of "
                f"{pack.filing_threshold_people:,} people is held.",
                level=level.id,
                camera=camera.id,
            )
        elif public:
            ident = cr.coverage.dori["identification"]
            seen_id = sum(clip(ident, z.polygon).area for z in public if z.zone_id in near_ids)
            if seen_id >= IDENTIFICATION_MIN_M2:
                add(
                    "IDENTIFICATION_DENSITY",
                    f"Camera {cam} reaches identification density (faces recognisable) over "
                    f"{seen_id:.1f} m² of public places on {lname}: it acts as personal identity "
                    f"recognition equipment whether or not it runs face matching.",
                    level=level.id,
                    camera=camera.id,
                    area_m2=seen_id,
                )

    target = plan.settings.coverage_target
    for zr in collection:
        zone = level.zone(zr.zone_id)
        if zr.area_m2 <= MIN_AREA_M2:
            continue
        need = zone.required_dori
        covered = zr.by_dori[need] if need else zr.covered
        frac = covered.area / zr.area_m2
        if frac < target - 1e-9:
            blind = zr.area_m2 - covered.area
            what = (
                f"at {need} density ({plan.settings.dori_ppm.threshold(need):g} px/m)"
                if (need)
                else "by any camera"
            )
            add(
                "UNDER_COVERAGE",
                f"Collection zone {_label(zr.name, zr.zone_id)} on {lname} is covered {what} "
                f"over {100 * frac:.0f} % of its area (target {100 * target:.0f} %); "
                f"{blind:.2f} m² are blind spots.",
                level=level.id,
                zone=zr.zone_id,
                area_m2=blind,
                percent=100 * frac,
            )

    # Viewing distance: the sign's own, else the open floor in front of it (at least 3 m, at
    # most the plan default), see siteplanner.compliance.legibility and docs/signage.md.
    solids = analysis.levels[level.id].geometry.solids if level.signs else None
    for sign in level.signs:
        distance, source = sign_viewing_distance(
            sign, plan.settings.sign_viewing_distance_m, solids
        )
        needed = distance / ISO_DISTANCE_FACTOR
        if sign.height_m + 1e-9 < needed:
            how = {"given": "its viewing distance", "derived": "the open floor in front of it"}
            add(
                "SIGN_TOO_SMALL",
                f"Sign {sign.id} on {lname} is {sign.height_m * 100:.0f} cm high; read from "
                f"{distance:.1f} m ({how.get(source, 'the plan default')}) it must be at least "
                f"{needed * 100:.0f} cm (ISO 3864-1, distance / 60).",
                level=level.id,
                sign=sign.id,
            )


__all__ = ["evaluate", "evaluate_level", "is_internal", "sort_findings"]
