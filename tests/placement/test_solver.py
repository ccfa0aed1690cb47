"""The cover behind placement: greedy, the zone bound and the MILP on hand-made problems."""

from __future__ import annotations

import numpy as np

from siteplanner.placement.solver import (
    CoverProblem,
    components,
    dominated,
    greedy,
    solve,
    solve_parts,
    split_bound,
    zone_bound,
)


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


def test_dominated_candidates_point_to_a_superset_of_no_greater_cost():
    covers = [[0, 1], [0, 1, 2], [3], [3], [4], [2, 4]]
    p = problem(covers, [0] * 5, [5])
    dom = dominated(p)
    assert dom[0] == 1  # a strict subset
    assert dom[3] == 2 and dom[2] == -1  # of equal ones, the first stays
    assert dom[1] == -1 and dom[5] == -1
    assert dom[4] == 5
    # A dearer superset does not dominate.
    p.cost = np.array([1.0, 2.0, 1.0, 1.0, 1.0, 1.0])
    assert dominated(p)[0] == -1
    # Nor one that sees more of an excluded place (a larger tie).
    p.cost = np.ones(6)
    p.tie = np.array([0.0, 0.1, 0.0, 0.0, 0.0, 0.0])
    assert dominated(p)[0] == -1


def test_independent_parts_are_found_and_their_bounds_add():
    # Zones 0 and 1 share candidate 2; zone 2 stands apart; zone 3 needs nothing.
    covers = [[0], [1, 2], [2, 3], [4, 5], [6]]
    p = problem(covers, [0, 0, 0, 1, 2, 2, 3], [3, 1, 2, 0])
    parts = sorted((sorted(z.tolist()), sorted(c.tolist())) for c, z in components(p))
    assert parts == [([0, 1], [0, 1, 2]), ([2], [3])]
    sol = solve_parts(p, greedy(p), 5)
    assert (p.covered_area(sol.chosen) >= p.need - 1e-9).all()
    # Zone 0 needs all three of its groups: candidates 0, 1, and 2 (which also covers zone
    # 1); zone 2 needs candidate 3.
    assert sorted(sol.chosen) == [0, 1, 2, 3]
    assert sol.cost == 4 and sol.lower_bound == 4


def test_split_bound_proves_what_the_zone_bound_cannot():
    # Each zone needs 5 of its 6 groups; every candidate covers 2 groups of one zone, but one
    # reaches both zones (groups 5 and 6): the optimum takes it and two more per zone, 5 in
    # all. The zone bound, which must count the shared zones once, proves only 3.
    covers = [[0, 1], [2, 3], [4, 5], [1, 2], [6, 7], [8, 9], [10, 11], [7, 8], [5, 6]]
    p = problem(covers, [0] * 6 + [1] * 6, [5, 5])
    assert zone_bound(p) == 3
    assert abs(split_bound(p, 10) - 5.0) < 1e-6
    sol = solve_parts(p, greedy(p), 10)
    assert sol.cost == 5 and sol.lower_bound == 5 and 8 in sol.chosen


def test_split_bound_never_exceeds_the_optimum_on_random_problems():
    rng = np.random.default_rng(11)
    for _ in range(5):
        covers = [sorted(rng.choice(30, size=5, replace=False).tolist()) for _ in range(25)]
        zone = [g // 10 for g in range(30)]
        p = problem(covers, zone, [6, 6, 6])
        opt = solve(p, greedy(p), 10)
        assert opt.status in ("Optimal", "fewest cameras proven")
        assert split_bound(p, 10) <= opt.cost + 1e-6
        parts = solve_parts(p, greedy(p), 10)
        assert parts.cost == opt.cost and parts.lower_bound <= opt.cost
