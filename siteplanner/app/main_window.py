"""The main window: canvas, docks, menus, tool bar, status bar, file handling, autosave.

Other parts of the editor hook in through ``MainWindow.menus`` (name -> QMenu),
``MainWindow.view_menu`` and ``register_extension(fn)``: every registered ``fn(window)`` runs at
the end of the window's construction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QMimeData, QPointF, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QUndoView,
    QWidget,
)

from siteplanner.app import autosave, signs_ui
from siteplanner.app.canvas import PlanView
from siteplanner.app.commands import AddObjectsCommand, RemoveObjectsCommand
from siteplanner.app.dialogs import Dialogs
from siteplanner.app.document import Document
from siteplanner.app.i18n import tr
from siteplanner.app.icons import tool_icon
from siteplanner.app.panels import FindingsPanel, LevelsPanel, PropertiesPanel, SchedulePanel
from siteplanner.app.planlock import PlanLock
from siteplanner.app.scene import PlanScene
from siteplanner.app.style import plain_label
from siteplanner.app.tools import TOOLS, Tool, ToolOptions
from siteplanner.app.worker import AnalysisRunner, RenderData
from siteplanner.editing import clipboard
from siteplanner.fileformat import PlanFileError, load_plan, save_plan
from siteplanner.model import Level, Plan
from siteplanner.resources import sample_plan_path

MAX_RECENT = 8

_EXTENSIONS: list[Callable[[MainWindow], None]] = []


def register_extension(fn: Callable[[MainWindow], None]) -> None:
    """Run ``fn(window)`` for every main window created from now on (menus, panels...)."""
    if fn not in _EXTENSIONS:
        _EXTENSIONS.append(fn)


def new_plan() -> Plan:
    return Plan(name="Untitled", levels=[Level(id="L1", name="Ground floor")])


class MainWindow(QMainWindow):
    analysis_ready = Signal(object)  # RenderData

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
        self.scene = PlanScene(self.doc)
        self.view = PlanView(self.scene)
        self.setCentralWidget(self.view)
        self.runner = AnalysisRunner(lambda: self.doc.plan, self)
        self.render_data: RenderData | None = None
        self.menus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self.tools: dict[str, Tool] = {}
        self.tool: Tool | None = None
        self.remember_layout = False  # set by restore_layout()
        self.plan_lock = PlanLock()
        self.recovery_owned = False  # this session wrote the current plan's recovery file
        self.recovery_kept = False  # the plan came from a recovery file, kept until saved

        self._build_docks()
        self._build_actions()
        self._build_status()
        self._connect()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave.AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

        self.set_tool("select")
        self._plan_replaced()
        from siteplanner.app.extras import install_all  # catalogue, units, language, backgrounds

        install_all(self)
        signs_ui.install(self)  # File ▸ Print Signs / Export Signs PDF, sign suggestions
        for fn in list(_EXTENSIONS):
            fn(self)

    # -- construction ------------------------------------------------------------------------
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(tr(title), self)
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
        self.findings_dock = self._dock(QT_TR_NOOP("Findings"), self.findings_panel, right)
        self.schedule_dock = self._dock(QT_TR_NOOP("Camera schedule"), self.schedule_panel, bottom)
        self.history_dock = self._dock(QT_TR_NOOP("History"), QUndoView(self.doc.undo), right)
        self.history_dock.hide()  # View ▸ History when wanted
        self.resizeDocks(
            [self.levels_dock, self.properties_dock], [120, 400], Qt.Orientation.Vertical
        )
        self.resizeDocks(
            [self.levels_dock, self.findings_dock], [240, 330], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.schedule_dock], [150], Qt.Orientation.Vertical)

    def action(
        self,
        name: str,
        text: str,
        slot: Callable[..., Any] | None = None,
        shortcut: Any = None,
        checkable: bool = False,
        checked: bool = False,
    ) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(shortcut)
        if checkable:
            act.setCheckable(True)
            act.setChecked(checked)
        if slot is not None:
            (act.toggled if checkable else act.triggered).connect(slot)
        self.addAction(act)
        self.actions_by_name[name] = act
        return act

    def menu(self, name: str, title: str | None = None) -> QMenu:
        """The menu called ``name`` (created on first use, before Help)."""
        if name not in self.menus:
            m = QMenu(title or name, self)
            help_menu = self.menus.get("Help")
            if help_menu is not None:
                self.menuBar().insertMenu(help_menu.menuAction(), m)
            else:
                self.menuBar().addMenu(m)
            self.menus[name] = m
        return self.menus[name]

    def add_menu_action(self, menu: str, act: QAction) -> None:
        self.menu(menu).addAction(act)

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        f = self.menu("File", tr("&File"))
        f.addAction(self.action("new", tr("&New"), self.file_new, K.New))
        f.addAction(self.action("open", tr("&Open…"), self.file_open, K.Open))
        self.recent_menu = f.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addSeparator()
        f.addAction(self.action("save", tr("&Save"), self.file_save, K.Save))
        f.addAction(self.action("save_as", tr("Save &As…"), self.file_save_as, K.SaveAs))
        f.addAction(self.action("revert", tr("Re&vert"), self.file_revert))
        f.addSeparator()
        f.addAction(self.action("quit", tr("&Quit"), self.close, K.Quit))

        e = self.menu("Edit", tr("&Edit"))
        undo = self.doc.undo.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(K.Undo)
        redo = self.doc.undo.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a, n in ((undo, "undo"), (redo, "redo")):
            a.setObjectName(n)
            self.addAction(a)
            self.actions_by_name[n] = a
            e.addAction(a)
        e.addSeparator()
        e.addAction(self.action("cut", tr("Cu&t"), self.cut, K.Cut))
        e.addAction(self.action("copy", tr("&Copy"), self.copy, K.Copy))
        e.addAction(self.action("paste", tr("&Paste"), self.paste, K.Paste))
        e.addAction(
            self.action(
                "delete",
                tr("&Delete"),
                self.delete_selection,
                [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
            )
        )
        e.addAction(self.action("select_all", tr("Select &All"), self.select_all, K.SelectAll))

        v = self.view_menu = self.menu("View", tr("&View"))
        v.addAction(
            self.action(
                "fit",
                tr("&Fit to View"),
                self.view.fit,
                [QKeySequence("F"), QKeySequence("Ctrl+0")],
            )
        )
        v.addAction(
            self.action(
                "zoom_in",
                tr("Zoom &In"),
                lambda: self.view.zoom(1.25),
                [QKeySequence(K.ZoomIn), QKeySequence("Ctrl+=")],
            )
        )
        v.addAction(
            self.action("zoom_out", tr("Zoom &Out"), lambda: self.view.zoom(0.8), K.ZoomOut)
        )
        v.addSeparator()
        overlays = (
            ("coverage", QT_TR_NOOP("Show &Coverage")),
            ("dori", QT_TR_NOOP("Show &DORI Bands")),
            ("intrusions", QT_TR_NOOP("Show &Privacy Intrusions")),
            ("blind", QT_TR_NOOP("Show &Blind Spots")),
        )
        for key, label in overlays:
            v.addAction(
                self.action(
                    f"show_{key}",
                    tr(label),
                    lambda on, key=key: self.scene.set_overlay_visibility(**{key: on}),
                    checkable=True,
                    checked=True,
                )
            )
        v.addAction(
            self.action("show_grid", tr("Show &Grid"), self._set_grid, checkable=True, checked=True)
        )
        v.addSeparator()
        for dock in (
            self.levels_dock,
            self.properties_dock,
            self.findings_dock,
            self.schedule_dock,
            self.history_dock,
        ):
            v.addAction(dock.toggleViewAction())

        t = self.menu("Tools", tr("&Tools"))
        self.tool_group = QActionGroup(self)
        self.toolbar = QToolBar(tr("Tools"), self)
        self.toolbar.setObjectName("tools_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        for cls, label, key in TOOLS:
            tool = cls(self)
            self.tools[tool.name] = tool
            act = self.action(
                f"tool_{tool.name}", tr(label), shortcut=QKeySequence(key), checkable=True
            )
            act.setToolTip(f"{tr(label)} ({key})")
            act.setIcon(tool_icon(tool.name))
            act.triggered.connect(lambda _=False, n=tool.name: self.set_tool(n))
            self.tool_group.addAction(act)
            t.addAction(act)
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.actions_by_name["undo"])
        self.toolbar.addAction(self.actions_by_name["redo"])
        self.toolbar.addAction(self.actions_by_name["fit"])
        self._build_options_bar()

        h = self.menu("Help", tr("&Help"))
        h.addAction(self.action("about", tr("&About SitePlanner"), self._about))

    def _build_options_bar(self) -> None:
        bar = self.options_bar = QToolBar(tr("Tool options"), self)
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
                w.addItem(tr(item), item)  # shown translated, kept as the plan's word
            w.currentIndexChanged.connect(lambda i: setattr(self.options, attr, w.itemData(i)))
            return w

        bar.addWidget(QLabel(" " + tr("Wall") + " "))
        self.wall_thickness = spin(
            self.options.wall_thickness_m, 0.05, 2.0, 0.05, "wall_thickness_m"
        )
        bar.addWidget(self.wall_thickness)
        bar.addWidget(QLabel("  " + tr("Opening") + " "))
        self.opening_kind = combo(["door", "window"], "opening_kind")
        bar.addWidget(self.opening_kind)
        bar.addWidget(QLabel("  " + tr("Obstacle height") + " "))
        self.obstacle_height = spin(
            self.options.obstacle_height_m, 0.1, 10.0, 0.1, "obstacle_height_m"
        )
        bar.addWidget(self.obstacle_height)
        bar.addWidget(QLabel("  " + tr("Zone") + " "))
        self.zone_kind = combo(["collection", "private", "exclude"], "zone_kind")
        bar.addWidget(self.zone_kind)
        self.zone_shape = combo(["polygon", "rectangle"], "zone_shape")
        bar.addWidget(self.zone_shape)
        bar.addSeparator()
        self.snap_grid = QCheckBox(tr("Snap to grid"))
        self.snap_grid.setChecked(self.options.snap_grid)
        self.snap_grid.toggled.connect(lambda v: setattr(self.options, "snap_grid", bool(v)))
        bar.addWidget(self.snap_grid)
        self.grid_step = spin(self.options.grid_step_m, 0.01, 10.0, 0.05, "grid_step_m")
        bar.addWidget(self.grid_step)
        self.snap_objects = QCheckBox(tr("Snap to walls"))
        self.snap_objects.setChecked(self.options.snap_objects)
        self.snap_objects.toggled.connect(lambda v: setattr(self.options, "snap_objects", bool(v)))
        bar.addWidget(self.snap_objects)

    def _build_status(self) -> None:
        self.cursor_label = QLabel("x —  y —")
        self.cursor_label.setMinimumWidth(190)
        self.analysis_label = plain_label(QLabel(""))
        self.analysis_label.setMinimumWidth(240)
        self.statusBar().addPermanentWidget(self.analysis_label)
        self.statusBar().addPermanentWidget(self.cursor_label)

    def _connect(self) -> None:
        self.doc.changed.connect(self._model_changed)
        self.doc.replaced.connect(self._plan_replaced)
        # A bound method (not a lambda): Qt drops the connection when the window goes.
        self.doc.undo.cleanChanged.connect(self._clean_changed)
        self.scene.selectionChanged.connect(self.properties_panel.refresh)
        self.view.cursor_moved.connect(self._cursor_moved)
        self.levels_panel.level_chosen.connect(self.set_level)
        self.findings_panel.finding_clicked.connect(self.focus_finding)
        self.schedule_panel.camera_clicked.connect(lambda cid: self.focus_object(cid))
        self.runner.started.connect(lambda: self.analysis_label.setText(tr("Analysing…")))
        self.runner.finished.connect(self._analysis_done)
        self.runner.failed.connect(
            lambda msg: self.analysis_label.setText(tr("Analysis failed: {0}").format(msg))
        )

    # -- state changes -----------------------------------------------------------------------
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

    def _plan_replaced(self) -> None:
        self.render_data = None
        self.scene.render_data = None
        first = self.doc.plan.levels[0].id if self.doc.plan.levels else ""
        self.scene.set_level(first)
        self.levels_panel.refresh()
        self.properties_panel.refresh()
        self.findings_panel.set_findings([])
        self.schedule_panel.setRowCount(0)
        self.update_title()
        self.view.fit()
        self.runner.schedule(0)

    def _analysis_done(self, data: RenderData) -> None:
        self.render_data = data
        self.scene.apply_render(data)
        self.findings_panel.set_findings(data.analysis.findings)
        self.schedule_panel.set_analysis(data.analysis, self.scene.level_id)
        fs = data.analysis.findings
        n_err = sum(f.severity == "error" for f in fs)
        n_warn = sum(f.severity == "warning" for f in fs)
        self.analysis_label.setText(
            tr("{0} cameras · {1} errors · {2} warnings").format(
                len(data.analysis.cameras), n_err, n_warn
            )
        )
        self.findings_dock.setWindowTitle(tr("Findings ({0})").format(len(fs)))
        self.analysis_ready.emit(data)

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def update_title(self) -> None:
        name = self.doc.plan.name or (self.doc.path.stem if self.doc.path else tr("Untitled"))
        where = str(self.doc.path) if self.doc.path else tr("not saved")
        self.setWindowTitle(f"{name} — {where} [*]")
        self.setWindowModified(self.doc.modified)

    def set_level(self, level_id: str) -> None:
        self.scene.set_level(level_id)
        self.levels_panel.refresh()
        if self.render_data is not None:
            self.schedule_panel.set_analysis(self.render_data.analysis, level_id)
        self.view.fit()

    def set_tool(self, name: str) -> None:
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = self.tools[name]
        self.view.tool = self.tool
        self.tool.activate()
        self.actions_by_name[f"tool_{name}"].setChecked(True)

    def _set_grid(self, on: bool) -> None:
        self.view.grid_visible = on
        self.view.resetCachedContent()
        self.view.viewport().update()

    def fmt_len(self, metres: float) -> str:
        if self.doc.plan.settings.units == "imperial":
            return f"{metres / 0.3048:.2f} ft"
        return f"{metres:.2f} m"

    def _cursor_moved(self, p: QPointF) -> None:
        if self.doc.plan.settings.units == "imperial":
            self.cursor_label.setText(f"x {p.x() / 0.3048:8.2f} ft   y {p.y() / 0.3048:8.2f} ft")
        else:
            self.cursor_label.setText(f"x {p.x():8.2f} m   y {p.y():8.2f} m")

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
        if level.id != self.scene.level_id:
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

    def focus_finding(self, finding: Any) -> None:
        for oid in (finding.camera, finding.zone, finding.sign, finding.opening):
            if oid and self.focus_object(oid):
                return

    # -- edit --------------------------------------------------------------------------------
    def delete_selection(self) -> None:
        sel = self.scene.selected_objects()
        level = self.scene.level()
        if not sel or level is None:
            return
        self.scene.clearSelection()
        self.doc.undo.push(
            RemoveObjectsCommand(self.doc, tr("Delete {0}").format(len(sel)), level, sel)
        )

    def select_all(self) -> None:
        for item in self.scene.model_items.values():
            item.setSelected(True)  # type: ignore[attr-defined]

    def copy(self) -> None:
        sel = self.scene.selected_objects()
        if not sel:
            return
        text = clipboard.copy_text([o for _, o in sel])
        mime = QMimeData()
        mime.setData(clipboard.MIME, text.encode())
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)

    def cut(self) -> None:
        self.copy()
        self.delete_selection()

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(clipboard.MIME):
            return
        level = self.scene.level()
        if level is None:
            return
        try:
            new = clipboard.pasted(bytes(mime.data(clipboard.MIME)), self.doc.plan)
        except clipboard.ClipboardError as exc:
            self.statusBar().showMessage(tr("Cannot paste: {0}").format(exc))
            return
        self.doc.undo.push(
            AddObjectsCommand(self.doc, tr("Paste {0}").format(len(new)), level, new)
        )
        self.scene.select_objects([o for _, o in new])

    # -- files -------------------------------------------------------------------------------
    def _maybe_save(self) -> bool:
        """True when it is fine to drop the current plan."""
        if not self.doc.modified:
            return True
        answer = self.dialogs.ask_save_changes(self.doc.plan.name or tr("this plan"))
        if answer == "save":
            return self.file_save()
        return answer == "discard"

    def file_new(self) -> None:
        if self._maybe_save():
            self.doc.replace(new_plan(), None)
            self.plan_lock.release()

    def file_open(self) -> None:
        start = str(self.doc.path.parent) if self.doc.path and not self.doc.is_sample else ""
        path = self.dialogs.open_file(start)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, ask_recover: bool = True) -> bool:
        """Open a plan file; a file that fails to load leaves the current plan open."""
        if not self._maybe_save():
            return False
        try:
            plan = load_plan(path)
        except PlanFileError as exc:
            self.dialogs.error(tr("Cannot open plan"), str(exc))
            return False
        except OSError as exc:
            self.dialogs.error(tr("Cannot open plan"), f"{path}: {exc.strerror or exc}")
            return False
        lock = PlanLock()
        holder = lock.acquire(path)
        if holder is not None and not self.dialogs.confirm(
            tr("Plan already open"),
            tr(
                "{0} is open in another SitePlanner ({1}). If both save, the later save "
                "replaces the other's changes. Open it anyway?"
            ).format(path, holder),
        ):
            return False
        recovered = (
            autosave.offer_recovery(path, self.dialogs.ask_recover, self._recovery_problem)
            if ask_recover
            else None
        )
        self.doc.replace(recovered or plan, path)
        self.plan_lock.release()
        self.plan_lock = lock
        self.recovery_owned = False
        self.recovery_kept = recovered is not None
        if recovered is not None:
            self.doc.undo.resetClean()  # recovered edits are unsaved until the user saves
            self.update_title()
        self.add_recent(path)
        return True

    def _recovery_problem(self, message: str) -> None:
        self.dialogs.error(tr("Recover unsaved changes"), message)

    def file_save(self) -> bool:
        if self.doc.path is None or self.doc.is_sample:
            return self.file_save_as()
        return self.save_to(self.doc.path)

    def file_save_as(self) -> bool:
        suggestion = "" if self.doc.is_sample or self.doc.path is None else str(self.doc.path)
        if not suggestion:
            suggestion = (self.doc.plan.name or "plan").replace("/", "_") + ".siteplan"
        path = self.dialogs.save_file(suggestion)
        if not path:
            return False
        if Path(path).resolve() == sample_plan_path().resolve():
            self.dialogs.error(tr("Cannot save"), tr("The built-in sample cannot be overwritten."))
            return False
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        try:
            save_plan(self.doc.plan, path)
        except (OSError, PlanFileError) as exc:
            self.dialogs.error(tr("Cannot save plan"), f"{path}: {exc}")
            return False
        old = self.doc.path
        self.doc.path = Path(path)
        if old is None or Path(old).resolve() != Path(path).resolve():
            self.plan_lock.acquire(path)  # warned at open; a new name is ours from now on
        autosave.discard_recovery(old)
        autosave.discard_recovery(path)
        self.recovery_kept = False
        self.doc.undo.setClean()
        self.add_recent(path)
        self.update_title()
        self.statusBar().showMessage(tr("Saved {0}").format(path), 4000)
        return True

    def file_revert(self) -> None:
        if self.doc.path is None:
            return
        if self.doc.modified and not self.dialogs.confirm(
            tr("Revert"),
            tr("Discard all changes since {0} was saved?").format(self.doc.path.name),
        ):
            return
        try:
            plan = load_plan(self.doc.path)
        except PlanFileError as exc:
            self.dialogs.error(tr("Cannot revert"), str(exc))
            return
        self.doc.replace(plan, self.doc.path)

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        if Path(p) == sample_plan_path().resolve():
            return
        recent = [r for r in self.recent_files() if r != p]
        self.settings.setValue("recent", [p, *recent][:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for p in recent:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_path(path))
        if not recent:
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)

    def autosave_now(self) -> Path | None:
        if not self.doc.modified:
            return None
        try:
            written = autosave.write_recovery(self.doc.plan, self.doc.path)
        except (OSError, PlanFileError) as exc:
            self.statusBar().showMessage(tr("Autosave failed: {0}").format(exc), 5000)
            return None
        self.recovery_owned = True
        return written

    def _about(self) -> None:
        from siteplanner import __version__

        self.dialogs.about(
            tr("About SitePlanner"),
            f"SitePlanner {__version__}\n\n"
            + tr("Plan security cameras, prove what each sees, print the signs the rules ask for."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._maybe_save():
            event.ignore()
            return
        # Only what this session wrote, for changes the user has just chosen to discard: a
        # recovery file from an earlier session stays until its plan is saved.
        if self.recovery_owned and not self.recovery_kept:
            autosave.discard_recovery(self.doc.path)
        self.plan_lock.release()
        self.autosave_timer.stop()
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
