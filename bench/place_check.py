"""Placement on offices it has never seen, confirmed by an independent check.

``random_office(seed)`` draws an office: two rows of rooms of random widths and depths on both
sides of a corridor, a door from each room to the corridor at a random place, a restroom, an
excluded room, desks, and random densities. After ``place`` the output plan is checked from
scratch: a fresh analysis and the rule pack find no view into a private zone and no camera in
one or in a wall, every camera's view meets every private zone in (almost) nothing, every
collection zone reaches the target share at its required density, and no more cameras are
placed than the greedy choice took.
"""

from __future__ import annotations

import random
import sys
import time

import shapely

from siteplanner import pipeline
from siteplanner.analysis import Analyser
from siteplanner.compliance import load_pack
from siteplanner.compliance.rules.coverage import coverage_target
from siteplanner.model import Plan
from siteplanner.placement import PlaceOptions, place

PRIVACY = ("PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE", "CAMERA_INSIDE_WALL")
DORIS = ("detection", "observation", "observation", "recognition")
MODELS = [
    {"id": "dome", "hfov_deg": 100, "vfov_deg": 56, "resolution": [2560, 1440], "range_m": 30},
    {"id": "bullet", "hfov_deg": 60, "vfov_deg": 34, "resolution": [3840, 2160], "range_m": 40},
]


def _box(x0: float, y0: float, x1: float, y1: float, d: float = 0.0) -> list[list[float]]:
    return [[x0 + d, y0 + d], [x1 - d, y0 + d], [x1 - d, y1 - d], [x0 + d, y1 - d]]


def _widths(rnd: random.Random, total: float) -> list[float]:
    out: list[float] = []
    left = total
    while left > 9.0:
        w = round(rnd.uniform(4.0, 8.0), 1)
        out.append(w)
        left -= w
    out.append(left)
    return out


def random_office(seed: int) -> Plan:
    rnd = random.Random(seed)
    width = round(rnd.uniform(26.0, 40.0), 1)
    south, corridor, north = (round(rnd.uniform(a, b), 1) for a, b in ((5, 8), (2.5, 4), (5, 8)))
    c0, c1, top = south, south + corridor, south + corridor + north
    walls = [
        [[0, 0], [width, 0], [width, top], [0, top], [0, 0]],
        [[0, c0], [width, c0]],
        [[0, c1], [width, c1]],
    ]
    openings, obstacles, zones = [], [], []
    rooms: list[tuple[float, float, float, float, float]] = []  # x0, y0, x1, y1, door wall y
    for y0, y1, door_y in ((0.0, c0, c0), (c1, top, c1)):
        x = 0.0
        for w in _widths(rnd, width):
            if x > 0:
                walls.append([[x, y0], [x, y1]])
            rooms.append((x, y0, x + w, y1, door_y))
            x += w
    kinds = ["collection"] * len(rooms)
    private, excluded = rnd.sample(range(len(rooms)), 2)
    kinds[private], kinds[excluded] = "private", "exclude"
    for i, (x0, y0, x1, y1, door_y) in enumerate(rooms):
        dx = rnd.uniform(x0 + 0.4, x1 - 1.4)
        openings.append({"kind": "door", "points": [[dx, door_y], [dx + 1.0, door_y]]})
        poly = _box(x0, y0, x1, y1, 0.1)
        if kinds[i] == "private":
            zones.append(
                {"name": f"WC {i}", "kind": "private", "private_type": "restroom", "polygon": poly}
            )
        elif kinds[i] == "exclude":
            zones.append({"name": f"Staff {i}", "kind": "exclude", "polygon": poly})
        else:
            zones.append(
                {
                    "name": f"Room {i}",
                    "kind": "collection",
                    "place": "public",
                    "polygon": poly,
                    "required_dori": rnd.choice(DORIS),
                }
            )
            if rnd.random() < 0.4 and x1 - x0 > 3.5:
                ox, oy = rnd.uniform(x0 + 1, x1 - 2.6), rnd.uniform(y0 + 1.5, y1 - 2.5)
                obstacles.append({"polygon": _box(ox, oy, ox + 1.6, oy + 0.8), "height_m": 1.2})
    zones.append(
        {
            "name": "Corridor",
            "kind": "collection",
            "place": "public",
            "polygon": _box(0, c0, width, c1, 0.1),
            "required_dori": "observation",
        }
    )
    return Plan.model_validate(
        {
            "name": f"random office {seed}",
            "camera_models": MODELS,
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"points": p} for p in walls],
                    "openings": openings,
                    "obstacles": obstacles,
                    "zones": zones,
                }
            ],
        }
    )


def check(plan: Plan, limit_s: float = 60.0) -> tuple[bool, str]:
    """Place cameras on ``plan`` and check the result independently; (passed, one line)."""
    t = time.perf_counter()
    r = place(plan, PlaceOptions(time_limit_s=limit_s, parallel=True))
    took = time.perf_counter() - t
    out = r.plan
    # From scratch: a fresh analyser and the rule pack on the output plan.
    result = pipeline.run(out, analyser=Analyser())
    analysis = result.analysis
    problems = [f"{f.rule} {f.camera or f.zone}" for f in result.findings if f.rule in PRIVACY]
    level = out.levels[0]
    private = [shapely.Polygon(z.polygon) for z in level.zones if z.kind == "private"]
    for cam in level.cameras:
        seen = analysis.camera(level.id, cam.id).coverage.coverage
        for p in private:
            if seen.intersection(p).area > 1e-4:
                problems.append(f"{cam.id} sees {seen.intersection(p).area:.4f} m² of a WC")
            if p.contains(shapely.Point(cam.position)):
                problems.append(f"{cam.id} stands in a WC")
    target = coverage_target(out, load_pack(out.rules).coverage_target)
    short = []
    for z in level.zones:
        if z.kind != "collection":
            continue
        zr = analysis.zone(level.id, z.id)
        frac = zr.by_dori[z.required_dori].area / zr.area_m2
        if frac < target - 1e-6:
            short.append(f"{z.name} {100 * frac:.1f} %")
    over = len(r.placed) > r.greedy_count
    passed = not problems and not short and not over
    line = (
        f"{len(r.placed)} cameras (greedy {r.greedy_count}, bound {r.lower_bound:g}), "
        f"{took:.0f} s; private views: {len(problems)}; zones short of "
        f"{100 * target:.0f} %: {len(short)}"
        + (f" ({', '.join(short + problems)})" if short or problems else "")
    )
    return passed, line


def check_rows(seeds: tuple[int, ...] = (11, 12), limit_s: float = 60.0) -> list[tuple[str, ...]]:
    rows = []
    for seed in seeds:
        plan = random_office(seed)
        n = sum(z.kind == "collection" for z in plan.levels[0].zones)
        passed, line = check(plan, limit_s)
        rows.append(
            (
                f"place: random office (seed {seed})",
                f"{n} collection zones, WC, staff room, independent re-check",
                ("ok: " if passed else "FAILED: ") + line,
                "no private view, every zone at density, <= greedy",
            )
        )
    return rows


if __name__ == "__main__":
    seeds = tuple(int(s) for s in sys.argv[1:]) or (11,)
    for row in check_rows(seeds):
        print(" | ".join(row))
