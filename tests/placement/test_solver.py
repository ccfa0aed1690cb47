"""The cover behind placement: greedy, the zone bound and the MILP on hand-made problems."""

from __future__ import annotations

import numpy as np

from siteplanner.placement.solver import CoverProblem, greedy, solve, zone_bound


def problem(covers: list[list[int]], group_zone: list[int], need: list[float]) -> CoverProblem:
    ptr = np.concatenate([[0], np.cumsum([len(c) for c in covers])]).astype(np.intp)
    idx = np.concatenate([np.array(c, dtype=np.intp) for c in covers])
    return CoverProblem(
        cost=np.ones(len(covers)),
        tie=np.zeros(len(covers)),
        cover_ptr=ptr,
        cover_idx=idx,
        group_zone=np.array(group_zone, dtype=np.intp),
        group_weight=np.ones(len(group_zone)),
        need=np.array(need, dtype=float),
    )


def test_zone_bound_counts_separate_zones_apart_and_shared_ones_once():
    # Zone 0: groups 0-5, zone 1: groups 6-11; every candidate covers 2 groups of one zone, and
    # each zone needs 5 groups: at least 3 cameras each, 6 in all.
    covers = [[0, 1], [2, 3], [4, 5], [1, 2], [6, 7], [8, 9], [10, 11], [7, 8]]
    p = problem(covers, [0] * 6 + [1] * 6, [5, 5])
    assert zone_bound(p) == 6
    sol = solve(p, greedy(p), 5)
    assert sol.cost == 6 and sol.lower_bound == 6 and sol.gap == 0
    # One candidate reaching into both zones joins them: only one zone's bound counts.
    shared = problem([*covers, [5, 6]], [0] * 6 + [1] * 6, [5, 5])
    assert zone_bound(shared) == 3


def test_greedy_meets_every_need_and_the_milp_does_no_worse():
    rng = np.random.default_rng(3)
    covers = [sorted(rng.choice(40, size=6, replace=False).tolist()) for _ in range(30)]
    zone = [g // 10 for g in range(40)]
    p = problem(covers, zone, [7, 7, 7, 7])
    warm = greedy(p)
    assert (p.covered_area(warm) >= p.need - 1e-9).all()
    sol = solve(p, warm, 5)
    assert (p.covered_area(sol.chosen) >= p.need - 1e-9).all()
    assert len(sol.chosen) <= len(warm)
    assert sol.lower_bound <= len(sol.chosen)
