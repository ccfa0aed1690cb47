"""Signs in the editor: File ▸ Print Signs… / Export Signs PDF…, and sign suggestions on the canvas.

Printing draws the very same sign layout as the PDF writer (``siteplanner.signage.pdf``) through
the Qt implementation of the drawing protocol (``siteplanner.app.qt_canvas``), so a printed sign
and an exported one are identical and at true size. Suggestions come from the engine
(``siteplanner.signage.placement``), run by the analysis worker for the shown level, never on the
UI thread; accepting one adds a Sign through the undo stack.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsItem,
    QGraphicsObject,
    QMenu,
    QStyleOptionGraphicsItem,
    QWidget,
)

from siteplanner import pipeline
from siteplanner.app.commands import AddObjectsCommand, SetFieldsCommand
from siteplanner.app.i18n import tr
from siteplanner.app.items import Z_SIGN
from siteplanner.app.qt_canvas import PrinterCanvas
from siteplanner.app.settings_ui import ORG_TEXTS
from siteplanner.app.style import plain_tip
from siteplanner.compliance import load_pack
from siteplanner.compliance.packs import PackError, RulePack, UnknownRulePack
from siteplanner.model import Level
from siteplanner.signage.content import lang_choices, notice_missing
from siteplanner.signage.pdf import (
    PAPERS,
    SignPdfError,
    check_notice_url,
    draw_signs,
    write_signs_pdf,
)
from siteplanner.signage.placement import SignSuggestion, suggest_signs

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

# Without a known rule pack (the plan names one this build lacks): the Chinese packs' choice.
LANG_CHOICES = [("中文 + English", ("zh", "en")), ("中文", ("zh",)), ("English", ("en",))]
PAPER_WORDS = (QT_TR_NOOP("letter"),)  # A4 and A3 read the same in every language
LAYOUT_CHOICES = [
    (QT_TR_NOOP("One sign per page"), "page"),
    (QT_TR_NOOP("Several per sheet, with cut marks"), "sheet"),
]
# Above this many cameras on a level, suggestions are not computed on every analysis.
MAX_SUGGEST_CAMERAS = 400
_QT_PAPER = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
}


@dataclass
class SignOptions:
    paper: str = "A4"
    langs: tuple[str, ...] = ("zh", "en")
    layout: str = "page"
    legend: bool = True


def print_signs(
    printer: QPrinter, plan: Any, options: SignOptions, signs=None, draft: bool = False
):
    """Draw the signs on ``printer`` at true size (the printer's paper size is used); a
    ``draft`` carries the DRAFT / 草稿 mark on every sign."""
    painter = QPainter()
    if not painter.begin(printer):
        raise SignPdfError("the printer cannot be opened")
    try:
        rect = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
        return draw_signs(
            PrinterCanvas(printer, painter),
            plan,
            (rect.width(), rect.height()),
            options.langs,
            options.layout,
            signs,
            options.legend,
            draft=draft,
        )
    finally:
        painter.end()


# --- suggestions on the canvas -----------------------------------------------------------------


class SuggestionItem(QGraphicsObject):
    """A suggested sign: a dashed yellow marker with an arrow pointing where the sign faces.
    Drag it to move the suggestion; double-click (or right-click ▸ Accept) adds the sign."""

    SIZE = 16.0

    def __init__(self, ui: SignsUi, suggestion: SignSuggestion, label: str) -> None:
        super().__init__()
        self.ui = ui
        self.suggestion = suggestion
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # Under the cameras so that clicks meant for a camera reach it; cached because a busy
        # level draws many of them on every frame.
        self.setZValue(Z_SIGN + 1)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setPos(QPointF(*suggestion.position))
        where = tr(suggestion.kind) + (f" {suggestion.opening}" if suggestion.opening else "")
        self.setToolTip(
            plain_tip(
                tr(
                    "Suggested sign ({0}): announces {1}. "
                    "Double-click to add it, drag to move, right-click to reject."
                ).format(where, label)
                + (f"\n{suggestion.note}" if suggestion.note else "")
            )
        )

    def boundingRect(self) -> QRectF:
        r = self.SIZE * 1.6
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        # Only the marker itself takes clicks: the arrow must not hide a camera under it.
        path = QPainterPath()
        s = self.SIZE / 2
        path.addRect(QRectF(-s, -s, 2 * s, 2 * s))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        s = self.SIZE / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The view flips y; this item draws in screen pixels, so the plan angle turns sign.
        a = -math.radians(self.suggestion.facing_deg)
        tip = QPointF(math.cos(a) * s * 2.6, math.sin(a) * s * 2.6)
        painter.setPen(QPen(QColor(20, 20, 20), 2.0))
        painter.drawLine(QPointF(0, 0), tip)
        head = QPainterPath()
        for k, d in ((0, 0.0), (1, 2.6), (2, -2.6)):
            pt = (
                tip
                if k == 0
                else QPointF(tip.x() - 6 * math.cos(a + d / 6), tip.y() - 6 * math.sin(a + d / 6))
            )
            head.moveTo(pt) if k == 0 else head.lineTo(pt)
        head.closeSubpath()
        painter.fillPath(head, QColor(20, 20, 20))
        pen = QPen(QColor(20, 20, 20), 1.5, Qt.PenStyle.DashLine)
        if self.isSelected():
            pen = QPen(QColor(0, 90, 200), 2.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 204, 0, 220))
        painter.drawRoundedRect(QRectF(-s, -s, 2 * s, 2 * s), 4, 4)
        painter.setPen(QColor(20, 20, 20))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(int(s * 1.4))
        painter.setFont(font)
        painter.drawText(QRectF(-s, -s, 2 * s, 2 * s), Qt.AlignmentFlag.AlignCenter, "+")

    def mouseDoubleClickEvent(self, event) -> None:
        self.ui.accept(self)

    def contextMenuEvent(self, event) -> None:
        menu = QMenu()
        menu.addAction(tr("Accept suggested sign"), lambda: self.ui.accept(self))
        menu.addAction(tr("Reject suggestion"), lambda: self.ui.reject(self))
        menu.exec(event.screenPos())


def _key(s: SignSuggestion) -> tuple:
    return (
        s.level_id,
        s.kind,
        s.opening,
        tuple(s.covers),
        round(s.position[0], 1),
        round(s.position[1], 1),
    )


class SignOptionsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        options: SignOptions,
        paper: bool = True,
        pack: RulePack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Signs"))
        form = QFormLayout(self)
        self.paper = QComboBox()
        for name in PAPERS:  # shown translated ("letter"), kept as the engine's name
            self.paper.addItem(tr(name), name)
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.paper)))
        if paper:
            form.addRow(tr("Paper"), self.paper)
        self.langs = QComboBox()
        # The languages the plan's rule pack prints its signs in, its default first.
        choices = lang_choices(pack) if pack is not None else LANG_CHOICES
        for label, value in choices:
            self.langs.addItem(label, value)
        values = [v for _, v in choices]
        self.langs.setCurrentIndex(
            values.index(tuple(options.langs)) if tuple(options.langs) in values else 0
        )
        form.addRow(tr("Languages"), self.langs)
        self.layout_box = QComboBox()
        for label, value in LAYOUT_CHOICES:
            self.layout_box.addItem(tr(label), value)
        self.layout_box.setCurrentIndex([v for _, v in LAYOUT_CHOICES].index(options.layout))
        form.addRow(tr("Layout"), self.layout_box)
        self.legend = QCheckBox(tr("Add the sign legend (where each sign goes)"))
        self.legend.setChecked(options.legend)
        form.addRow(self.legend)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> SignOptions:
        return SignOptions(
            self.paper.currentData(),
            tuple(self.langs.currentData()),
            self.layout_box.currentData(),
            self.legend.isChecked(),
        )


class SignsUi(QObject):
    """Sign suggestions on the canvas (View ▸ Sign Suggestions), printing and PDF export."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.window = ctx.window
        self.options = SignOptions()
        self.items: list[SuggestionItem] = []
        self.suggestions: list[SignSuggestion] = []
        self.dismissed: set[tuple] = set()
        # Replaceable in tests: () -> SignOptions | None.
        self.ask_options = self._ask_options
        # Bound methods, not lambdas: Qt drops them when this object goes.
        ctx.state.render_changed.connect(self._render_changed)
        ctx.state.level_changed.connect(self._level_changed)
        ctx.state.overlays_changed.connect(self._overlays_changed)
        self._shown = ctx.state.overlays.suggestions

    @property
    def visible(self) -> bool:
        return self.ctx.state.overlays.suggestions

    @property
    def analysis(self) -> Any:
        render = self.ctx.state.render
        return render.analysis if render is not None else None

    # -- suggestions --------------------------------------------------------------------------
    def _render_changed(self, _data: Any) -> None:
        self.refresh()

    def _level_changed(self, _level_id: str) -> None:
        self.refresh()

    def _overlays_changed(self, overlays: Any) -> None:
        if overlays.suggestions != self._shown:
            self._shown = overlays.suggestions
            self.refresh()

    def wanted_levels(self) -> list[str]:
        """The levels the worker should suggest signs for: the shown one, while shown."""
        level = self.ctx.scene.level()
        if not self.visible or level is None or len(level.cameras) > MAX_SUGGEST_CAMERAS:
            return []
        return [level.id]

    def refresh(self) -> None:
        """Draw the worker's suggestions for the shown level (asking for them if the latest
        analysis has none for it): nothing is computed here, on the UI thread. A suggestion
        the previous analysis made too keeps its marker (no redraw of the level)."""
        scene = self.ctx.scene
        level = scene.level()
        found: list[SignSuggestion] | None = None
        if self.visible and level is not None:
            if len(level.cameras) > MAX_SUGGEST_CAMERAS:
                self.ctx.status(
                    tr(
                        "Sign suggestions are off for levels with more than {0} cameras; "
                        "use siteplanner signs --suggested"
                    ).format(MAX_SUGGEST_CAMERAS)
                )
            else:
                render = self.ctx.state.render
                found = render.suggestions.get(level.id) if render is not None else None
                if found is None and not self.ctx.runner.busy:
                    self.ctx.runner.schedule(0)
        if found is None:
            self._clear_items()
            self.suggestions = []
            return
        old = {_key(i.suggestion): i for i in self.items if i.scene() is scene}
        names = {c.id: c.name or c.id for c in level.cameras} if level else {}
        self.items, self.suggestions = [], []
        for s in found:
            key = _key(s)
            if key in self.dismissed:
                continue
            self.suggestions.append(s)
            item = old.pop(key, None)
            if item is None:
                item = SuggestionItem(self, s, ", ".join(names.get(c, c) for c in s.covers))
                scene.addItem(item)
            else:
                item.suggestion = s
            self.items.append(item)
        for item in old.values():
            scene.removeItem(item)

    def _clear_items(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.items = []

    def set_visible(self, on: bool) -> None:
        self.ctx.state.set_overlay("suggestions", on)

    def accept(self, item: SuggestionItem) -> None:
        doc = self.ctx.doc
        level = doc.plan.level(item.suggestion.level_id)
        if level is None:
            return
        sign = item.suggestion.to_sign(doc.new_id("signs"))
        pos = item.pos()
        sign.position = (round(pos.x(), 3), round(pos.y(), 3))  # where the user left it
        self.dismissed.add(_key(item.suggestion))
        self._drop(item)
        doc.undo.push(
            AddObjectsCommand(doc, tr("Add sign {0}").format(sign.id), level, [("signs", sign)])
        )

    def _level_suggestions(self, level: Level) -> list[SignSuggestion]:
        """The shown level's suggestions, not rejected ones, where the user has dragged them;
        computed here when they are not on the canvas (the overlay is off, or the analysis
        drawn is older than the plan)."""
        if self.visible and self.items and not self.ctx.runner.busy:
            out = []
            for item in self.items:
                pos = item.pos()
                out.append(
                    replace(item.suggestion, position=(round(pos.x(), 3), round(pos.y(), 3)))
                )
            return out
        render = self.ctx.state.render
        plan = self.ctx.doc.plan
        if render is not None and not self.ctx.runner.busy:
            found = suggest_signs(plan, render.analysis, level_ids=[level.id])
        else:  # no current analysis: the pipeline, once, for this level
            found = pipeline.run(plan, suggest=[level.id]).suggestions
        return [s for s in found if s.level_id == level.id and _key(s) not in self.dismissed]

    def accept_all(self) -> int:
        """Tools ▸ Accept All Sign Suggestions: every suggestion of the shown level becomes a
        sign (or extends the sign it names), as one undo step. Returns how many."""
        doc = self.ctx.doc
        level = self.ctx.scene.level()
        if level is None:
            return 0
        found = self._level_suggestions(level)
        if not found:
            self.ctx.status(tr("No sign suggestions on this level."), 5000)
            return 0
        ids = doc.ids()
        new: list[tuple[str, Any]] = []
        extended: dict[str, tuple[Any, list[str]]] = {}
        for s in found:
            old = next((g for g in level.signs if g.id == s.extends), None) if s.extends else None
            if old is not None:
                covers = extended.get(old.id, (old, list(old.covers)))[1]
                covers += [c for c in s.covers if c not in covers]
                extended[old.id] = (old, covers)
            else:
                new.append(("signs", s.to_sign(ids.new("signs"))))
        text = tr("Accept {0} sign suggestions").format(len(found))
        doc.undo.beginMacro(text)
        try:
            if new:
                doc.undo.push(AddObjectsCommand(doc, text, level, new))
            if extended:
                changes = [(sign, "covers", covers) for sign, covers in extended.values()]
                doc.undo.push(SetFieldsCommand(doc, text, changes))
        finally:
            doc.undo.endMacro()
        self.dismissed.update(_key(s) for s in found)
        self._clear_items()
        self.suggestions = []
        self.ctx.status(tr("{0} signs added").format(len(new)), 5000)
        return len(found)

    def reject(self, item: SuggestionItem) -> None:
        self.dismissed.add(_key(item.suggestion))
        self._drop(item)

    def _drop(self, item: SuggestionItem) -> None:
        if item in self.items:
            self.items.remove(item)
        if item.scene() is not None:
            item.scene().removeItem(item)

    # -- printing and export ------------------------------------------------------------------
    def _ask_options(self, paper: bool = True) -> SignOptions | None:
        try:
            pack = load_pack(self.ctx.doc.plan.rules)
        except (UnknownRulePack, PackError):
            pack = None
        dlg = SignOptionsDialog(self.window, self.options, paper, pack)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        self.options = dlg.options()
        return self.options

    def _has_signs(self) -> bool:
        if any(lv.signs for lv in self.ctx.doc.plan.levels):
            return True
        self.ctx.dialogs.error(
            tr("No signs"),
            tr("This plan has no signs yet. Accept suggested signs or place signs first."),
        )
        return False

    def _draft_or_refuse(self, title: str, draft: str) -> bool | None:
        """Whether to print as a draft: False when the notice is complete; when it is not, the
        user's choice between a draft (True) and filling in the missing fields in Site ▸
        Settings (None, as for cancelling: nothing is printed)."""
        try:
            missing = notice_missing(self.ctx.doc.plan)
        except (UnknownRulePack, PackError):
            return False  # printing reports the unknown rule pack itself
        if not missing:
            return False
        labels = dict(ORG_TEXTS, retention_days=QT_TR_NOOP("Retention"))
        names = [tr(labels.get(m.split(".")[-1], m)) for m in missing]
        message = tr(
            "The notice on the signs is incomplete: {0} missing.\n\nA sign must tell people "
            "who operates the cameras, how to reach them, why they record and how long "
            "recordings are kept. Fill these in under Site ▸ Settings, or print a proof marked "
            "DRAFT / 草稿, which is not to be put up."
        ).format(tr(", ").join(names))  # 、 between Chinese words
        answer = self.ctx.dialogs.ask_incomplete_notice(title, message, draft)
        if answer == "settings":
            self.ctx.actions["site_settings"].trigger()
        return True if answer == "draft" else None

    def export_pdf(self) -> Path | None:
        if not self._has_signs():
            return None
        draft = self._draft_or_refuse(tr("Export signs"), tr("Export as Draft"))
        if draft is None:
            return None
        options = self.ask_options()
        if options is None:
            return None
        doc = self.ctx.doc
        base = Path(doc.path).with_suffix("") if doc.path else Path("signs")
        path = self.ctx.dialogs.save_export(tr("Export signs"), f"{base}-signs.pdf", "PDF (*.pdf)")
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            result = write_signs_pdf(
                self.ctx.doc.plan,
                path,
                options.paper,
                options.langs,
                options.layout,
                legend=options.legend,
                draft=draft,
            )
        except (OSError, SignPdfError) as exc:
            self.ctx.dialogs.error(
                tr("Export signs"), tr("Cannot write {0}: {1}").format(path, exc)
            )
            return None
        self.ctx.status(tr("Signs written to {0} ({1} pages)").format(path, result.pages))
        return Path(path)

    def make_printer(self, options: SignOptions) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(_QT_PAPER[options.paper]))
        printer.setFullPage(True)  # the layout keeps its own margins and marks
        printer.setDocName(f"Signs — {self.ctx.doc.plan.name or 'plan'}")
        return printer

    def print_signs(self) -> None:
        if not self._has_signs():
            return
        try:
            check_notice_url(self.ctx.doc.plan.organization.privacy_notice_url)
        except SignPdfError as exc:
            self.ctx.dialogs.error(tr("Print signs"), str(exc))
            return
        draft = self._draft_or_refuse(tr("Print signs"), tr("Print as Draft"))
        if draft is None:
            return
        options = self.ask_options()
        if options is None:
            return
        printer = self.make_printer(options)
        dlg = QPrintPreviewDialog(printer, self.window)
        dlg.setObjectName("print_signs_preview")
        dlg.setWindowTitle(tr("Print signs"))
        dlg.paintRequested.connect(
            lambda p: print_signs(p, self.ctx.doc.plan, options, draft=draft)
        )
        # The preview's own Print button opens Qt's print dialog.
        dlg.exec()


__all__ = ["SignOptions", "SignsUi", "SuggestionItem", "print_signs"]
