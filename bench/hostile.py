"""Plans that ask for unbounded work: a DXF-like zigzag wall, a zone and a wall that cross
themselves at random, and a large level. Each must be analysed (or refused) in bounded time and
memory."""

from __future__ import annotations

import math
import random
from typing import Any


def _plan(level: dict[str, Any]) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "L1",
        "walls": [],
        "openings": [],
        "obstacles": [],
        "zones": [],
        "cameras": [],
        "signs": [],
    }
    base.update(level)
    return {"format": "siteplanner", "version": 1, "name": "hostile", "levels": [base]}


def _cameras(n: int, size: float, seed: int = 3) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    return [
        {
            "id": f"c{i}",
            "position": [rnd.uniform(0, size), rnd.uniform(0, size)],
            "height_m": 3.0,
            "pan_deg": rnd.uniform(0, 360),
            "tilt_deg": 20,
            "hfov_deg": 90,
            "vfov_deg": 60,
            "resolution": [1920, 1080],
            "range_m": 20,
        }
        for i in range(n)
    ]


def zigzag_wall_plan(points: int, amplitude_m: float = 0.004) -> dict[str, Any]:
    """A 100 m wall traced point by point with a few millimetres of jitter, as a DXF import of a
    surveyed outline gives, and cameras looking at it."""
    pts = [
        [100.0 * i / (points - 1), 10.0 + (amplitude_m if i % 2 else -amplitude_m)]
        for i in range(points)
    ]
    return _plan(
        {
            "walls": [{"id": "zigzag", "points": pts, "thickness_m": 0.2}],
            "cameras": _cameras(20, 100.0),
        }
    )


def random_zone_plan(vertices: int, seed: int = 1) -> dict[str, Any]:
    """A zone whose outline jumps between random points of a 50 m square: it crosses itself
    about vertices² / 4 times."""
    rnd = random.Random(seed)
    poly = [[rnd.uniform(0, 50), rnd.uniform(0, 50)] for _ in range(vertices)]
    return _plan(
        {
            "zones": [
                {"id": "scribble", "name": "Scribble", "kind": "collection", "polygon": poly}
            ],
            "cameras": _cameras(20, 50.0),
        }
    )


def random_wall_plan(points: int, seed: int = 2) -> dict[str, Any]:
    """A wall polyline through random points of a 50 m square, crossing itself everywhere."""
    rnd = random.Random(seed)
    pts = [[rnd.uniform(0, 50), rnd.uniform(0, 50)] for _ in range(points)]
    return _plan(
        {
            "walls": [{"id": "scribble", "points": pts, "thickness_m": 0.2}],
            "cameras": _cameras(20, 50.0),
        }
    )


def round_room_plan(points: int) -> dict[str, Any]:
    """A round hall whose wall has ``points`` vertices that matter (no simplification helps)."""
    r = 30.0
    pts = [
        [r * math.cos(2 * math.pi * i / points), r * math.sin(2 * math.pi * i / points)]
        for i in range(points + 1)
    ]
    cams = _cameras(50, 40.0)
    for c in cams:
        c["position"] = [c["position"][0] - 20, c["position"][1] - 20]
    return _plan({"walls": [{"id": "round", "points": pts, "thickness_m": 0.3}], "cameras": cams})


def large_level_plan(walls: int = 100, points: int = 1_000, cameras: int = 300) -> dict[str, Any]:
    """A level near its point budget: ``walls`` saw-toothed walls of ``points`` points each (no
    centimetre simplifies them), 10 m apart, with cameras among them."""
    out = []
    for k in range(walls):
        x0 = 10.0 * (k % 10)
        y0 = 10.0 * (k // 10)
        out.append(
            {
                "id": f"saw{k}",
                "points": [
                    [x0 + 8.0 * i / (points - 1), y0 + (0.3 if i % 2 else 0.0)]
                    for i in range(points)
                ],
            }
        )
    return _plan({"walls": out, "cameras": _cameras(cameras, 100.0)})


def sight_budget_plan(levels: int = 4, cameras: int = 100) -> dict[str, Any]:
    """Cameras that each look at a thousand or so detailed wall edges (a short saw-tooth wall in
    front of each), on several levels: together they pass the analysis's sight budget."""
    out = []
    for li in range(levels):
        walls, cams = [], []
        for k in range(cameras):
            x0, y0 = 30.0 * (k % 10), 30.0 * (k // 10)
            walls.append(
                {
                    "id": f"L{li}-saw{k}",
                    "points": [
                        [x0 + 0.01 * i, y0 + 5 + (0.2 if i % 2 else 0.0)] for i in range(400)
                    ],
                }
            )
            cams.append(
                {
                    "id": f"L{li}-c{k}",
                    "position": [x0 + 2, y0],
                    "height_m": 1.6,
                    "pan_deg": 90,
                    "hfov_deg": 90,
                    "vfov_deg": 60,
                    "resolution": [1920, 1080],
                    "range_m": 12,
                }
            )
        level = _plan({"walls": walls, "cameras": cams})["levels"][0]
        level["id"] = f"L{li}"
        out.append(level)
    plan = _plan({})
    plan["levels"] = out
    return plan
