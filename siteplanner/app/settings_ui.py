"""Site ▸ Settings: the plan's organisation, analysis settings, rule pack and units in one dialog.

Every key of the plan's ``organization`` and ``settings`` can be changed here instead of in the
JSON, and on a second page the levels' names and elevations and the plan's camera models (the
keys the canvas and the properties panel do not reach). The rule pack is chosen from the
installed packs (by their titles), so an unknown pack can no longer be typed. OK applies
everything that changed as one undo step, replacing the organisation, settings and camera
models whole (the worker may still be reading the old ones).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QT_TR_NOOP, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.context import EditorContext
from siteplanner.app.i18n import current_language, tr
from siteplanner.compliance.packs import available_packs, load_pack
from siteplanner.model import DORI_LEVELS, Plan
from siteplanner.model.plan import CameraModel, Organization, Settings

# Organisation fields shown as one-line texts: (field, label). ``privacy_notice_url`` is
# optional in the format (an empty text stores no URL).
ORG_TEXTS = (
    ("name", QT_TR_NOOP("Operator name")),
    ("contact", QT_TR_NOOP("Contact")),
    ("purpose", QT_TR_NOOP("Purpose of the cameras")),
    ("privacy_notice_url", QT_TR_NOOP("Privacy notice URL")),
    ("dpo_contact", QT_TR_NOOP("Data protection officer")),
    ("legal_basis", QT_TR_NOOP("Legal basis")),
    ("face_purpose", QT_TR_NOOP("Why faces are recognised")),
    ("face_alternative", QT_TR_NOOP("Other way to verify identity")),
)
# The organisation's own words per language (``organization.translations``): the languages
# offered (each named in itself), and the fields a sign prints in that language.
TRANSLATION_LANGS = {"zh": "中文", "en": "English", "de": "Deutsch", "fr": "Français"}
TRANSLATED_FIELDS = (
    ("name", QT_TR_NOOP("Operator name")),
    ("purpose", QT_TR_NOOP("Purpose of the cameras")),
    ("legal_basis", QT_TR_NOOP("Legal basis")),
    ("face_purpose", QT_TR_NOOP("Why faces are recognised")),
    ("face_alternative", QT_TR_NOOP("Other way to verify identity")),
)
DORI_LABELS = {
    "detection": QT_TR_NOOP("Detection"),
    "observation": QT_TR_NOOP("Observation"),
    "recognition": QT_TR_NOOP("Recognition"),
    "identification": QT_TR_NOOP("Identification"),
}
UNIT_CHOICES = (("metric", QT_TR_NOOP("Metric (m)")), ("imperial", QT_TR_NOOP("Imperial (ft)")))
LEVEL_COLUMNS = (("name", QT_TR_NOOP("Name")), ("elevation_m", QT_TR_NOOP("Elevation (m)")))
# The camera models' columns: (field, heading, kind) with the kinds of the properties panel.
MODEL_COLUMNS = (
    ("name", QT_TR_NOOP("Name"), "text"),
    ("hfov_deg", QT_TR_NOOP("Horizontal FOV (°)"), "optnum"),
    ("vfov_deg", QT_TR_NOOP("Vertical FOV (°)"), "optnum"),
    ("resolution", QT_TR_NOOP("Resolution"), "res"),
    ("range_m", QT_TR_NOOP("Range (m)"), "optnum"),
    ("height_m", QT_TR_NOOP("Height (m)"), "optnum"),
    ("face_recognition", QT_TR_NOOP("Face recognition"), "optbool"),
)
# A yes/no that may be left unset, as typed in a table cell.
YES, NO = QT_TR_NOOP("True"), QT_TR_NOOP("False")


class CellError(ValueError):
    """A table cell the format refuses: names the table, the row and the column."""


def _cell_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "res":
        return f"{value[0]}×{value[1]}"
    if kind == "optbool":
        return tr(YES) if value else tr(NO)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _cell_value(text: str, kind: str) -> Any:
    text = text.strip()
    if kind == "text":
        return text
    if text == "":
        return None
    if kind in ("num", "optnum"):
        return float(text.replace(",", "."))
    if kind == "res":
        w, h = text.lower().replace("×", "x").split("x")
        return (int(w), int(h))
    if kind == "optbool":
        if text in (tr(YES), YES, "true", "yes"):
            return True
        if text in (tr(NO), NO, "false", "no"):
            return False
    raise ValueError(repr(text))


def pack_title(pack_id: str, lang: str | None = None) -> str:
    """A pack's title in the interface language (else its first), with its id."""
    try:
        pack = load_pack(pack_id)
    except ValueError:
        return pack_id
    code = (lang or current_language()).split("_")[0]
    title = pack.title.get(code) or next(iter(pack.title.values()), "")
    return f"{title} ({pack_id})" if title else pack_id


class SettingsDialog(QDialog):
    """The form; ``changes()`` lists (object, field, new value) for what the user changed."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_settings")
        self.setWindowTitle(tr("Site Settings"))
        self.plan = plan
        org, st = plan.organization, plan.settings
        top = QVBoxLayout(self)
        self.tabs = QTabWidget()
        top.addWidget(self.tabs)
        page = QWidget()
        outer = QVBoxLayout(page)
        self.tabs.addTab(page, tr("Site"))

        box = QGroupBox(tr("Organisation (printed on the signs)"))
        form = QFormLayout(box)
        self.org: dict[str, QLineEdit] = {}
        for name, label in ORG_TEXTS:
            w = QLineEdit(getattr(org, name) or "")
            w.setObjectName(f"org_{name}")
            self.org[name] = w
            form.addRow(tr(label), w)
        self.retention = QSpinBox()
        self.retention.setObjectName("org_retention_days")
        self.retention.setRange(-1, 36500)
        self.retention.setSpecialValueText(tr("not set"))  # -1: the plan gives no period
        self.retention.setSuffix(tr(" days"))
        self.retention.setValue(-1 if org.retention_days is None else org.retention_days)
        form.addRow(tr("Retention"), self.retention)
        self.face_retention = QSpinBox()
        self.face_retention.setObjectName("org_face_retention_days")
        self.face_retention.setRange(-1, 36500)
        self.face_retention.setSpecialValueText(tr("not set"))
        self.face_retention.setSuffix(tr(" days"))
        self.face_retention.setValue(
            -1 if org.face_retention_days is None else org.face_retention_days
        )
        form.addRow(tr("Face data kept"), self.face_retention)
        outer.addWidget(box)

        box = QGroupBox(tr("Analysis"))
        form = QFormLayout(box)
        self.pack = QComboBox()
        self.pack.setObjectName("rules")
        # Pack titles are long: the list shows them whole, the closed box need not.
        self.pack.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pack.setMinimumContentsLength(30)
        for pid in available_packs():
            self.pack.addItem(pack_title(pid), pid)
        if self.pack.findData(plan.rules) < 0:  # a plan naming a pack not installed here
            self.pack.addItem(tr("{0} (not installed)").format(plan.rules), plan.rules)
        self.pack.setCurrentIndex(self.pack.findData(plan.rules))
        form.addRow(tr("Rule pack"), self.pack)
        self.target_height = QDoubleSpinBox()
        self.target_height.setObjectName("target_height_m")
        self.target_height.setRange(0.0, 10.0)
        self.target_height.setDecimals(2)
        self.target_height.setSingleStep(0.1)
        self.target_height.setSuffix(" m")
        self.target_height.setValue(st.target_height_m)
        form.addRow(tr("Target height"), self.target_height)
        self.dori: dict[str, QDoubleSpinBox] = {}
        for level in DORI_LEVELS:
            w = QDoubleSpinBox()
            w.setObjectName(f"dori_{level}")
            w.setRange(0.1, 10000.0)
            w.setDecimals(1)
            w.setSuffix(tr(" px/m"))
            w.setValue(st.dori_ppm.threshold(level))
            self.dori[level] = w
            form.addRow(tr(DORI_LABELS[level]), w)
        self.coverage = QDoubleSpinBox()
        self.coverage.setObjectName("coverage_target")
        self.coverage.setRange(0.0, 100.0)  # 0: the rule pack's own target
        self.coverage.setDecimals(1)
        self.coverage.setSuffix(" %")
        self.coverage.setSpecialValueText(tr("rule pack's target"))
        self.coverage.setValue(0.0 if st.coverage_target is None else st.coverage_target * 100)
        form.addRow(tr("Coverage target"), self.coverage)
        self.viewing = QDoubleSpinBox()
        self.viewing.setObjectName("sign_viewing_distance_m")
        self.viewing.setRange(0.1, 1000.0)
        self.viewing.setDecimals(1)
        self.viewing.setSuffix(" m")
        self.viewing.setValue(st.sign_viewing_distance_m)
        form.addRow(tr("Sign viewing distance"), self.viewing)
        self.units = QComboBox()
        self.units.setObjectName("units")
        for value, label in UNIT_CHOICES:
            self.units.addItem(tr(label), value)
        self.units.setCurrentIndex(max(0, self.units.findData(st.units)))
        form.addRow(tr("Units"), self.units)
        outer.addWidget(box)
        self._build_tables()
        self._build_translations()

        outer = top
        self.error = QLabel()
        self.error.setObjectName("settings_error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.result_changes: list[tuple[Any, str, Any]] = []

    def _build_translations(self) -> None:
        """The third page: the organisation's words in each language a sign is printed in."""
        page = QWidget()
        column = QVBoxLayout(page)
        self.tabs.addTab(page, tr("Organisation in other languages"))
        note = QLabel(
            tr(
                "A sign printed in one of these languages uses these words; where a cell is "
                "empty it prints the organisation's field as typed on the first page."
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        existing = self.plan.organization.translations
        self.langs = [*TRANSLATION_LANGS, *(c for c in existing if c not in TRANSLATION_LANGS)]
        table = QTableWidget(len(TRANSLATED_FIELDS), len(self.langs))
        self.translations = table
        table.setObjectName("translations_table")
        table.setHorizontalHeaderLabels([TRANSLATION_LANGS.get(c, c) for c in self.langs])
        table.setVerticalHeaderLabels([tr(label) for _, label in TRANSLATED_FIELDS])
        for c, code in enumerate(self.langs):
            words = existing.get(code)
            for r, (field, _) in enumerate(TRANSLATED_FIELDS):
                table.setItem(r, c, QTableWidgetItem(getattr(words, field, "") if words else ""))
        table.resizeColumnsToContents()
        column.addWidget(table, 1)

    def _translations(self) -> dict[str, dict[str, str]]:
        """The table's words per language (languages without any left out)."""
        out: dict[str, dict[str, str]] = {}
        for c, code in enumerate(self.langs):
            words = {
                field: self.translations.item(r, c).text().strip()
                for r, (field, _) in enumerate(TRANSLATED_FIELDS)
            }
            if any(words.values()):
                out[code] = words
        return out

    def _build_tables(self) -> None:
        """The second page: levels (name, elevation) and the plan's camera models."""
        page = QWidget()
        column = QVBoxLayout(page)
        self.tabs.addTab(page, tr("Levels and camera models"))
        plan = self.plan
        box = QGroupBox(tr("Levels"))
        QVBoxLayout(box).addWidget(levels := QTableWidget(len(plan.levels), len(LEVEL_COLUMNS)))
        self.levels = levels
        levels.setObjectName("levels_table")
        levels.setHorizontalHeaderLabels([tr(h) for _, h in LEVEL_COLUMNS])
        levels.setVerticalHeaderLabels([lv.id for lv in plan.levels])
        for r, lv in enumerate(plan.levels):
            levels.setItem(r, 0, QTableWidgetItem(lv.name))
            levels.setItem(r, 1, QTableWidgetItem(f"{lv.elevation_m:g}"))
        levels.resizeColumnsToContents()
        column.addWidget(box)
        box = QGroupBox(tr("Camera models (the cameras' own values override them)"))
        models = QTableWidget(len(plan.camera_models), len(MODEL_COLUMNS))
        QVBoxLayout(box).addWidget(models)
        self.models = models
        models.setObjectName("models_table")
        models.setHorizontalHeaderLabels([tr(h) for _, h, _ in MODEL_COLUMNS])
        models.setVerticalHeaderLabels([m.id for m in plan.camera_models])
        for r, m in enumerate(plan.camera_models):
            for c, (field, _, kind) in enumerate(MODEL_COLUMNS):
                models.setItem(r, c, QTableWidgetItem(_cell_text(getattr(m, field), kind)))
        models.resizeColumnsToContents()
        column.addWidget(box, 1)

    def _table_changes(self) -> list[tuple[Any, str, Any]]:
        plan = self.plan
        out: list[tuple[Any, str, Any]] = []
        for r, lv in enumerate(plan.levels):
            name = self.levels.item(r, 0).text().strip()
            text = self.levels.item(r, 1).text()
            try:
                elevation = _cell_value(text, "num")
                if elevation is None:
                    raise ValueError(text)
            except ValueError:
                raise CellError(
                    tr("Levels, {0}, {1}: not a valid value: {2}").format(
                        lv.id, tr(LEVEL_COLUMNS[1][1]), repr(text)
                    )
                ) from None
            if name != lv.name:
                out.append((lv, "name", name))
            if elevation != lv.elevation_m:
                out.append((lv, "elevation_m", elevation))
        new_models = []
        for r, m in enumerate(plan.camera_models):
            data = m.model_dump()
            for c, (field, heading, kind) in enumerate(MODEL_COLUMNS):
                text = self.models.item(r, c).text()
                if text == _cell_text(getattr(m, field), kind):
                    continue  # untouched: the value stays exactly as it was
                try:
                    data[field] = _cell_value(text, kind)
                    CameraModel.model_validate(data)
                except (ValueError, ValidationError):
                    raise CellError(
                        tr("Camera models, {0}, {1}: not a valid value: {2}").format(
                            m.id, tr(heading), repr(text)
                        )
                    ) from None
            new_models.append(CameraModel.model_validate(data))
        if new_models != plan.camera_models:
            out.append((plan, "camera_models", new_models))
        return out

    def changes(self) -> list[tuple[Any, str, Any]]:
        """What differs from the plan; raises ValidationError for a value the format refuses."""
        plan = self.plan
        org: dict[str, Any] = {name: w.text().strip() for name, w in self.org.items()}
        org["privacy_notice_url"] = org["privacy_notice_url"] or None
        org["retention_days"] = None if self.retention.value() < 0 else self.retention.value()
        face_days = self.face_retention.value()
        org["face_retention_days"] = None if face_days < 0 else face_days
        org["translations"] = self._translations()
        dori = {k: round(w.value(), 3) for k, w in self.dori.items()}
        cov = self.coverage.value()
        settings: dict[str, Any] = {
            "target_height_m": round(self.target_height.value(), 3),
            "coverage_target": None if cov <= 0 else round(cov / 100.0, 4),
            "units": self.units.currentData(),
            "sign_viewing_distance_m": round(self.viewing.value(), 3),
        }
        out: list[tuple[Any, str, Any]] = []
        new_org = Organization.model_validate({**plan.organization.model_dump(), **org})
        if new_org != plan.organization:
            out.append((plan, "organization", new_org))
        old_st = plan.settings
        settings["dori_ppm"] = {**old_st.dori_ppm.model_dump(), **dori}
        new_st = Settings.model_validate({**old_st.model_dump(), **settings})
        if new_st != old_st:
            out.append((plan, "settings", new_st))
        if self.pack.currentData() != plan.rules:
            out.append((plan, "rules", self.pack.currentData()))
        return out + self._table_changes()

    def _ok(self) -> None:
        try:
            self.result_changes = self.changes()
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            self.error.setText(f"{where}: {err['msg']}")
            return
        except CellError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class SettingsFeature(QObject):
    """Site ▸ Settings: opens the dialog; OK is one undo step and a fresh analysis."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: SettingsDialog | None = None  # the one open, if any

    def show(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dlg = SettingsDialog(self.ctx.doc.plan, self.ctx.window)
        self.dialog = dlg
        dlg.accepted.connect(lambda: self.apply(dlg.result_changes))
        dlg.finished.connect(self._closed)
        dlg.open()  # window-modal without blocking: the editor keeps painting

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def apply(self, changes: list[tuple[Any, str, Any]]) -> None:
        if not changes:
            return
        cmd = SetFieldsCommand(self.ctx.doc, tr("Change site settings"), changes)
        self.ctx.doc.undo.push(cmd)
        self.ctx.runner.schedule(0)  # a new pack or threshold: new findings at once
