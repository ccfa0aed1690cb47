"""View ▸ Units: metric or imperial display.

The plan's ``settings.units`` says metric or imperial (saved with the plan, changed through the
undo stack); QSettings ``ui/units`` remembers the preferred imperial style (feet-inches or
decimal feet). The style shown is the editor state's ``unit_style``, which everything that shows
a length reads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.context import EditorContext
from siteplanner.app.i18n import tr
from siteplanner.units import STYLES, plan_units_for_style, style_for_plan_units

SETTINGS_KEY = "ui/units"


def preferred_style(settings: QSettings | None = None) -> str:
    value = (settings or QSettings()).value(SETTINGS_KEY, "metric")
    return value if value in STYLES else "metric"


class UnitsController(QObject):
    """Keeps the shown style in line with the plan's units; View ▸ Units calls ``choose``."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.doc = ctx.doc
        self.state = ctx.state
        self.actions: dict[str, QAction] = {}
        self.doc.changed.connect(self.follow_plan)
        self.doc.replaced.connect(self.follow_plan)
        self.state.units_changed.connect(self._check)
        self.follow_plan()

    def actions_ready(self) -> None:
        self.actions = {s: self.ctx.actions[f"units_{s}"] for s in STYLES}
        self._check(self.state.unit_style)

    def _check(self, style: str) -> None:
        act = self.actions.get(style)
        if act is not None:
            act.setChecked(True)

    def follow_plan(self) -> None:
        """Show the plan's units (after open, undo...), keeping the preferred imperial style."""
        want = self.doc.plan.settings.units
        style = self.state.unit_style
        if plan_units_for_style(style) != want:
            pref = style if style != "metric" else preferred_style()
            self.state.set_unit_style(style_for_plan_units(want, pref))

    def choose(self, style: str) -> None:
        QSettings().setValue(SETTINGS_KEY, style)
        units = plan_units_for_style(style)
        settings = self.doc.plan.settings
        self.state.set_unit_style(style)
        if settings.units != units:
            self.doc.undo.push(
                SetFieldsCommand(self.doc, tr("Display units"), [(settings, "units", units)])
            )
