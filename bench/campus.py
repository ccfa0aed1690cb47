"""A generated campus: 10 levels, 1,000 cameras, ~30,000 wall segments, 600 obstacles."""

from __future__ import annotations

import random

from siteplanner.model import Plan

ROOM = 6.0  # metres between wall centre lines


def make_campus(
    levels: int = 10,
    nx: int = 40,
    ny: int = 37,
    cameras_per_level: int = 100,
    obstacles_per_level: int = 60,
    seed: int = 7,
) -> Plan:
    rnd = random.Random(seed)
    out_levels = []
    for li in range(levels):
        walls, openings, obstacles, zones, cams = [], [], [], [], []
        for j in range(ny + 1):
            for i in range(nx):
                walls.append({"points": [[i * ROOM, j * ROOM], [(i + 1) * ROOM, j * ROOM]]})
        for i in range(nx + 1):
            for j in range(ny):
                walls.append({"points": [[i * ROOM, j * ROOM], [i * ROOM, (j + 1) * ROOM]]})
        # One door in the south wall of every room, one in the east wall of every other room.
        for j in range(1, ny):
            for i in range(nx):
                x = i * ROOM + rnd.uniform(1.0, 4.0)
                openings.append({"kind": "door", "points": [[x, j * ROOM], [x + 1.0, j * ROOM]]})
        for j in range(ny):
            for i in range(1, nx, 2):
                y = j * ROOM + rnd.uniform(1.0, 4.0)
                openings.append({"kind": "door", "points": [[i * ROOM, y], [i * ROOM, y + 1.0]]})
        for _ in range(obstacles_per_level):
            i, j = rnd.randrange(nx), rnd.randrange(ny)
            x0, y0 = i * ROOM + rnd.uniform(0.5, 3.0), j * ROOM + rnd.uniform(0.5, 4.5)
            obstacles.append(
                {
                    "polygon": [[x0, y0], [x0 + 2.5, y0], [x0 + 2.5, y0 + 0.6], [x0, y0 + 0.6]],
                    "height_m": rnd.choice([1.2, 2.0, 2.4]),
                }
            )
        for k in range(cameras_per_level):
            i, j = rnd.randrange(nx), rnd.randrange(ny)
            cams.append(
                {
                    "id": f"L{li}-c{k}",
                    "position": [
                        i * ROOM + rnd.uniform(0.3, 5.7),
                        j * ROOM + rnd.uniform(0.3, 5.7),
                    ],
                    "height_m": 3.0,
                    "pan_deg": rnd.uniform(0, 360),
                    "tilt_deg": rnd.uniform(5, 35),
                    "hfov_deg": rnd.choice([60, 90, 100]),
                    "vfov_deg": 50,
                    "resolution": [2560, 1440],
                    "range_m": 30,
                    "purpose": rnd.choice(["public_safety", "internal_management"]),
                }
            )
        for k in range(20):
            i, j = rnd.randrange(nx - 4), rnd.randrange(ny - 4)
            kind = ["collection", "collection", "private", "exclude"][k % 4]
            zone = {
                "id": f"L{li}-z{k}",
                "kind": kind,
                "place": "public",
                "polygon": [
                    [i * ROOM, j * ROOM],
                    [(i + 4) * ROOM, j * ROOM],
                    [(i + 4) * ROOM, (j + 3) * ROOM],
                    [i * ROOM, (j + 3) * ROOM],
                ],
            }
            if kind == "collection":
                zone["required_dori"] = "observation"
            if kind == "private":
                zone["private_type"] = "restroom"
                zone.pop("place")
            zones.append(zone)
        out_levels.append(
            {
                "id": f"L{li}",
                "name": f"Level {li}",
                "elevation_m": 4.0 * li,
                "walls": walls,
                "openings": openings,
                "obstacles": obstacles,
                "zones": zones,
                "cameras": cams,
            }
        )
    return Plan.model_validate(
        {"format": "siteplanner", "version": 1, "name": "Campus", "levels": out_levels}
    )


def wall_segments(plan: Plan) -> int:
    return sum(len(w.points) - 1 for lv in plan.levels for w in lv.walls)
