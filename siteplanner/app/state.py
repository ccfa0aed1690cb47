"""What the editor shows, in one place: the level, the overlays, the display units, the analysis.

The plan itself lives in the Document; this is the view of it. Every widget that depends on one
of these reads it from here and listens to the matching signal, so no copy can go stale.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from siteplanner.units import STYLES, format_area, format_length, format_point

if TYPE_CHECKING:
    from siteplanner.app.worker import RenderData, WallPaths


@dataclass(frozen=True)
class Overlays:
    """Which layers of the analysis (and aids) the canvas draws."""

    coverage: bool = True
    dori: bool = True
    intrusions: bool = True
    blind: bool = True
    grid: bool = True
    suggestions: bool = False  # off until asked for: the markers are many on a busy level
    # Collection zones pass/fail at their required density, instead of the DORI bands.
    requirement: bool = False

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


class EditorState(QObject):
    """The shown level, overlay flags, display unit style and the latest analysis (the
    worker's RenderData and wall solids)."""

    level_changed = Signal(str)
    overlays_changed = Signal(object)  # Overlays
    units_changed = Signal(str)  # a style from siteplanner.units.STYLES
    render_changed = Signal(object)  # RenderData
    walls_changed = Signal(object)  # level id -> WallPaths
    isolation_changed = Signal(object)  # the isolated camera's id, or None
    floor_below_changed = Signal(bool)  # the floor below drawn faintly under the level

    def __init__(self, level_id: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.level_id = level_id
        self.overlays = Overlays()
        self.unit_style = "metric"
        self.render: RenderData | None = None
        self.walls: dict[str, WallPaths] = {}  # the wall solids drawn, from the worker
        self.isolated_camera: str | None = None  # only this camera's view is drawn
        self.floor_below = False

    # -- level -------------------------------------------------------------------------------
    def set_level(self, level_id: str) -> None:
        """Show ``level_id``; listeners redraw even when it is the same level (a new plan)."""
        self.level_id = level_id
        self.isolate_camera(None)  # a camera of another level is not on show
        self.level_changed.emit(level_id)

    # -- overlays ----------------------------------------------------------------------------
    def set_overlay(self, name: str, on: bool) -> None:
        if name not in Overlays.names():
            raise KeyError(name)
        if getattr(self.overlays, name) == on:
            return
        self.overlays = replace(self.overlays, **{name: bool(on)})
        self.overlays_changed.emit(self.overlays)

    # -- camera isolation ----------------------------------------------------------------------
    def isolate_camera(self, camera_id: str | None) -> None:
        """Draw only ``camera_id``'s view (its coverage and DORI bands), the other cameras'
        hidden; None shows every camera again."""
        camera_id = camera_id or None
        if camera_id != self.isolated_camera:
            self.isolated_camera = camera_id
            self.isolation_changed.emit(camera_id)

    # -- the floor below -----------------------------------------------------------------------
    def set_floor_below(self, on: bool) -> None:
        on = bool(on)
        if on != self.floor_below:
            self.floor_below = on
            self.floor_below_changed.emit(on)

    # -- units -------------------------------------------------------------------------------
    def set_unit_style(self, style: str) -> None:
        if style not in STYLES:
            raise ValueError(f"unknown unit style {style!r}")
        if style != self.unit_style:
            self.unit_style = style
            self.units_changed.emit(style)

    @property
    def imperial(self) -> bool:
        return self.unit_style != "metric"

    def format_length(self, metres: float) -> str:
        return format_length(metres, self.unit_style)

    def format_area(self, square_metres: float) -> str:
        return format_area(square_metres, self.unit_style)

    def format_point(self, x: float, y: float) -> str:
        return format_point(x, y, self.unit_style)

    # -- analysis ----------------------------------------------------------------------------
    def set_render(self, data: RenderData | None) -> None:
        self.render = data
        self.render_changed.emit(data)

    def set_walls(self, walls: dict[str, WallPaths]) -> None:
        self.walls = walls
        self.walls_changed.emit(walls)
