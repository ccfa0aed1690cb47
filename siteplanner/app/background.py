"""Background floor plans: an image under each level, placed, scaled and calibrated.

A level's ``background`` holds the image ``path`` (relative to the plan file when the plan has
been saved), ``scale_m_per_px``, ``origin`` (the plan position of the image's bottom-left corner,
metres), ``rotation_deg`` (counter-clockwise about the origin) and ``opacity``. Image pixels run
right and down; the plan's y runs up, so pixel (u, v) of an image H pixels tall lies at
``origin + R(rotation) · (u·s, (H − v)·s)``.

The arithmetic (placement, calibration) is in :mod:`siteplanner.editing.calibration`; this
module draws the image and runs the import, calibrate, align and opacity controls.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGraphicsPixmapItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.i18n import keep_tr, tr
from siteplanner.app.style import plain_label
from siteplanner.editing.calibration import aligned_origin, calibration, image_matrix
from siteplanner.fileformat import image_file_problem
from siteplanner.model import Background, Level, Plan
from siteplanner.units import UnitError, format_length, parse_length

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

Z_BACKGROUND = -100  # under every plan item

Point = tuple[float, float]


def image_transform(
    image_height_px: float, scale: float, origin: Point, rotation_deg: float
) -> QTransform:
    """Item (pixel) to scene (plan metres) transform matching ``pixel_to_plan``."""
    return QTransform(*image_matrix(image_height_px, scale, origin, rotation_deg))


def stored_path(image: str | Path, plan_path: str | Path | None) -> str:
    """The path to store: relative to the plan's folder when the plan has a file."""
    image = Path(image).resolve()
    if plan_path is None:
        return str(image)
    try:
        return Path(os.path.relpath(image, Path(plan_path).resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return str(image)


def resolved_path(path: str, plan_path: str | Path | None) -> Path:
    p = Path(path)
    if p.is_absolute() or plan_path is None:
        return p
    return Path(plan_path).resolve().parent / p


def rebase_backgrounds(
    plan: Plan, old_plan_path: str | Path | None, new_plan_path: str | Path
) -> list[tuple[Background, str]]:
    """Rewrite background paths for a plan about to be saved at ``new_plan_path`` so they keep
    naming the same images; returns (background, old path) pairs to undo it if the save fails."""
    changed = []
    for level in plan.levels:
        bg = level.background
        if bg is None:
            continue
        image = resolved_path(bg.path, old_plan_path)
        new = stored_path(image, new_plan_path)
        if new != bg.path:
            changed.append((bg, bg.path))
            bg.path = new
    return changed


# --- Qt ------------------------------------------------------------------------------------------


class BackgroundLayer(QObject):
    """Draws the current level's background image under the plan, and runs calibration clicks.

    ``document`` is the editor's Document (``plan``, ``path``, ``undo``, ``changed``);
    ``current_level`` returns the level shown; ``push`` puts an undo command on the stack.
    """

    message = Signal(str)  # prompts for the status bar
    calibration_done = Signal()
    imported = Signal()

    def __init__(
        self,
        view: QGraphicsView,
        document: Any,
        current_level: Callable[[], Level | None],
        unit_style: Callable[[], str] = lambda: "metric",
    ) -> None:
        super().__init__(view)
        self.view = view
        self.doc = document
        self.current_level = current_level
        self.unit_style = unit_style  # the display style a typed distance is read in
        self.item: QGraphicsPixmapItem | None = None
        self._cache: dict[str, QPixmap] = {}
        self.error: str | None = None
        self.mode: str | None = None  # "calibrate" or "align" while taking clicks
        self._points: list[Point] = []
        self.dialog: CalibrationDialog | None = None

    # drawing

    def image_file(self, level: Level | None = None) -> Path | None:
        level = level or self.current_level()
        if level is None or level.background is None:
            return None
        return resolved_path(level.background.path, self.doc.path)

    def _pixmap(self, file: Path) -> QPixmap | None:
        try:
            key = f"{file.resolve()}|{file.stat().st_mtime_ns}"
        except OSError:
            self.error = tr("Background image not found: {0}").format(file)
            return None
        pix = self._cache.get(key)
        if pix is None:
            problem = image_file_problem(file)
            if problem is not None:
                self.error = tr("Cannot read background image {0}: {1}").format(file, problem)
                return None
            reader = QImageReader(str(file))
            reader.setAutoTransform(True)  # photos of drawings: honour the EXIF orientation
            image = reader.read()
            if image.isNull():
                self.error = tr("Cannot read background image {0}: {1}").format(
                    file, reader.errorString()
                )
                return None
            pix = QPixmap.fromImage(image)
            self._cache = {key: pix}  # one level's image at a time is plenty
        return pix

    def refresh(self) -> None:
        """Bring the image in line with the current level's background."""
        scene = self.view.scene()
        if self.item is not None and (
            not shiboken6.isValid(self.item) or scene is None or self.item.scene() is not scene
        ):
            self.item = None  # the canvas cleared or replaced its scene
        level = self.current_level()
        bg = level.background if level is not None else None
        self.error = None
        pix = self._pixmap(self.image_file(level)) if bg is not None else None
        if bg is None or pix is None or scene is None:
            if self.item is not None:
                self.item.setVisible(False)
            if self.error:
                self.message.emit(self.error)
            return
        if self.item is None:
            self.item = QGraphicsPixmapItem()
            self.item.setZValue(Z_BACKGROUND)
            self.item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self.item.setData(0, "background")
            scene.addItem(self.item)
        if self.item.pixmap().cacheKey() != pix.cacheKey():
            self.item.setPixmap(pix)
        # Most edits leave the image alone: touch the item only when it changes (a repaint of a
        # large image on every drag step would cost frames).
        t = image_transform(pix.height(), bg.scale_m_per_px, tuple(bg.origin), bg.rotation_deg)
        if self.item.transform() != t:
            self.item.setTransform(t)
        if self.item.opacity() != bg.opacity:
            self.item.setOpacity(bg.opacity)
        self.item.setVisible(True)

    # calibration

    @property
    def calibrating(self) -> bool:
        return self.mode is not None

    def start_calibration(self) -> bool:
        """Two clicks on the image, then the real distance between them sets the scale."""
        return self._start(
            "calibrate", tr("Calibrate: click the first of two points a known distance apart.")
        )

    def start_align(self) -> bool:
        """A click on the image, then a click where that point belongs on the plan."""
        return self._start("align", tr("Align: click a point on the image."))

    def _start(self, mode: str, prompt: str) -> bool:
        if self.item is None or not self.item.isVisible():
            self.message.emit(tr("Import a background image for this level first."))
            return False
        self.cancel_calibration()
        self.mode = mode
        self._points = []
        self.view.installEventFilter(self)  # keys (Esc) reach the view, clicks its viewport
        self.view.viewport().installEventFilter(self)
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.message.emit(prompt)
        return True

    def cancel_calibration(self) -> None:
        if self.mode is not None:
            self.view.removeEventFilter(self)
            self.view.viewport().removeEventFilter(self)
            self.view.viewport().unsetCursor()
        self.mode = None
        self._points = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.mode is None:
            return False
        et = event.type()
        if et == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.cancel_calibration()
            self.message.emit(tr("Cancelled."))
            return True
        if et == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            scene_pt = self.view.mapToScene(event.position().toPoint())  # type: ignore[attr-defined]
            assert self.item is not None
            if self.mode == "align" and len(self._points) == 1:
                level, px = self.current_level(), self._points[0]
                self.cancel_calibration()
                if level is not None:
                    self.apply_alignment(level, px, (scene_pt.x(), scene_pt.y()))
                return True
            px = self.item.mapFromScene(scene_pt)
            self._points.append((px.x(), px.y()))
            if len(self._points) == 1:
                self.message.emit(
                    tr("Calibrate: click the second point.")
                    if self.mode == "calibrate"
                    else tr("Align: click where that point belongs on the plan.")
                )
            else:
                points = self._points
                self.cancel_calibration()
                self._points = points  # kept for the dialog
                self._ask_distance()
            return True
        if et in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return True  # the clicks belong to the calibration, not to the drawing tools
        return False

    def apply_alignment(self, level: Level, px: Point, target: Point) -> None:
        """Move the image so that pixel ``px`` lies on plan point ``target``."""
        bg = level.background
        if bg is None or self.item is None:
            return
        h = self.item.pixmap().height()
        origin = aligned_origin(px, target, h, bg.scale_m_per_px, tuple(bg.origin), bg.rotation_deg)
        push_fields(self.doc, tr("Align background"), [(bg, "origin", origin)])

    def _ask_distance(self) -> None:
        level = self.current_level()
        if level is None or level.background is None or len(self._points) != 2:
            return
        bg = level.background
        p1, p2 = self._points
        current_m = math.dist(p1, p2) * bg.scale_m_per_px
        style = self.unit_style()
        self.dialog = CalibrationDialog(self.view.window(), current_m, style)
        dialog = self.dialog

        def done(result: int) -> None:
            self.dialog = None
            if result != QDialog.DialogCode.Accepted or dialog.distance_m is None:
                self.message.emit(tr("Cancelled."))
                return
            self.apply_calibration(level, p1, p2, dialog.distance_m)

        dialog.finished.connect(done)
        dialog.open()

    def apply_calibration(self, level: Level, p1: Point, p2: Point, distance_m: float) -> None:
        bg = level.background
        if bg is None or self.item is None:
            return
        h = self.item.pixmap().height()
        scale, origin = calibration(
            p1, p2, distance_m, h, bg.scale_m_per_px, tuple(bg.origin), bg.rotation_deg
        )
        push_fields(
            self.doc,
            tr("Calibrate background"),
            [(bg, "scale_m_per_px", scale), (bg, "origin", origin)],
        )
        self.message.emit(
            tr("Background scale set: {0} per pixel.").format(format_length(scale, "metric", 4))
        )
        self.calibration_done.emit()


def push_fields(
    doc: Any, text: str, changes: list[tuple[Any, str, Any]], merge_key: Any = None
) -> None:
    doc.undo.push(SetFieldsCommand(doc, text, changes, merge_key=merge_key))


class CalibrationDialog(QDialog):
    """Asks for the real distance between the two clicked points."""

    def __init__(self, parent: QWidget | None, current_m: float, style: str) -> None:
        super().__init__(parent)
        self.setObjectName("calibration_dialog")
        self.setWindowTitle(tr("Calibrate background scale"))
        self.style_ = style
        self.distance_m: float | None = None
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Currently: {0}").format(format_length(current_m, style))))
        self.edit = QLineEdit()
        self.edit.setObjectName("calibration_distance")
        self.edit.setPlaceholderText(tr("e.g. 5.4 m or 17' 8\""))
        form.addRow(tr("Real distance between the points:"), self.edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.buttons = buttons

    def accept(self) -> None:
        try:
            value = parse_length(self.edit.text(), self.style_)
        except UnitError:
            self.error.setText(tr("Type a length, such as 5.4 or 5.4 m."))
            return
        if value <= 0:
            self.error.setText(tr("The distance must be greater than zero."))
            return
        self.distance_m = value
        super().accept()


class BackgroundPanel(QWidget):
    """Import, calibrate, remove, opacity: the controls for the current level's background."""

    def __init__(self, layer: BackgroundLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.setObjectName("background_panel")
        box = QVBoxLayout(self)
        self.file_label = plain_label(QLabel())
        self.file_label.setWordWrap(True)
        box.addWidget(self.file_label)
        row = QHBoxLayout()
        self.import_button = keep_tr(QPushButton(), QT_TR_NOOP("Import…"))
        self.import_button.setObjectName("background_import")
        self.calibrate_button = keep_tr(QPushButton(), QT_TR_NOOP("Calibrate…"))
        self.calibrate_button.setObjectName("background_calibrate")
        self.align_button = keep_tr(QPushButton(), QT_TR_NOOP("Align…"))
        self.align_button.setObjectName("background_align")
        keep_tr(
            self.align_button,
            None,
            tip=QT_TR_NOOP("Click a point on the image, then where it belongs on the plan"),
        )
        self.remove_button = keep_tr(QPushButton(), QT_TR_NOOP("Remove"))
        self.remove_button.setObjectName("background_remove")
        for b in (self.import_button, self.calibrate_button, self.align_button):
            row.addWidget(b)
        box.addLayout(row)
        rrow = QHBoxLayout()
        rrow.addWidget(keep_tr(QLabel(), QT_TR_NOOP("Rotation")))
        self.rotation = QDoubleSpinBox()
        self.rotation.setObjectName("background_rotation")
        self.rotation.setRange(-360.0, 360.0)
        self.rotation.setDecimals(1)
        self.rotation.setSuffix(" °")
        self.rotation.setKeyboardTracking(False)
        rrow.addWidget(self.rotation, 1)
        rrow.addWidget(self.remove_button)
        box.addLayout(rrow)
        orow = QHBoxLayout()
        orow.addWidget(keep_tr(QLabel(), QT_TR_NOOP("Opacity")))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setObjectName("background_opacity")
        self.opacity.setRange(0, 100)
        orow.addWidget(self.opacity)
        box.addLayout(orow)
        box.addStretch(1)
        self.import_button.clicked.connect(self.choose_image)
        self.calibrate_button.clicked.connect(layer.start_calibration)
        self.align_button.clicked.connect(layer.start_align)
        self.rotation.valueChanged.connect(self._rotation_changed)
        self.remove_button.clicked.connect(self.remove)
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.sync()

    def sync(self) -> None:
        level = self.layer.current_level()
        bg = level.background if level is not None else None
        has = bg is not None
        for w in (
            self.calibrate_button,
            self.align_button,
            self.remove_button,
            self.opacity,
            self.rotation,
        ):
            w.setEnabled(has)
        self.opacity.blockSignals(True)
        self.opacity.setValue(round((bg.opacity if bg else 0.5) * 100))
        self.opacity.blockSignals(False)
        self.rotation.blockSignals(True)
        self.rotation.setValue(bg.rotation_deg if bg else 0.0)
        self.rotation.blockSignals(False)
        if bg is None:
            self.file_label.setText(tr("No background image for this level."))
        else:
            text = tr("{0}, {1} per pixel").format(
                bg.path, format_length(bg.scale_m_per_px, "metric", 4)
            )
            if self.layer.error:
                text += "\n" + self.layer.error
            self.file_label.setText(text)

    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Import background plan"), "", tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.import_image(path)

    def import_image(self, path: str | Path) -> bool:
        level = self.layer.current_level()
        if level is None:
            return False
        problem = image_file_problem(path)
        reader = QImageReader(str(path)) if problem is None else None
        if reader is None or not reader.canRead():
            QMessageBox.warning(
                self,
                tr("Import background plan"),
                tr("Cannot read image {0}: {1}").format(
                    path, problem if reader is None else reader.errorString()
                ),
            )
            return False
        old = level.background
        bg = Background(
            path=stored_path(path, self.layer.doc.path),
            scale_m_per_px=old.scale_m_per_px if old else 0.02,
            origin=tuple(old.origin) if old else (0.0, 0.0),
            rotation_deg=old.rotation_deg if old else 0.0,
            opacity=old.opacity if old else 0.5,
        )
        push_fields(self.layer.doc, tr("Import background"), [(level, "background", bg)])
        self.layer.imported.emit()
        return True

    def remove(self) -> None:
        level = self.layer.current_level()
        if level is not None and level.background is not None:
            push_fields(self.layer.doc, tr("Remove background"), [(level, "background", None)])

    def _rotation_changed(self, value: float) -> None:
        level = self.layer.current_level()
        if level is None or level.background is None or level.background.rotation_deg == value:
            return
        bg = level.background
        push_fields(
            self.layer.doc,
            tr("Rotate background"),
            [(bg, "rotation_deg", value)],
            merge_key=("background-rotation", id(bg)),
        )

    def _opacity_changed(self, value: int) -> None:
        level = self.layer.current_level()
        if level is None or level.background is None:
            return
        bg = level.background
        push_fields(
            self.layer.doc,
            tr("Background opacity"),
            [(bg, "opacity", value / 100.0)],
            merge_key=("background-opacity", id(bg)),
        )


class BackgroundFeature(QObject):
    """The background layer of the shown level and its dock (which the window places).

    Fit to View takes in the image (a content source of the scene), and Save As into another
    folder rebases the images' relative paths first (a save hook of the file controller)."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        doc = ctx.doc
        self.layer = layer = BackgroundLayer(
            ctx.view, doc, ctx.scene.level, lambda: ctx.state.unit_style
        )
        self.panel = BackgroundPanel(layer)
        self.dock = keep_tr(QDockWidget(ctx.window), QT_TR_NOOP("Background plan"))
        self.dock.setObjectName("dock_background")
        self.dock.setWidget(self.panel)
        doc.changed.connect(self.update)
        doc.replaced.connect(self.update)
        ctx.state.level_changed.connect(self.update)
        layer.message.connect(self._message)
        ctx.scene.content_sources.append(self.image_rect)
        layer.imported.connect(self._show_image)
        ctx.file.save_hooks.append(self._rebase_for_save)
        self.update()

    def _message(self, text: str) -> None:
        self.ctx.status(text, 8000)

    def choose_image(self) -> None:
        """File ▸ Import Background Image…: the dock's import, the file asked through the
        editor's dialogs; the dock is shown with what was imported."""
        path = self.ctx.dialogs.open_image(tr("Import background plan"))
        if path and self.panel.import_image(path):
            self.dock.show()
            self.dock.raise_()

    def retranslate(self) -> None:
        self.panel.sync()  # the line naming the image

    def update(self) -> None:
        self.layer.refresh()
        self.panel.sync()

    def image_rect(self) -> QRectF:
        item = self.layer.item
        if item is not None and shiboken6.isValid(item) and item.isVisible():
            return item.sceneBoundingRect()
        return QRectF()

    def _show_image(self) -> None:
        """After an import, show the whole image with the drawing already on the level."""
        if self.layer.item is not None and self.layer.item.isVisible():
            self.ctx.scene.update_scene_rect()  # room to pan over the whole image
            self.ctx.view.fit(self.ctx.scene.content_rect())

    def _rebase_for_save(self, path: Path) -> Callable[[bool], None]:
        changed = rebase_backgrounds(self.ctx.doc.plan, self.ctx.doc.path, path)

        def done(ok: bool) -> None:
            if not ok:
                for bg, old in changed:
                    bg.path = old
            elif changed:
                self.update()

        return done
