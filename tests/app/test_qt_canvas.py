"""The Qt canvas draws what the PDF canvas draws: the same calls, the same pixels, the same text
at the same places."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from siteplanner.app.qt_canvas import PrinterCanvas, QtCanvas
from siteplanner.drawing.canvas import MM, Canvas
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.recording import RecordingCanvas
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.content import sign_content
from siteplanner.signage.pdf import draw_sign
from tests.drawing.test_pdf_canvas import QUADRANTS, quadrant_png

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils not installed",
)
DPI = 100
W, H = 150 * MM, 200 * MM  # the sign
PAGE = (W + 40, H + 40)


@pytest.fixture(scope="module")
def content():
    plan = load_plan(sample_plan_path())
    sign = next(s for s in plan.levels[0].signs if s.id == "s-entrance")  # face notice too
    return sign_content(plan, sign, "L1")


def draw_page(c: Canvas, content) -> None:
    c.begin_page(*PAGE)
    draw_sign(c, content, 20, 20, W, H)
    c.end_page()


def record_pdf(content, path) -> RecordingCanvas:
    rec = RecordingCanvas(PdfCanvas(path, pagesize=PAGE))
    draw_page(rec, content)
    rec.inner.close()
    return rec


def qt_image(content) -> tuple[np.ndarray, RecordingCanvas]:
    k = DPI / 72
    img = QImage(round(PAGE[0] * k), round(PAGE[1] * k), QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    painter = QPainter(img)
    rec = RecordingCanvas(QtCanvas(painter, k))
    draw_page(rec, content)
    painter.end()
    gray = img.convertToFormat(QImage.Format.Format_Grayscale8)
    arr = np.frombuffer(gray.constBits(), np.uint8).reshape(gray.height(), gray.bytesPerLine())
    return arr[:, : gray.width()].copy(), rec


def read_pgm(path) -> np.ndarray:
    data = path.read_bytes()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return np.frombuffer(data[m.end() :], np.uint8).reshape(h, w)


def dilate(mask: np.ndarray, r: int) -> np.ndarray:
    out = mask.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            out |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return out


def test_both_canvases_receive_the_same_calls(content, tmp_path, qapp):
    pdf = record_pdf(content, tmp_path / "sign.pdf")
    _, qt = qt_image(content)
    assert pdf.calls == qt.calls
    texts = [args[2] for name, args, _ in pdf.calls if name == "text"]
    joined = "".join(texts)
    assert "视频监控区域" in texts and "CCTV in operation" in texts
    # (Lines break at spaces, and the sample's face sign takes the short layout at this size.)
    assert "EastChinaLogistics" in joined.replace(" ", "")
    assert {"pictogram", "qr:" + content.qr_url} <= set(pdf.symbols)


@needs_poppler
def test_qt_pixels_land_where_the_pdf_pixels_do(content, tmp_path, qapp):
    path = tmp_path / "sign.pdf"
    record_pdf(content, path)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(path), str(tmp_path / "p")], check=True
    )
    ref = read_pgm(next(tmp_path.glob("p*.pgm")))
    qt, _ = qt_image(content)
    h, w = min(ref.shape[0], qt.shape[0]), min(ref.shape[1], qt.shape[1])
    assert abs(ref.shape[0] - qt.shape[0]) <= 1 and abs(ref.shape[1] - qt.shape[1]) <= 1
    ref, qt = ref[:h, :w], qt[:h, :w]
    for threshold in (128, 240):  # dark ink (black, text), and any ink (yellow, red, grey too)
        a, b = ref < threshold, qt < threshold
        assert a.sum() > 0.05 * a.size  # the sign is there
        # Every inked pixel of one lies within 1 px (0.25 mm) of an inked pixel of the other.
        assert (a & ~dilate(b, 1)).sum() < 0.002 * a.sum()
        assert (b & ~dilate(a, 1)).sum() < 0.002 * b.sum()
        # And the two agree on nearly every pixel (the rest: anti-aliased edges of small text
        # and QR modules, which the two rasterisers shade differently).
        assert (a ^ b).sum() < 0.05 * a.sum()


def words(pdf_path) -> list[tuple[str, float, float]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (m.group(5), float(m.group(1)), float(m.group(4)))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html,
        )
    ]


@needs_poppler
def test_printed_text_is_where_the_pdf_text_is(content, tmp_path, qapp):
    path = tmp_path / "sign.pdf"
    record_pdf(content, path)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # a sheet larger than the page
    printer.setFullPage(True)
    painter = QPainter(printer)
    draw_page(PrinterCanvas(printer, painter), content)
    painter.end()
    ref, got = words(path), words(printed)
    assert len(ref) > 20
    # The printed page is an A4 sheet: the layout sits at its lower-left corner.
    dy = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Point).height() - PAGE[1]
    remaining = list(got)
    for text, x, y_bottom in ref:
        match = next((g for g in remaining if g[0] == text), None)
        assert match is not None, text
        remaining.remove(match)
        # Left edge and baseline-side bottom within 1 pt (0.35 mm).
        assert match[1] == pytest.approx(x, abs=1.0), text
        assert match[2] - dy == pytest.approx(y_bottom, abs=1.0), text


def test_image_fills_its_box_upright(qapp):
    img = QImage(200, 200, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    painter = QPainter(img)
    c = QtCanvas(painter, 1.0)
    c.begin_page(200, 200)
    c.image(quadrant_png(), 50, 20, 100, 160)
    c.end_page()
    painter.end()

    def rgb(x: int, y_down: int) -> tuple[int, int, int]:
        col = img.pixelColor(x, y_down)
        return col.red(), col.green(), col.blue()

    def near(a, b):
        return all(abs(p - q) < 40 for p, q in zip(a, b, strict=True))

    assert near(rgb(75, 60), QUADRANTS["top-left"])
    assert near(rgb(125, 60), QUADRANTS["top-right"])
    assert near(rgb(75, 140), QUADRANTS["bottom-left"])
    assert near(rgb(125, 140), (255, 255, 255))
    assert near(rgb(40, 100), (255, 255, 255)) and near(rgb(100, 10), (255, 255, 255))


def test_every_canvas_implements_the_whole_protocol(tmp_path, qapp):
    calls = [
        name
        for name, member in inspect.getmembers(Canvas)
        if callable(member) and not name.startswith("_")
    ]
    assert len(calls) == 23
    for impl in (PdfCanvas, QtCanvas, PrinterCanvas, RecordingCanvas):
        for name in calls:
            want = inspect.signature(getattr(Canvas, name))
            got = inspect.signature(getattr(impl, name))
            # Same parameter names, kinds and defaults (annotations may be narrower).
            assert [(p.name, p.kind, p.default) for p in got.parameters.values()] == [
                (p.name, p.kind, p.default) for p in want.parameters.values()
            ], (impl.__name__, name)
    assert isinstance(PdfCanvas(tmp_path / "x.pdf"), Canvas)
    assert isinstance(RecordingCanvas(), Canvas)


def test_print_colours_paint_their_rgb_on_screen():
    # The sign's safety yellow prints in CMYK but the screen shows its RGB, exactly.
    from siteplanner.signage.style import YELLOW

    img = QImage(20, 20, QImage.Format.Format_RGB32)
    img.fill(0xFFFFFF)
    painter = QPainter(img)
    c = QtCanvas(painter, 1.0)
    c.begin_page(20, 20)
    c.set_fill(YELLOW)
    c.rect(0, 0, 20, 20)
    c.end_page()
    painter.end()
    pixel = img.pixelColor(10, 10)
    assert (pixel.red(), pixel.green(), pixel.blue()) == (255, 204, 0)
