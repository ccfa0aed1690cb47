"""File ▸ Import Drawing…: a DXF drawing (walls, doors, windows, rooms and the drawing kept as an
underlay) or a PDF floor plan (a page as the level's background image, then calibrated), or an
image as before.

The DXF is read and built in a worker thread (``siteplanner.dxf`` reports progress and is
cancelled through its hooks) while the dialog shows a progress bar; the user then checks the
preview, the layers' roles, the units and the size, and the import lands as one undo step on
the current level or a new one.
"""

from __future__ import annotations

import glob
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QPointF, QStandardPaths, Qt, QThread, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from siteplanner.app.background import push_fields, stored_path
from siteplanner.app.i18n import tr
from siteplanner.app.style import plain_label
from siteplanner.app.underlay import ROLE_LABELS, ImportDrawingCommand
from siteplanner.dxf import (
    ROLES,
    UNIT_CODES,
    Drawing,
    DxfError,
    ImportCancelled,
    Imported,
    import_dxf,
    pdfplan,
    read_drawing,
)
from siteplanner.dxf.reader import metres_per_unit
from siteplanner.editing.underlay import underlay_of
from siteplanner.model import Background, Level

if TYPE_CHECKING:
    from siteplanner.app.background import BackgroundFeature
    from siteplanner.app.context import EditorContext

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
PREVIEW_PX = 520
ROLE_COLOURS = {
    "wall": QColor(40, 40, 40),
    "door": QColor(200, 90, 30),
    "window": QColor(30, 120, 200),
    "column": QColor(120, 60, 160),
    "room": QColor(40, 150, 80),
    "room-name": QColor(40, 150, 80),
    "ignore": QColor(200, 200, 200),
    "": QColor(140, 140, 140),
}


class Job(QThread):
    """``fn(progress, cancelled)`` in a thread of its own; ``done`` carries the result, or the
    exception it raised."""

    progressed = Signal(int, int)
    done = Signal(object, object)  # (result, exception)

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            result = self.fn(self.progressed.emit, self._stop.is_set)
        except (DxfError, ImportCancelled) as exc:
            self.done.emit(None, exc)
        except Exception as exc:  # a bug must not take the editor down: said, not raised
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)


def _mapping_for(chosen: dict[str, str], by_name: dict[str, str]) -> dict[str, list[str]]:
    """The import's ``mapping`` for the roles the user changed: exact layer names, their glob
    characters escaped ("" is no role: the layer is not recognised)."""
    out: dict[str, list[str]] = {}
    for layer, role in chosen.items():
        if role != by_name.get(layer, ""):
            out.setdefault(role or "none", []).append(glob.escape(layer))
    return out


def _preview_paths(drawing: Drawing) -> dict[str, QPainterPath]:
    """The drawing's polylines per layer, in drawing units, y up."""
    out: dict[str, QPainterPath] = {}
    for layer, pts, closed, _group in drawing.exploded.polylines:
        path = out.get(layer)
        if path is None:
            path = out[layer] = QPainterPath()
        poly = QPolygonF([QPointF(x, y) for x, y in pts.tolist()])
        if closed and len(pts) > 2:
            poly.append(poly[0])
        path.addPolygon(poly)
    return out


class ImportDrawingDialog(QDialog):
    """Reads ``path`` (DXF or PDF), shows what it holds and imports it into ``ctx``'s plan."""

    finished_import = Signal(str)  # the message for the status bar

    def __init__(
        self,
        ctx: EditorContext,
        path: str | os.PathLike[str],
        background: BackgroundFeature | None = None,
    ) -> None:
        super().__init__(ctx.window)
        self.setObjectName("import_drawing_dialog")
        self.ctx = ctx
        self.path = Path(path)
        self.background = background
        self.kind = "pdf" if self.path.suffix.lower() == ".pdf" else "dxf"
        self.state = "reading"  # reading, ready, importing, done, failed, cancelled
        self.drawing: Drawing | None = None
        self.imported: Imported | None = None
        self.error: str | None = None
        self.job: Job | None = None
        self.pages: list[tuple[float, float]] = []
        self.setWindowTitle(tr("Import Drawing"))
        self.resize(900, 620)

        box = QVBoxLayout(self)
        self.file_label = plain_label(QLabel(str(self.path)))
        self.file_label.setWordWrap(True)
        box.addWidget(self.file_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setRange(0, 1000)
        box.addWidget(self.progress)
        self.status = plain_label(QLabel(tr("Reading the drawing…")))
        self.status.setWordWrap(True)
        box.addWidget(self.status)

        body = QHBoxLayout()
        self.preview = QGraphicsView(QGraphicsScene(self))
        self.preview.setObjectName("import_preview")
        self.preview.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.preview.setMinimumSize(360, 300)
        self.page_image = QLabel()
        self.page_image.setObjectName("import_page_image")
        self.page_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_image.setMinimumSize(360, 300)
        body.addWidget(self.preview if self.kind == "dxf" else self.page_image, 3)
        side = QVBoxLayout()
        form = QFormLayout()
        self.layers = QTableWidget(0, 3)
        self.layers.setObjectName("import_layers")
        self.layers.setHorizontalHeaderLabels([tr("Layer"), tr("Entities"), tr("Role")])
        self.layers.verticalHeader().setVisible(False)
        self.layers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.layers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units = QComboBox()
        self.units.setObjectName("import_units")
        self.units_note = plain_label(QLabel())
        self.size_label = plain_label(QLabel())
        self.size_label.setObjectName("import_size")
        self.target = QComboBox()
        self.target.setObjectName("import_target")
        self.page = QSpinBox()
        self.page.setObjectName("import_page")
        self.page.setMinimum(1)
        self.page_note = plain_label(QLabel())
        self.page_note.setWordWrap(True)
        if self.kind == "dxf":
            side.addWidget(self.layers, 1)
            form.addRow(tr("Units"), self.units)
            form.addRow("", self.units_note)
            form.addRow(tr("Size"), self.size_label)
        else:
            form.addRow(tr("Page"), self.page)
            form.addRow("", self.page_note)
        form.addRow(tr("Import to"), self.target)
        side.addLayout(form)
        body.addLayout(side, 2)
        box.addLayout(body, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Import"))
        self.ok_button.setObjectName("import_ok")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("import_cancel")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)

        self._fill_targets()
        self.units.currentIndexChanged.connect(self._units_changed)
        self.page.valueChanged.connect(self._page_changed)
        if self.kind == "dxf":
            self._run(lambda progress, cancelled: read_drawing(self.path, progress, cancelled))
        else:
            self._read_pdf()

    # -- the worker ------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any]) -> None:
        self.job = Job(fn, self)
        self.job.progressed.connect(self._progress)
        self.job.done.connect(self._done)
        self.progress.setValue(0)
        self.progress.show()
        self.job.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(round(1000 * done / max(total, 1)))

    def _done(self, result: Any, exc: BaseException | None) -> None:
        if self.job is not None:
            self.job.wait()
        self.job = None
        if isinstance(exc, ImportCancelled) or self.state == "cancelled":
            self.state = "cancelled"
            return
        if exc is not None:
            self._fail(str(exc) if isinstance(exc, DxfError) else f"{type(exc).__name__}: {exc}")
            return
        if self.state == "reading":
            self.drawing = result
            self._show_drawing()
        elif self.state == "importing":
            self.imported = result
            self._land(result)

    def _fail(self, message: str) -> None:
        self.state = "failed"
        self.error = message
        self.progress.hide()
        self.status.setText(message)
        self.status.setStyleSheet("color: #c62828")
        self.ok_button.setEnabled(False)

    # -- what the drawing holds -------------------------------------------------------------
    def _fill_targets(self) -> None:
        level = self.ctx.scene.level()
        self.target.clear()
        if level is not None:
            self.target.addItem(tr("This level ({0})").format(level.name or level.id), level.id)
        self.target.addItem(tr("A new level"), None)
        # Onto the shown level when it is empty, else a new level.
        empty = level is not None and not (
            any(getattr(level, coll) for coll in ("walls", "zones", "cameras", "obstacles"))
            or underlay_of(level) is not None
            or level.background is not None
        )
        self.target.setCurrentIndex(0 if empty else self.target.count() - 1)

    def _show_drawing(self) -> None:
        d = self.drawing
        assert d is not None
        self.state = "ready"
        self.progress.hide()
        self.status.setText(
            "\n".join(d.repairs[:3])
            or tr("{0} layers. Check each layer's role, the units and the size.").format(
                len(d.layers)
            )
        )
        self.units.blockSignals(True)
        self.units.clear()
        if d.units not in UNIT_CODES:
            self.units.addItem(d.units, None)
        for name in UNIT_CODES:
            self.units.addItem(name, name)
        self.units.setCurrentIndex(max(0, self.units.findText(d.units)))
        self.units.blockSignals(False)
        if d.guessed:
            note = tr("guessed from its size: the drawing names no units")
        elif d.suggested_units is not None:
            across = self.ctx.state.format_length(
                max(d.size_m(d.units)) if d.units in UNIT_CODES else 0
            )
            note = tr("as the drawing says, but {0} across is no floor: drawn in {1}?").format(
                across, d.suggested_units
            )
        else:
            note = tr("as the drawing says")
        self.units_note.setText(note)
        self.units_note.setWordWrap(True)
        self.layers.setRowCount(len(d.layers))
        self.role_boxes: dict[str, QComboBox] = {}
        for row, (name, count, role) in enumerate(d.layers):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.layers.setItem(row, 0, item)
            n = QTableWidgetItem(str(count))
            n.setFlags(Qt.ItemFlag.ItemIsEnabled)
            n.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.layers.setItem(row, 1, n)
            combo = QComboBox()
            combo.setObjectName(f"role_{row}")
            for key in ("", *ROLES):
                combo.addItem(tr(ROLE_LABELS[key]), key)
            combo.setCurrentIndex(combo.findData(role or ""))
            combo.currentIndexChanged.connect(self._recolour)
            self.layers.setCellWidget(row, 2, combo)
            self.role_boxes[name] = combo
        self.layers.resizeColumnToContents(1)
        self.layers.resizeColumnToContents(2)
        self._draw_preview()
        self._units_changed()
        self.ok_button.setEnabled(True)

    def _draw_preview(self) -> None:
        assert self.drawing is not None
        scene = self.preview.scene()
        scene.clear()
        self.preview_items = {}
        for layer, path in _preview_paths(self.drawing).items():
            item = scene.addPath(path)
            self.preview_items[layer] = item
        self._recolour()
        rect = scene.itemsBoundingRect()
        # y up, as on the plan.
        self.preview.scale(1, -1)
        self.preview.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def _recolour(self) -> None:
        for layer, item in getattr(self, "preview_items", {}).items():
            pen = QPen(ROLE_COLOURS.get(self.role_of(layer), ROLE_COLOURS[""]), 0)
            pen.setCosmetic(True)
            item.setPen(pen)

    def role_of(self, layer: str) -> str:
        combo = getattr(self, "role_boxes", {}).get(layer)
        return combo.currentData() if combo is not None else ""

    def chosen_units(self) -> str | None:
        return self.units.currentData()

    def _units_changed(self, *_args: object) -> None:
        d = self.drawing
        if d is None:
            return
        units = self.chosen_units() or "m"
        if self.chosen_units() is None:  # a unit the list does not name: the drawing's own
            w, h = (v * metres_per_unit(d.own_units) for v in d.size)
        else:
            w, h = d.size_m(units)
        fmt = self.ctx.state.format_length
        self.size_label.setText(f"{fmt(w)} × {fmt(h)}")

    # -- importing ---------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.state != "ready":
            return
        if self.kind == "pdf":
            self._import_pdf()
            return
        d = self.drawing
        assert d is not None
        by_name = {name: role or "" for name, _n, role in d.layers}
        mapping = _mapping_for({n: self.role_of(n) for n in by_name}, by_name)
        units = self.chosen_units()
        if units == d.units and not d.guessed:
            units = None  # the drawing's own: nothing to override
        ids = self.ctx.doc.ids()
        self.state = "importing"
        self.ok_button.setEnabled(False)
        self.status.setText(tr("Importing…"))
        self._run(
            lambda progress, cancelled: import_dxf(
                self.path,
                units,
                mapping,
                drawing=d,
                ids=ids,
                progress=progress,
                cancelled=cancelled,
            )
        )

    def into_level(self) -> Level | None:
        level_id = self.target.currentData()
        return self.ctx.doc.plan.level(level_id) if level_id else None

    def _land(self, result: Imported) -> None:
        imported = result.plan.levels[0]
        into = self.into_level()
        if into is None:
            imported.name = self.path.stem
        cmd = ImportDrawingCommand(
            self.ctx.doc, tr("Import drawing {0}").format(self.path.name), imported, into
        )
        self.ctx.doc.undo.push(cmd)
        self.state = "done"
        self.ctx.state.set_level(imported.id if into is None else into.id)
        self.ctx.scene.update_scene_rect()
        self.ctx.view.fit(self.ctx.scene.content_rect())
        w, h = result.size_m
        fmt = self.ctx.state.format_length
        self.finished_import.emit(
            tr("Imported {0}: {1} × {2}; {3}").format(
                self.path.name, fmt(w), fmt(h), result.messages[-1] if result.messages else ""
            )
        )
        super().accept()

    def reject(self) -> None:
        """Cancel: stop the worker (its result is dropped) and leave the plan as it was."""
        if self.job is not None:
            self.state = "cancelled"
            self.job.cancel()
            self.job.wait()
            self.job = None
        if self.state != "done":
            self.state = "cancelled"
        super().reject()

    # -- PDF -----------------------------------------------------------------------------------
    def _read_pdf(self) -> None:
        self.progress.hide()
        try:
            self.pages = pdfplan.page_sizes(self.path)
        except DxfError as exc:
            self._fail(str(exc))
            return
        self.page.blockSignals(True)
        self.page.setMaximum(len(self.pages))
        self.page.blockSignals(False)
        self.state = "ready"
        self.status.setText(
            tr(
                "{0} pages. The page becomes this level's background image: calibrate it next."
            ).format(len(self.pages))
        )
        self._page_changed()
        self.ok_button.setEnabled(True)

    def _page_changed(self, *_args: object) -> None:
        if not self.pages:
            return
        index = self.page.value() - 1
        w, h = self.pages[index]
        dpi = pdfplan.trace_dpi(w, h)
        px = (round(w / 72 * dpi), round(h / 72 * dpi))
        self.page_note.setText(
            tr("{0} × {1} mm sheet, rendered at {2} dpi ({3} × {4} pixels)").format(
                round(w / 72 * 25.4), round(h / 72 * 25.4), round(dpi), *px
            )
        )
        try:
            image = pdfplan.render_page(self.path, index, PREVIEW_PX).convert("RGB")
        except DxfError as exc:
            self._fail(str(exc))
            return
        data = image.tobytes()
        qimage = QImage(
            data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
        )
        self.page_image.setPixmap(QPixmap.fromImage(qimage.copy()))

    def _png_folder(self) -> Path:
        """Next to the plan when it has a file, else next to the PDF; else the app's data."""
        for folder in (
            self.ctx.doc.path.parent if self.ctx.doc.path else None,
            self.path.parent,
            Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)),
        ):
            if folder is not None and os.access(folder, os.W_OK):
                return folder
        return self.path.parent

    def _import_pdf(self) -> None:
        index = self.page.value() - 1
        out = pdfplan.png_name(self.path, index, self._png_folder())
        self.status.setText(tr("Rendering page {0}…").format(index + 1))
        try:
            rendered = pdfplan.render_to_png(self.path, index, out)
        except DxfError as exc:
            self._fail(str(exc))
            return
        level = self.into_level()
        doc = self.ctx.doc
        bg_feature = self.background
        assert bg_feature is not None
        bg = Background(
            path=stored_path(rendered.path, doc.path),
            scale_m_per_px=rendered.metres_per_px,
            origin=(0.0, 0.0),
            rotation_deg=0.0,
            opacity=0.6,
        )
        if level is None:
            new = Level(id=doc.ids().new("levels"), name=f"{self.path.stem} p{index + 1}")
            new.background = bg
            doc.undo.push(ImportDrawingCommand(doc, tr("Import PDF page"), new, None))
            self.ctx.state.set_level(new.id)
        else:
            push_fields(doc, tr("Import PDF page"), [(level, "background", bg)])
        self.state = "done"
        bg_feature.update()
        bg_feature._show_image()
        self.finished_import.emit(
            tr("Page {0} of {1} imported as the background at 1:{2}: calibrate it now.").format(
                index + 1, self.path.name, round(pdfplan.ASSUMED_SCALE)
            )
        )
        super().accept()
        bg_feature.layer.start_calibration()


class ImportDrawingFeature(QObject):
    """File ▸ Import Drawing…: asks for a file and opens the dialog for it."""

    FILTER = QT_TR_NOOP("Drawings (*.dxf *.pdf *.png *.jpg *.jpeg);;All files (*)")

    def __init__(self, ctx: EditorContext, background: BackgroundFeature) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.background = background
        self.dialog: ImportDrawingDialog | None = None

    def import_drawing(
        self, path: str | os.PathLike[str] | None = None
    ) -> ImportDrawingDialog | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.ctx.window, tr("Import Drawing"), "", tr(self.FILTER)
            )
            if not path:
                return None
        if Path(path).suffix.lower() in IMAGE_SUFFIXES:
            self.background.panel.import_image(path)  # an image: as the Background dock does
            return None
        self.dialog = ImportDrawingDialog(self.ctx, path, self.background)
        self.dialog.finished_import.connect(lambda text: self.ctx.status(text, 15000))
        self.dialog.open()
        return self.dialog
