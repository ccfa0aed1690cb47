"""File ▸ Export Report… and File ▸ Export ▸ CSV / GeoJSON / DXF / PNG / SVG in the editor.

Export Report… first asks for the report's languages and paper (the plan's rule pack shown).
Each command asks for the output file through the window's dialogs, then calls the very engine
functions ``siteplanner report`` / ``siteplanner export`` call (``siteplanner.reports`` and
``siteplanner.exports``) on a snapshot of the plan off the UI thread, behind a progress dialog
with Cancel (``LongJob``), so the editor stays responsive and the files match the command line's.
A cancelled export leaves no file behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from siteplanner import pipeline
from siteplanner.analysis import Analyser, AnalysisCancelled
from siteplanner.app.i18n import current_language, tr
from siteplanner.app.longjob import Cancelled, LongJob, Progress, replacing
from siteplanner.app.worker import snapshot
from siteplanner.compliance import RulePack, available_packs, load_pack
from siteplanner.exports.dxf import write_dxf
from siteplanner.exports.geojson import write_geojson
from siteplanner.exports.schedule import write_csv
from siteplanner.model import Plan
from siteplanner.reports.images import write_png, write_svg
from siteplanner.reports.site_report import PAPERS, report_languages, write_report

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

# Format -> (file-dialog filter, suffix).
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF (*.pdf)", ".pdf"),
    "csv": ("CSV (*.csv)", ".csv"),
    "geojson": ("GeoJSON (*.geojson *.json)", ".geojson"),
    "dxf": ("DXF (*.dxf)", ".dxf"),
    "png": ("PNG (*.png)", ".png"),
    "svg": ("SVG (*.svg)", ".svg"),
}

# The report's languages (its own texts are Chinese and English): value -> label.
REPORT_LANGUAGES: dict[tuple[str, ...], str] = {
    ("zh", "en"): QT_TR_NOOP("Chinese and English"),
    ("zh",): QT_TR_NOOP("Chinese"),
    ("en",): QT_TR_NOOP("English"),
}


@dataclass(frozen=True)
class ReportOptions:
    langs: tuple[str, ...] = ("zh", "en")
    paper: str = "A4"


def default_report_options(pack: RulePack | None) -> ReportOptions:
    """The languages ``siteplanner report`` uses without ``--lang``, on A4."""
    return ReportOptions(report_languages(pack) if pack is not None else ("zh", "en"))


class ReportOptionsDialog(QDialog):
    """The report's languages and paper, with the rule pack it is checked against."""

    def __init__(self, parent: QWidget, pack_id: str, pack: RulePack | None) -> None:
        super().__init__(parent)
        self.setObjectName("report_options")
        self.setWindowTitle(tr("Export report"))
        layout = QVBoxLayout(self)
        if pack is not None:
            title = pack.title.get(current_language()) or pack.title.get("en") or ""
            shown = f"{pack.id} — {title}" if title else pack.id
        else:
            shown = pack_id
        rules = QLabel(tr("Rule pack: {0}").format(shown))
        rules.setObjectName("report_rules")
        rules.setWordWrap(True)  # pack titles run long
        self.setMinimumWidth(460)
        rules.setToolTip(tr("The report checks the plan against the plan's rule pack."))
        layout.addWidget(rules)
        default = default_report_options(pack)
        self.langs = self._choices(
            layout,
            tr("Languages"),
            "lang",
            {"_".join(k): (tr(v), k) for k, v in REPORT_LANGUAGES.items()},
            "_".join(default.langs),
        )
        self.paper = self._choices(
            layout, tr("Paper"), "paper", {p: (p, p) for p in PAPERS}, default.paper
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("report_buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choices(
        self,
        layout: QVBoxLayout,
        title: str,
        prefix: str,
        choices: dict[str, tuple[str, object]],
        checked: str,
    ) -> QButtonGroup:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        group = QButtonGroup(self)
        for key, (label, value) in choices.items():
            button = QRadioButton(label)
            button.setObjectName(f"{prefix}_{key}")
            button.setProperty("value", value)
            button.setChecked(key == checked)
            group.addButton(button)
            inner.addWidget(button)
        layout.addWidget(box)
        return group

    def options(self) -> ReportOptions:
        return ReportOptions(
            tuple(self.langs.checkedButton().property("value")),
            str(self.paper.checkedButton().property("value")),
        )


def write_export(
    plan: Plan,
    fmt: str,
    out: Path,
    level_id: str,
    progress: Progress | None = None,
    source: str = "",
    cancelled: Cancelled | None = None,
    options: ReportOptions | None = None,
) -> None:
    """Write ``plan`` as ``fmt`` to ``out`` with the command line's engine functions.

    ``level_id`` is the shown level: the drawings (PNG, SVG) show it; the tables and CAD/GIS
    files hold the whole plan, as ``siteplanner export`` does without ``--level``. The analysis
    reports the first half of the progress, the writing the second. Once ``cancelled()`` is
    true the work stops at its next step with ``AnalysisCancelled``; ``out`` is then left as
    it was (the file is written under a temporary name and renamed at the end).
    """

    def first_half(done: int, total: int) -> None:
        if progress is not None and total > 0:
            progress(done, 2 * total)

    def second_half(done: int, total: int) -> None:
        if progress is not None and total > 0:
            progress(total + done, 2 * total)

    if fmt == "pdf":
        if plan.rules not in available_packs():
            raise ValueError(
                f"rules: unknown rule pack {plan.rules!r} "
                f"(available: {', '.join(available_packs())})"
            )
        pack = load_pack(plan.rules)
        options = options or default_report_options(pack)
        # Finding messages in the first chosen language the pack speaks (as the command line).
        lang = next((c for c in options.langs if c in pack.languages), pack.default_lang)
        result = pipeline.run(
            plan,
            rules=pack,
            lang=lang,
            analyser=Analyser(),
            progress=first_half,
            cancelled=cancelled,
        )
        with replacing(out) as tmp:
            write_report(
                plan,
                result.analysis,
                pack,
                tmp,
                langs=options.langs,
                paper=options.paper,
                findings_lang=lang,
                source=source or plan.name,
                progress=second_half,
                cancelled=cancelled,
            )
        return
    if fmt in ("png", "svg"):
        # A drawing shows one level: only that level is analysed (as ``--level`` does).
        level = next((lv for lv in plan.levels if lv.id == level_id), None)
        if level is None:
            raise ValueError("the plan has no level to draw")
        plan = plan.model_copy(update={"levels": [level]})
    analysis = Analyser().analyse(plan, first_half, cancelled)
    if cancelled is not None and cancelled():
        raise AnalysisCancelled
    with replacing(out) as tmp:
        if fmt == "csv":
            write_csv(plan, analysis, tmp)
        elif fmt == "geojson":
            write_geojson(plan, analysis, tmp)
        elif fmt == "dxf":
            write_dxf(plan, analysis, tmp, progress=second_half, cancelled=cancelled)
        else:
            (write_png if fmt == "png" else write_svg)(plan, plan.levels[0], analysis, tmp)


class ExportsFeature:
    """The report and export commands of the File menu."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.job: LongJob | None = None  # the export under way
        self.options: ReportOptionsDialog | None = None  # while it is open
        self.running: Path | None = None  # the file it writes
        self.last: Path | None = None  # the last file written

    def export_report(self) -> None:
        """Ask for the languages and paper (window-modal, not blocking), then the file."""
        if self.running is not None:
            self.ctx.dialogs.error(tr("Export report"), tr("An export is still running."))
            return
        if self.options is not None:
            self.options.raise_()
            return
        pack_id = self.ctx.doc.plan.rules
        try:
            pack: RulePack | None = load_pack(pack_id)
        except ValueError:
            pack = None  # named by the export's own message when it runs
        dlg = self.options = ReportOptionsDialog(self.ctx.window, pack_id, pack)

        def finished(result: int) -> None:
            self.options = None
            dlg.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._export("pdf", tr("Export report"), "report", dlg.options())

        dlg.finished.connect(finished)
        dlg.open()

    def export_format(self, fmt: str) -> None:
        self._export(fmt, tr("Export"), "")

    def _export(self, fmt: str, title: str, tag: str, options: ReportOptions | None = None) -> None:
        if self.running is not None:
            self.ctx.dialogs.error(title, tr("An export is still running."))
            return
        doc = self.ctx.doc
        filt, suffix = FORMATS[fmt]
        base = Path(doc.path).with_suffix("") if doc.path else Path(doc.plan.name or "plan")
        suggestion = f"{base}-{tag}{suffix}" if tag else f"{base}{suffix}"
        path = self.ctx.dialogs.save_export(title, suggestion, filt)
        if not path:
            return
        out = Path(path)
        if not out.suffix:
            out = out.with_suffix(suffix)
        if not out.parent.is_dir():
            self.ctx.dialogs.error(
                title, tr("{0}: folder {1} does not exist").format(out, out.parent)
            )
            return
        source = Path(doc.path).name if doc.path else ""
        plan, level_id = snapshot(doc.plan), self.ctx.state.level_id

        def work(progress: Progress, cancelled: Cancelled) -> None:
            write_export(plan, fmt, out, level_id, progress, source, cancelled, options)

        job = self.job = LongJob(self.ctx.window, title, tr("Writing {0}…").format(out.name), work)
        job.succeeded.connect(lambda _r: self._on_done(title, None))
        job.failed.connect(lambda message: self._on_done(title, f"{out}: {message}"))
        job.stopped.connect(lambda: self._on_done(title, None, stopped=True))
        self.running = out
        job.start()

    def _on_done(self, title: str, error: str | None, stopped: bool = False) -> None:
        out, self.running, self.job = self.running, None, None
        if stopped:
            self.ctx.status(tr("Export cancelled: {0} was not written").format(out))
            return
        if error:
            self.ctx.dialogs.error(title, error)
            return
        self.last = out
        message = tr("Written to {0}").format(out)
        self.ctx.status(message)
        self.ctx.dialogs.info(title, message)


__all__ = [
    "FORMATS",
    "REPORT_LANGUAGES",
    "ExportsFeature",
    "ReportOptions",
    "ReportOptionsDialog",
    "write_export",
]
