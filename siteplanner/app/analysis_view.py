"""How the analysis is read on the canvas: one camera isolated, the requirement view, the legend.

The editor state holds what is shown (``isolated_camera``, the overlay flags); this feature gives
the View menu its commands and keeps their check marks in line with the state, whoever changed it
(a context menu, Esc on the canvas, a camera deleted).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QGridLayout, QLabel, QVBoxLayout, QWidget

from siteplanner.app import style
from siteplanner.app.context import EditorContext
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import keep_tr, tr
from siteplanner.model import DORI_LEVELS


class AnalysisView:
    """View ▸ Isolate Selected Camera (and, through the state, its indicator and Esc)."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.legend = LegendPanel(ctx)
        self.dock = keep_tr(QDockWidget(ctx.window), QT_TR_NOOP("Legend"))
        self.dock.setObjectName("Legend")  # the English title: stable across languages
        self.dock.setWidget(self.legend)
        ctx.state.isolation_changed.connect(self._isolation_changed)

    def retranslate(self) -> None:
        """The legend and the zones' figures in the language just installed."""
        self.legend.entries = []
        self.legend.refresh()
        for item in self.ctx.scene.requirement_items.values():
            item.set_requirement(item.req)
        self.ctx.view.viewport().update()  # the isolated camera's banner

    def selected_camera(self) -> str | None:
        cams = [o.id for c, o in self.ctx.scene.selected_objects() if c == "cameras"]
        return cams[0] if len(cams) == 1 else None

    @guarded
    def toggle_isolation(self, on: bool) -> None:
        """Isolate the selected camera (on), or show every camera again (off)."""
        state = self.ctx.state
        if not on:
            state.isolate_camera(None)
            return
        cid = self.selected_camera()
        if cid is None:
            self.ctx.status(tr(NO_CAMERA), 5000)
            self._isolation_changed(state.isolated_camera)  # the check mark back as it was
            return
        state.isolate_camera(cid)

    @guarded
    def _isolation_changed(self, camera_id: str | None) -> None:
        act = self.ctx.actions.get("isolate_camera")
        if act is not None and act.isChecked() != (camera_id is not None):
            act.blockSignals(True)
            act.setChecked(camera_id is not None)
            act.blockSignals(False)
        self.ctx.view.viewport().update()  # the indicator
        self.legend.refresh()


NO_CAMERA = QT_TR_NOOP("Select one camera to isolate its view")


# What the legend lists: (key, colour, hatched, text); texts marked for translation.
SEEN_BELOW = QT_TR_NOOP("Seen, below detection density")
COVERAGE = QT_TR_NOOP("Coverage")
PASS = QT_TR_NOOP("Covered at the zone's required density")
FAIL = QT_TR_NOOP("Not covered at the required density")
INTRUSION = QT_TR_NOOP("Privacy intrusion")
BLIND = QT_TR_NOOP("Blind spot")
BAND_NAMES = {
    "detection": QT_TR_NOOP("Detection"),
    "observation": QT_TR_NOOP("Observation"),
    "recognition": QT_TR_NOOP("Recognition"),
    "identification": QT_TR_NOOP("Identification"),
}


def _over(colour: QColor, back: QColor) -> QColor:
    """``colour`` as it shows laid over ``back`` (the canvas background)."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        *(
            a * c + (1 - a) * b
            for c, b in zip(colour.getRgbF()[:3], back.getRgbF()[:3], strict=True)
        )
    )


class LegendPanel(QWidget):
    """The colours of the canvas, as drawn now: the DORI bands with the plan's densities, or
    the requirement view's pass and fail, and the privacy overlays shown."""

    SWATCH = (22, 14)

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.entries: list[tuple[str, QColor, bool, str]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        ctx.state.overlays_changed.connect(self._refresh)
        ctx.state.render_changed.connect(self._refresh)
        ctx.doc.changed.connect(self._refresh)
        self.refresh()

    @guarded
    def _refresh(self, *_args: object) -> None:
        self.refresh()

    def compute(self) -> list[tuple[str, QColor, bool, str]]:
        shown = self.ctx.state.overlays
        isolated = self.ctx.state.isolated_camera is not None
        out: list[tuple[str, QColor, bool, str]] = []
        if shown.requirement and not isolated:
            out.append(("pass", style.REQUIREMENT_PASS, False, tr(PASS)))
            out.append(("fail", style.REQUIREMENT_FAIL, True, tr(FAIL)))
        elif shown.coverage and shown.dori:
            dori = self.ctx.doc.plan.settings.dori_ppm
            for band in reversed(DORI_LEVELS):  # best first, as drawn on top
                text = tr("{0} (from {1:g} px/m)").format(
                    tr(BAND_NAMES[band]), dori.threshold(band)
                )
                out.append((band, style.DORI_BAND[band], False, text))
            out.append(("coverage", style.COVERAGE_FILL, False, tr(SEEN_BELOW)))
        elif shown.coverage:
            out.append(("coverage", style.COVERAGE_FILL, False, tr(COVERAGE)))
        if not isolated:
            if shown.intrusions:
                out.append(("intrusion", style.INTRUSION_FILL, False, tr(INTRUSION)))
            if shown.blind and not shown.requirement:
                out.append(("blind", style.BLIND_HATCH, True, tr(BLIND)))
        return out

    def refresh(self) -> None:
        entries = self.compute()
        if entries == self.entries:
            return
        self.entries = entries
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone at once, not when the deferred delete comes
                item.widget().deleteLater()
        for row, (key, colour, hatched, text) in enumerate(entries):
            swatch = QLabel()
            swatch.setObjectName(f"legend_{key}")
            swatch.setPixmap(self.swatch(colour, hatched))
            label = style.plain_label(QLabel(text))
            label.setWordWrap(True)
            self.grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label, row, 1)

    def swatch(self, colour: QColor, hatched: bool) -> QPixmap:
        """The colour as the canvas shows it (over its background), hatched where it is."""
        w, h = self.SWATCH
        pix = QPixmap(w, h)
        pix.fill(_over(colour, style.BACKGROUND))
        painter = QPainter(pix)
        if hatched:
            painter.fillRect(0, 0, w, h, QBrush(colour.darker(130), Qt.BrushStyle.BDiagPattern))
        painter.setPen(style.GRID_MAJOR)
        painter.drawRect(0, 0, w - 1, h - 1)
        painter.end()
        return pix
