"""File ▸ Export Report… and File ▸ Export ▸ CSV / GeoJSON / DXF / PNG / SVG in the editor.

Each command asks for the output file through the window's dialogs, then calls the very engine
functions ``siteplanner report`` / ``siteplanner export`` call (``siteplanner.reports`` and
``siteplanner.exports``) on a snapshot of the plan in Qt's thread pool, behind a progress dialog,
so the editor stays responsive and the files match the command line's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog

from siteplanner import pipeline
from siteplanner.analysis import Analyser
from siteplanner.app.i18n import tr
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

Progress = Callable[[int, int], None]

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
) -> None:
    """Write ``plan`` as ``fmt`` to ``out`` with the command line's engine functions.

    ``level_id`` is the shown level: the drawings (PNG, SVG) show it; the tables and CAD/GIS
    files hold the whole plan, as ``siteplanner export`` does without ``--level``.
    """
    if fmt == "pdf":
        if plan.rules not in available_packs():
            raise ValueError(
                f"rules: unknown rule pack {plan.rules!r} "
                f"(available: {', '.join(available_packs())})"
            )
        pack = load_pack(plan.rules)
        result = pipeline.run(plan, rules=pack, lang=pack.default_lang, analyser=Analyser())
        write_report(
            plan, result.analysis, pack, out, source=source or plan.name, progress=progress
        )
        return
    analysis = Analyser().analyse(plan)
    if fmt == "csv":
        write_csv(plan, analysis, out)
    elif fmt == "geojson":
        write_geojson(plan, analysis, out)
    elif fmt == "dxf":
        write_dxf(plan, analysis, out)
    else:
        level = next((lv for lv in plan.levels if lv.id == level_id), None)
        if level is None:
            raise ValueError("the plan has no level to draw")
        (write_png if fmt == "png" else write_svg)(plan, level, analysis, out)


class _Relay(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # None on success, else the one-line message


class _Job(QRunnable):
    def __init__(self, plan: Plan, fmt: str, out: Path, level_id: str, source: str) -> None:
        super().__init__()
        self.plan, self.fmt, self.out, self.level_id = plan, fmt, out, level_id
        self.source = source
        self.relay = _Relay()

    def run(self) -> None:
        try:
            write_export(
                self.plan, self.fmt, self.out, self.level_id, self.relay.progress.emit, self.source
            )
        except OSError as exc:
            self.relay.done.emit(f"{self.out}: cannot write: {exc.strerror or exc}")
        except Exception as exc:  # shown as a one-line message, never a traceback
            self.relay.done.emit(f"{self.out}: {exc}")
        else:
            self.relay.done.emit(None)


class ExportsFeature:
    """The report and export commands of the File menu."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.pool = QThreadPool(ctx.window)
        self.progress: QProgressDialog | None = None
        self.running: Path | None = None
        self.last: Path | None = None  # the last file written
        self._relay: _Relay | None = None

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
        dlg = QProgressDialog(tr("Writing {0}…").format(out.name), "", 0, 0, self.ctx.window)
        dlg.setWindowTitle(title)
        dlg.setCancelButton(None)  # the writers cannot stop half-way
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.show()
        source = Path(doc.path).name if doc.path else ""
        job = _Job(snapshot(doc.plan), fmt, out, self.ctx.state.level_id, source)
        relay = self._relay = job.relay  # kept alive until the job reports
        relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        relay.done.connect(
            lambda err, t=title: self._on_done(t, err), Qt.ConnectionType.QueuedConnection
        )
        self.progress, self.running = dlg, out
        self.pool.start(job)

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_done(self, title: str, error: Any) -> None:
        out, self.running = self.running, None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if error:
            self.ctx.dialogs.error(title, str(error))
            return
        self.last = out
        message = tr("Written to {0}").format(out)
        self.ctx.status(message)
        self.ctx.dialogs.info(title, message)


__all__ = ["FORMATS", "ExportsFeature", "write_export"]
