"""Where a camera may go, and what each candidate covers.

Mounts: points on the walls' faces by the editor's wall-face rule (every ``face_step_m`` along
each face and at every corner of the faces), and ceiling points on a grid over the collection
zones. A mount is dropped when it stands in a wall, an obstacle or a private zone, in a doorway
(no wall behind it), or out of reach of every collection zone.

Per mount and height, one visibility computation with the exact engine: three 179° pseudo
cameras at the mount, level, out to the longest range on offer. Walls are full height, so what
they hide does not depend on where a camera looks; obstacles are taken at the mount's height.
Every candidate (model, pan, tilt) at that mount is then that visibility cut by its frustum,
range and density — linear conditions on the sample points, evaluated with numpy — and, for the
privacy constraint, its footprint met with the private area visible from the mount.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.catalogue import CatalogueEntry
from siteplanner.editing import SnapIndex
from siteplanner.editing.factories import wall_mount
from siteplanner.geometry.coverage import LevelGeometry, SightTooComplex, camera_coverage
from siteplanner.geometry.optics import footprint, frustum_halfplanes
from siteplanner.geometry.walls import wall_solids
from siteplanner.model import Optics

# A private zone is kept this far from every candidate's view (rounding, not policy).
PRIVATE_MARGIN_M = 0.02
# A candidate that sees less than this of a private zone through the margin still sees it.
PRIVATE_AREA_M2 = 1e-6
# The editor's offset of a wall-mounted camera in front of the face.
WALL_OFFSET_M = 0.05


@dataclass(frozen=True)
class Offer:
    """A model (at one focal length for a varifocal) that the placement may use."""

    model_id: str
    hfov_deg: float
    vfov_deg: float
    resolution: tuple[int, int]
    range_m: float
    face_recognition: bool
    cost: float = 1.0
    entry: CatalogueEntry | None = None  # a catalogue model, added to the plan when used
    focal_mm: float | None = None  # for a varifocal

    @property
    def label(self) -> str:
        return self.model_id if self.focal_mm is None else f"{self.model_id} @ {self.focal_mm:g} mm"

    def depth_limit(self, ppm: float) -> float:
        if ppm <= 0:
            return math.inf
        return self.resolution[0] / (2.0 * ppm * math.tan(math.radians(self.hfov_deg) / 2))


@dataclass(frozen=True)
class Mount:
    x: float
    y: float
    pan_deg: float  # facing away from the wall; for a ceiling point, 0
    kind: str  # "wall" or "ceiling"


@dataclass
class Candidate:
    mount: Mount
    height_m: float
    offer: Offer
    pan_deg: float
    tilt_deg: float
    points: np.ndarray  # indices of the sample points it covers at their required density
    tie_m2: float = 0.0  # area of excluded places (and, for internal use, outside) it sees

    def optics(self) -> Optics:
        o = self.offer
        return Optics(
            x=self.mount.x,
            y=self.mount.y,
            height_m=self.height_m,
            pan_deg=self.pan_deg,
            tilt_deg=self.tilt_deg,
            hfov_deg=o.hfov_deg,
            vfov_deg=o.vfov_deg,
            resolution=o.resolution,
            range_m=o.range_m,
            face_recognition=o.face_recognition,
        )


def wall_mounts(
    index: SnapIndex, geo: LevelGeometry, step_m: float, offset_m: float = WALL_OFFSET_M
) -> list[Mount]:
    """Mount points in front of the wall faces, by the editor's rule (``wall_mount``)."""
    if not len(geo.parts):
        return []
    solids = wall_solids(index.level.walls)
    ring = shapely.boundary(shapely.buffer(shapely.union_all(solids), offset_m))
    corners = shapely.get_coordinates(ring)
    along = shapely.get_coordinates(shapely.segmentize(ring, step_m))
    seeds = np.unique(np.round(np.vstack([corners, along]), 3), axis=0)
    mounts: dict[tuple[float, float], Mount] = {}
    for x, y in seeds:
        m = wall_mount(index, (float(x), float(y)), tol=offset_m + 0.05, offset_m=offset_m)
        if m is None:
            continue
        key = (round(m.position[0], 2), round(m.position[1], 2))
        if key in mounts:
            continue
        pt = shapely.Point(m.position)
        # In a doorway the uncut wall's face stands in thin air: no wall to mount on.
        near = geo.part_tree.query(pt, predicate="dwithin", distance=2 * offset_m)
        if len(near) == 0 or geo.inside_wall(pt):
            continue
        mounts[key] = Mount(m.position[0], m.position[1], m.pan_deg, "wall")
    return list(mounts.values())


def ceiling_mounts(region: BaseGeometry, geo: LevelGeometry, spacing_m: float) -> list[Mount]:
    """Grid points over ``region`` (the collection zones) clear of the walls by half a metre."""
    if region.is_empty:
        return []
    x0, y0, x1, y1 = region.bounds
    xs = np.arange(x0 + spacing_m / 2, x1, spacing_m)
    ys = np.arange(y0 + spacing_m / 2, y1, spacing_m)
    if len(xs) == 0 or len(ys) == 0:
        return []
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    inside = shapely.contains_xy(region, gx, gy)
    pts = shapely.points(gx[inside], gy[inside])
    if len(geo.parts):
        clear = shapely.distance(shapely.union_all(geo.parts), pts) > 0.5
        pts = pts[clear]
    return [Mount(float(p.x), float(p.y), 0.0, "ceiling") for p in pts]


def visibility(
    geo: LevelGeometry,
    x: float,
    y: float,
    height_m: float,
    target_m: float,
    reach_m: float,
    dori_ppm: dict[str, float],
) -> BaseGeometry | None:
    """What a camera at (x, y, height) could see in any direction, out to ``reach_m``; None when
    it stands in a wall or an obstacle (or its view is too complex to compute)."""
    views = []
    for pan in (0.0, 120.0, 240.0):
        o = Optics(x, y, height_m, pan, 0.0, 179.0, 179.0, (1, 1), reach_m, False)
        try:
            cov = camera_coverage(geo, o, target_m, dori_ppm)
        except SightTooComplex:
            return None
        if cov.inside_wall or cov.inside_obstacle is not None:
            return None
        views.append(cov.coverage)
    return shapely.union_all(views)


def evaluate(
    mount: Mount,
    height_m: float,
    offers: list[Offer],
    pans: list[float],
    tilts: list[float],
    target_m: float,
    px: np.ndarray,
    py: np.ndarray,
    ppm: np.ndarray,
    private_seen: BaseGeometry,
    tie_seen: BaseGeometry,
) -> tuple[list[Candidate], np.ndarray]:
    """The candidates at one mount and height, and which points some legal candidate there sees
    at any density (to tell why a zone falls short). ``px, py`` are the sample points visible from
    the mount (plan coordinates) with the pixel density each needs (0: any coverage)."""
    out: list[Candidate] = []
    seen_any = np.zeros(len(px), dtype=bool)
    dx, dy = px - mount.x, py - mount.y
    dist = np.hypot(dx, dy)
    check_private = not private_seen.is_empty
    check_tie = not tie_seen.is_empty
    for offer in offers:
        base = Optics(
            mount.x,
            mount.y,
            height_m,
            0.0,
            0.0,
            offer.hfov_deg,
            offer.vfov_deg,
            offer.resolution,
            offer.range_m,
            offer.face_recognition,
        )
        in_range = dist <= offer.range_m
        tan_h = math.tan(math.radians(offer.hfov_deg) / 2)
        with np.errstate(divide="ignore"):
            limit = np.where(
                ppm > 0, offer.resolution[0] / (2.0 * np.maximum(ppm, 1e-12) * tan_h), np.inf
            )
        for pan in pans:
            for tilt in tilts:
                optics = _with(base, pan, tilt)
                planes = frustum_halfplanes(optics, target_m)
                vals = planes[:, 0:1] * dx + planes[:, 1:2] * dy + planes[:, 2:3]
                inside = (vals <= 0).all(axis=0) & in_range
                if not inside.any():
                    continue
                fp = None
                if check_private:
                    fp = footprint(optics, target_m)
                    seen = shapely.intersection(fp, private_seen)
                    if not seen.is_empty and seen.area > PRIVATE_AREA_M2:
                        continue
                seen_any |= inside
                depth = -vals[0]
                good = inside & (depth <= limit)
                if not good.any():
                    continue
                tie = 0.0
                if check_tie:
                    fp = fp if fp is not None else footprint(optics, target_m)
                    tie = float(shapely.intersection(fp, tie_seen).area)
                out.append(
                    Candidate(
                        mount,
                        height_m,
                        offer,
                        pan,
                        tilt,
                        np.flatnonzero(good),
                        tie,
                    )
                )
    return out, seen_any


def _with(o: Optics, pan: float, tilt: float) -> Optics:
    return Optics(
        o.x,
        o.y,
        o.height_m,
        pan,
        tilt,
        o.hfov_deg,
        o.vfov_deg,
        o.resolution,
        o.range_m,
        o.face_recognition,
    )


def undominated(cands: list[Candidate]) -> list[Candidate]:
    """Drop each candidate that covers a subset of what another of no greater cost and tie
    covers (of equal sets, the first is kept)."""
    if len(cands) <= 1:
        return cands
    universe = np.unique(np.concatenate([c.points for c in cands]))
    m = np.zeros((len(cands), len(universe)), dtype=np.float32)
    for i, c in enumerate(cands):
        m[i, np.searchsorted(universe, c.points)] = 1.0
    size = m.sum(axis=1)
    inter = m @ m.T
    cost = np.array([c.offer.cost for c in cands])
    tie = np.array([c.tie_m2 for c in cands])
    subset = inter >= size[:, None] - 0.5  # row a's set lies within column b's
    no_worse = (cost[None, :] <= cost[:, None]) & (tie[None, :] <= tie[:, None] + 1e-9)
    bigger = size[None, :] > size[:, None] + 0.5
    cheaper = (cost[None, :] < cost[:, None]) | (tie[None, :] < tie[:, None] - 1e-9)
    idx = np.arange(len(cands))
    earlier = idx[None, :] < idx[:, None]
    dominated = subset & no_worse & (bigger | cheaper | earlier)
    np.fill_diagonal(dominated, False)
    keep = ~dominated.any(axis=1)
    return [c for c, k in zip(cands, keep, strict=True) if k]
