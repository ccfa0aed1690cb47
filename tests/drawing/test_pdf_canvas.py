"""The ReportLab canvas: what the protocol's calls put in the PDF."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from PIL import Image

from siteplanner.drawing.canvas import Path
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.text import string_width


def words(run, path) -> dict[str, tuple[float, float, float, float]]:
    html = run("pdftotext", "-bbox", str(path), "-")
    return {
        m.group(5): tuple(float(m.group(i)) for i in range(1, 5))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html,
        )
    }


def test_text_anchors_pages_and_unencodable_text(tmp_path, poppler):
    out = tmp_path / "c.pdf"
    c = PdfCanvas(out, title="plan \ud800", author="\udfff")
    c.begin_page(300, 200)
    c.set_fill((0, 0, 0))
    c.text(100, 150, "Start", 10)
    c.text(100, 100, "Middle", 10, anchor="middle")
    c.text(100, 50, "End", 10, anchor="end", bold=True)
    c.text(10, 20, "bad\ud800text", 10)  # a lone surrogate prints as U+FFFD, never a crash
    c.end_page()
    c.begin_page(200, 300)
    c.save()
    c.clip(Path().rect(0, 0, 50, 50))
    c.draw_path(Path().move_to(0, 0).line_to(100, 100).arc(50, 50, 20, 0, 90), stroke=True)
    c.restore()
    c.text(20, 20, "Second", 10)
    c.end_page()
    c.close()
    info = poppler("pdfinfo", "-f", "1", "-l", "2", str(out))
    assert "Title:           plan \ufffd" in info
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert [tuple(map(float, s)) for s in sizes] == [(300, 200), (200, 300)]
    w = words(poppler, out)
    # pdftotext's boxes are in y-down page coordinates; x as drawn.
    assert w["Start"][0] == pytest.approx(100, abs=0.5)
    assert w["Middle"][0] == pytest.approx(100 - string_width("Middle", 10) / 2, abs=0.5)
    assert w["End"][2] == pytest.approx(100, abs=0.5)
    assert "bad\ufffdtext" in w
    assert "Second" in poppler("pdftotext", "-f", "2", "-l", "2", str(out), "-")


def quadrant_png() -> bytes:
    """2 x 2 pixels, top row red and green, bottom row blue and white."""
    img = Image.new("RGB", (2, 2))
    img.putdata([(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)])
    buf = BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


QUADRANTS = {"top-left": (255, 0, 0), "top-right": (0, 255, 0), "bottom-left": (0, 0, 255)}


def test_image_fills_its_box_upright(tmp_path, poppler):
    out = tmp_path / "img.pdf"
    c = PdfCanvas(out)
    c.begin_page(200, 200)
    c.image(quadrant_png(), 50, 20, 100, 160)  # x 50..150, y 20..180 (y up)
    c.end_page()
    c.close()
    poppler("pdftoppm", "-r", "72", str(out), str(tmp_path / "p"))
    data = next(tmp_path.glob("p*.ppm")).read_bytes()
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w = int(m.group(1))

    def rgb(x: int, y_down: int) -> tuple[int, ...]:
        i = m.end() + 3 * (y_down * w + x)
        return tuple(data[i : i + 3])

    # Page rows count down from the top: y = 180 (up) is row 20.
    def near(a, b):
        return all(abs(p - q) < 40 for p, q in zip(a, b, strict=True))

    assert near(rgb(75, 60), QUADRANTS["top-left"])
    assert near(rgb(125, 60), QUADRANTS["top-right"])
    assert near(rgb(75, 140), QUADRANTS["bottom-left"])
    assert near(rgb(125, 140), (255, 255, 255))
    assert near(rgb(40, 100), (255, 255, 255)) and near(rgb(100, 10), (255, 255, 255))
