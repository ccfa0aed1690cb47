"""The partial set cover behind camera placement: a greedy choice, then a MILP solved by HiGHS.

Variables: ``x_c`` (binary) takes candidate ``c``; ``y_g`` in [0, 1] counts point group ``g``
(sample points that the same candidates cover) as covered, ``y_g <= sum x_c`` over the candidates
that cover it; ``s_z >= 0`` is zone ``z``'s shortfall below its target share (penalised far above
any camera, so it is zero whenever the target can be reached). Objective: the cameras' cost, plus
a tie-breaker per candidate worth less than half a camera in total (what it sees of excluded
places), plus the shortfall penalty.
"""

from __future__ import annotations

import heapq
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np

# A shortfall of the whole zone costs this many cameras: one camera always beats 0.1 % of a zone.
SHORTFALL_PENALTY = 1000.0


@dataclass
class CoverProblem:
    """Candidates against point groups.

    ``cover_ptr``/``cover_idx``: CSR rows, candidate -> the point groups it covers.
    ``group_zone``/``group_weight``: each group's zone (index) and area (m²).
    ``need``: per zone, the area that must be covered (already-covered area taken off).
    """

    cost: np.ndarray
    tie: np.ndarray
    cover_ptr: np.ndarray
    cover_idx: np.ndarray
    group_zone: np.ndarray
    group_weight: np.ndarray
    need: np.ndarray
    max_cameras: int | None = None

    @property
    def n_candidates(self) -> int:
        return len(self.cost)

    def covers(self, c: int) -> np.ndarray:
        return self.cover_idx[self.cover_ptr[c] : self.cover_ptr[c + 1]]

    def covered_area(self, chosen: list[int]) -> np.ndarray:
        """Area covered per zone by ``chosen``."""
        hit = np.zeros(len(self.group_weight), dtype=bool)
        for c in chosen:
            hit[self.covers(c)] = True
        return np.bincount(self.group_zone[hit], self.group_weight[hit], minlength=len(self.need))


@dataclass
class Solution:
    chosen: list[int]
    cost: float
    lower_bound: float  # on the cost of the cameras (ties and shortfall taken off)
    status: str
    seconds: float

    @property
    def gap(self) -> float:
        if self.cost <= 0:
            return 0.0
        return max(0.0, (self.cost - self.lower_bound) / self.cost)


def greedy(problem: CoverProblem) -> list[int]:
    """The classic greedy choice: the candidate that covers most still-needed area per cost,
    until every zone has its share (or nothing helps); then drop what turned redundant.

    Lazily: a candidate's gain only shrinks as others are chosen, so one whose fresh gain still
    tops every other's stale gain is the best (most candidates are never looked at again)."""
    remaining = problem.need.astype(float).copy()
    hit = np.zeros(len(problem.group_weight), dtype=bool)
    n_z = len(remaining)

    def score(c: int) -> float:
        g = problem.covers(c)
        g = g[~hit[g]]
        if len(g) == 0:
            return 0.0
        gain = np.bincount(problem.group_zone[g], problem.group_weight[g], minlength=n_z)
        return float(np.minimum(gain, np.maximum(remaining, 0)).sum()) / problem.cost[c]

    heap = [(-score(c), c) for c in range(problem.n_candidates)]
    heapq.heapify(heap)
    chosen: list[int] = []
    limit = problem.max_cameras if problem.max_cameras is not None else problem.n_candidates
    while heap and (remaining > 1e-9).any() and len(chosen) < limit:
        _, c = heapq.heappop(heap)
        fresh_score = score(c)
        if fresh_score <= 1e-12:
            continue
        if heap and fresh_score < -heap[0][0] - 1e-12:
            heapq.heappush(heap, (-fresh_score, c))
            continue
        chosen.append(c)
        g = problem.covers(c)
        fresh = g[~hit[g]]
        hit[fresh] = True
        remaining -= np.bincount(
            problem.group_zone[fresh], problem.group_weight[fresh], minlength=n_z
        )
    return _prune(problem, chosen)


def zone_bound(problem: CoverProblem) -> float:
    """A lower bound on the cost of any choice that meets every zone's need, without an LP:
    zones that no candidate reaches together need cameras of their own, each zone at least its
    need over the most any one candidate covers of it (in cost: the least cost per area)."""
    n_z = len(problem.need)
    if problem.n_candidates == 0 or len(problem.cover_idx) == 0:
        return 0.0
    rows = np.repeat(np.arange(problem.n_candidates), np.diff(problem.cover_ptr))
    zones = problem.group_zone[problem.cover_idx]
    key = rows.astype(np.int64) * n_z + zones
    uniq, inv = np.unique(key, return_inverse=True)
    area = np.bincount(inv.ravel(), problem.group_weight[problem.cover_idx])
    cand, zone = uniq // n_z, uniq % n_z
    # Least cost per covered area of each zone, and which zones share a candidate.
    per_area = problem.cost[cand] / np.maximum(area, 1e-12)
    best = np.full(n_z, np.inf)
    np.minimum.at(best, zone, per_area)
    need = np.maximum(problem.need, 0.0)
    lb = np.zeros(n_z)
    needed = need > 1e-9
    lb[needed] = need[needed] * best[needed]
    if problem.cost.size and np.allclose(problem.cost, problem.cost[0]):
        unit = float(problem.cost[0])
        lb = np.where(lb > 0, np.ceil(lb / unit - 1e-6) * unit, 0.0)
    lb[~np.isfinite(lb)] = 0.0
    zones_of: dict[int, list[int]] = {}
    for c, z in zip(cand.tolist(), zone.tolist(), strict=True):
        zones_of.setdefault(c, []).append(z)
    neighbours: list[set[int]] = [set() for _ in range(n_z)]
    for zs in zones_of.values():
        if len(zs) > 1:
            for z in zs:
                neighbours[z].update(zs)
    taken = np.zeros(n_z, dtype=bool)
    blocked = np.zeros(n_z, dtype=bool)
    for z in np.argsort(-lb, kind="stable"):
        if lb[z] <= 0 or blocked[z]:
            continue
        taken[z] = True
        blocked[list(neighbours[z])] = True
        blocked[z] = True
    return float(lb[taken].sum())


def _prune(problem: CoverProblem, chosen: list[int]) -> list[int]:
    """Drop cameras (dearest first) whose removal keeps every zone at what it had."""
    reached = np.minimum(problem.covered_area(chosen), problem.need)
    for c in sorted(chosen, key=lambda c: -problem.cost[c]):
        rest = [d for d in chosen if d != c]
        if (problem.covered_area(rest) >= reached - 1e-9).all():
            chosen = rest
    return chosen


def solve(
    problem: CoverProblem,
    warm: list[int],
    time_limit_s: float,
    progress: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Solution:
    """The MILP, started from ``warm``, within ``time_limit_s`` seconds; the best found then.

    ``progress(cost, bound)`` hears the cameras' cost of each better choice and the lower bound
    on it known then (also when only the bound moves); ``stop()`` true ends the search early
    (the best choice found so far is returned)."""
    start = time.monotonic()
    n_c = problem.n_candidates
    n_g = len(problem.group_weight)
    n_z = len(problem.need)
    h = _highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(max(time_limit_s, 0.1)))
    h.setOptionValue("mip_rel_gap", 1e-4)
    # The ties of a choice stay below 0.4 of the cheapest camera: once the objective is within
    # 0.1 of it from the bound, no choice with fewer cameras (or less cost) exists.
    h.setOptionValue("mip_abs_gap", 0.1 * float(problem.cost.min(initial=1.0)))
    h.setOptionValue("threads", 1)
    _add_model(h, problem)
    if warm:
        x = np.zeros(n_c + n_g + n_z)
        x[warm] = 1.0
        hit = np.zeros(n_g, dtype=bool)
        for c in warm:
            hit[problem.covers(c)] = True
        x[n_c : n_c + n_g] = hit
        got = np.bincount(problem.group_zone[hit], problem.group_weight[hit], minlength=n_z)
        x[n_c + n_g :] = np.maximum(problem.need - got, 0)
        sol = highspy.HighsSolution()
        sol.col_value = list(x)
        sol.value_valid = True
        h.setSolution(sol)
    cheapest = float(problem.cost.min(initial=1.0))
    uniform = bool(problem.cost.size) and bool(np.allclose(problem.cost, problem.cost[0]))
    static_bound = zone_bound(problem)
    best_cost = [float(problem.cost[warm].sum()) if warm else math.inf]
    shown: list[float] = [-1.0]

    def camera_bound(dual: float) -> float:
        if not math.isfinite(dual):
            return static_bound
        b = max(0.0, dual - _tie_cap(problem))
        if uniform:
            b = math.ceil(b / cheapest - 1e-6) * cheapest
        return max(b, static_bound)

    stopped: list[str] = []

    def on_event(kind, _msg, out, data_in, _user) -> None:  # type: ignore[no-untyped-def]
        if stop is not None and stop():
            stopped.append("stopped")
            data_in.user_interrupt = True
            return
        if kind not in (
            highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution,
            highspy.cb.HighsCallbackType.kCallbackMipInterrupt,
        ):
            return
        incumbent = float(out.objective_function_value)
        bound = float(out.mip_dual_bound)
        if kind == highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution:
            x = np.asarray(out.mip_solution)[:n_c]
            best_cost[0] = float(problem.cost[x > 0.5].sum())
        if progress is not None:
            lb = min(camera_bound(bound), best_cost[0])
            if kind == highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution or lb > shown[0]:
                shown[0] = lb
                progress(best_cost[0], lb)
        # Once no choice of fewer cameras can exist (the bound, less the most the ties can add,
        # rounds up to the incumbent's count), a quarter of the time more goes to the ties.
        if uniform and math.isfinite(incumbent) and math.isfinite(bound):
            cams = math.floor(incumbent / cheapest + 1e-9)
            proven = math.ceil((bound - _tie_cap(problem)) / cheapest - 1e-6) >= cams
            if proven and time.monotonic() - start >= 0.25 * time_limit_s:
                stopped.append("proven")
                data_in.user_interrupt = True

    h.setCallback(on_event, None)
    h.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
    h.startCallback(highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution)
    if stop is not None:
        # The root LP of a large floor runs for minutes without a MIP event.
        h.startCallback(highspy.cb.HighsCallbackType.kCallbackSimplexInterrupt)
        h.startCallback(highspy.cb.HighsCallbackType.kCallbackIpmInterrupt)
    if progress is not None:
        progress(best_cost[0], min(static_bound, best_cost[0]))
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    if "stopped" in stopped:
        status = "stopped"
    elif stopped:
        status = "fewest cameras proven"
    values = np.asarray(h.getSolution().col_value)
    if len(values) >= n_c:
        chosen = [int(c) for c in np.flatnonzero(values[:n_c] > 0.5)]
    else:
        chosen = list(warm)
    chosen = _better(problem, chosen, warm)
    info = h.getInfo()
    bound = float(info.mip_dual_bound)
    if not math.isfinite(bound):
        bound = 0.0
    # The bound covers ties and shortfall too. The ties of any choice add up to less than
    # ``_tie_cap`` (the engine scales them so), so the cameras alone cost at least this much.
    cam_bound = max(0.0, bound - _shortfall_cost(problem, chosen) - _tie_cap(problem))
    if uniform:
        cam_bound = math.ceil(cam_bound / cheapest - 1e-6) * cheapest
    if not (_shortfall_cost(problem, chosen) > 0):
        cam_bound = max(cam_bound, static_bound)
    total = float(problem.cost[chosen].sum()) if chosen else 0.0
    return Solution(chosen, total, min(cam_bound, total), status, time.monotonic() - start)


def _add_model(h: highspy.Highs, problem: CoverProblem) -> None:
    """The columns and rows of the cover MILP (see the module docstring)."""
    n_c = problem.n_candidates
    n_g = len(problem.group_weight)
    n_z = len(problem.need)
    inf = highspy.kHighsInf
    zone_w = np.maximum(problem.need, 1e-9)
    cost = np.concatenate(
        [
            problem.cost + problem.tie,
            np.zeros(n_g),
            SHORTFALL_PENALTY / zone_w * (problem.need > 0),
        ]
    )
    lower = np.zeros(n_c + n_g + n_z)
    upper = np.concatenate([np.ones(n_c + n_g), np.maximum(problem.need, 0)])
    h.addCols(
        len(cost),
        cost,
        lower,
        upper,
        0,
        np.array([], np.int32),
        np.array([], np.int32),
        np.array([], float),
    )
    h.changeColsIntegrality(
        n_c, np.arange(n_c, dtype=np.int32), np.full(n_c, highspy.HighsVarType.kInteger)
    )
    # y_g - sum_{c covers g} x_c <= 0, one row per group.
    rows_c = np.repeat(np.arange(n_c), np.diff(problem.cover_ptr))
    groups = problem.cover_idx
    order = np.argsort(groups, kind="stable")
    g_sorted, c_sorted = groups[order], rows_c[order]
    counts = np.bincount(g_sorted, minlength=n_g)
    starts = np.concatenate([[0], np.cumsum(counts + 1)[:-1]]).astype(np.int32)
    idx = np.empty(len(g_sorted) + n_g, dtype=np.int32)
    val = np.empty(len(g_sorted) + n_g)
    first = starts
    idx[first] = n_c + np.arange(n_g)
    val[first] = 1.0
    rest = np.ones(len(idx), dtype=bool)
    rest[first] = False
    idx[rest] = c_sorted
    val[rest] = -1.0
    h.addRows(n_g, np.full(n_g, -inf), np.zeros(n_g), len(idx), starts, idx, val)
    # sum_g w_g y_g + s_z >= need_z, one row per zone.
    z_order = np.argsort(problem.group_zone, kind="stable")
    z_counts = np.bincount(problem.group_zone, minlength=n_z)
    z_starts = np.concatenate([[0], np.cumsum(z_counts + 1)[:-1]]).astype(np.int32)
    z_idx = np.empty(n_g + n_z, dtype=np.int32)
    z_val = np.empty(n_g + n_z)
    z_first = z_starts
    z_idx[z_first] = n_c + n_g + np.arange(n_z)
    z_val[z_first] = 1.0
    z_rest = np.ones(len(z_idx), dtype=bool)
    z_rest[z_first] = False
    z_idx[z_rest] = n_c + z_order
    z_val[z_rest] = problem.group_weight[z_order]
    h.addRows(
        n_z, np.maximum(problem.need, 0), np.full(n_z, inf), len(z_idx), z_starts, z_idx, z_val
    )
    if problem.max_cameras is not None:
        h.addRow(0, problem.max_cameras, n_c, np.arange(n_c, dtype=np.int32), np.ones(n_c))


def _highs() -> highspy.Highs:
    """A solver, without the banner HiGHS writes to the process's stdout on its first start."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _tie_cap(problem: CoverProblem) -> float:
    """Most the tie-breakers of any choice can add (they are scaled to stay below this)."""
    return 0.5 * float(problem.cost.min()) if problem.n_candidates else 0.0


def _shortfall_cost(problem: CoverProblem, chosen: list[int]) -> float:
    got = problem.covered_area(chosen)
    short = np.maximum(problem.need - got, 0) * (problem.need > 0)
    return float((SHORTFALL_PENALTY * short / np.maximum(problem.need, 1e-9)).sum())


def objective(problem: CoverProblem, chosen: list[int]) -> float:
    return (float((problem.cost + problem.tie)[chosen].sum()) if chosen else 0.0) + _shortfall_cost(
        problem, chosen
    )


def _better(problem: CoverProblem, a: list[int], b: list[int]) -> list[int]:
    """The better of two choices by the MILP's own objective (the solver may stop early)."""
    if not b:
        return a
    return a if objective(problem, a) <= objective(problem, b) + 1e-9 else b


# Share of the time limit the split bounds may take on a floor of several linked zones.
SPLIT_BOUND_SHARE = 0.4


def subproblem(problem: CoverProblem, cands: np.ndarray, zones: np.ndarray) -> CoverProblem:
    """``problem`` restricted to candidates ``cands`` and zones ``zones`` (their groups only),
    with groups and zones renumbered in order."""
    zone_new = np.full(len(problem.need), -1, dtype=np.intp)
    zone_new[zones] = np.arange(len(zones))
    keep_g = zone_new[problem.group_zone] >= 0
    group_new = np.full(len(problem.group_weight), -1, dtype=np.intp)
    group_new[keep_g] = np.arange(int(keep_g.sum()))
    lists = []
    for c in cands:
        g = group_new[problem.covers(int(c))]
        lists.append(g[g >= 0])
    ptr = np.concatenate([[0], np.cumsum([len(g) for g in lists])]).astype(np.intp)
    idx = np.concatenate(lists).astype(np.intp) if lists else np.empty(0, np.intp)
    return CoverProblem(
        problem.cost[cands],
        problem.tie[cands],
        ptr,
        idx,
        zone_new[problem.group_zone[keep_g]],
        problem.group_weight[keep_g],
        problem.need[zones],
        problem.max_cameras,
    )


def dominated(problem: CoverProblem) -> np.ndarray:
    """For each candidate, the one that dominates it (-1: none): a candidate that covers every
    group it covers, at no more cost and tie, and covers more, costs less or (of equals) comes
    first. Dropping the dominated keeps an optimal choice: each swaps for its dominator."""
    n_c = problem.n_candidates
    out = np.full(n_c, -1, dtype=np.intp)
    if n_c == 0 or len(problem.cover_idx) == 0:
        return out
    n_g = len(problem.group_weight)
    rows = np.repeat(np.arange(n_c), np.diff(problem.cover_ptr))
    order = np.argsort(problem.cover_idx, kind="stable")
    g_ptr = np.concatenate([[0], np.cumsum(np.bincount(problem.cover_idx, minlength=n_g))])
    g_cands = rows[order]
    deg = np.diff(g_ptr)
    size = np.diff(problem.cover_ptr)
    cost, tie = problem.cost, problem.tie
    member = np.zeros(n_g, dtype=bool)
    for a in range(n_c):
        ga = problem.covers(a)
        if len(ga) == 0:
            continue
        # A superset of a covers a's rarest group: only those are looked at.
        r = ga[np.argmin(deg[ga])]
        others = g_cands[g_ptr[r] : g_ptr[r + 1]]
        others = others[
            (others != a)
            & (size[others] >= size[a])
            & (cost[others] <= cost[a])
            & (tie[others] <= tie[a] + 1e-12)
        ]
        if len(others) == 0:
            continue
        member[ga] = True
        lens = size[others]
        flat = np.concatenate([problem.covers(int(b)) for b in others])
        owner = np.repeat(np.arange(len(others)), lens)
        count = np.bincount(owner[member[flat]], minlength=len(others))
        member[ga] = False
        sup = others[count == len(ga)]
        if len(sup) == 0:
            continue
        strict = (size[sup] > size[a]) | (cost[sup] < cost[a]) | (tie[sup] < tie[a] - 1e-12)
        better = sup[strict | (sup < a)]
        if len(better):
            out[a] = int(better[0])
    return out


def _final(dom: np.ndarray, c: int) -> int:
    """The undominated candidate that dominates ``c`` (through a chain)."""
    while dom[c] >= 0:
        c = int(dom[c])
    return c


def components(problem: CoverProblem) -> list[tuple[np.ndarray, np.ndarray]]:
    """Independent parts: zones joined when one candidate covers groups of both; per part, its
    candidates and its zones (zones that need nothing and candidates that cover nothing are in
    no part). The parts' optima add up to the whole's, and so do their lower bounds."""
    n_z = len(problem.need)
    parent = list(range(n_z))

    def find(z: int) -> int:
        while parent[z] != z:
            parent[z] = parent[parent[z]]
            z = parent[z]
        return z

    touched: list[np.ndarray] = []
    for c in range(problem.n_candidates):
        zs = np.unique(problem.group_zone[problem.covers(c)])
        touched.append(zs)
        for z in zs[1:]:
            ra, rb = find(int(zs[0])), find(int(z))
            if ra != rb:
                parent[rb] = ra
    root = np.array([find(z) for z in range(n_z)], dtype=np.intp)
    needs = problem.need > 1e-9
    parts: dict[int, tuple[list[int], list[int]]] = {}
    for z in range(n_z):
        if needs[z]:
            parts.setdefault(int(root[z]), ([], []))[1].append(z)
    for c, zs in enumerate(touched):
        if len(zs):
            part = parts.get(int(root[zs[0]]))
            if part is not None:
                part[0].append(c)
    return [
        (np.array(cs, dtype=np.intp), np.array(zs, dtype=np.intp))
        for cs, zs in parts.values()
        if cs
    ]


def split_bound(
    problem: CoverProblem,
    time_limit_s: float,
    stop: Callable[[], bool] | None = None,
    rule: str = "home",
) -> float:
    """A lower bound on the cameras' cost from the zones one by one (a Lagrangian split).

    Each candidate's cost is split among the zones it covers: all of it to the zone of which it
    covers the largest share of the need (``rule="home"``), or in proportion to those shares
    (``"share"``). Any choice then costs the sum over the zones of its cameras' parts there,
    and each zone's sum is at least the cheapest cover of that zone alone at those parts; so
    the zones' small optima (their solvers' bounds, when time runs short) add up to a bound on
    the whole. Returns 0.0 when it cannot finish in time."""
    start = time.monotonic()
    n_c, n_z = problem.n_candidates, len(problem.need)
    if n_c == 0:
        return 0.0
    rows = np.repeat(np.arange(n_c), np.diff(problem.cover_ptr))
    zones = problem.group_zone[problem.cover_idx]
    key = rows.astype(np.int64) * n_z + zones
    uniq, inv = np.unique(key, return_inverse=True)
    area = np.bincount(inv.ravel(), problem.group_weight[problem.cover_idx])
    cand, zone = uniq // n_z, uniq % n_z
    needed = problem.need[zone] > 1e-9
    share = np.where(needed, np.minimum(area / np.maximum(problem.need[zone], 1e-12), 1.0), 0.0)
    if rule == "home":
        # The first of each candidate's largest shares (pairs are sorted by candidate).
        top = np.full(n_c, -1.0)
        np.maximum.at(top, cand, share)
        first = np.ones(len(cand), dtype=bool)
        is_top = needed & (share >= top[cand] - 1e-12)
        seen = np.zeros(n_c, dtype=bool)
        for i in np.flatnonzero(is_top):
            if seen[cand[i]]:
                first[i] = False
            seen[cand[i]] = True
        part = np.where(is_top & first, problem.cost[cand], 0.0)
    else:
        total = np.bincount(cand, share, minlength=n_c)
        part = problem.cost[cand] * share / np.maximum(total[cand], 1e-12)
    z_order = np.argsort(zone, kind="stable")
    z_ptr = np.concatenate([[0], np.cumsum(np.bincount(zone, minlength=n_z))])
    bound = 0.0
    for z in np.flatnonzero(problem.need > 1e-9):
        left = time_limit_s - (time.monotonic() - start)
        if left <= 0 or (stop is not None and stop()):
            return 0.0
        pairs = z_order[z_ptr[z] : z_ptr[z + 1]]
        bound += _zone_optimum(problem, int(z), cand[pairs], part[pairs], left)
    return bound


def _zone_optimum(
    problem: CoverProblem, z: int, cands: np.ndarray, cost: np.ndarray, time_limit_s: float
) -> float:
    """The least cost (its bound, at the time limit) of covering zone ``z``'s need with
    ``cands`` at ``cost``; the groups that a free candidate covers come free."""
    gz = np.flatnonzero(problem.group_zone == z)
    local = np.full(len(problem.group_weight), -1, dtype=np.intp)
    local[gz] = np.arange(len(gz))
    free = np.zeros(len(gz), dtype=bool)
    lists: dict[bytes, tuple[np.ndarray, float]] = {}
    for c, price in zip(cands.tolist(), cost.tolist(), strict=True):
        g = local[problem.covers(c)]
        g = g[g >= 0]
        if price <= 1e-12:
            free[g] = True
            continue
        # Of candidates that cover the same groups here, the cheapest stands for them all.
        k = g.tobytes()
        if k not in lists or lists[k][1] > price:
            lists[k] = (g, price)
    weight = problem.group_weight[gz]
    need = float(problem.need[z]) - float(weight[free].sum())
    if need <= 1e-9:
        return 0.0
    keep = ~free
    renum = np.full(len(gz), -1, dtype=np.intp)
    renum[keep] = np.arange(int(keep.sum()))
    covers = [renum[g][keep[g]] for g, _ in lists.values()]
    if not covers:
        return 0.0
    sub = CoverProblem(
        np.array([p for _, p in lists.values()]),
        np.zeros(len(covers)),
        np.concatenate([[0], np.cumsum([len(g) for g in covers])]).astype(np.intp),
        np.concatenate(covers).astype(np.intp),
        np.zeros(int(keep.sum()), dtype=np.intp),
        weight[keep],
        np.array([need]),
    )
    return _milp_bound(sub, time_limit_s)


def _milp_bound(problem: CoverProblem, time_limit_s: float) -> float:
    """The optimum of the cover MILP without ties, or the solver's bound on it at the limit."""
    h = _highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(max(time_limit_s, 0.05)))
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 1e-6)
    _add_model(h, problem)
    h.run()
    bound = float(h.getInfo().mip_dual_bound)
    # A shortfall means the need cannot be met here; the bound then also prices the penalty.
    if not math.isfinite(bound) or bound >= SHORTFALL_PENALTY:
        return 0.0
    return max(0.0, bound)


def solve_parts(
    problem: CoverProblem,
    warm: list[int],
    time_limit_s: float,
    progress: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Solution:
    """The MILP, part by part: dominated candidates dropped, independent parts solved apart
    (their bounds add), and on a part of several linked zones, the split bound as well."""
    start = time.monotonic()
    n_c = problem.n_candidates
    if problem.max_cameras is not None or n_c == 0:
        # A budget links every part: one MILP.
        return solve(problem, warm, time_limit_s, progress, stop)
    dom = dominated(problem)
    keep = np.flatnonzero(dom < 0)
    warm_kept = sorted({_final(dom, c) for c in warm})
    parts = components(subproblem(problem, keep, np.arange(len(problem.need))))
    # Per part: candidates (original numbers), its problem, its warm start.
    plan = []
    for cands_local, zones in parts:
        cands = keep[cands_local]
        sub = subproblem(problem, cands, zones)
        pos = {int(c): i for i, c in enumerate(cands)}
        plan.append((cands, sub, [pos[c] for c in warm_kept if c in pos]))
    # Solve the small parts first; each part's share of the time left follows its size.
    plan.sort(key=lambda p: len(p[0]))
    best = [float(p[1].cost[p[2]].sum()) for p in plan]
    bounds = [0.0] * len(plan)

    def report() -> None:
        if progress is not None:
            progress(sum(best), min(sum(bounds), sum(best)))

    chosen: list[int] = []
    statuses: list[str] = []
    sizes = [len(p[0]) for p in plan]
    for i, (cands, sub, sub_warm) in enumerate(plan):
        left = time_limit_s - (time.monotonic() - start)
        budget = max(0.5, left * sizes[i] / max(sum(sizes[i:]), 1))
        part_start = time.monotonic()
        several = len(sub.need) > 1

        def on_part(cost: float, bound: float, i: int = i) -> None:
            best[i] = cost
            bounds[i] = max(bounds[i], bound)
            report()

        # The MILP first; on linked zones it leaves time for the split bounds, which prove
        # what its own bound cannot reach in time on a large floor.
        milp_time = (1.0 - SPLIT_BOUND_SHARE) * budget if several else budget
        sol = solve(sub, sub_warm, milp_time, on_part, stop)
        best[i] = sol.cost
        bounds[i] = max(bounds[i], sol.lower_bound)
        report()
        unit = float(sub.cost[0]) if np.allclose(sub.cost, sub.cost[0]) else 0.0
        for rule in ("home", "share"):
            left_here = budget - (time.monotonic() - part_start)
            if not several or bounds[i] >= sol.cost - 1e-9 or left_here <= 0:
                break
            if stop is not None and stop():
                break
            b = split_bound(sub, left_here, stop, rule)
            if unit > 0:
                b = math.ceil(b / unit - 1e-6) * unit
            bounds[i] = max(bounds[i], min(b, sol.cost))
            report()
        chosen.extend(int(cands[c]) for c in sol.chosen)
        statuses.append(sol.status)
    chosen = _better(problem, sorted(chosen), warm)
    total = float(problem.cost[chosen].sum()) if chosen else 0.0
    bound = min(sum(bounds), total)
    if not (_shortfall_cost(problem, chosen) > 0):
        bound = max(bound, min(zone_bound(problem), total))
    if "stopped" in statuses:
        status = "stopped"
    elif statuses and all(s in ("Optimal", "fewest cameras proven") for s in statuses):
        status = "Optimal"
    else:
        status = ", ".join(sorted(set(statuses))) or "no part to solve"
    return Solution(chosen, total, bound, status, time.monotonic() - start)
