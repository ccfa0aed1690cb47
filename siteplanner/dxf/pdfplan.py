"""PDF floor plans: a page rendered to a PNG fit for tracing, to lie under a level as its
background image (calibrated afterwards like any image: two clicks and a known length).

Rendered with PDFium (pypdfium2): it ships self-contained wheels for every platform and the
product already uses it for its PNG export, so nothing is added to the bundle (Qt's own PDF
module, QtPdf, is not among the Qt modules the bundle carries).

PDFium is not safe to call from two threads at once: call these from one thread (the editor's
UI thread; a page renders in well under a second at the sizes here).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image

from siteplanner.drawing.pdfium import LOCK as PDFIUM_LOCK
from siteplanner.dxf.reader import DxfError

POINTS_PER_INCH = 72.0
TRACE_DPI = 200.0  # fine lines of a 1:100 plan stay legible when zoomed in
MAX_PIXELS = 36_000_000  # an A0 sheet at 200 dpi is 52 Mpx: capped, about 140 MB as RGBA
# A drawing printed at 1:100 is the usual floor plan: the first guess of the scale.
ASSUMED_SCALE = 100.0


@dataclass(frozen=True)
class Rendered:
    path: Path
    width_px: int
    height_px: int
    dpi: float
    # Plan metres per pixel if the sheet is drawn at ``ASSUMED_SCALE`` (calibrate to be sure).
    metres_per_px: float


def _open(path: str | os.PathLike[str]) -> pypdfium2.PdfDocument:
    name = str(path)
    p = Path(path)
    if not p.is_file():
        raise DxfError(f"{name}: no such file")
    try:
        with p.open("rb") as f:
            head = f.read(1024)
    except OSError as exc:
        raise DxfError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if b"%PDF" not in head:
        raise DxfError(f"{name}: is not a PDF file")
    try:
        return pypdfium2.PdfDocument(name)
    except pypdfium2.PdfiumError as exc:
        raise DxfError(f"{name}: the PDF cannot be read ({exc})") from None


def page_sizes(path: str | os.PathLike[str]) -> list[tuple[float, float]]:
    """Each page's size in points (1/72 inch), width and height as shown (rotation applied)."""
    with PDFIUM_LOCK:
        return _page_sizes(path)


def _page_sizes(path: str | os.PathLike[str]) -> list[tuple[float, float]]:
    pdf = _open(path)
    try:
        sizes = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                w, h = page.get_size()
                sizes.append((float(w), float(h)))
            finally:
                page.close()
        if not sizes:
            raise DxfError(f"{path}: the PDF has no pages")
        return sizes
    finally:
        pdf.close()


def trace_dpi(width_pt: float, height_pt: float, dpi: float = TRACE_DPI) -> float:
    """``dpi``, lowered so that the page stays within ``MAX_PIXELS``."""
    w_in, h_in = width_pt / POINTS_PER_INCH, height_pt / POINTS_PER_INCH
    if w_in <= 0 or h_in <= 0:
        return dpi
    return min(dpi, math.sqrt(MAX_PIXELS / (w_in * h_in)))


def render_page(
    path: str | os.PathLike[str], index: int, width_px: int | None = None
) -> Image.Image:
    """Page ``index`` as a PIL image: ``width_px`` wide (a preview), else at the tracing
    resolution."""
    with PDFIUM_LOCK:
        return _render_page(path, index, width_px)


def _render_page(path: str | os.PathLike[str], index: int, width_px: int | None) -> Image.Image:
    pdf = _open(path)
    try:
        if not 0 <= index < len(pdf):
            raise DxfError(f"{path}: page {index + 1}: the PDF has {len(pdf)} pages")
        page = pdf[index]
        try:
            w, h = page.get_size()
            if width_px is not None:
                scale = width_px / max(w, 1e-6)
            else:
                scale = trace_dpi(w, h) / POINTS_PER_INCH
            # White under the drawing (a transparent page would show the canvas through).
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
            try:
                return bitmap.to_pil().copy()
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        pdf.close()


def render_to_png(
    path: str | os.PathLike[str], index: int, out: str | os.PathLike[str]
) -> Rendered:
    """Write page ``index`` of the PDF at ``path`` to the PNG ``out`` at the tracing resolution."""
    pdf_path = Path(path)
    sizes = page_sizes(pdf_path)
    if not 0 <= index < len(sizes):
        raise DxfError(f"{path}: page {index + 1}: the PDF has {len(sizes)} pages")
    dpi = trace_dpi(*sizes[index])
    image = render_page(pdf_path, index)
    out = Path(out)
    try:
        image.save(str(out), format="PNG")
    except OSError as exc:
        raise DxfError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    metres_per_px = ASSUMED_SCALE * 0.0254 / dpi
    return Rendered(out, image.size[0], image.size[1], dpi, metres_per_px)


def png_name(pdf: str | os.PathLike[str], index: int, folder: str | os.PathLike[str]) -> Path:
    """Where the page's image goes: ``<pdf name>-page<N>.png`` in ``folder``, numbered on
    (``-2``, ``-3``...) rather than over a file that is there already."""
    stem = f"{Path(pdf).stem}-page{index + 1}"
    folder = Path(folder)
    out = folder / f"{stem}.png"
    n = 2
    while out.exists():
        out = folder / f"{stem}-{n}.png"
        n += 1
    return out
