"""The main window, composed: canvas, docks, the action table's menus and tool bar, status bar.

The window owns the parts and wires them; it does no file or edit work itself. What it shows
(level, overlays, display units, latest analysis) lives in ``EditorState``; File and Edit commands
live in ``FileController`` and ``EditController``; features (units, language, background plans,
camera catalogue, signs) are given an ``EditorContext`` and add their commands as rows of the
action table (``siteplanner.app.actions``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QPointF, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app import (
    analysis_view,
    background,
    catalogue_ui,
    exports_ui,
    help_ui,
    i18n,
    import_drawing,
    levels_ui,
    objects_ui,
    place_ui,
    settings_ui,
    shortcuts_ui,
    signs_ui,
    underlay,
    units_ui,
)
from siteplanner.app.about import About
from siteplanner.app.actions import ACTIONS, ActionSet, ActionSpec
from siteplanner.app.canvas import PlanView
from siteplanner.app.context import EditorContext
from siteplanner.app.dialogs import Dialogs
from siteplanner.app.document import Document
from siteplanner.app.edit import EditController, StackAction
from siteplanner.app.files import FileController, new_plan
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import keep_tr, keep_tr_items, retranslate_tree, retranslated, tr
from siteplanner.app.panels import (
    FindingsPanel,
    LevelsPanel,
    PropertiesPanel,
    SchedulePanel,
    object_names,
)
from siteplanner.app.scene import PlanScene
from siteplanner.app.state import EditorState, Overlays
from siteplanner.app.style import plain_label
from siteplanner.app.tools import TOOLS, Tool, ToolOptions
from siteplanner.app.worker import AnalysisRunner, RenderData
from siteplanner.fileformat.io import printable
from siteplanner.model import Plan

__all__ = ["MainWindow", "new_plan"]


class MainWindow(QMainWindow):
    def __init__(
        self,
        plan: Plan | None = None,
        path: str | Path | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__()
        self.dialogs = dialogs or Dialogs(self)
        self.settings = QSettings("SitePlanner", "SitePlanner")
        self.options = ToolOptions()
        self.doc = Document(plan or new_plan(), path)
        first = self.doc.plan.levels[0].id if self.doc.plan.levels else ""
        self.state = EditorState(first, self)
        self.scene = PlanScene(self.doc, self.state)
        self.view = PlanView(self.scene)
        # The canvas under a note that shows while the shipped sample is open.
        self.sample_banner = help_ui.SampleBanner()
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sample_banner)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.runner = AnalysisRunner(lambda: self.doc.plan, self)
        self.tools: dict[str, Tool] = {cls.name: cls(self) for cls, _label, _key in TOOLS}
        self.tool: Tool | None = None
        self.remember_layout = False  # set by restore_layout()

        self._build_docks()
        self.file = FileController(self, self.doc, self.dialogs, self.settings)
        self.edit = EditController(self, self.doc, self.scene)
        self.ctx = EditorContext(
            self,
            self.doc,
            self.scene,
            self.view,
            self.state,
            self.dialogs,
            self.file,
            self.runner,
            self.properties_panel,
        )
        # Features, each given the context; they add commands as rows of the action table.
        self.units = units_ui.UnitsController(self.ctx)
        self.language = i18n.LanguageChoice(self.ctx)
        self.background = background.BackgroundFeature(self.ctx)
        self.underlay = underlay.UnderlayFeature(self.ctx)
        self.drawings = import_drawing.ImportDrawingFeature(self.ctx, self.background)
        self.catalogue = catalogue_ui.CatalogueFeature(self.ctx)
        self.signs_ui = signs_ui.SignsUi(self.ctx)
        self.settings_ui = settings_ui.SettingsFeature(self.ctx)
        self.exports = exports_ui.ExportsFeature(self.ctx)
        self.levels = levels_ui.LevelsFeature(self.ctx)
        self.objects = objects_ui.ObjectActions(self.ctx, self.properties_dock)
        self.place_ui = place_ui.PlaceFeature(self.ctx)
        self.help = help_ui.GettingStarted(self.ctx)
        self.sample_banner.guide_requested.connect(self.help.show)
        self.analysis_view = analysis_view.AnalysisView(self.ctx)
        self.legend_dock = self.analysis_view.dock
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)
        self.runner.suggest_levels = self.signs_ui.wanted_levels
        self.background_dock = self.background.dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.background_dock)
        self.tabifyDockWidget(self.levels_dock, self.background_dock)
        self.underlay_dock = self.underlay.dock
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.underlay_dock)
        self.tabifyDockWidget(self.background_dock, self.underlay_dock)
        self.levels_dock.raise_()
        # Docks' tab titles in full ("Le…" said nothing); Qt makes the tab bars as it lays out.
        QTimer.singleShot(0, self.unelide_dock_tabs)
        self.tabifiedDockWidgetActivated.connect(lambda _dock: self.unelide_dock_tabs())

        self.targets: dict[str, Any] = {
            "window": self,
            "file": self.file,
            "edit": self.edit,
            "view": self.view,
            "state": self.state,
            "units": self.units,
            "language": self.language,
            "catalogue": self.catalogue,
            "signs": self.signs_ui,
            "exports": self.exports,
            "drawings": self.drawings,
            "underlay": self.underlay,
            "levels": self.levels,
            "objects": self.objects,
            "background": self.background,
            "settings": self.settings_ui,
            "place": self.place_ui,
            "shortcuts": shortcuts_ui.ShortcutsHelp(self.ctx),
            "help": self.help,
            "about": About(self.dialogs),
            "analysis": self.analysis_view,
        }
        self.action_set = ActionSet(
            self,
            ACTIONS,
            self.targets,
            special={
                "undo": self._undo_action,
                "redo": self._undo_action,
                "dock": self._dock_toggle,
            },
        )
        self.action_set.check()
        self.ctx.actions.update(self.action_set.actions)
        self.actions_by_name: dict[str, QAction] = self.ctx.actions
        self.menus: dict[str, QMenu] = self.action_set.menus
        self._build_toolbars()
        self.levels_dock.setWidget(self.levels.toolbar_host(self.levels_panel))
        self.levels_panel.addActions(
            [self.ctx.actions[i] for i in levels_ui.LEVELS_MENU if i in self.ctx.actions]
        )
        self._build_status()
        for feature in (self.units, self.language, self.catalogue):
            feature.actions_ready()
        self._connect()

        self.set_tool("select")
        self._plan_replaced()

    # -- construction ------------------------------------------------------------------------
    def unelide_dock_tabs(self) -> None:
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self:  # the dock areas' bars, not a dialog's or a panel's
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = keep_tr(QDockWidget(self), title)
        dock.setObjectName(title.replace(" ", "_"))  # the English title: stable across languages
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.levels_panel = LevelsPanel(self)
        self.properties_panel = PropertiesPanel(self)
        self.findings_panel = FindingsPanel()
        self.schedule_panel = SchedulePanel()
        left, right, bottom = (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.levels_dock = self._dock(QT_TR_NOOP("Levels"), self.levels_panel, left)
        self.properties_dock = self._dock(QT_TR_NOOP("Properties"), self.properties_panel, left)
        self.findings_dock = self._dock(
            QT_TR_NOOP("Findings"), self.findings_panel.with_filter(), right
        )
        self.schedule_dock = self._dock(QT_TR_NOOP("Camera schedule"), self.schedule_panel, bottom)
        self.history_dock = self._dock(QT_TR_NOOP("History"), QUndoView(self.doc.undo), right)
        self.history_dock.hide()  # View ▸ History when wanted
        self.resizeDocks(
            [self.levels_dock, self.properties_dock], [120, 400], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.levels_dock, self.findings_dock], [240, 400], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.schedule_dock], [150], Qt.Orientation.Vertical)

    def _undo_action(self, spec: ActionSpec) -> QAction:
        """Undo and Redo: their text names the step they undo or redo."""
        return StackAction(self.doc.undo, spec.kind == "redo", spec.text, self)

    def _dock_toggle(self, spec: ActionSpec) -> QAction:
        dock: QDockWidget = getattr(self, spec.slot or "")
        return dock.toggleViewAction()

    def _build_toolbars(self) -> None:
        self.toolbar = keep_tr(QToolBar(self), QT_TR_NOOP("Tools"))
        self.toolbar.setObjectName("tools_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.action_set.build_toolbar(self.toolbar)
        self._build_options_bar()

    def _build_options_bar(self) -> None:
        bar = self.options_bar = keep_tr(QToolBar(self), QT_TR_NOOP("Tool options"))
        bar.setObjectName("options_toolbar")
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # options on a row of their own
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        def spin(value: float, lo: float, hi: float, step: float, attr: str) -> QDoubleSpinBox:
            w = QDoubleSpinBox()
            w.setRange(lo, hi)
            w.setSingleStep(step)
            w.setDecimals(2)
            w.setValue(value)
            w.setSuffix(" m")
            w.valueChanged.connect(lambda v: setattr(self.options, attr, float(v)))
            return w

        def combo(items: list[str], attr: str) -> QComboBox:
            w = QComboBox()
            for item in items:
                w.addItem(item, item)
            keep_tr_items(w)  # shown translated, kept as the plan's word
            w.currentIndexChanged.connect(lambda i: setattr(self.options, attr, w.itemData(i)))
            return w

        def label(text: str) -> QLabel:
            w = keep_tr(QLabel(), text)
            w.setContentsMargins(8, 0, 4, 0)
            return w

        bar.addWidget(label(QT_TR_NOOP("Wall")))
        self.wall_thickness = spin(
            self.options.wall_thickness_m, 0.05, 2.0, 0.05, "wall_thickness_m"
        )
        bar.addWidget(self.wall_thickness)
        bar.addWidget(label(QT_TR_NOOP("Opening")))
        self.opening_kind = combo(["door", "window"], "opening_kind")
        bar.addWidget(self.opening_kind)
        bar.addWidget(label(QT_TR_NOOP("Obstacle height")))
        self.obstacle_height = spin(
            self.options.obstacle_height_m, 0.1, 10.0, 0.1, "obstacle_height_m"
        )
        bar.addWidget(self.obstacle_height)
        bar.addWidget(label(QT_TR_NOOP("Zone")))
        self.zone_kind = combo(["collection", "private", "exclude"], "zone_kind")
        bar.addWidget(self.zone_kind)
        self.zone_shape = combo(["polygon", "rectangle"], "zone_shape")
        bar.addWidget(self.zone_shape)
        bar.addSeparator()
        self.snap_grid = keep_tr(QCheckBox(), QT_TR_NOOP("Snap to grid"))
        self.snap_grid.setChecked(self.options.snap_grid)
        self.snap_grid.toggled.connect(lambda v: setattr(self.options, "snap_grid", bool(v)))
        bar.addWidget(self.snap_grid)
        self.grid_step = spin(self.options.grid_step_m, 0.01, 10.0, 0.05, "grid_step_m")
        bar.addWidget(self.grid_step)
        self.snap_objects = keep_tr(QCheckBox(), QT_TR_NOOP("Snap to walls"))
        self.snap_objects.setChecked(self.options.snap_objects)
        self.snap_objects.toggled.connect(lambda v: setattr(self.options, "snap_objects", bool(v)))
        bar.addWidget(self.snap_objects)

    def _build_status(self) -> None:
        self.cursor_label = QLabel("x —  y —")
        self.cursor_label.setObjectName("cursor_position")
        self.cursor_label.setMinimumWidth(220)
        self.analysis_label = plain_label(QLabel(""))
        self.analysis_label.setMinimumWidth(240)
        self.statusBar().addPermanentWidget(self.analysis_label)
        self.statusBar().addPermanentWidget(self.cursor_label)
        self._cursor = QPointF()
        self._last_unexpected: tuple[str, str] | None = None

    def _connect(self) -> None:
        self.doc.changed.connect(self._model_changed)
        self.doc.replaced.connect(self._plan_replaced)
        # A bound method (not a lambda): Qt drops the connection when the window goes.
        self.doc.undo.cleanChanged.connect(self._clean_changed)
        self.file.saved.connect(self._saved)
        self.scene.selectionChanged.connect(self.properties_panel.refresh)
        self.view.cursor_moved.connect(self._cursor_moved)
        self.levels_panel.level_chosen.connect(self.set_level)
        self.findings_panel.finding_clicked.connect(self.focus_finding)
        self.schedule_panel.camera_clicked.connect(lambda cid: self.focus_object(cid))
        self.state.render_changed.connect(self._show_analysis)
        self.state.units_changed.connect(self._units_changed)
        self.state.overlays_changed.connect(self._overlays_changed)
        self.state.level_changed.connect(self._level_changed)
        self.runner.started.connect(lambda: self.analysis_label.setText(tr("Analysing…")))
        self.runner.finished.connect(self.state.set_render)
        self.runner.walls_ready.connect(self.state.set_walls)
        self.runner.failed.connect(
            lambda msg: self.analysis_label.setText(tr("Analysis failed: {0}").format(msg))
        )
        self.schedule_panel.set_units(self.state.unit_style)

    def retranslate(self) -> None:
        """Show the whole window in the language just installed, without a restart: menus,
        commands, docks, panels, tool options, status texts; and analyse again so that the
        findings speak that language too."""
        undo = self.doc.undo
        for i in range(undo.count()):  # the steps made so far: Edit ▸ Undo and History name them
            cmd = undo.command(i)
            cmd.setText(retranslated(cmd.text()))
        history = self.history_dock.widget()
        if isinstance(history, QUndoView):
            history.setStack(undo)  # shows the new names
        self.action_set.retranslate()
        retranslate_tree(self)
        # Panels and features that build texts from data (rows, counts) redo them.
        parts = [
            self.properties_panel,
            self.findings_panel,
            self.schedule_panel,
            self.levels_panel,
            self.background,
            *self.targets.values(),
        ]
        done: set[int] = set()
        for part in parts:
            fn = getattr(part, "retranslate", None)
            if part is not self and callable(fn) and id(part) not in done:
                done.add(id(part))
                fn()
        hint = getattr(self.tool, "hint", "")
        self.status(tr(hint) if hint else "")  # the tool's hint, not an old message
        self._show_analysis(self.state.render)
        self.update_title()
        self.runner.schedule(0)  # finding messages in the new language

    # -- state changes -----------------------------------------------------------------------
    @property
    def render_data(self) -> RenderData | None:
        """The latest analysis drawn (kept by the editor state)."""
        return self.state.render

    @property
    def unit_style(self) -> str:
        return self.state.unit_style

    def fmt_len(self, metres: float) -> str:
        return self.state.format_length(metres)

    def fmt_area(self, square_metres: float) -> str:
        return self.state.format_area(square_metres)

    def status(self, text: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def show_unexpected_error(self, exc: BaseException) -> None:
        """Say (once per kind of error, not at every mouse move) that an action failed."""
        key = (type(exc).__name__, str(exc))
        if key == self._last_unexpected:
            return
        self._last_unexpected = key
        detail = printable(f"{type(exc).__name__}: {exc}".splitlines()[0])[:120]
        self.status(
            tr("That action failed and was undone; the plan is unchanged ({0})").format(detail)
        )

    @guarded
    def _model_changed(self) -> None:
        self.scene.sync()
        self.properties_panel.refresh()
        self.update_title()
        if not (
            self.tool is self.tools.get("select")
            and getattr(self.tool, "moved", False)
            and getattr(self.tool, "mode", None)
        ):
            self.runner.schedule()

    @guarded
    def _plan_replaced(self) -> None:
        self.state.set_render(None)
        self.state.set_walls({})
        first = self.doc.plan.levels[0].id if self.doc.plan.levels else ""
        self.state.set_level(first)
        self.properties_panel.refresh()
        self.update_title()
        self.sample_banner.show_for(self.doc.is_sample)
        self.view.fit()
        self.runner.schedule(0)

    @guarded
    def _show_analysis(self, data: RenderData | None) -> None:
        if data is None:
            self.findings_panel.set_findings([])
            self.schedule_panel.setRowCount(0)
            return
        self.findings_panel.set_findings(data.analysis.findings, object_names(data.analysis.plan))
        self.schedule_panel.set_analysis(data.analysis, self.state.level_id)
        fs = data.analysis.findings
        n_err = sum(f.severity == "error" for f in fs)
        n_warn = sum(f.severity == "warning" for f in fs)
        self.analysis_label.setText(
            tr("{0} cameras · {1} errors · {2} warnings").format(
                len(data.analysis.cameras), n_err, n_warn
            )
        )
        self.findings_dock.setWindowTitle(tr("Findings ({0})").format(len(fs)))

    @guarded
    def _level_changed(self, level_id: str) -> None:
        self.levels_panel.refresh()
        if self.state.render is not None:
            self.schedule_panel.set_analysis(self.state.render.analysis, level_id)

    @guarded
    def _units_changed(self, style: str) -> None:
        self.schedule_panel.set_units(style)
        self.properties_panel.refresh()
        self._cursor_moved(self._cursor)
        self.view.viewport().update()  # the scale bar

    @guarded
    def _overlays_changed(self, overlays: Overlays) -> None:
        for name in Overlays.names():
            act = self.ctx.actions.get(
                "sign_suggestions" if name == "suggestions" else f"show_{name}"
            )
            if act is not None and act.isChecked() != getattr(overlays, name):
                act.setChecked(getattr(overlays, name))

    @guarded
    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    @guarded
    def _saved(self, _path: str) -> None:
        self.update_title()
        self.sample_banner.show_for(self.doc.is_sample)

    def update_title(self) -> None:
        name = self.doc.plan.name or (self.doc.path.stem if self.doc.path else tr("Untitled"))
        if self.doc.path:
            where = str(self.doc.path)
        else:
            where = tr("copy of the sample, not saved") if self.doc.is_sample else tr("not saved")
        self.setWindowTitle(f"{name} — {where} [*]")
        self.setWindowModified(self.doc.modified)

    @guarded
    def set_level(self, level_id: str) -> None:
        self.state.set_level(level_id)
        self.view.fit()

    def set_tool(self, name: str) -> None:
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = self.tools[name]
        self.view.tool = self.tool
        self.tool.activate()
        self.ctx.actions[f"tool_{name}"].setChecked(True)

    @guarded
    def _cursor_moved(self, p: QPointF) -> None:
        self._cursor = QPointF(p)
        self.cursor_label.setText(self.state.format_point(p.x(), p.y()))

    def preview_camera(self, camera_id: str) -> None:
        paths = self.runner.preview_camera(self.doc.plan, camera_id)
        if paths is not None:
            self.scene.preview_camera(paths)

    # -- focus -------------------------------------------------------------------------------
    def focus_object(self, object_id: str) -> bool:
        found = self.doc.find(object_id)
        if found is None:
            return False
        level, coll, obj = found
        if level.id != self.state.level_id:
            self.set_level(level.id)
        item = self.scene.item_for(obj)
        if item is None:
            return False
        self.scene.clearSelection()
        item.setSelected(True)
        rect = item.sceneBoundingRect()
        if getattr(obj, "position", None) is not None:
            x, y = obj.position
            rect = QRectF(x - 3, y - 3, 6, 6)
            cov = self.scene.coverage_items.get(obj.id)
            if cov is not None and coll == "cameras":
                rect = rect.united(cov.sceneBoundingRect())
        self.view.fit(rect)
        return True

    @guarded
    def focus_finding(self, finding: Any) -> None:
        for oid in (finding.camera, finding.zone, finding.sign, finding.opening):
            if oid and self.focus_object(oid):
                return

    # -- window ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.file.maybe_save():
            event.ignore()
            return
        self.file.close_down()
        self.place_ui.shutdown()
        self.runner.shutdown()
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        event.accept()

    def restore_layout(self) -> None:
        """The window size and dock layout of the last session (the editor, not pictures)."""
        self.remember_layout = True
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
