"""Tools ▸ Place Cameras…: the placement engine (``siteplanner place``) from the editor.

The dialog asks for the level, its collection zones, the models on offer (the plan's and the
catalogue's), the mount heights, a budget, a time limit and whether the cameras there stay. The
engine runs on a copy of the plan in a thread pool, reporting its phase, the best choice so far
and the lower bound; Stop ends the search with the best choice found (checked like any other),
Discard abandons it. The proposed cameras and their coverage are drawn over the canvas until the
user accepts them, as one undo step, or discards them, leaving the plan as it was.

The run is not a ``LongJob``: that shows a modal bar with one Cancel, where this one reports
its phase, best choice and bound in a dialog that stays open for the preview, and tells Stop
(keep the best found) from Discard.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TR_NOOP, QObject, QPointF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsItem,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app import style
from siteplanner.app.commands import AddObjectsCommand, RemoveObjectsCommand, SetFieldsCommand
from siteplanner.app.context import EditorContext
from siteplanner.app.i18n import tr
from siteplanner.app.items import Z_COVERAGE, Z_PREVIEW
from siteplanner.app.longjob import describe
from siteplanner.app.qtgeom import path_from_geometry
from siteplanner.app.style import plain_label
from siteplanner.app.worker import snapshot
from siteplanner.catalogue import load_catalogue
from siteplanner.model import Camera, Plan
from siteplanner.placement import (
    PlacementError,
    PlacementResult,
    PlacementStopped,
    PlaceOptions,
    PlaceProgress,
    place,
)

PHASE_TEXT = {
    "points": QT_TR_NOOP("Sampling the zones"),
    "candidates": QT_TR_NOOP("Trying mounts"),
    "greedy": QT_TR_NOOP("First choice"),
    "solving": QT_TR_NOOP("Searching for fewer cameras"),
    "checking": QT_TR_NOOP("Checking the result"),
}
# Mount heights tried between the lowest and the highest asked for.
HEIGHT_STEPS = 3


@dataclass
class Proposal:
    """A finished placement and what the canvas draws of it (paths built off the UI thread)."""

    result: PlacementResult
    level_id: str
    replace: bool
    # (camera, coverage path in plan metres) per proposed camera on the level.
    cameras: list[tuple[Camera, QPainterPath]] = field(default_factory=list)


class _Relay(QObject):
    progress = Signal(object)  # PlaceProgress
    done = Signal(object)  # Proposal; a str (a one-line message); None (stopped, nothing found)


class _PlaceJob(QRunnable):
    def __init__(self, plan: Plan, options: PlaceOptions, stop: threading.Event) -> None:
        super().__init__()
        self.plan, self.options, self.stop = plan, options, stop
        self.cancel = threading.Event()
        self.relay = _Relay()

    def run(self) -> None:
        try:
            result = place(
                self.plan,
                self.options,
                status=self.relay.progress.emit,
                stop=self.stop.is_set,
                cancelled=self.cancel.is_set,
            )
            level_id = self.options.level_id or ""
            proposal = Proposal(result, level_id, self.options.replace)
            for lid, cam in result.placed:
                res = result.analysis.camera(lid, cam.id) if result.analysis else None
                cov = res.coverage.coverage if res is not None else None
                proposal.cameras.append((cam, path_from_geometry(cov)))
        except PlacementStopped:
            self.relay.done.emit(None)
        except Exception as exc:  # shown as a one-line message, never a traceback
            self.relay.done.emit(describe(exc))
        else:
            self.relay.done.emit(proposal)


def _marker(cam: Camera) -> QPainterPath:
    """A proposed camera's glyph in pixels (y down): a ring and a line along its pan."""
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), 7, 7)
    a = math.radians(cam.pan_deg)
    path.moveTo(7 * math.cos(a), -7 * math.sin(a))
    path.lineTo(20 * math.cos(a), -20 * math.sin(a))
    return path


class PlaceDialog(QDialog):
    """The choices, the run's progress, and the result; see the module docstring."""

    def __init__(
        self, ctx: EditorContext, pool: QThreadPool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pool = pool  # the feature's: a run abandoned with the dialog ends there
        self.setObjectName("place_cameras")
        self.setWindowTitle(tr("Place Cameras"))
        self.job: _PlaceJob | None = None
        self.finished_job: _PlaceJob | None = None  # the last run, alive past its signal
        self.proposal: Proposal | None = None
        self.preview: list[QGraphicsItem] = []
        self.stale = False  # the plan changed since the run started
        plan = ctx.doc.plan
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)

        self.level = QComboBox()
        self.level.setObjectName("place_level")
        for lv in plan.levels:
            self.level.addItem(lv.name or lv.id, lv.id)
        self.level.setCurrentIndex(max(0, self.level.findData(ctx.state.level_id)))
        self.level.currentIndexChanged.connect(self._fill_zones)
        form.addRow(tr("Level"), self.level)

        self.zones = QListWidget()
        self.zones.setObjectName("place_zones")
        self.zones.setMaximumHeight(120)
        form.addRow(tr("Zones to cover"), self.zones)

        self.models = QListWidget()
        self.models.setObjectName("place_models")
        self.models.setMaximumHeight(140)
        for m in plan.camera_models:
            self._model_row(tr("{0} (plan)").format(m.name or m.id), m.id, True)
        for e in load_catalogue():
            checked = not plan.camera_models and not e.face_recognition
            self._model_row(tr("{0} (catalogue)").format(e.display_name), e.id, checked)
        form.addRow(tr("Models"), self.models)

        heights = QHBoxLayout()
        self.height_lo = self._height_spin(2.4, "place_height_min")
        self.height_hi = self._height_spin(4.0, "place_height_max")
        heights.addWidget(self.height_lo)
        heights.addWidget(QLabel(tr("to")))
        heights.addWidget(self.height_hi)
        form.addRow(tr("Mount height"), heights)

        self.budget = QSpinBox()
        self.budget.setObjectName("place_budget")
        self.budget.setRange(0, 10000)
        self.budget.setSpecialValueText(tr("no limit"))  # 0: as many as it takes
        form.addRow(tr("At most (cameras)"), self.budget)

        self.time_limit = QSpinBox()
        self.time_limit.setObjectName("place_time_limit")
        self.time_limit.setRange(5, 3600)
        self.time_limit.setValue(60)
        self.time_limit.setSuffix(tr(" s"))
        form.addRow(tr("Time limit"), self.time_limit)

        existing = QHBoxLayout()
        self.keep = QRadioButton(tr("Keep the cameras there"))
        self.keep.setObjectName("place_keep")
        self.replace = QRadioButton(tr("Replace them"))
        self.replace.setObjectName("place_replace")
        self.keep.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep)
        group.addButton(self.replace)
        existing.addWidget(self.keep)
        existing.addWidget(self.replace)
        form.addRow(tr("Existing cameras"), existing)

        self.progress = QProgressBar()
        self.progress.setObjectName("place_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        outer.addWidget(self.progress)
        self.status = plain_label(QLabel(""))
        self.status.setObjectName("place_status")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.summary = plain_label(QLabel(""))
        self.summary.setObjectName("place_summary")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Start"))
        self.run_button.setObjectName("place_run")
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setObjectName("place_stop")
        self.stop_button.setToolTip(tr("End the search and keep the best choice found so far"))
        self.accept_button = QPushButton(tr("Accept"))
        self.accept_button.setObjectName("place_accept")
        self.discard_button = QPushButton(tr("Discard"))
        self.discard_button.setObjectName("place_discard")
        for b in (self.run_button, self.stop_button, self.accept_button, self.discard_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.run_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.accept_button.clicked.connect(self.accept_proposal)
        self.discard_button.clicked.connect(self.reject)
        ctx.doc.changed.connect(self._plan_changed)
        ctx.doc.replaced.connect(self._plan_changed)
        ctx.state.level_changed.connect(self._level_shown)
        self._fill_zones()
        self._set_running(False)

    # -- the form ----------------------------------------------------------------------------
    def _model_row(self, text: str, model_id: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, model_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.models.addItem(item)

    def _height_spin(self, value: float, name: str) -> QDoubleSpinBox:
        w = QDoubleSpinBox()
        w.setObjectName(name)
        w.setRange(1.0, 20.0)
        w.setDecimals(2)
        w.setSingleStep(0.1)
        w.setValue(value)
        w.setSuffix(" m")
        return w

    def _fill_zones(self) -> None:
        self.zones.clear()
        level = self.ctx.doc.plan.level(self.level.currentData() or "")
        for z in level.zones if level is not None else []:
            if z.kind != "collection":
                continue
            item = QListWidgetItem(z.name or z.id)
            item.setData(Qt.ItemDataRole.UserRole, z.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.zones.addItem(item)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [
            widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> PlaceOptions:
        """The placement asked for (PlacementError names what is missing)."""
        level_id = self.level.currentData()
        if not level_id:
            raise PlacementError(tr("The plan has no level."))
        zones = self._checked(self.zones)
        if not zones:
            raise PlacementError(tr("Choose at least one collection zone to cover."))
        models = self._checked(self.models)
        if not models:
            raise PlacementError(tr("Choose at least one camera model."))
        lo, hi = sorted((self.height_lo.value(), self.height_hi.value()))
        steps = 1 if hi - lo < 0.05 else HEIGHT_STEPS
        heights = tuple(round(lo + (hi - lo) * i / max(steps - 1, 1), 2) for i in range(steps))
        return PlaceOptions(
            models=models,
            level_id=level_id,
            zone_ids=zones,
            max_cameras=self.budget.value() or None,
            time_limit_s=float(self.time_limit.value()),
            replace=self.replace.isChecked(),
            heights_m=heights,
        )

    # -- the run -----------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        for w in (
            self.level,
            self.zones,
            self.models,
            self.height_lo,
            self.height_hi,
            self.budget,
            self.time_limit,
            self.keep,
            self.replace,
            self.run_button,
        ):
            w.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.accept_button.setEnabled(not running and self._acceptable())

    def _acceptable(self) -> bool:
        p = self.proposal
        return p is not None and bool(p.cameras) and not p.result.violations and not self.stale

    def start(self) -> None:
        if self.job is not None:
            return
        try:
            options = self.options()
        except PlacementError as exc:
            self.status.setText(str(exc))
            return
        self.clear_preview()
        self.proposal = None
        self.stale = False
        self.summary.setText("")
        self.ctx.state.set_level(options.level_id or "")
        job = self.job = _PlaceJob(snapshot(self.ctx.doc.plan), options, threading.Event())
        job.relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        job.relay.done.connect(
            lambda out, j=job: self._on_done(j, out), Qt.ConnectionType.QueuedConnection
        )
        self.progress.setRange(0, 0)
        self.status.setText(tr(PHASE_TEXT["points"]))
        self._set_running(True)
        self.pool.start(job)

    def stop(self) -> None:
        """End the search; the best choice found so far comes back (checked)."""
        if self.job is not None:
            self.job.stop.set()
            self.status.setText(tr("Stopping: checking the best choice found so far…"))

    def _on_progress(self, p: PlaceProgress) -> None:
        if self.job is None:
            return
        if p.total > 0:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
        else:
            self.progress.setRange(0, 0)  # busy: the solver cannot say how far it is
        text = tr(PHASE_TEXT.get(p.phase, p.phase))
        if p.best is not None and math.isfinite(p.best):
            text += " — " + tr("best so far: {0}").format(f"{p.best:g}")
        if p.bound is not None:
            text += " — " + tr("lower bound: {0}").format(f"{p.bound:g}")
        self.status.setText(text)

    def _on_done(self, job: _PlaceJob, out: object) -> None:
        if job is not self.job:
            return  # a run the user abandoned
        # Kept until the next run: freeing it here would delete its relay, the sender of the
        # signal being delivered now.
        self.finished_job, self.job = job, None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if out is None:
            self.status.setText(tr("Stopped before any choice of cameras was found."))
        elif isinstance(out, str):
            self.status.setText(tr("Placement failed: {0}").format(out))
        else:
            assert isinstance(out, Proposal)
            self.proposal = out
            self.status.setText("")
            self.summary.setText(self._describe(out.result))
            self.show_preview(out)
        self._set_running(False)

    def _describe(self, r: PlacementResult) -> str:
        lines = [
            tr(
                "{0} cameras proposed (a simple greedy choice: {1}); lower bound {2}, gap {3} %."
            ).format(len(r.placed), r.greedy_count, f"{r.lower_bound:g}", f"{100 * r.gap:.0f}")
        ]
        for z in r.zones:
            line = tr("{0}: {1} % covered (target {2} %)").format(
                z.name or z.zone_id, f"{100 * z.fraction:.1f}", f"{100 * z.target:.0f}"
            )
            if z.reason:
                line += " — " + z.reason
            lines.append(line)
        if r.violations:
            lines.append(
                tr("The check found faults, so the result cannot be accepted: {0}").format(
                    ", ".join(r.violations)
                )
            )
        if not r.placed:
            lines.append(tr("No camera to add."))
        return "\n".join(lines)

    def _plan_changed(self) -> None:
        if self.job is not None or self.proposal is not None:
            self.stale = True
            self.summary.setText(tr("The plan changed since the placement started: place again."))
            self.accept_button.setEnabled(False)

    # -- the preview -------------------------------------------------------------------------
    def show_preview(self, proposal: Proposal) -> None:
        self.clear_preview()
        scene = self.ctx.scene
        fill = QColor(style.PREVIEW)
        fill.setAlphaF(0.18)
        pen = QPen(style.PREVIEW, 0)  # cosmetic: one pixel at any zoom
        pen.setStyle(Qt.PenStyle.DashLine)
        for cam, path in proposal.cameras:
            area = QGraphicsPathItem(path)
            area.setBrush(QBrush(fill))
            area.setPen(pen)
            area.setZValue(Z_COVERAGE + 0.8)
            marker = QGraphicsPathItem(_marker(cam))
            marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            marker.setPos(QPointF(*cam.position))
            marker.setPen(QPen(style.PREVIEW, 2.5))
            marker.setBrush(QBrush(fill))
            marker.setZValue(Z_PREVIEW)
            marker.setToolTip(style.plain_tip(cam.name or cam.id))
            for item in (area, marker):
                scene.addItem(item)
                self.preview.append(item)
        self._level_shown(self.ctx.state.level_id)

    def _level_shown(self, level_id: str) -> None:
        on = self.proposal is not None and self.proposal.level_id == level_id
        for item in self.preview:
            item.setVisible(on)

    def clear_preview(self) -> None:
        for item in self.preview:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.preview = []

    # -- accept or discard -------------------------------------------------------------------
    def accept_proposal(self) -> None:
        if not self._acceptable():
            return
        assert self.proposal is not None
        apply_proposal(self.ctx, self.proposal)
        self.proposal = None
        self.clear_preview()
        self.accept()

    def done(self, result: int) -> None:
        # Closing by any way (Discard, Escape, the title bar) abandons the run and the preview.
        if self.job is not None:
            self.job.cancel.set()
            self.job.relay.progress.disconnect()
            self.job.relay.done.disconnect()
            self.job = None
        self.clear_preview()
        self.proposal = None
        for signal, slot in (
            (self.ctx.doc.changed, self._plan_changed),
            (self.ctx.doc.replaced, self._plan_changed),
            (self.ctx.state.level_changed, self._level_shown),
        ):
            signal.disconnect(slot)
        super().done(result)


def apply_proposal(ctx: EditorContext, proposal: Proposal) -> None:
    """Add the proposed cameras (and the catalogue models they use) as ONE undo step, first
    removing the level's cameras when asked to replace them."""
    doc = ctx.doc
    level = doc.plan.level(proposal.level_id)
    if level is None:
        return
    doc.undo.beginMacro(tr("Place {0} cameras").format(len(proposal.cameras)))
    try:
        if proposal.replace and level.cameras:
            gone = {c.id for c in level.cameras}
            covers = [
                (s, "covers", [c for c in s.covers if c not in gone])
                for lv in doc.plan.levels
                for s in lv.signs
                if any(c in gone for c in s.covers)
            ]
            if covers:
                doc.undo.push(SetFieldsCommand(doc, tr("Place cameras"), covers))
            doc.undo.push(
                RemoveObjectsCommand(
                    doc, tr("Place cameras"), level, [("cameras", c) for c in level.cameras]
                )
            )
        have = {m.id for m in doc.plan.camera_models}
        new_models = [
            m.model_copy(deep=True) for m in proposal.result.plan.camera_models if m.id not in have
        ]
        if new_models:
            doc.undo.push(
                SetFieldsCommand(
                    doc,
                    tr("Place cameras"),
                    [(doc.plan, "camera_models", [*doc.plan.camera_models, *new_models])],
                )
            )
        taken = {c.id for lv in doc.plan.levels for c in lv.cameras}
        cams = []
        for cam, _path in proposal.cameras:
            new = cam.model_copy(deep=True)
            if new.id in taken:
                new.id = ""  # a fresh id from the command
            cams.append(("cameras", new))
        doc.undo.push(AddObjectsCommand(doc, tr("Place cameras"), level, cams))
    finally:
        doc.undo.endMacro()
    ctx.runner.schedule(0)


class PlaceFeature(QObject):
    """Tools ▸ Place Cameras…: opens the dialog (one at a time, not modal: the canvas shows the
    preview and can be zoomed while the search runs)."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: PlaceDialog | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def show(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if not self.ctx.doc.plan.levels:
            self.ctx.dialogs.error(tr("Place Cameras"), tr("The plan has no level."))
            return
        dlg = self.dialog = PlaceDialog(self.ctx, self.pool, self.ctx.window)
        dlg.finished.connect(self._closed)
        dlg.show()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def shutdown(self) -> None:
        """Abandon any run (the window closes) and let it end."""
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)
        self.pool.waitForDone(10000)


__all__ = ["PlaceDialog", "PlaceFeature", "Proposal", "apply_proposal"]
