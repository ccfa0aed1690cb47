"""The values a new object gets when the editor (or an import, or the placement) makes it.

One place for them: the tools' option boxes start from these, and the factories fill in the rest.
Lengths in metres, angles in degrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from siteplanner.model import Opening, Wall


def _model_default(cls: type, name: str) -> Any:
    return cls.model_fields[name].default


@dataclass(frozen=True, slots=True)
class Defaults:
    wall_thickness_m: float = _model_default(Wall, "thickness_m")
    obstacle_height_m: float = 1.5
    grid_step_m: float = 0.1
    door_width_m: float = 0.9
    window_width_m: float = 1.2
    # An opening cuts at least the format's default depth, and through its wall with a margin.
    opening_depth_m: float = _model_default(Opening, "depth_m")
    opening_depth_margin_m: float = 0.1
    camera_height_m: float = 3.0
    camera_tilt_deg: float = 20.0
    camera_purpose: str = "public_safety"
    # Optics for a camera when the plan has no camera model to give them.
    camera_hfov_deg: float = 90.0
    camera_vfov_deg: float = 50.0
    camera_resolution: tuple[int, int] = (1920, 1080)
    camera_range_m: float = 20.0
    # A camera put on a wall stands this far in front of the wall's face.
    camera_wall_offset_m: float = 0.05
    zone_fields: dict[str, dict[str, str]] = field(
        default_factory=lambda: {
            "collection": {"place": "public", "required_dori": "observation"},
            "private": {"private_type": "restroom"},
            "exclude": {},
        }
    )
    # Where a paste lands relative to what was copied (east and south, so it is seen).
    paste_offset_m: tuple[float, float] = (1.0, -1.0)

    def opening_width_m(self, kind: str) -> float:
        return self.door_width_m if kind == "door" else self.window_width_m


DEFAULTS = Defaults()
