"""Camera placement: candidates, sample points, greedy, MILP, and the exact check of the result."""

from __future__ import annotations

import math
import multiprocessing as mp
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.analysis import Analyser, Analysis, dori_thresholds
from siteplanner.catalogue import CatalogueEntry, apply_model, load_catalogue
from siteplanner.compliance import evaluate, load_pack
from siteplanner.compliance.rules.coverage import coverage_target
from siteplanner.editing import DEFAULTS, IdAllocator, SnapIndex
from siteplanner.editing.factories import new_camera
from siteplanner.geometry.coverage import LevelGeometry, zone_polygon
from siteplanner.model import Camera, Level, Plan
from siteplanner.placement.candidates import (
    PRIVATE_MARGIN_M,
    Candidate,
    Mount,
    Offer,
    ceiling_mounts,
    undominated,
    visibility,
    wall_mounts,
)
from siteplanner.placement.candidates import (
    evaluate as evaluate_mount,
)
from siteplanner.placement.solver import CoverProblem, Solution, greedy, solve_parts

# What the exact check must not find on a placed camera.
FORBIDDEN = ("PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE", "CAMERA_INSIDE_WALL")
# Rounds of solve, exact check, tighten.
MAX_ROUNDS = 4


class PlacementError(ValueError):
    """Input the placement cannot use; the message names the option or field."""


class PlacementStopped(Exception):
    """Stopped before any choice of cameras was found (or cancelled outright)."""


# Phases reported through ``PlaceProgress.phase``, in order.
PHASES = ("points", "candidates", "greedy", "solving", "checking")


@dataclass(frozen=True)
class PlaceProgress:
    """Where a placement is: ``phase`` (one of ``PHASES``), ``done`` of ``total`` steps of it
    (mounts while candidates are made, 0 of 0 when unknown), and the cost of the best choice so
    far (cameras, when the models carry no price) and the lower bound on it (None: not yet)."""

    phase: str
    done: int = 0
    total: int = 0
    best: float | None = None
    bound: float | None = None


@dataclass
class PlaceOptions:
    models: list[str] | None = None
    level_id: str | None = None
    max_cameras: int | None = None
    time_limit_s: float = 60.0
    replace: bool = False
    heights_m: tuple[float, ...] = (2.4, 3.2, 4.0)
    pan_offsets_deg: tuple[float, ...] = (-45.0, 0.0, 45.0)
    ceiling_pans_deg: tuple[float, ...] = (0.0, 90.0, 180.0, 270.0)
    tilts_deg: tuple[float, ...] = (20.0, 35.0, 55.0)
    face_step_m: float = 2.0
    ceiling_spacing_m: float = 4.0
    purpose: str = DEFAULTS.camera_purpose
    # Sample points per zone (about): the grid step follows from the zone's area.
    points_per_zone: int = 500
    # Share the candidates' evaluation with a forked process (the command line, not the editor).
    parallel: bool = False
    # Only these collection zones (ids); None: every collection zone of the chosen levels.
    zone_ids: list[str] | None = None


@dataclass
class ZoneOutcome:
    level_id: str
    zone_id: str
    name: str
    required_dori: str | None
    area_m2: float
    fraction: float  # exact, by the analysis of the result
    target: float
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.fraction >= self.target - 1e-9


@dataclass
class PlacementResult:
    plan: Plan
    placed: list[tuple[str, Camera]]
    zones: list[ZoneOutcome]
    cost: float
    lower_bound: float
    greedy_cost: float
    greedy_count: int
    candidates: int
    points: int
    status: str
    seconds: float
    rounds: int
    violations: list[str] = field(default_factory=list)
    # The exact analysis of ``plan`` that checked the result (findings filled).
    analysis: Analysis | None = None

    @property
    def gap(self) -> float:
        return 0.0 if self.cost <= 0 else max(0.0, (self.cost - self.lower_bound) / self.cost)

    @property
    def ok(self) -> bool:
        return all(z.ok for z in self.zones) and not self.violations


@dataclass
class _Zone:
    level_id: str
    zone_id: str
    name: str
    dori: str | None
    ppm: float
    polygon: BaseGeometry
    area: float


def offers_for(plan: Plan, models: list[str] | None) -> list[Offer]:
    """The models on offer: ``models`` (plan or catalogue ids), else the plan's, else the
    catalogue's (without face-recognition terminals, which need an impact assessment)."""
    catalogue = load_catalogue()
    chosen: list[tuple[str, CatalogueEntry | None]] = []
    if models:
        for mid in models:
            if plan.camera_model(mid) is not None:
                chosen.append((mid, None))
            elif catalogue.get(mid) is not None:
                chosen.append((mid, catalogue.get(mid)))
            else:
                raise PlacementError(
                    f"--models: unknown camera model {mid!r} (not in the plan's camera_models "
                    "nor in the catalogue)"
                )
    elif plan.camera_models:
        chosen = [(m.id, None) for m in plan.camera_models]
    else:
        chosen = [(e.id, e) for e in catalogue if not e.face_recognition]
    offers: list[Offer] = []
    for mid, entry in chosen:
        if entry is None:
            m = plan.camera_model(mid)
            assert m is not None
            missing = [k for k in ("hfov_deg", "vfov_deg", "resolution") if getattr(m, k) is None]
            if missing:
                raise PlacementError(
                    f"camera_models[{plan.camera_models.index(m)}].{missing[0]}: model {mid!r} "
                    "needs it to be placed"
                )
            price = (m.model_extra or {}).get("price")
            offers.append(
                Offer(
                    mid,
                    float(m.hfov_deg),
                    float(m.vfov_deg),
                    tuple(m.resolution),
                    float(m.range_m or 30.0),
                    bool(m.face_recognition),
                    _price(price),
                )
            )
            continue
        focals = [None]
        if entry.is_varifocal:
            lo, hi = entry.focal_range
            focals = [lo, round(math.sqrt(lo * hi), 1), hi]
        for f in focals:
            h, v = entry.optics_at(f)
            offers.append(
                Offer(
                    mid,
                    h,
                    v,
                    entry.resolution,
                    entry.range_m,
                    entry.face_recognition,
                    1.0,
                    entry,
                    f,
                )
            )
    # Costs relative to the cheapest; without prices on every model, each camera costs 1.
    if not all(o.cost > 0 for o in offers) or any(o.cost == 1.0 for o in offers):
        offers = [_replace_cost(o, 1.0) for o in offers]
    else:
        cheapest = min(o.cost for o in offers)
        offers = [_replace_cost(o, o.cost / cheapest) for o in offers]
    return offers


def _price(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    return 1.0


def _replace_cost(o: Offer, cost: float) -> Offer:
    return Offer(
        o.model_id,
        o.hfov_deg,
        o.vfov_deg,
        o.resolution,
        o.range_m,
        o.face_recognition,
        cost,
        o.entry,
        o.focal_mm,
    )


def _sample(poly: BaseGeometry, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Points and weights (m²) that stand for ``poly``: grid cells cut to it, each one point."""
    step = min(0.75, max(0.2, math.sqrt(poly.area / max(n, 1))))
    x0, y0, x1, y1 = poly.bounds
    xs = np.arange(x0, x1, step)
    ys = np.arange(y0, y1, step)
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    boxes = shapely.box(gx, gy, gx + step, gy + step)
    cut = shapely.intersection(boxes, poly)
    w = shapely.area(cut)
    keep = w > 1e-9
    cx, cy = gx[keep] + step / 2, gy[keep] + step / 2
    inside = shapely.contains_xy(poly, cx, cy)
    rep = shapely.get_coordinates(shapely.point_on_surface(cut[keep]))
    px = np.where(inside, cx, rep[:, 0])
    py = np.where(inside, cy, rep[:, 1])
    return np.column_stack([px, py]), w[keep]


def place(
    plan: Plan,
    options: PlaceOptions | None = None,
    progress: Callable[[str], None] | None = None,
    *,
    status: Callable[[PlaceProgress], None] | None = None,
    stop: Callable[[], bool] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PlacementResult:
    """Cameras added to a copy of ``plan`` so that every collection zone reaches its required
    density over the target share, none seeing into a private zone; see the package docstring.

    ``progress`` hears messages, ``status`` structured progress. Once ``stop()`` turns true the
    search ends and the best choice found so far is checked and returned (PlacementStopped when
    there is none yet); once ``cancelled()`` does, PlacementStopped at the next step."""
    start = time.monotonic()
    opts = options or PlaceOptions()
    say = progress or (lambda _msg: None)
    tell = status or (lambda _p: None)

    def halted() -> bool:
        return bool((stop is not None and stop()) or (cancelled is not None and cancelled()))

    def check_cancelled() -> None:
        if cancelled is not None and cancelled():
            raise PlacementStopped("cancelled")

    plan = plan.model_copy(deep=True)
    offers = offers_for(plan, opts.models)
    if opts.max_cameras is not None and opts.max_cameras < 0:
        raise PlacementError("--max-cameras: must be 0 or more")
    if opts.level_id is not None:
        level = plan.level(opts.level_id)
        if level is None:
            raise PlacementError(f"--level: the plan has no level {opts.level_id!r}")
        levels = [level]
    else:
        levels = list(plan.levels)
    pack = load_pack(plan.rules)
    target = coverage_target(plan, pack.coverage_target)
    thresholds = dori_thresholds(plan)
    wanted = set(opts.zone_ids) if opts.zone_ids is not None else None
    zones: list[_Zone] = []
    for level in levels:
        for z in level.zones:
            if z.kind != "collection" or (wanted is not None and z.id not in wanted):
                continue
            poly, _ = zone_polygon(list(z.polygon))
            if poly.is_empty or poly.area <= 0.01:
                continue
            ppm = thresholds[z.required_dori] if z.required_dori else 0.0
            zones.append(_Zone(level.id, z.id, z.name, z.required_dori, ppm, poly, poly.area))
    if not zones:
        where = f"level {opts.level_id!r}" if opts.level_id else "the plan"
        raise PlacementError(f"{where} has no collection zones to cover")
    if opts.replace:
        _remove_cameras(plan, {lv.id for lv in levels})
    internal = pack.is_internal(opts.purpose)
    target_m = plan.settings.target_height_m

    # Sample points, and what the cameras already there cover.
    tell(PlaceProgress("points"))
    analyser = Analyser()
    before = analyser.analyse(plan)
    pts_list, w_list, zone_of, ppm_list = [], [], [], []
    pre = []
    for zi, z in enumerate(zones):
        p, w = _sample(z.polygon, opts.points_per_zone)
        pts_list.append(p)
        w_list.append(w)
        zone_of.append(np.full(len(w), zi))
        ppm_list.append(np.full(len(w), z.ppm))
        zr = before.zone(z.level_id, z.zone_id)
        seen = (zr.by_dori[z.dori] if z.dori else zr.covered) if zr is not None else None
        if seen is not None and not seen.is_empty:
            pre.append(shapely.contains_xy(seen, p[:, 0], p[:, 1]))
        else:
            pre.append(np.zeros(len(w), dtype=bool))
    pts = np.vstack(pts_list)
    weight = np.concatenate(w_list)
    zone_idx = np.concatenate(zone_of)
    ppm = np.concatenate(ppm_list)
    precovered = np.concatenate(pre)
    say(f"{len(pts)} sample points in {len(zones)} zones")

    cands: list[Candidate] = []
    cand_level: list[str] = []
    seen_any = np.zeros(len(pts), dtype=bool)
    reach = max(o.range_m for o in offers)
    for level in levels:
        mine = [i for i, z in enumerate(zones) if z.level_id == level.id]
        if not mine:
            continue
        if halted():
            raise PlacementStopped("stopped before any choice was found")
        found = _level_candidates(
            level,
            [zones[i] for i in mine],
            offers,
            opts,
            pts,
            ppm,
            zone_idx,
            mine,
            precovered,
            target_m,
            reach,
            thresholds,
            internal,
            seen_any,
            lambda done, total: tell(PlaceProgress("candidates", done, total)),
            halted,
        )
        cands.extend(found)
        cand_level.extend([level.id] * len(found))
        say(f"level {level.id}: {len(found)} candidates")

    # Groups of points that the same candidates cover (and in the same zone).
    pairs_c = np.concatenate([np.full(len(c.points), i) for i, c in enumerate(cands)] or [[]])
    pairs_p = np.concatenate([c.points for c in cands] or [[]]).astype(np.intp)
    rng = np.random.default_rng(7)
    key_a = rng.integers(1, 2**62, size=max(len(cands), 1), dtype=np.int64)
    key_b = rng.integers(1, 2**62, size=max(len(cands), 1), dtype=np.int64)
    ha = np.zeros(len(pts), dtype=np.int64)
    hb = np.zeros(len(pts), dtype=np.int64)
    pc = pairs_c.astype(np.intp)
    np.add.at(ha, pairs_p, key_a[pc])
    np.add.at(hb, pairs_p, key_b[pc])
    coverable = np.zeros(len(pts), dtype=bool)
    coverable[pairs_p] = True
    useful = coverable & ~precovered
    sig = np.column_stack([ha, hb, zone_idx])[useful]
    useful_idx = np.flatnonzero(useful)
    _, group_of_useful = np.unique(sig, axis=0, return_inverse=True)
    group_of_useful = group_of_useful.ravel()
    n_groups = int(group_of_useful.max()) + 1 if len(group_of_useful) else 0
    point_group = np.full(len(pts), -1)
    point_group[useful_idx] = group_of_useful
    group_weight = np.bincount(group_of_useful, weight[useful_idx], minlength=n_groups)
    group_zone = np.zeros(n_groups, dtype=np.intp)
    group_zone[group_of_useful] = zone_idx[useful_idx]
    cover_lists = []
    for c in cands:
        g = point_group[c.points]
        cover_lists.append(np.unique(g[g >= 0]))
    n_z = len(zones)
    zone_area = np.bincount(zone_idx, weight, minlength=n_z)
    pre_area = np.bincount(zone_idx[precovered], weight[precovered], minlength=n_z)
    reach_area = pre_area + np.bincount(zone_idx[useful], weight[useful], minlength=n_z)
    any_area = np.bincount(
        zone_idx[seen_any | precovered], weight[seen_any | precovered], minlength=n_z
    )
    cost = np.array([c.offer.cost for c in cands], dtype=float)
    tie_m2 = np.array([c.tie_m2 for c in cands], dtype=float)
    banned: set[int] = set()
    margin = np.full(n_z, 0.005)
    sol: Solution | None = None
    greedy_cost, greedy_count = 0.0, 0
    rounds = 0
    new_plan = plan
    placed: list[tuple[str, Camera]] = []
    violations: list[str] = []
    outcomes: list[ZoneOutcome] = []
    analysis: Analysis | None = None
    while rounds < MAX_ROUNDS:
        rounds += 1
        need = np.maximum(np.minimum(target + margin, 1.0) * zone_area - pre_area, 0.0)
        # A zone that cannot reach its target is covered as far as it can be.
        need = np.minimum(need, np.maximum(reach_area - pre_area, 0.0))
        covers = [np.empty(0, np.intp) if i in banned else g for i, g in enumerate(cover_lists)]
        ptr = np.concatenate([[0], np.cumsum([len(g) for g in covers])]).astype(np.intp)
        idx = np.concatenate(covers or [np.empty(0, np.intp)]).astype(np.intp)
        c_cost = cost.copy()
        if banned:
            c_cost[list(banned)] = 1e6
        problem = CoverProblem(
            c_cost, np.zeros(len(cands)), ptr, idx, group_zone, group_weight, need, opts.max_cameras
        )
        check_cancelled()
        tell(PlaceProgress("greedy"))
        warm = greedy(problem) if len(cands) else []
        if rounds == 1:
            greedy_cost, greedy_count = float(cost[warm].sum()) if warm else 0.0, len(warm)
        # Ties: what a candidate sees of excluded places, scaled so that those of any choice no
        # costlier than the greedy one add up to less than half of the cheapest camera.
        cheapest = float(c_cost.min(initial=1.0))
        k = max(1.0, math.ceil((float(c_cost[warm].sum()) if warm else 1.0) / cheapest))
        if tie_m2.max(initial=0.0) > 0:
            problem.tie = 0.4 * cheapest * tie_m2 / (tie_m2.max() * k)
        remaining = max(1.0, opts.time_limit_s - (time.monotonic() - start))
        say(f"greedy: {len(warm)} cameras; solving (up to {remaining:.0f} s)")
        if len(cands):

            def better(best: float, bound: float) -> None:
                tell(PlaceProgress("solving", best=best, bound=bound))
                say(f"best choice so far: cost {best:g}, bound {bound:g}")

            sol = solve_parts(problem, warm, remaining, better, halted)
        else:
            sol = Solution([], 0.0, 0.0, "no legal candidate", 0.0)
        check_cancelled()
        tell(PlaceProgress("checking", best=sol.cost, bound=sol.lower_bound))
        new_plan, placed = _build(
            plan, [cands[i] for i in sol.chosen], [cand_level[i] for i in sol.chosen], opts
        )
        analysis = Analyser().analyse(new_plan)
        analysis.findings = evaluate(new_plan, analysis, pack)
        placed_ids = {cam.id: i for (_, cam), i in zip(placed, sol.chosen, strict=True)}
        bad = {
            placed_ids[f.camera]
            for f in analysis.findings
            if f.rule in FORBIDDEN and f.camera in placed_ids
        }
        violations = sorted(
            f"{f.rule} {f.camera}"
            for f in analysis.findings
            if f.rule in FORBIDDEN and f.camera in placed_ids
        )
        outcomes = []
        short = False
        for zi, z in enumerate(zones):
            zr = analysis.zone(z.level_id, z.zone_id)
            got = zr.by_dori[z.dori] if (zr is not None and z.dori) else zr.covered if zr else None
            frac = float(got.area) / z.area if got is not None else 0.0
            reachable = reach_area[zi] / zone_area[zi]
            reason = None
            if frac < target - 1e-9:
                reason = _why(z, reachable, any_area[zi] / zone_area[zi], target, offers, opts)
                if reason is None:
                    short = True
                    margin[zi] += 0.01
            outcomes.append(
                ZoneOutcome(z.level_id, z.zone_id, z.name, z.dori, z.area, frac, target, reason)
            )
        say(f"round {rounds}: {len(sol.chosen)} cameras, bound {sol.lower_bound:g}")
        if bad:
            banned |= bad
            continue
        if not short or halted() or time.monotonic() - start > opts.time_limit_s:
            break
    for o in outcomes:
        if not o.ok and o.reason is None:
            o.reason = (
                f"the sampled cover reached {100 * o.target:.0f} % but the exact analysis "
                f"finds {100 * o.fraction:.1f} %"
            )
    assert sol is not None
    return PlacementResult(
        new_plan,
        placed,
        outcomes,
        sol.cost,
        sol.lower_bound,
        greedy_cost,
        greedy_count,
        len(cands),
        len(pts),
        sol.status,
        time.monotonic() - start,
        rounds,
        violations,
        analysis,
    )


def _why(
    z: _Zone,
    reachable: float,
    seen: float,
    target: float,
    offers: list[Offer],
    opts: PlaceOptions,
) -> str | None:
    """Why zone ``z`` cannot reach ``target`` (None when it could, by the samples)."""
    if reachable >= target:
        if opts.max_cameras is not None:
            return f"the budget of {opts.max_cameras} cameras is not enough"
        return None
    if seen >= target and z.dori:
        far = max(o.depth_limit(z.ppm) for o in offers)
        return (
            f"the {z.dori} density ({z.ppm:g} px/m) cannot be reached beyond {far:.1f} m with "
            f"the offered models (at most {100 * reachable:.0f} % of the zone)"
        )
    return (
        f"only {100 * seen:.0f} % of the zone can be seen from a legal mount (walls, obstacles "
        "and the views into private zones rule out the rest)"
    )


def _level_candidates(
    level: Level,
    zones: list[_Zone],
    offers: list[Offer],
    opts: PlaceOptions,
    pts: np.ndarray,
    ppm: np.ndarray,
    zone_idx: np.ndarray,
    mine: list[int],
    precovered: np.ndarray,
    target_m: float,
    reach: float,
    thresholds: dict[str, float],
    internal: bool,
    seen_any: np.ndarray,
    tick: Callable[[int, int], None] | None = None,
    halted: Callable[[], bool] | None = None,
) -> list[Candidate]:
    """The level's candidates; marks in ``seen_any`` the points some legal candidate sees.
    ``tick(done, total)`` hears of the mounts done; ``halted()`` true stops (PlacementStopped)."""
    geo = LevelGeometry.build(level)
    index = SnapIndex(level)
    collection = shapely.union_all([z.polygon for z in zones])
    private = [zone_polygon(list(z.polygon))[0] for z in level.zones if z.kind == "private"]
    exclude = [zone_polygon(list(z.polygon))[0] for z in level.zones if z.kind == "exclude"]
    private_u = shapely.union_all(private) if private else shapely.Polygon()
    private_buf = shapely.buffer(private_u, PRIVATE_MARGIN_M)
    exclude_u = shapely.union_all(exclude) if exclude else shapely.Polygon()
    mounts = wall_mounts(index, geo, opts.face_step_m)
    mounts += ceiling_mounts(collection, geo, opts.ceiling_spacing_m)
    on_level = np.isin(zone_idx, mine) & ~precovered
    lx, ly = pts[on_level, 0], pts[on_level, 1]
    l_ppm = ppm[on_level]
    l_global = np.flatnonzero(on_level)
    obstacles = [shapely.Polygon(o.polygon) for o in level.obstacles]
    x0, y0, x1, y1 = shapely.union_all([collection, *list(geo.parts)]).bounds
    reach = min(reach, math.hypot(x1 - x0, y1 - y0) + 1.0)

    def one(m: Mount) -> tuple[list[Candidate], np.ndarray]:
        """The undominated candidates at mount ``m``, and the points its legal ones see."""
        seen = np.empty(0, dtype=np.intp)
        pt = shapely.Point(m.x, m.y)
        if not private_u.is_empty and shapely.dwithin(private_u, pt, 0.05):
            return [], seen
        if any(shapely.intersects(o, pt) for o in obstacles):
            return [], seen
        if shapely.distance(collection, pt) > reach:
            return [], seen
        if m.kind == "wall":
            pans = [m.pan_deg + d for d in opts.pan_offsets_deg]
        else:
            pans = list(opts.ceiling_pans_deg)
        near = np.hypot(lx - m.x, ly - m.y) <= reach
        here: list[Candidate] = []
        views: dict[float | None, BaseGeometry | None] = {}
        for h in opts.heights_m:
            # Walls are full height: without obstacles, what a mount sees is the same at every
            # height.
            key = h if level.obstacles else None
            if key not in views:
                views[key] = visibility(geo, m.x, m.y, h, target_m, reach, thresholds)
            vis = views[key]
            if vis is None or vis.is_empty:
                continue
            shapely.prepare(vis)
            sel = np.flatnonzero(near)
            sel = sel[shapely.contains_xy(vis, lx[sel], ly[sel])]
            if len(sel) == 0:
                continue
            priv_seen = shapely.intersection(vis, private_buf) if private else shapely.Polygon()
            tie_seen = shapely.intersection(vis, exclude_u) if exclude else shapely.Polygon()
            if internal:
                tie_seen = shapely.union(tie_seen, shapely.difference(vis, collection))
            found, seen_here = evaluate_mount(
                m,
                h,
                offers,
                pans,
                list(opts.tilts_deg),
                target_m,
                lx[sel],
                ly[sel],
                l_ppm[sel],
                priv_seen,
                tie_seen,
            )
            seen = np.union1d(seen, l_global[sel[seen_here]])
            for c in found:
                c.points = l_global[sel[c.points]]
            here.extend(found)
        return undominated(here), seen

    out: list[Candidate] = []
    for found, seen in _map(one, mounts, opts.parallel, tick, halted):
        seen_any[seen] = True
        out.extend(found)
    return out


# Below this many mounts a second process costs more than it saves.
PARALLEL_MIN_MOUNTS = 40
# Progress and the stop flag are looked at every this many mounts.
TICK_EVERY = 8
_JOB: Callable[[Any], Any] | None = None
_ITEMS: list[Any] = []


def _run_chunk(chunk: range) -> list[Any]:
    assert _JOB is not None
    return [_JOB(_ITEMS[i]) for i in chunk]


def _map(
    fn: Callable[[Any], Any],
    items: list[Any],
    parallel: bool,
    tick: Callable[[int, int], None] | None = None,
    halted: Callable[[], bool] | None = None,
) -> list[Any]:
    """``[fn(x) for x in items]``, shared with a forked process when ``parallel`` (the command
    line: a fork inherits ``fn`` and its data; never in the editor, whose Qt threads must not
    be forked). In one process, ``tick(done, total)`` hears of the progress every few items
    and ``halted()`` true ends the work (PlacementStopped)."""
    global _JOB, _ITEMS
    if not parallel or len(items) < PARALLEL_MIN_MOUNTS or "fork" not in mp.get_all_start_methods():
        done: list[Any] = []
        for i, x in enumerate(items):
            if i % TICK_EVERY == 0:
                if halted is not None and halted():
                    raise PlacementStopped("stopped before any choice was found")
                if tick is not None:
                    tick(i, len(items))
            done.append(fn(x))
        if tick is not None:
            tick(len(items), len(items))
        return done
    _JOB, _ITEMS = fn, items
    try:
        # Interleaved chunks: neighbouring mounts cost alike, so both processes get a fair share.
        n = 16
        chunks = [range(i, len(items), n) for i in range(n)]
        with mp.get_context("fork").Pool(2) as pool:
            parts = pool.map(_run_chunk, chunks)
    finally:
        _JOB, _ITEMS = None, []
    out: list[Any] = [None] * len(items)
    for chunk, part in zip(chunks, parts, strict=True):
        for i, value in zip(chunk, part, strict=True):
            out[i] = value
    return out


def _remove_cameras(plan: Plan, level_ids: set[str]) -> None:
    gone = {c.id for lv in plan.levels if lv.id in level_ids for c in lv.cameras}
    for lv in plan.levels:
        if lv.id in level_ids:
            lv.cameras = []
        for s in lv.signs:
            if any(c in gone for c in s.covers):
                s.covers = [c for c in s.covers if c not in gone]


def _build(
    plan: Plan, chosen: list[Candidate], levels: list[str], opts: PlaceOptions
) -> tuple[Plan, list[tuple[str, Camera]]]:
    """A copy of ``plan`` with a camera for each chosen candidate."""
    out = plan.model_copy(deep=True)
    ids = IdAllocator.for_plan(out)
    placed: list[tuple[str, Camera]] = []
    for cand, level_id in zip(chosen, levels, strict=True):
        level = out.level(level_id)
        assert level is not None
        cam = new_camera(out, ids, (cand.mount.x, cand.mount.y), cand.pan_deg % 360.0)
        offer = cand.offer
        if offer.entry is not None:
            apply_model(out, cam, offer.entry, offer.focal_mm)
        else:
            cam.model = offer.model_id
            for key in ("hfov_deg", "vfov_deg", "resolution", "range_m"):
                setattr(cam, key, None)
        cam.height_m = round(cand.height_m, 2)
        cam.tilt_deg = round(cand.tilt_deg, 1)
        cam.purpose = opts.purpose
        level.cameras = [*level.cameras, cam]
        placed.append((level_id, cam))
    return out, placed
