"""A generated site (not the shipped sample) for window pictures and drags."""

from __future__ import annotations

import random

from siteplanner.model import Plan


def generated_site(nx: int = 4, ny: int = 3, room: float = 7.0, seed: int = 3) -> Plan:
    rnd = random.Random(seed)
    walls, openings, cameras, zones = [], [], [], []
    for j in range(ny + 1):
        walls.append({"points": [[0, j * room], [nx * room, j * room]], "thickness_m": 0.25})
    for i in range(nx + 1):
        walls.append({"points": [[i * room, 0], [i * room, ny * room]], "thickness_m": 0.25})
    for j in range(ny):
        for i in range(nx):
            x0, y0 = i * room, j * room
            if j > 0:
                openings.append({"kind": "door", "points": [[x0 + 2, y0], [x0 + 3, y0]]})
            if i > 0:
                openings.append({"kind": "door", "points": [[x0, y0 + 3], [x0, y0 + 4]]})
            cameras.append(
                {
                    "name": f"G-{i}{j}",
                    "position": [x0 + 0.4, y0 + 0.4],
                    "height_m": 3.0,
                    "pan_deg": 45 + rnd.uniform(-10, 10),
                    "tilt_deg": 20,
                    "hfov_deg": 90,
                    "vfov_deg": 50,
                    "resolution": [2560, 1440],
                    "range_m": 15,
                }
            )
    zones.append(
        {
            "name": "Hall",
            "kind": "collection",
            "required_dori": "recognition",
            "polygon": [[0, 0], [nx * room, 0], [nx * room, room], [0, room]],
        }
    )
    zones.append(
        {
            "name": "Washroom",
            "kind": "private",
            "private_type": "restroom",
            "polygon": [[room, room], [2 * room, room], [2 * room, 2 * room], [room, 2 * room]],
        }
    )
    return Plan.model_validate(
        {
            "name": "Generated",
            "levels": [
                {
                    "id": "G",
                    "name": "Ground",
                    "walls": walls,
                    "openings": openings,
                    "cameras": cameras,
                    "zones": zones,
                }
            ],
        }
    )
