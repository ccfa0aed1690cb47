"""File ▸ Export Report… and File ▸ Export ▸ CSV / GeoJSON / DXF / PNG / SVG in the editor.

Each command asks for the output file through the window's dialogs, then calls the very engine
functions ``siteplanner report`` / ``siteplanner export`` call (``siteplanner.reports`` and
``siteplanner.exports``) on a snapshot of the plan off the UI thread, behind a progress dialog
with Cancel (``LongJob``), so the editor stays responsive and the files match the command line's.
A cancelled export leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from siteplanner import pipeline
from siteplanner.analysis import Analyser, AnalysisCancelled
from siteplanner.app.i18n import tr
from siteplanner.app.longjob import Cancelled, LongJob, Progress, replacing
from siteplanner.app.worker import snapshot
from siteplanner.compliance import available_packs, load_pack
from siteplanner.exports.dxf import write_dxf
from siteplanner.exports.geojson import write_geojson
from siteplanner.exports.schedule import write_csv
from siteplanner.model import Plan
from siteplanner.reports.images import write_png, write_svg
from siteplanner.reports.site_report import write_report

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


def write_export(
    plan: Plan,
    fmt: str,
    out: Path,
    level_id: str,
    progress: Progress | None = None,
    source: str = "",
    cancelled: Cancelled | None = None,
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
        result = pipeline.run(
            plan,
            rules=pack,
            lang=pack.default_lang,
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
        self.running: Path | None = None  # the file it writes
        self.last: Path | None = None  # the last file written

    def export_report(self) -> None:
        self._export("pdf", tr("Export report"), "report")

    def export_format(self, fmt: str) -> None:
        self._export(fmt, tr("Export"), "")

    def _export(self, fmt: str, title: str, tag: str) -> None:
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
            write_export(plan, fmt, out, level_id, progress, source, cancelled)

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


__all__ = ["FORMATS", "ExportsFeature", "write_export"]
