"""Sign PDFs print in CMYK (the design's colours by their own definition), the dieline is a spot
colour, and screens (SVG, Qt) keep the RGB."""

from __future__ import annotations

import re
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from siteplanner.cli import main
from siteplanner.drawing.canvas import PrintColor, cmyk_of
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.svg import SvgCanvas
from siteplanner.signage.pdf import write_signs_pdf
from siteplanner.signage.style import BLACK, YELLOW
from tests.signage.test_pdf import signs_plan

_NUM = rb"-?(?:\d+\.?\d*|\.\d+)"
_OP = re.compile(
    rb"(?:" + _NUM + rb"\s+){3}(rg|RG)(?=\s)"
    rb"|((?:" + _NUM + rb"\s+){4})(k|K)(?=\s)"
    rb"|/(\w+)\s+(cs|CS)(?=\s)"
)


def _streams(path) -> list[bytes]:
    """Every decompressed stream of a ReportLab PDF (pages and form XObjects)."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", path.read_bytes(), re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue  # the embedded font
    return out


def _ops(path) -> dict[str, list[tuple[float, ...]]]:
    """Colour operators by name with their operands."""
    ops: dict[str, list] = {}
    for stream in _streams(path):
        for m in _OP.finditer(stream):
            if m.group(1):
                ops.setdefault(m.group(1).decode(), []).append(())
            elif m.group(3):
                args = tuple(round(float(v), 3) for v in m.group(2).split())
                ops.setdefault(m.group(3).decode(), []).append(args)
            else:
                ops.setdefault(m.group(5).decode(), []).append((m.group(4).decode(),))
    return ops


@pytest.mark.parametrize("layout", ["page", "sheet"])
def test_sign_pdf_fills_and_strokes_are_cmyk(tmp_path, layout):
    p = signs_plan()
    p.levels[0].signs[0].width_m, p.levels[0].signs[0].height_m = 0.3, 0.45  # tiled on A4
    out = tmp_path / "signs.pdf"
    write_signs_pdf(p, out, paper="A4", layout=layout)
    ops = _ops(out)
    assert "rg" not in ops and "RG" not in ops, "RGB colour operators in a print PDF"
    fills = set(ops["k"])
    assert YELLOW.cmyk in fills and BLACK.cmyk in fills  # safety yellow, black plate alone
    assert (0.0, 0.0, 0.0, 1.0) == BLACK.cmyk
    assert ops["K"], "no CMYK stroke (crop marks, bold text)"


def test_sign_paper_is_cmyk_with_a_spot_colour_dieline(tmp_path, sample):
    out = tmp_path / "shop.pdf"
    assert main(["signs", "-o", str(out), "--paper", "sign"]) == 0
    ops = _ops(out)
    assert "rg" not in ops and "RG" not in ops
    assert YELLOW.cmyk in set(ops["k"])
    # The dieline is stroked in a Separation colour space named CutContour, not a process colour.
    data = out.read_bytes()
    assert re.search(rb"\[\s*/Separation\s*/CutContour\s*/DeviceCMYK", data)
    assert re.search(rb"/ColorSpace\s*<<\s*/CutContour\s+\d+\s+0\s+R", data)
    # Stroked in that colour space, once per sign.
    assert ops["CS"] == [("CutContour",)] * len(sample.levels[0].signs)


def test_plain_rgb_stays_rgb_outside_print_output(tmp_path):
    # The site report's canvas (no cmyk=True) keeps plain RGB colours as they are.
    out = tmp_path / "plain.pdf"
    c = PdfCanvas(out)
    c.begin_page(100, 100)
    c.set_fill((0.2, 0.4, 0.6))
    c.rect(0, 0, 10, 10)
    c.set_fill(YELLOW)  # a print colour is CMYK everywhere
    c.rect(10, 0, 10, 10)
    c.end_page()
    c.close()
    ops = _ops(out)
    assert len(ops["rg"]) == 1 and ops["k"] == [YELLOW.cmyk]


def test_screens_draw_the_rgb():
    svg = SvgCanvas()
    svg.begin_page(10, 10)
    svg.set_fill(YELLOW)
    svg.rect(0, 0, 5, 5)
    svg.end_page()
    assert "#ffcc00" in svg.svg().lower()
    # A print colour is its RGB triple wherever a triple is expected.
    assert YELLOW == (1.0, 0.8, 0.0) and len(YELLOW) == 3
    assert PrintColor((0.1, 0.2, 0.3), (1, 0, 0, 0)).cmyk == (1, 0, 0, 0)


@given(st.tuples(*[st.floats(0, 1)] * 3))
def test_plain_conversion_round_trips(rgb):
    c, m, y, k = cmyk_of(rgb)
    assert all(0 <= v <= 1 + 1e-9 for v in (c, m, y, k))
    back = tuple((1 - v) * (1 - k) for v in (c, m, y))
    assert back == pytest.approx(rgb, abs=1e-9)
    assert min(c, m, y) == pytest.approx(0, abs=1e-9)  # grey component all on the black plate


def test_print_colours_are_the_screen_colours():
    # The preview shows what prints: each colour's CMYK is its RGB's process equivalent, except
    # black, which prints on the black plate alone.
    from siteplanner.signage import style

    for name in ("YELLOW", "RED", "BLUE", "WHITE", "GREY", "GLUE", "LABEL"):
        color = getattr(style, name)
        c, m, y, k = color.cmyk
        assert tuple((1 - v) * (1 - k) for v in (c, m, y)) == pytest.approx(color, abs=0.005)
    assert style.BLACK.cmyk == (0, 0, 0, 1)
