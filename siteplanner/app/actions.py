"""The editor's commands as one table, from which the menus, tool bar and shortcuts are built.

A row names its command (``id``), its text (marked for translation), the menu it sits in (a path:
``"View/Units"`` is the Units submenu of View), its shortcuts and the slot it calls, written
``"target.method"``: the window resolves ``target`` among the controllers and feature modules it
was composed from (``file``, ``edit``, ``view``, ``units``, ``signs``...). A feature adds a
command by adding a row here, never by reaching into the window's menus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from siteplanner.app.i18n import LANGUAGES, SYSTEM, tr
from siteplanner.app.icons import tool_icon
from siteplanner.app.tools import TOOLS

K = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One command of the editor.

    ``kind``: ``action`` (a QAction calling ``slot``), ``undo``/``redo`` (the undo stack's own
    actions, whose text names the step), ``dock`` (the toggle of the dock window attribute named
    by ``slot``), ``menu`` (a submenu; ``slot`` fills it each time it opens), ``note`` (disabled
    text), ``separator``.
    """

    id: str
    text: str = ""
    menu: str = ""
    slot: str | None = None
    shortcuts: tuple[Shortcut, ...] = ()
    checkable: bool = False
    checked: bool = False
    data: Any = None  # passed to the slot (a tool name, a unit style...)
    group: str | None = None  # checkable actions of one group exclude each other
    toolbar: bool = False
    icon: str | None = None  # a tool icon name
    tip: str | None = None
    translate: bool = True  # a language's own name is shown as it is
    kind: str = "action"


def _sep(menu: str, n: int) -> ActionSpec:
    return ActionSpec(id=f"-{menu}-{n}", menu=menu, kind="separator")


# Menus of the menu bar, in order: key -> title.
MENUS: dict[str, str] = {
    "File": QT_TR_NOOP("&File"),
    "Edit": QT_TR_NOOP("&Edit"),
    "Site": QT_TR_NOOP("&Site"),
    "View": QT_TR_NOOP("&View"),
    "Camera": QT_TR_NOOP("&Camera"),
    "Tools": QT_TR_NOOP("&Tools"),
    "Help": QT_TR_NOOP("&Help"),
}

# File ▸ Export: format -> text (the engine's ``siteplanner export --format`` names).
EXPORT_FORMATS = (
    ("csv", QT_TR_NOOP("&CSV Camera Schedule…")),
    ("geojson", QT_TR_NOOP("&GeoJSON…")),
    ("dxf", QT_TR_NOOP("&DXF…")),
    ("png", QT_TR_NOOP("&PNG Image…")),
    ("svg", QT_TR_NOOP("&SVG Drawing…")),
)

FILE = (
    ActionSpec("new", QT_TR_NOOP("&New"), "File", "file.new", (K.New,)),
    ActionSpec("open", QT_TR_NOOP("&Open…"), "File", "file.open", (K.Open,)),
    ActionSpec("recent", QT_TR_NOOP("Open &Recent"), "File", "file.fill_recent", kind="menu"),
    _sep("File", 1),
    ActionSpec(
        "import_background",
        QT_TR_NOOP("Import &Background Image…"),
        "File",
        "background.choose_image",
        tip=QT_TR_NOOP("A scanned or exported floor plan under the shown level"),
    ),
    ActionSpec(
        "import_drawing",
        QT_TR_NOOP("&Import Drawing…"),
        "File",
        "drawings.import_drawing",
        tip=QT_TR_NOOP("A DXF drawing or a PDF floor plan under the level, to trace over"),
    ),
    _sep("File", 4),
    ActionSpec("save", QT_TR_NOOP("&Save"), "File", "file.save", (K.Save,)),
    ActionSpec("save_as", QT_TR_NOOP("Save &As…"), "File", "file.save_as", (K.SaveAs,)),
    ActionSpec("revert", QT_TR_NOOP("Re&vert"), "File", "file.revert"),
    _sep("File", 2),
    ActionSpec("print_signs", QT_TR_NOOP("Print Si&gns…"), "File", "signs.print_signs"),
    ActionSpec("export_signs", QT_TR_NOOP("Export Signs &PDF…"), "File", "signs.export_pdf"),
    ActionSpec("export_report", QT_TR_NOOP("Export Repor&t…"), "File", "exports.export_report"),
    ActionSpec("export", QT_TR_NOOP("E&xport"), "File", kind="menu"),
    *(
        ActionSpec(f"export_{fmt}", label, "File/export", "exports.export_format", data=fmt)
        for fmt, label in EXPORT_FORMATS
    ),
    _sep("File", 3),
    ActionSpec("quit", QT_TR_NOOP("&Quit"), "File", "window.close", (K.Quit,)),
)

EDIT = (
    ActionSpec("undo", QT_TR_NOOP("&Undo"), "Edit", shortcuts=(K.Undo,), kind="undo"),
    ActionSpec(
        "redo", QT_TR_NOOP("&Redo"), "Edit", shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"), kind="redo"
    ),
    _sep("Edit", 1),
    ActionSpec("cut", QT_TR_NOOP("Cu&t"), "Edit", "edit.cut", (K.Cut,)),
    ActionSpec("copy", QT_TR_NOOP("&Copy"), "Edit", "edit.copy", (K.Copy,)),
    ActionSpec("paste", QT_TR_NOOP("&Paste"), "Edit", "edit.paste", (K.Paste,)),
    ActionSpec("delete", QT_TR_NOOP("&Delete"), "Edit", "edit.delete", ("Del", "Backspace")),
    ActionSpec("duplicate", QT_TR_NOOP("D&uplicate"), "Edit", "objects.duplicate", ("Ctrl+D",)),
    ActionSpec(
        "rotate_left", QT_TR_NOOP("Rotate 90° &Left"), "Edit", "objects.rotate_left", ("Shift+R",)
    ),
    ActionSpec(
        "rotate_right", QT_TR_NOOP("Rotate 90° &Right"), "Edit", "objects.rotate_right", ("R",)
    ),
    ActionSpec("rotate_by", QT_TR_NOOP("Rotate &By…"), "Edit", "objects.rotate_by"),
    ActionSpec("select_all", QT_TR_NOOP("Select &All"), "Edit", "edit.select_all", (K.SelectAll,)),
)

# Site ▸ the level commands (also the Levels tool bar): id, text, icon.
LEVEL_COMMANDS = (
    ("add_level", QT_TR_NOOP("&Add Level"), "level_add"),
    ("duplicate_level", QT_TR_NOOP("&Duplicate Level"), "level_duplicate"),
    ("rename_level", QT_TR_NOOP("Re&name Level…"), "level_rename"),
    ("level_elevation", QT_TR_NOOP("Level &Elevation…"), None),
    ("remove_level", QT_TR_NOOP("Re&move Level…"), "level_remove"),
    ("move_level_up", QT_TR_NOOP("Move Level &Up"), "level_up"),
    ("move_level_down", QT_TR_NOOP("Move Level Do&wn"), "level_down"),
)

SITE = (
    ActionSpec(
        "site_settings",
        QT_TR_NOOP("&Settings…"),
        "Site",
        "settings.show",
        ("Ctrl+,",),
        tip=QT_TR_NOOP("Organisation, rule pack, densities, coverage target and units"),
    ),
    _sep("Site", 1),
    *(
        ActionSpec(aid, label, "Site", f"levels.{aid}", icon=icon)
        for aid, label, icon in LEVEL_COMMANDS
    ),
)

OVERLAYS = (
    ("coverage", QT_TR_NOOP("Show &Coverage")),
    ("dori", QT_TR_NOOP("Show &DORI Bands")),
    ("intrusions", QT_TR_NOOP("Show &Privacy Intrusions")),
    ("blind", QT_TR_NOOP("Show &Blind Spots")),
    ("grid", QT_TR_NOOP("Show &Grid")),
)

UNIT_STYLES = (
    ("metric", QT_TR_NOOP("Metric (m)")),
    ("ft_in", QT_TR_NOOP("Imperial (ft-in)")),
    ("ft", QT_TR_NOOP("Imperial (decimal ft)")),
)

VIEW = (
    ActionSpec(
        "fit", QT_TR_NOOP("&Fit to View"), "View", "view.fit", ("F", "Ctrl+0"), toolbar=True
    ),
    ActionSpec("zoom_in", QT_TR_NOOP("Zoom &In"), "View", "view.zoom_in", (K.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", QT_TR_NOOP("Zoom &Out"), "View", "view.zoom_out", (K.ZoomOut,)),
    ActionSpec(
        "frame_selection",
        QT_TR_NOOP("Fr&ame Selection"),
        "View",
        "objects.frame",
        ("Shift+F",),
    ),
    _sep("View", 1),
    *(
        ActionSpec(
            f"show_{key}",
            label,
            "View",
            "state.set_overlay",
            checkable=True,
            checked=True,
            data=key,
        )
        for key, label in OVERLAYS
    ),
    ActionSpec(
        "sign_suggestions",
        QT_TR_NOOP("Sign &Suggestions"),
        "View",
        "state.set_overlay",
        checkable=True,
        data="suggestions",
    ),
    ActionSpec(
        "show_floor_below",
        QT_TR_NOOP("Show Floor B&elow"),
        "View",
        "state.set_floor_below",
        checkable=True,
        tip=QT_TR_NOOP("The walls of the level below, faintly, under the shown level"),
    ),
    ActionSpec(
        "show_requirement",
        QT_TR_NOOP("&Requirement View"),
        "View",
        "state.set_overlay",
        checkable=True,
        data="requirement",
        tip=QT_TR_NOOP(
            "Paint each collection zone green where it is covered at its required density, "
            "red where it is not"
        ),
    ),
    ActionSpec(
        "isolate_camera",
        QT_TR_NOOP("&Isolate Selected Camera"),
        "View",
        "analysis.toggle_isolation",
        ("I",),
        checkable=True,
        tip=QT_TR_NOOP("Show only the selected camera's view (Esc shows every camera)"),
    ),
    _sep("View", 2),
    ActionSpec("dock_levels", "", "View", "levels_dock", kind="dock"),
    ActionSpec("dock_properties", "", "View", "properties_dock", kind="dock"),
    ActionSpec("dock_findings", "", "View", "findings_dock", kind="dock"),
    ActionSpec("dock_legend", "", "View", "legend_dock", kind="dock"),
    ActionSpec("dock_schedule", "", "View", "schedule_dock", kind="dock"),
    ActionSpec("dock_history", "", "View", "history_dock", kind="dock"),
    ActionSpec("dock_background", "", "View", "background_dock", kind="dock"),
    ActionSpec("dock_underlay", "", "View", "underlay_dock", kind="dock"),
    _sep("View", 3),
    ActionSpec("units", QT_TR_NOOP("&Units"), "View", kind="menu"),
    *(
        ActionSpec(
            f"units_{style}",
            label,
            "View/units",
            "units.choose",
            checkable=True,
            data=style,
            group="units",
        )
        for style, label in UNIT_STYLES
    ),
    ActionSpec("language", QT_TR_NOOP("&Language"), "View", kind="menu"),
    ActionSpec(
        "language_system",
        QT_TR_NOOP("System default"),
        "View/language",
        "language.choose",
        checkable=True,
        data=SYSTEM,
        group="language",
    ),
    *(
        ActionSpec(
            f"language_{code}",
            name,
            "View/language",
            "language.choose",
            checkable=True,
            data=code,
            group="language",
            translate=False,
        )
        for code, name in LANGUAGES.items()
    ),
)

CAMERA = (
    ActionSpec(
        "choose_model",
        QT_TR_NOOP("Choose camera &model…"),
        "Camera",
        "catalogue.choose",
        ("Ctrl+Shift+M",),
        tip=QT_TR_NOOP("Fill the selected cameras' optics from the camera catalogue"),
    ),
)

TOOL_ACTIONS = tuple(
    ActionSpec(
        f"tool_{cls.name}",
        label,
        "Tools",
        "window.set_tool",
        (key,),
        checkable=True,
        data=cls.name,
        group="tools",
        toolbar=True,
        icon=cls.name,
    )
    for cls, label, key in TOOLS
)

TOOLS_MENU = (
    *TOOL_ACTIONS,
    _sep("Tools", 1),
    ActionSpec(
        "accept_sign_suggestions",
        QT_TR_NOOP("Accept All Sign Suggestions"),
        "Tools",
        "signs.accept_all",
    ),
    ActionSpec(
        "place_cameras",
        QT_TR_NOOP("&Place Cameras…"),
        "Tools",
        "place.show",
        tip=QT_TR_NOOP(
            "Propose the fewest cameras that cover the chosen zones without seeing into a "
            "private zone"
        ),
    ),
)

HELP = (
    ActionSpec("getting_started", QT_TR_NOOP("&Getting Started"), "Help", "help.show"),
    ActionSpec(
        "keyboard_shortcuts",
        QT_TR_NOOP("&Keyboard Shortcuts"),
        "Help",
        "shortcuts.show",
        (K.HelpContents,),
    ),
    ActionSpec("about", QT_TR_NOOP("&About SitePlanner"), "Help", "about.show"),
)

ACTIONS: tuple[ActionSpec, ...] = (*FILE, *EDIT, *SITE, *VIEW, *CAMERA, *TOOLS_MENU, *HELP)

# The tool bar: the tools, then undo, redo and fit ("|" is a separator).
TOOLBAR: tuple[str, ...] = (
    *(a.id for a in TOOL_ACTIONS),
    "|",
    "undo",
    "redo",
    "fit",
    "|",
    "show_requirement",
)


def key_sequences(shortcuts: Iterable[Shortcut]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for s in shortcuts:
        if isinstance(s, QKeySequence.StandardKey):
            out.extend(QKeySequence.keyBindings(s))
        else:
            out.append(QKeySequence(s))
    return out


class ActionSet:
    """The QActions, menus and tool bar made from a table; slots resolved through ``targets``."""

    def __init__(
        self,
        owner: QMainWindow,
        specs: Iterable[ActionSpec],
        targets: Mapping[str, Any],
        special: Mapping[str, Callable[[ActionSpec], QAction]] | None = None,
    ) -> None:
        self.owner = owner
        self.specs = {s.id: s for s in specs}
        self.targets = targets
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.groups: dict[str, QActionGroup] = {}
        special = special or {}
        bar = owner.menuBar()
        for key, title in MENUS.items():
            menu = bar.addMenu(tr(title))
            menu.setObjectName(f"menu_{key.lower()}")
            self.menus[key] = menu
        for spec in self.specs.values():
            menu = self.menus[spec.menu]
            if spec.kind == "separator":
                menu.addSeparator()
            elif spec.kind == "menu":
                sub = menu.addMenu(tr(spec.text))
                sub.setObjectName(f"menu_{spec.id}")
                self.menus[f"{spec.menu}/{spec.id}"] = sub
                if spec.slot:
                    sub.aboutToShow.connect(lambda s=spec, m=sub: self.resolve(s.slot)(m))
            elif spec.kind in special:
                act = special[spec.kind](spec)
                self._add(spec, act, menu)
            else:
                act = QAction(self._text(spec), owner)
                self._configure(spec, act)
                self._add(spec, act, menu)

    def retranslate(self) -> None:
        """Show every menu title, command text and tip in the language now installed."""
        for key, title in MENUS.items():
            self.menus[key].setTitle(tr(title))
        for spec in self.specs.values():
            if spec.kind == "menu":
                self.menus[f"{spec.menu}/{spec.id}"].setTitle(tr(spec.text))
                continue
            act = self.actions.get(spec.id)
            if act is None or spec.kind in ("dock", "separator"):
                continue  # a dock's toggle follows the dock's title
            retranslate = getattr(act, "retranslate", None)
            if retranslate is not None:
                retranslate()  # the undo stack's actions name their step
                continue
            act.setText(self._text(spec))
            if spec.tip:
                act.setStatusTip(tr(spec.tip))
                act.setToolTip(tr(spec.tip))
            if spec.icon:
                act.setToolTip(f"{self._text(spec)} ({act.shortcut().toString()})")

    def _text(self, spec: ActionSpec) -> str:
        return tr(spec.text) if spec.translate else spec.text

    def _configure(self, spec: ActionSpec, act: QAction) -> None:
        if spec.kind == "note":
            act.setEnabled(False)
            return
        if spec.checkable:
            act.setCheckable(True)
            act.setChecked(spec.checked)
        if spec.data is not None:
            act.setData(spec.data)
        if spec.tip:
            act.setStatusTip(tr(spec.tip))
            act.setToolTip(tr(spec.tip))
        if spec.group:
            group = self.groups.get(spec.group)
            if group is None:
                group = self.groups[spec.group] = QActionGroup(self.owner)
                group.setExclusive(True)
            group.addAction(act)
        if spec.slot:
            slot = spec.slot
            if spec.checkable and spec.group is None:
                # A toggle: the slot hears the new state (and the data, when given).
                if spec.data is not None:
                    act.toggled.connect(lambda on, s=slot, d=spec.data: self.resolve(s)(d, on))
                else:
                    act.toggled.connect(lambda on, s=slot: self.resolve(s)(on))
            elif spec.data is not None:
                act.triggered.connect(lambda _=False, s=slot, d=spec.data: self.resolve(s)(d))
            else:
                act.triggered.connect(lambda _=False, s=slot: self.resolve(s)())

    def _add(self, spec: ActionSpec, act: QAction, menu: QMenu) -> None:
        act.setObjectName(spec.id)
        if spec.shortcuts:
            act.setShortcuts(key_sequences(spec.shortcuts))
        if spec.icon:
            act.setIcon(tool_icon(spec.icon))
            text, key = self._text(spec).replace("&", ""), act.shortcut().toString()
            act.setToolTip(f"{text} ({key})" if key else text)
        self.owner.addAction(act)  # shortcuts work with the menus closed
        menu.addAction(act)
        self.actions[spec.id] = act

    def resolve(self, slot: str) -> Callable[..., Any]:
        """``"target.method"`` -> the bound method (KeyError/AttributeError: a broken row)."""
        target, _, method = slot.partition(".")
        return getattr(self.targets[target], method)

    def check(self) -> None:
        """Every row's slot exists: a typo in the table fails at start, not at the click."""
        for spec in self.specs.values():
            if spec.slot and spec.kind not in ("dock",):
                self.resolve(spec.slot)

    def build_toolbar(self, bar: QToolBar, ids: Iterable[str] = TOOLBAR) -> None:
        for i in ids:
            if i == "|":
                bar.addSeparator()
            else:
                bar.addAction(self.actions[i])
