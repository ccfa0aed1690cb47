"""Dock panels: levels, properties of the selection, findings, camera schedule."""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QT_TR_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from siteplanner.analysis import Analysis
from siteplanner.app import style
from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import current_language, keep_tr, tr
from siteplanner.app.settings_ui import pack_title
from siteplanner.compliance.packs import available_packs, load_pack
from siteplanner.editing.handles import opening_with_width
from siteplanner.findings import Finding, Severity
from siteplanner.model import (
    DORI_LEVELS,
    Camera,
    MissingOptics,
    Opening,
    Plan,
    resolve_optics,
)
from siteplanner.units import FOOT_M, SQFT_M2, format_length, parse_length

if TYPE_CHECKING:
    from siteplanner.app.main_window import MainWindow

NONE = "—"

# (field, label, kind, choices) per collection; kinds: text, num, optnum, bool, optbool, choice,
# res (resolution "W×H"), list (comma separated ids).
FIELDS: dict[str, list[tuple[str, str, str, Any]]] = {
    "walls": [("thickness_m", QT_TR_NOOP("Thickness (m)"), "num", None)],
    "openings": [
        ("name", QT_TR_NOOP("Name"), "text", None),
        ("kind", QT_TR_NOOP("Kind"), "choice", ["door", "window"]),
        ("width_m", QT_TR_NOOP("Width (m)"), "num", None),
        ("depth_m", QT_TR_NOOP("Cut depth (m)"), "num", None),
        ("transparent", QT_TR_NOOP("See-through"), "bool", None),
        ("sill_height_m", QT_TR_NOOP("Sill height (m)"), "num", None),
    ],
    "obstacles": [
        ("name", QT_TR_NOOP("Name"), "text", None),
        ("height_m", QT_TR_NOOP("Height (m)"), "num", None),
    ],
    "zones": [
        ("name", QT_TR_NOOP("Name"), "text", None),
        ("kind", QT_TR_NOOP("Kind"), "choice", ["collection", "private", "exclude"]),
        ("place", QT_TR_NOOP("Place"), "choice", [None, "public", "internal"]),
        ("required_dori", QT_TR_NOOP("Required DORI"), "choice", [None, *DORI_LEVELS]),
        ("private_type", QT_TR_NOOP("Private type"), "suggest", None),
        ("use", QT_TR_NOOP("Use"), "choice", [None, "car_park"]),
    ],
    "cameras": [
        ("name", QT_TR_NOOP("Name"), "text", None),
        ("model", QT_TR_NOOP("Model"), "model", None),
        ("height_m", QT_TR_NOOP("Height (m)"), "optnum", None),
        ("pan_deg", QT_TR_NOOP("Pan (°)"), "num", None),
        ("tilt_deg", QT_TR_NOOP("Tilt (°)"), "num", None),
        ("hfov_deg", QT_TR_NOOP("Horizontal FOV (°)"), "optnum", None),
        ("vfov_deg", QT_TR_NOOP("Vertical FOV (°)"), "optnum", None),
        ("resolution", QT_TR_NOOP("Resolution"), "res", None),
        ("range_m", QT_TR_NOOP("Range (m)"), "optnum", None),
        ("face_recognition", QT_TR_NOOP("Face recognition"), "choice", [None, True, False]),
        ("audio", QT_TR_NOOP("Records sound"), "choice", [None, True, False]),
        ("concealed", QT_TR_NOOP("Hidden or discreet"), "choice", [None, True, False]),
        ("purpose", QT_TR_NOOP("Purpose"), "suggest", None),
    ],
    "signs": [
        ("facing_deg", QT_TR_NOOP("Facing (°)"), "num", None),
        ("width_m", QT_TR_NOOP("Width (m)"), "num", None),
        ("height_m", QT_TR_NOOP("Height (m)"), "num", None),
        ("mount_height_m", QT_TR_NOOP("Mount height (m)"), "num", None),
        ("viewing_distance_m", QT_TR_NOOP("Viewing distance (m)"), "optnum", None),
        ("covers", QT_TR_NOOP("Covers cameras"), "cameras", None),
    ],
}
# Fields of openings shown that the model keeps in another form: name -> (value from the object,
# the (field, value) that sets it). An opening's width is the distance between its two ends (a
# sign's width_m is its own field).
DERIVED: dict[str, tuple[Any, Any]] = {
    "width_m": (
        lambda o: round(math.dist(*o.points), 6),
        lambda o, w: ("points", opening_with_width(list(o.points), w)),
    ),
}
# Explanations shown as the tooltip of an opening's field and its label.
FIELD_TIPS = {
    "depth_m": QT_TR_NOOP(
        "How deep the opening cuts through the wall, across it: at least the wall's thickness, "
        "or the wall stays closed there"
    ),
    "width_m": QT_TR_NOOP("The opening's width along the wall; both ends move about its centre"),
    "sill_height_m": QT_TR_NOOP(
        "Height of a see-through window's sill above the floor: sight lines passing at or below "
        "it are blocked by the wall under the window (0 for a window down to the floor; doors "
        "have none)"
    ),
}


def derived(obj: Any, name: str) -> tuple[Any, Any] | None:
    return DERIVED.get(name) if isinstance(obj, Opening) else None


def field_value(obj: Any, name: str) -> Any:
    how = derived(obj, name)
    return how[0](obj) if how is not None else getattr(obj, name)


# Titles of the selected object's kind (translated where shown).
KIND_TITLES = {
    "walls": QT_TR_NOOP("Wall"),
    "openings": QT_TR_NOOP("Opening"),
    "obstacles": QT_TR_NOOP("Obstacle"),
    "zones": QT_TR_NOOP("Zone"),
    "cameras": QT_TR_NOOP("Camera"),
    "signs": QT_TR_NOOP("Sign"),
}
PLAN_FIELDS = [
    ("name", QT_TR_NOOP("Plan name"), "text", None),
    ("rules", QT_TR_NOOP("Rule pack"), "pack", None),
]


# What an empty optional number means, per field (default: the camera's model gives it).
EMPTY_MEANS = {"viewing_distance_m": QT_TR_NOOP("the open distance in front of the sign")}

# Camera purposes offered in the list besides the rule pack's internal ones (the format takes
# any word: a purpose the pack does not name counts as public).
PURPOSE_WORDS = (
    QT_TR_NOOP("public_safety"),
    QT_TR_NOOP("internal"),
    QT_TR_NOOP("internal_management"),
    QT_TR_NOOP("management"),
    QT_TR_NOOP("access_control"),
    QT_TR_NOOP("attendance"),
    QT_TR_NOOP("staff_management"),
    QT_TR_NOOP("operations"),
)


def suggestions(plan: Plan, name: str) -> list[tuple[str, str]]:
    """(value, label) offered for a free-text field with known values: camera purposes and
    private-space types, from the plan's rule pack (none when the pack cannot be loaded)."""
    try:
        pack = load_pack(plan.rules)
    except ValueError:
        pack = None
    lang = current_language().split("_")[0]
    if name == "purpose":
        words = list(PURPOSE_WORDS)
        if pack is not None:
            words += sorted(p for p in pack.internal_purposes if p not in words)
        return [(w, tr(w)) for w in words]
    if name == "private_type" and pack is not None:
        # Shown by the pack's name in the interface language, else our translation of the key.
        out = []
        for key, names in pack.private_types.items():
            ours = tr(key)
            shown = names.get(lang) or (ours if ours != key else names.get("en") or key)
            out.append((key, shown))
        return out
    return []


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple) and len(value) == 2:
        return f"{value[0]}×{value[1]}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _parse(kind: str, text: str) -> Any:
    text = text.strip()
    if kind in ("optnum", "opttext", "res") and text == "":
        return None
    if kind in ("num", "optnum"):
        return float(text.replace(",", "."))
    if kind == "res":
        w, h = text.lower().replace("×", "x").split("x")
        return (int(w), int(h))
    if kind == "list":
        return [t.strip() for t in text.split(",") if t.strip()]
    return text


class LevelsPanel(QListWidget):
    level_chosen = Signal(str)

    def __init__(self, win: MainWindow) -> None:
        super().__init__()
        self.win = win
        self.itemClicked.connect(self._chosen)
        self.itemDoubleClicked.connect(lambda _i: self.rename_level())
        self._key: object = None
        win.doc.changed.connect(self._maybe_refresh)
        # Its right-click menu: the level commands of the action table (added by the window).
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    @guarded
    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A right click shows the level under it first: the menu's commands act on that one.
        if event.button() == Qt.MouseButton.RightButton:
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                self.level_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        super().mousePressEvent(event)

    def _levels_key(self) -> object:
        return [(lv.id, lv.name, lv.elevation_m) for lv in self.win.doc.plan.levels]

    @guarded
    def _maybe_refresh(self) -> None:
        if self._levels_key() != self._key:
            self.refresh()

    # The level commands live in the levels feature (Site menu, tool bar); kept here too.
    def add_level(self) -> None:
        self.win.levels.add_level()

    def rename_level(self) -> None:
        self.win.levels.rename_level()

    def remove_level(self) -> None:
        self.win.levels.remove_level()

    def refresh(self) -> None:
        key = self._levels_key()
        if key == self._key and self.count() == len(self.win.doc.plan.levels):
            # The same levels: only the current one moves. Clearing the list here would delete
            # the item whose click signal chose the level, while that signal is still running.
            self.blockSignals(True)
            for row in range(self.count()):
                item = self.item(row)
                here = item.data(Qt.ItemDataRole.UserRole) == self.win.scene.level_id
                item.setSelected(here)
                if here:
                    self.setCurrentItem(item)
            self.blockSignals(False)
            return
        self._key = key
        self.blockSignals(True)
        self.clear()
        for lv in self.win.doc.plan.levels:
            item = QListWidgetItem(f"{lv.name or lv.id}   ({lv.elevation_m:g} m)")
            item.setData(Qt.ItemDataRole.UserRole, lv.id)
            self.addItem(item)
            if lv.id == self.win.scene.level_id:
                item.setSelected(True)
                self.setCurrentItem(item)
        self.blockSignals(False)

    @guarded
    def _chosen(self, item: QListWidgetItem) -> None:
        self.level_chosen.emit(item.data(Qt.ItemDataRole.UserRole))


class PropertiesPanel(QWidget):
    """Fields of the single selected object (or the plan); each edit is one undo command.

    An edit made here changes the document, and the document's change refreshes this panel
    while the editor's own signal (a combo box's ``activated``, a check box's ``toggled``) is
    still running: deleting that editor then crashes Qt. So when the same object stays shown
    its editors are updated in place, and a rebuild requested from inside an editor's signal
    waits for the event loop; replaced editors are deleted later, never at once."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__()
        self.win = win
        self.outer = QVBoxLayout(self)
        self.title = style.plain_label(QLabel())
        self.title.setStyleSheet("font-weight: bold; padding: 2px;")
        self.outer.addWidget(self.title)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outer.addWidget(self.form_host)
        self.error = style.plain_label(QLabel())
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.outer.addWidget(self.error)
        self.outer.addStretch(1)
        self.editors: dict[str, QWidget] = {}
        self.kinds: dict[str, str] = {}
        self.labels: dict[str, str] = {}  # field -> its label as shown
        self.target: Any = None
        self._shown_key: object = None
        self._in_editor = 0  # depth of editor signals being handled
        self._rebuild_pending = False

    def _selection(self) -> list[tuple[str, Any]] | None:
        try:
            return self.win.scene.selected_objects()
        except RuntimeError:  # the window is being torn down
            return None

    def _key(self, sel: list[tuple[str, Any]]) -> object:
        """What the rows depend on: the object shown, the unit style, the model choices."""
        if len(sel) > 1:
            return ("several", len(sel))
        units = getattr(self.win, "unit_style", "metric")
        models = tuple(m.id for m in self.win.doc.plan.camera_models)
        if sel:
            coll, obj = sel[0]
            if coll == "signs":  # the covers checklist names the cameras
                cams = tuple((c.id, c.name) for lv in self.win.doc.plan.levels for c in lv.cameras)
                return (coll, id(obj), units, cams)
            return (coll, id(obj), units, models if coll == "cameras" else ())
        return ("plan", id(self.win.doc.plan), units)

    @guarded
    def refresh(self) -> None:
        sel = self._selection()
        if sel is None:
            return
        key = self._key(sel)
        if key == self._shown_key and self.editors:
            self._update_in_place()
            return
        if self._in_editor:
            self._schedule_rebuild()
            return
        self._rebuild(sel, key)

    def retranslate(self) -> None:
        """Rebuild the rows: their labels and lists in the language now installed."""
        self._shown_key = None
        self.refresh()

    def _schedule_rebuild(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self._deferred_rebuild)

    @guarded
    def _deferred_rebuild(self) -> None:
        self._rebuild_pending = False
        self.refresh()

    def _clear_rows(self) -> None:
        while self.form.rowCount():
            row = self.form.takeRow(0)  # unlike removeRow, leaves the widgets alive
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setObjectName("")
                    widget.blockSignals(True)
                    widget.deleteLater()
        self.editors = {}
        self.kinds = {}
        self.labels = {}

    def _rebuild(self, sel: list[tuple[str, Any]], key: object) -> None:
        self._clear_rows()
        self._shown_key = key
        if len(sel) > 1:
            self.title.setText(tr("{0} objects selected").format(len(sel)))
            self.target = None
            return
        if sel:
            coll, obj = sel[0]
            self.title.setText(f"{tr(KIND_TITLES.get(coll, coll))} {obj.id}")
            fields = FIELDS[coll]
        else:
            obj = self.win.doc.plan
            self.title.setText(tr("Plan"))
            fields = PLAN_FIELDS
        self.target = obj
        for name, label, kind, choices in fields:
            text = tr(label)
            if self._length_style(name, kind) is not None:
                text = text.replace("(m)", "(ft)")
            self.labels[name] = text
            editor = self._editor(obj, name, kind, choices)
            self.form.addRow(text, editor)
            tip = FIELD_TIPS.get(name) if isinstance(obj, Opening) else None
            if tip:
                editor.setToolTip(tr(tip))
                label_item = self.form.labelForField(editor)
                if label_item is not None:
                    label_item.setToolTip(tr(tip))

    def _update_in_place(self) -> None:
        """Show the target's current values in the editors already there."""
        obj = self.target
        if obj is None:
            return
        for name, w in self.editors.items():
            kind = self.kinds[name]
            value = field_value(obj, name)
            w.blockSignals(True)
            try:
                if isinstance(w, QCheckBox):
                    w.setChecked(bool(value))
                elif isinstance(w, QListWidget):
                    for i in range(w.count()):
                        item = w.item(i)
                        on = item.data(Qt.ItemDataRole.UserRole) in (value or [])
                        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                elif isinstance(w, QComboBox) and w.isEditable():
                    self._show_choice(w, value)
                elif isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)) if value is not None else 0)
                elif isinstance(w, QLineEdit):
                    text = self._show(value, name, kind)
                    if w.text() != text:
                        w.setText(text)
            finally:
                w.blockSignals(False)

    def _length_style(self, name: str, kind: str) -> str | None:
        """The imperial display style of a length field; None when it shows metres."""
        style = getattr(self.win, "unit_style", "metric")
        if style != "metric" and name.endswith("_m") and kind in ("num", "optnum"):
            return style
        return None

    def _show(self, value: Any, name: str, kind: str) -> str:
        style = self._length_style(name, kind)
        if style is None or value is None:
            return _fmt(value)
        return format_length(value, style, decimals=3, inch_denominator=8)

    def _editor(self, obj: Any, name: str, kind: str, choices: Any) -> QWidget:
        value = field_value(obj, name)
        if kind == "bool":
            w = QCheckBox()
            w.setChecked(bool(value))
            w.toggled.connect(lambda v, n=name: self._from_editor(self.commit, n, bool(v)))
        elif kind == "pack":
            w = QComboBox()  # the installed packs only: an unknown one cannot be typed
            # Long pack titles must not widen the dock (and shrink the canvas).
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(12)
            for pid in available_packs():
                w.addItem(pack_title(pid), pid)
            if w.findData(value) < 0:
                w.addItem(tr("{0} (not installed)").format(value), value)
            w.setCurrentIndex(w.findData(value))
            w.activated.connect(
                lambda i, n=name, ww=w: self._from_editor(self.commit, n, ww.itemData(i))
            )
        elif kind == "suggest":
            # A list of the known values; the format takes any word, so one can be typed.
            w = QComboBox()
            w.setEditable(True)
            w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # Keys shown by the same name (restroom and toilet are both 卫生间) mean the same to
            # the rules: the list offers the first, and shows it for the others too.
            aliases: dict[str, int] = {}
            for v, label in suggestions(self.win.doc.plan, name):
                at = w.findText(label)
                if at >= 0:
                    aliases[v] = at
                else:
                    w.addItem(label, v)
            w.setProperty("aliases", aliases)
            self._show_choice(w, value)
            w.activated.connect(
                lambda i, n=name, ww=w: self._from_editor(self.commit, n, self._typed(ww, n, i))
            )
            w.lineEdit().editingFinished.connect(
                lambda n=name, ww=w: self._from_editor(self.commit, n, self._typed(ww, n))
            )
        elif kind == "cameras":
            w = self._camera_checklist(obj, value)
        elif kind in ("choice", "model"):
            w = QComboBox()
            if kind == "model":
                choices = [None, *[m.id for m in self.win.doc.plan.camera_models]]
            for c in choices:
                label = str(c) if kind == "model" else tr(str(c))  # model ids stay as they are
                w.addItem(NONE if c is None else label, c)
            idx = max(0, w.findData(value)) if value is not None else 0
            w.setCurrentIndex(idx)
            w.activated.connect(
                lambda i, n=name, ww=w: self._from_editor(self.commit, n, ww.itemData(i))
            )
        else:
            w = QLineEdit(self._show(value, name, kind))
            if kind in ("optnum", "res"):
                w.setPlaceholderText(tr(EMPTY_MEANS.get(name, QT_TR_NOOP("from model"))))
            w.editingFinished.connect(
                lambda n=name, k=kind, ww=w: self._from_editor(self._text_edited, n, k, ww)
            )
        w.setObjectName(f"prop_{name}")
        self.editors[name] = w
        self.kinds[name] = kind
        return w

    def _camera_checklist(self, sign: Any, covers: list[str]) -> QListWidget:
        """A sign's cameras as a list of names to tick: those of the sign's level, then any
        it names elsewhere (or that no longer exist, shown by id)."""
        w = QListWidget()
        w.setMaximumHeight(150)
        found = self.win.doc.find(sign.id)
        level_cams = found[0].cameras if found is not None else []
        entries = [(c.id, c.name or c.id) for c in level_cams]
        here = {cid for cid, _ in entries}
        for cid in covers:
            if cid not in here:
                other = self.win.doc.plan.find_camera(cid)
                entries.append((cid, (other[1].name or cid) if other else cid))
        for cid, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setToolTip(cid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cid in covers else Qt.CheckState.Unchecked)
            w.addItem(item)
        w.itemChanged.connect(
            lambda _i, ww=w: self._from_editor(self.commit, "covers", self._ticked(ww))
        )
        return w

    @staticmethod
    def _ticked(w: QListWidget) -> list[str]:
        return [
            w.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(w.count())
            if w.item(i).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _show_choice(w: QComboBox, value: Any) -> None:
        idx = w.findData(value) if value is not None else -1
        if idx < 0 and value is not None:
            idx = (w.property("aliases") or {}).get(value, -1)
        if idx >= 0:
            w.setCurrentIndex(idx)
        else:
            w.setCurrentIndex(-1)
            w.setEditText(value or "")

    def _typed(self, w: QComboBox, name: str, idx: int | None = None) -> str | None:
        """The value of an editable list: a listed label's value (the field's own value when
        it is another key of that label), else the typed word."""
        text = w.currentText().strip()
        if idx is None:
            idx = w.findText(text)
        if idx >= 0:
            current = getattr(self.target, name, None)
            if current is not None and (w.property("aliases") or {}).get(current) == idx:
                return current
            return w.itemData(idx)
        return text or None

    @guarded
    def _from_editor(self, slot: Any, *args: Any) -> None:
        """Run an editor's handler with rebuilds held back until it has returned."""
        self._in_editor += 1
        try:
            slot(*args)
        finally:
            self._in_editor -= 1

    def _text_edited(self, name: str, kind: str, w: QLineEdit) -> None:
        if (
            self.target is None
            or self._show(field_value(self.target, name), name, kind) == w.text().strip()
        ):
            return
        text = w.text()
        style = self._length_style(name, kind)
        try:
            if style is not None and text.strip():
                value = parse_length(text, style)  # typed in feet (or with a unit)
            else:
                value = _parse(kind, text)
        except ValueError:
            self.error.setText(tr("{0}: not a valid value: {1}").format(name, repr(text)))
            return
        self.commit(name, value)

    def commit(self, name: str, value: Any) -> None:
        obj = self.target
        if obj is None or field_value(obj, name) == value:
            return
        label = name  # errors name the field as the file has it
        step = re.sub(r"\s*\(.*\)$", "", self.labels.get(name, name))  # its label, no unit
        try:
            how = derived(obj, name)
            if how is not None:
                name, value = how[1](obj, value)
            if isinstance(obj, Camera):
                # A camera must keep every optic value from itself or its model, or the plan
                # would save but never load again.
                resolve_optics(self.win.doc.plan, obj.model_copy(update={name: value}))
            cmd = SetFieldsCommand(self.win.doc, tr("Edit {0}").format(step), [(obj, name, value)])
        except MissingOptics as exc:
            self.error.setText(f"{exc.field}: {exc}")
            return
        except (ValidationError, ValueError) as exc:
            msg = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            self.error.setText(f"{label}: {msg}")
            return
        self.error.setText("")
        self.win.doc.undo.push(cmd)


# Severities shown translated (the finding keeps the plan format's word).
SEVERITY_WORDS = (QT_TR_NOOP("error"), QT_TR_NOOP("warning"), QT_TR_NOOP("info"))
# The severity filter: label -> the highest rank shown (Severity.rank_of).
SEVERITY_FILTERS = (
    (QT_TR_NOOP("All severities"), 99),
    (QT_TR_NOOP("Errors and warnings"), 1),
    (QT_TR_NOOP("Errors only"), 0),
)


class WrappedTextDelegate(QStyledItemDelegate):
    """A cell as tall as its text wrapped in its column's width (a tree view sizes rows from
    the unwrapped text otherwise)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.view.columnWidth(index.column()) - 8  # the cell's text margins
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        box = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), box.height() + 4))


class FindingsPanel(QTreeWidget):
    finding_clicked = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(4)
        self._set_headers()
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        # The message wraps in the width the dock gives it: read without scrolling sideways.
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(200)  # widths from the first rows, not all
        # The rule's id is in each row's tooltip, with the reference: the width goes to the text.
        self.setColumnHidden(self.RULE, True)
        self.setItemDelegateForColumn(self.MESSAGE, WrappedTextDelegate(self))
        # Row heights follow the message column's width (wrapped lines), also when it changes.
        header.sectionResized.connect(lambda *_a: self.scheduleDelayedItemsLayout())
        self.names: dict[str, str] = {}  # object id -> name, for the Object column
        self.itemClicked.connect(lambda item, _c: self.finding_clicked.emit(item.data(0, 256)))
        self.findings: list[Finding] = []
        self.severity_filter = QComboBox()
        self.severity_filter.setObjectName("severity_filter")
        self.severity_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, rank in SEVERITY_FILTERS:
            self.severity_filter.addItem(tr(label), rank)
        self.severity_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.count_label = style.plain_label(QLabel())

    HEAD = (QT_TR_NOOP("Severity"), QT_TR_NOOP("Object"), QT_TR_NOOP("Message"), QT_TR_NOOP("Rule"))
    OBJECT, MESSAGE, RULE = 1, 2, 3
    OBJECT_MAX_PX = 110  # a long name wraps rather than pushing the message out of view

    def _set_headers(self) -> None:
        self.setHeaderLabels([tr(h) for h in self.HEAD])

    def retranslate(self) -> None:
        """Headers, the filter's choices and the severity words in the language now installed
        (the messages follow with the next analysis)."""
        self._set_headers()
        for i, (label, _rank) in enumerate(SEVERITY_FILTERS):
            self.severity_filter.setItemText(i, tr(label))
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            item.setText(0, tr(str(item.data(0, 256).severity)))
        self._apply_filter()

    def with_filter(self) -> QWidget:
        """The panel under its severity filter, as the dock shows it."""
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(keep_tr(QLabel(), QT_TR_NOOP("Show:")))
        row.addWidget(self.severity_filter)
        row.addWidget(self.count_label, 1)
        outer.addLayout(row)
        outer.addWidget(self)
        return box

    def _apply_filter(self) -> None:
        limit = self.severity_filter.currentData()
        shown = 0
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            hide = Severity.rank_of(item.data(0, 256).severity) > limit
            item.setHidden(hide)
            shown += not hide
        self.count_label.setText(tr("{0} of {1} shown").format(shown, self.topLevelItemCount()))

    def set_findings(self, findings: list[Finding], names: dict[str, str] | None = None) -> None:
        """Show ``findings``, most severe first, naming their objects by ``names`` (id -> name).
        Only the rows that changed are rebuilt: a re-analysis of a large plan changes a few of
        its thousand findings."""
        new = sorted(findings, key=lambda f: Severity.rank_of(f.severity))
        old = self.findings
        if names is not None and names != self.names:
            self.names = dict(names)
            old = []  # every row names its objects anew
            self.clear()
        if new == old:
            return
        # Replace only what differs, from the end so that earlier rows keep their index.
        ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(ops):
            if tag == "equal":
                continue
            for _ in range(i2 - i1):
                self.takeTopLevelItem(i1)
            self.insertTopLevelItems(i1, [self._item(f) for f in new[j1:j2]])
        self.findings = new
        self._apply_filter()
        for c in (0, self.OBJECT):
            self.resizeColumnToContents(c)
        if self.columnWidth(self.OBJECT) > self.OBJECT_MAX_PX:
            self.setColumnWidth(self.OBJECT, self.OBJECT_MAX_PX)

    def object_text(self, f: Finding) -> str:
        """The finding's objects by name (the id where one has none)."""
        ids = [x for x in (f.camera, f.zone, f.sign, f.opening) if x]
        return ", ".join(self.names.get(x) or x for x in ids)

    def _item(self, f: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([tr(str(f.severity)), self.object_text(f), f.message, f.rule])
        item.setForeground(0, QBrush(style.SEVERITY.get(f.severity, style.LABEL)))
        ids = [x for x in (f.camera, f.zone, f.sign, f.opening) if x]
        item.setToolTip(
            self.OBJECT,
            style.plain_tip("\n".join(f"{self.names.get(x) or x} ({x})" for x in ids)),
        )
        tip = style.plain_tip(f"{f.rule}\n{f.message}\n{f.reference}")
        for col in (0, self.MESSAGE):
            item.setToolTip(col, tip)
        item.setData(0, 256, f)
        return item


def object_names(plan: Plan) -> dict[str, str]:
    """The names of the plan's objects that findings point at (id -> name, named ones only)."""
    out: dict[str, str] = {}
    for level in plan.levels:
        for coll in ("cameras", "zones", "signs", "openings"):
            for obj in getattr(level, coll):
                name = getattr(obj, "name", None)
                if name:
                    out[obj.id] = name
    return out


class SchedulePanel(QTableWidget):
    HEAD = [
        QT_TR_NOOP("Camera"),
        QT_TR_NOOP("Name"),
        QT_TR_NOOP("Model"),
        QT_TR_NOOP("Height m"),
        QT_TR_NOOP("Pan °"),
        QT_TR_NOOP("Tilt °"),
        QT_TR_NOOP("HFOV °"),
        QT_TR_NOOP("Resolution"),
        QT_TR_NOOP("Range m"),
        QT_TR_NOOP("Coverage m²"),
        QT_TR_NOOP("Detection m²"),
        QT_TR_NOOP("Observation m²"),
        QT_TR_NOOP("Recognition m²"),
        QT_TR_NOOP("Identification m²"),
    ]

    camera_clicked = Signal(str)

    def __init__(self) -> None:
        super().__init__(0, len(self.HEAD))
        self.unit_style = "metric"  # lengths and areas in feet for the imperial styles
        self._shown: tuple[Analysis, str | None] | None = None
        self._set_headers()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.cellClicked.connect(lambda r, _c: self.camera_clicked.emit(self.item(r, 0).text()))

    def _set_headers(self) -> None:
        labels = [tr(h) for h in self.HEAD]
        if self.unit_style != "metric":
            labels = [
                t[:-2] + "ft²" if t.endswith("m²") else t[:-1] + "ft" if t.endswith(" m") else t
                for t in labels
            ]
        self.setHorizontalHeaderLabels(labels)

    def retranslate(self) -> None:
        self._set_headers()
        self.resizeColumnsToContents()

    def set_units(self, style: str) -> None:
        self.unit_style = style
        self._set_headers()
        if self._shown is not None:
            self.set_analysis(*self._shown)

    def set_analysis(self, analysis: Analysis, level_id: str | None = None) -> None:
        self._shown = (analysis, level_id)
        ft = self.unit_style != "metric"
        length = (lambda m: f"{round(m / FOOT_M, 2):g}") if ft else (lambda m: f"{m:g}")
        area = (lambda a: f"{a / SQFT_M2:.1f}") if ft else (lambda a: f"{a:.1f}")
        rows = [r for r in analysis.cameras.values() if level_id is None or r.level_id == level_id]
        models = {c.id: c.model for lv in analysis.plan.levels for c in lv.cameras}
        # Only the cells whose text changed are touched: after an edit, a row or two.
        fresh = self.rowCount() != len(rows)
        self.setRowCount(len(rows))
        changed: set[int] = set()
        for i, r in enumerate(rows):
            o = r.optics
            dori = r.dori_m2()
            vals = [
                r.camera_id,
                r.name,
                models.get(r.camera_id) or "",
                length(o.height_m),
                f"{round(o.pan_deg, 1):g}",
                f"{round(o.tilt_deg, 1):g}",
                f"{round(o.hfov_deg, 1):g}",
                f"{o.resolution[0]}×{o.resolution[1]}",
                length(o.range_m),
                area(r.coverage_m2),
                *(area(dori[k]) for k in DORI_LEVELS),
            ]
            for j, v in enumerate(vals):
                item = self.item(i, j)
                if item is None:
                    item = QTableWidgetItem(v)
                    if j >= 3:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.setItem(i, j, item)
                elif item.text() != v:
                    item.setText(v)
                else:
                    continue
                changed.add(j)
        if fresh:
            self.resizeColumnsToContents()
        else:
            for j in sorted(changed):
                self.resizeColumnToContents(j)
