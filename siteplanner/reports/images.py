"""The plan drawing of one level as an image file: PNG (the PDF page rasterised by PDFium) or
SVG (the same calls on ``SvgCanvas``).

PNG through PDFium (pypdfium2) rather than ReportLab's renderPM: the picture is then exactly the
report's vector page with its embedded CJK font, and pypdfium2 ships self-contained wheels for
every platform, where renderPM needs the rlPyCairo plugin and Cairo's system libraries. No Qt is
involved, so the command line stays Qt-free.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pypdfium2
from reportlab.lib.pagesizes import A3, landscape

from siteplanner.analysis import Analysis
from siteplanner.drawing.canvas import MM, Canvas
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.pdfium import LOCK as PDFIUM_LOCK
from siteplanner.drawing.plan_drawing import INK, DrawingInfo, draw_level
from siteplanner.drawing.svg import SvgCanvas
from siteplanner.model import Level, Plan

PAGE = landscape(A3)
MIN_PNG_WIDTH = 1600


def _page(
    canvas: Canvas, plan: Plan, level: Level, analysis: Analysis, langs: Sequence[str]
) -> DrawingInfo:
    w, h = PAGE
    canvas.begin_page(w, h)
    canvas.set_fill((1.0, 1.0, 1.0))
    canvas.rect(0, 0, w, h, fill=True)
    canvas.set_fill(INK)
    title = f"{plan.name} — {level.name or level.id} ({level.id})" if plan.name else level.id
    canvas.text(10 * MM, h - 12 * MM, title, 12, bold=True)
    info = draw_level(
        canvas, plan, level, analysis, (10 * MM, 8 * MM, w - 10 * MM, h - 16 * MM), langs
    )
    canvas.end_page()
    return info


def write_svg(
    plan: Plan,
    level: Level,
    analysis: Analysis,
    out: str | Path,
    langs: Sequence[str] = ("zh", "en"),
) -> DrawingInfo:
    canvas = SvgCanvas()
    info = _page(canvas, plan, level, analysis, langs)
    Path(out).write_text(canvas.svg(), encoding="utf-8")
    return info


def write_png(
    plan: Plan,
    level: Level,
    analysis: Analysis,
    out: str | Path,
    langs: Sequence[str] = ("zh", "en"),
    width_px: int = 2400,
) -> tuple[int, int]:
    """Write the PNG; returns its size in pixels (at least ``MIN_PNG_WIDTH`` wide)."""
    width_px = max(width_px, MIN_PNG_WIDTH)
    fd, tmp = tempfile.mkstemp(suffix=".pdf")
    os.close(fd)
    try:
        canvas = PdfCanvas(tmp, title=plan.name, pagesize=PAGE)
        _page(canvas, plan, level, analysis, langs)
        canvas.close()
        with PDFIUM_LOCK:
            pdf = pypdfium2.PdfDocument(tmp)
            try:
                page = pdf[0]
                try:
                    bitmap = page.render(scale=width_px / PAGE[0])
                    try:
                        image = bitmap.to_pil().copy()
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            finally:
                pdf.close()
        image.save(str(out), format="PNG", optimize=False)
        size = image.size
    finally:
        os.unlink(tmp)
    return size


__all__ = ["MIN_PNG_WIDTH", "PAGE", "write_png", "write_svg"]
