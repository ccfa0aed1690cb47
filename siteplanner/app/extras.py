"""Hooks the catalogue, units, language and background-plan features into the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from siteplanner.app import background, catalogue_ui, i18n, units_ui
from siteplanner.app.i18n import tr


def install_all(window: Any) -> None:
    """Called once at the end of ``MainWindow.__init__``."""
    view_menu = window.menu("View")
    view_menu.addSeparator()
    ctl = units_ui.install(
        window, window.doc, window.view, menu=view_menu, label=window.cursor_label
    )
    # The units controller now writes the cursor position and formats lengths for the tools.
    try:
        window.view.cursor_moved.disconnect(window._cursor_moved)
    except (RuntimeError, TypeError):
        pass
    panel = getattr(window, "properties_panel", None)
    if panel is not None:
        ctl.style_changed.connect(lambda _style: panel.refresh())
    # The scale bar and the camera schedule follow the units too.
    ctl.style_changed.connect(lambda _style: window.view.viewport().update())
    schedule = getattr(window, "schedule_panel", None)
    if schedule is not None and hasattr(schedule, "set_units"):
        schedule.set_units(ctl.style)
        ctl.style_changed.connect(schedule.set_units)
    window.fmt_len = ctl.format_length
    window.fmt_area = ctl.format_area
    i18n.install(window, menu=view_menu)

    background.install(
        window, window.view, window.doc, window.scene.level, window.scene.level_changed
    )
    dock = window.background_dock
    levels_dock = getattr(window, "levels_dock", None)
    if levels_dock is not None:
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.tabifyDockWidget(levels_dock, dock)
        levels_dock.raise_()
    view_menu.addAction(dock.toggleViewAction())

    catalogue_ui.install(
        window, window.doc, window.scene, menu=window.menu("Camera", tr("&Camera"))
    )
