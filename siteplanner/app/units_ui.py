"""View ▸ Units: metric or imperial display, and the cursor position in the status bar.

The plan's ``settings.units`` says metric or imperial (saved with the plan, changed through the
undo stack); QSettings ``ui/units`` remembers the preferred style (feet-inches or decimal feet).
The window's ``unit_style`` attribute is what other panels read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.i18n import tr
from siteplanner.units import (
    STYLES,
    format_area,
    format_length,
    format_point,
    plan_units_for_style,
    style_for_plan_units,
)

SETTINGS_KEY = "ui/units"


def style_labels() -> dict[str, str]:
    return {
        "metric": tr("Metric (m)"),
        "ft_in": tr("Imperial (ft-in)"),
        "ft": tr("Imperial (decimal ft)"),
    }


def preferred_style(settings: QSettings | None = None) -> str:
    value = (settings or QSettings()).value(SETTINGS_KEY, "metric")
    return value if value in STYLES else "metric"


class UnitsController(QObject):
    style_changed = Signal(str)

    def __init__(
        self, window: QMainWindow, doc: Any, view: Any, label: QLabel | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.doc = doc
        self.style = "metric"
        self.own_label = label is None
        self.label = label if label is not None else QLabel()
        if self.own_label:
            self.label.setObjectName("cursor_position")
            self.label.setMinimumWidth(220)
        self.actions: dict[str, QAction] = {}
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for style, text in style_labels().items():
            act = QAction(text, self)
            act.setCheckable(True)
            act.setObjectName(f"action_units_{style}")
            act.setData(style)
            self.group.addAction(act)
            self.actions[style] = act
        self.group.triggered.connect(lambda act: self.choose(act.data()))
        view.cursor_moved.connect(self.show_cursor)
        doc.changed.connect(self.follow_plan)
        doc.replaced.connect(self.follow_plan)
        self._last = QPointF()
        self.follow_plan()

    def _set(self, style: str) -> None:
        changed = style != self.style
        self.style = style
        self.window.unit_style = style  # type: ignore[attr-defined]
        self.actions[style].setChecked(True)
        self.show_cursor(self._last)
        if changed:
            self.style_changed.emit(style)

    def follow_plan(self) -> None:
        """Show the plan's units (after open, undo...), keeping the preferred imperial style."""
        want = self.doc.plan.settings.units
        if plan_units_for_style(self.style) != want or not self.actions[self.style].isChecked():
            pref = self.style if self.style != "metric" else preferred_style()
            self._set(style_for_plan_units(want, pref))

    def choose(self, style: str) -> None:
        QSettings().setValue(SETTINGS_KEY, style)
        units = plan_units_for_style(style)
        settings = self.doc.plan.settings
        self._set(style)
        if settings.units != units:
            self.doc.undo.push(
                SetFieldsCommand(self.doc, tr("Display units"), [(settings, "units", units)])
            )

    def format_length(self, metres: float) -> str:
        return format_length(metres, self.style)

    def format_area(self, square_metres: float) -> str:
        return format_area(square_metres, self.style)

    def show_cursor(self, p: QPointF) -> None:
        self._last = QPointF(p)
        self.label.setText(format_point(p.x(), p.y(), self.style))


def install(
    window: QMainWindow,
    doc: Any,
    view: Any,
    menu: QMenu | None = None,
    label: QLabel | None = None,
) -> UnitsController:
    """Add View ▸ Units and the cursor position (in ``label``, else a new status-bar label)."""
    ctl = UnitsController(window, doc, view, label)
    parent = menu or window.findChild(QMenu, "menu_view")
    title = tr("&Units")
    sub = parent.addMenu(title) if parent is not None else window.menuBar().addMenu(title)
    sub.setObjectName("menu_units")
    for act in ctl.actions.values():
        sub.addAction(act)
    if ctl.own_label:
        window.statusBar().addPermanentWidget(ctl.label)
    window.units = ctl  # type: ignore[attr-defined]
    return ctl
