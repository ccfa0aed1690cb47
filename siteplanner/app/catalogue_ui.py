"""Camera ▸ Choose model…: pick a catalogue model (and a zoom) for the selected cameras.

The choice is one undo step; it adds the model to the plan's ``camera_models`` when needed and
clears the cameras' own optics so the model supplies them (see ``siteplanner.catalogue``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app.i18n import current_language, keep_tr, tr
from siteplanner.catalogue import (
    Catalogue,
    CatalogueEntry,
    CatalogueError,
    apply_model,
    camera_state,
    load_catalogue,
    restore_camera_state,
)
from siteplanner.model import Camera

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext


def kind_label(kind: str) -> str:
    return {
        "dome": tr("Dome"),
        "bullet": tr("Bullet"),
        "turret": tr("Turret"),
        "terminal": tr("Access terminal"),
        "varifocal": tr("Varifocal"),
    }.get(kind, kind)


def lens_label(entry: CatalogueEntry) -> str:
    lo, hi = entry.focal_range
    return f"{lo:g} mm" if lo == hi else f"{lo:g}–{hi:g} mm"


def fov_label(entry: CatalogueEntry) -> str:
    if entry.is_varifocal and entry.hfov_min_deg is not None:
        return f"{entry.hfov_max_deg:.0f}–{entry.hfov_min_deg:.0f}° H"
    return f"{entry.hfov_deg:g}° × {entry.vfov_deg:g}°"


class ApplyModelCommand(QUndoCommand):
    """Give cameras a catalogue model; undo restores their keys and the plan's model list."""

    def __init__(
        self, doc: Any, cameras: Sequence[Camera], entry: CatalogueEntry, zoom: float | None
    ) -> None:
        super().__init__(tr("Camera model: {0}").format(entry.display_name(current_language())))
        self.doc = doc
        self.cameras = list(cameras)
        self.entry = entry
        self.zoom = zoom
        self.models_before = list(doc.plan.camera_models)
        self.before = [camera_state(c) for c in self.cameras]
        self.after: list[dict[str, Any]] | None = None
        self.models_after: list[Any] = []

    def redo(self) -> None:
        plan = self.doc.plan
        if self.after is None:
            for cam in self.cameras:
                apply_model(plan, cam, self.entry, self.zoom)
            self.after = [camera_state(c) for c in self.cameras]
            self.models_after = list(plan.camera_models)
        else:
            plan.camera_models = list(self.models_after)
            for cam, state in zip(self.cameras, self.after, strict=True):
                restore_camera_state(cam, state)
        self.doc.changed.emit()

    def undo(self) -> None:
        for cam, state in zip(self.cameras, self.before, strict=True):
            restore_camera_state(cam, state)
        self.doc.plan.camera_models = list(self.models_before)
        self.doc.changed.emit()


class ModelDialog(QDialog):
    """The catalogue as a table with a filter, and a focal length for varifocal models."""

    def __init__(
        self,
        catalogue: Catalogue,
        parent: QWidget | None = None,
        current: str | None = None,
        current_zoom: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("model_dialog")
        self.setWindowTitle(tr("Choose camera model"))
        self.resize(820, 460)
        self.catalogue = catalogue
        # A camera that already has a varifocal model opens at its own focal length.
        self.current = current
        self.current_zoom = current_zoom
        box = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("model_filter")
        self.filter.setPlaceholderText(tr("Filter: dome, 8 MP, varifocal…"))
        self.filter.setClearButtonEnabled(True)
        box.addWidget(self.filter)
        columns = [
            tr("Model"),
            tr("Kind"),
            tr("Resolution"),
            tr("Lens"),
            tr("H × V field of view"),
            tr("Range"),
            tr("Face rec."),
        ]
        self.table = QTableWidget(len(catalogue), len(columns))
        self.table.setObjectName("model_table")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, e in enumerate(catalogue):
            mp = e.resolution[0] * e.resolution[1] / 1e6
            cells = (
                e.display_name(current_language()),
                kind_label(e.kind),
                f"{e.resolution[0]}×{e.resolution[1]} ({mp:.0f} MP)",
                lens_label(e),
                fov_label(e),
                f"{e.range_m:g} m",
                tr("yes") if e.face_recognition else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.table, 1)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(QLabel(tr("Focal length")))
        self.zoom = QDoubleSpinBox()
        self.zoom.setObjectName("model_zoom")
        self.zoom.setSuffix(" mm")
        self.zoom.setDecimals(1)
        self.zoom.setSingleStep(0.5)
        zoom_row.addWidget(self.zoom)
        self.optics = QLabel()
        self.optics.setObjectName("model_optics")
        zoom_row.addWidget(self.optics, 1)
        box.addLayout(zoom_row)
        note = QLabel(
            tr(
                "The model fills the camera's field of view, resolution, range and face "
                "recognition; values typed in the camera's properties still override it."
            )
        )
        note.setWordWrap(True)
        box.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        self.filter.textChanged.connect(self._filter)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        self.zoom.valueChanged.connect(self._show_optics)
        self.select(current or (catalogue.entries[0].id if len(catalogue) else None))

    def select(self, model_id: str | None) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == model_id:
                self.table.selectRow(row)
                return
        self._selected()

    def entry(self) -> CatalogueEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.catalogue.get(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def zoom_mm(self) -> float | None:
        e = self.entry()
        return self.zoom.value() if e is not None and e.is_varifocal else None

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.table.rowCount()):
            line = " ".join(
                self.table.item(row, c).text().lower() for c in range(self.table.columnCount())
            )
            model_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            entry = self.catalogue.get(model_id)
            # Also match the id and the English name, whatever the interface language.
            line += f" {model_id} {entry.name.lower() if entry else ''}"
            self.table.setRowHidden(row, not all(w in line for w in words))

    def _selected(self) -> None:
        e = self.entry()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(e is not None)
        varifocal = e is not None and e.is_varifocal
        self.zoom.setEnabled(varifocal)
        self.zoom.blockSignals(True)
        if e is not None:
            lo, hi = e.focal_range
            self.zoom.setRange(lo, hi)
            keep = e.id == self.current and self.current_zoom is not None
            self.zoom.setValue(self.current_zoom if keep else lo)
        self.zoom.blockSignals(False)
        self._show_optics()

    def _show_optics(self) -> None:
        e = self.entry()
        if e is None:
            self.optics.setText("")
            return
        h, v = e.optics_at(self.zoom_mm())
        self.optics.setText(tr("Field of view {0:.1f}° × {1:.1f}°").format(h, v))


def catalogue_id(catalogue: Catalogue, model_id: str | None) -> str | None:
    """The catalogue entry behind a plan model id (``dome-4mp-2`` comes from ``dome-4mp``)."""
    if model_id is None or catalogue.get(model_id) is not None:
        return model_id
    base, _, n = model_id.rpartition("-")
    return base if n.isdigit() and catalogue.get(base) is not None else model_id


def selected_cameras(scene: Any) -> list[Camera]:
    return [obj for coll, obj in scene.selected_objects() if coll == "cameras"]


def choose_model(
    window: QWidget,
    doc: Any,
    cameras: list[Camera],
    catalogue: Catalogue,
    run: Callable[[ModelDialog], int] | None = None,
) -> bool:
    """Show the dialog for ``cameras``; on OK push the undoable change. ``run`` shows the dialog
    (``exec`` by default; tests drive it)."""
    if not cameras:
        return False
    first = cameras[0]
    dialog = ModelDialog(
        catalogue,
        window,
        current=catalogue_id(catalogue, first.model),
        current_zoom=(first.model_extra or {}).get("lens_mm"),
    )
    result = (run or (lambda d: d.exec()))(dialog)
    entry = dialog.entry()
    if result != QDialog.DialogCode.Accepted or entry is None:
        return False
    doc.undo.push(ApplyModelCommand(doc, cameras, entry, dialog.zoom_mm()))
    return True


class CatalogueFeature(QObject):
    """Camera ▸ Choose model… (enabled while cameras are selected), and the same command as a
    button under the camera's properties, where people look for the lens."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._catalogue: Catalogue | None = None
        self.action: QAction | None = None
        self.button: QPushButton | None = None
        outer = getattr(ctx.properties, "outer", None)
        if isinstance(outer, QVBoxLayout):
            self.button = keep_tr(
                QPushButton(),
                QT_TR_NOOP("Choose from catalogue…"),
                tip=QT_TR_NOOP("Fill the selected cameras' optics from the camera catalogue"),
            )
            self.button.setObjectName("properties_choose_model")
            self.button.clicked.connect(self.choose)
            outer.insertWidget(2, self.button)
        ctx.scene.selectionChanged.connect(self.update)

    def actions_ready(self) -> None:
        self.action = self.ctx.actions["choose_model"]
        self.update()

    def catalogue(self) -> Catalogue | None:
        if self._catalogue is None:
            try:
                self._catalogue = load_catalogue()
            except CatalogueError as e:
                QMessageBox.warning(self.ctx.window, tr("Camera catalogue"), str(e))
                return None
        return self._catalogue

    def choose(self) -> bool:
        cat = self.catalogue()
        if cat is None:
            return False
        return choose_model(self.ctx.window, self.ctx.doc, selected_cameras(self.ctx.scene), cat)

    def update(self) -> None:
        try:
            on = bool(selected_cameras(self.ctx.scene))
        except RuntimeError:  # the scene is being torn down
            return
        if self.action is not None:
            self.action.setEnabled(on)
        if self.button is not None:
            self.button.setVisible(on)
