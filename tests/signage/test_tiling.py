"""Signs larger than the paper: balanced tiles that overlap by 10 mm, seams off the text, an
assembly map, and tiles that show exactly their window of the sign."""

from __future__ import annotations

import math

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.compliance import load_pack
from siteplanner.drawing.canvas import MM
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.recording import RecordingCanvas, ink_boxes
from siteplanner.signage.content import sign_content
from siteplanner.signage.pdf import PAPERS, draw_sign, write_signs_pdf
from siteplanner.signage.style import CAPTION_H, MARGIN
from siteplanner.signage.tiling import OVERLAP, split, tile_count, tiles
from tests.signage.test_pdf import signs_plan

A4_PORTRAIT = (PAPERS["A4"][0] - 2 * MARGIN, PAPERS["A4"][1] - 2 * MARGIN - CAPTION_H)


def _one_sign(w_m: float, h_m: float):
    p = signs_plan()
    sign = p.levels[0].signs[0]
    sign.width_m, sign.height_m = w_m, h_m
    p.levels[0].signs = [sign]
    return p, sign


@given(
    w=st.floats(min_value=100 * MM, max_value=2000 * MM),
    h=st.floats(min_value=100 * MM, max_value=2000 * MM),
)
@settings(max_examples=60, deadline=None)
def test_even_tiles_analytic(w, h):
    """Nothing in the way: n = ceil((L - 10 mm) / (T - 10 mm)) tiles of (L + (n-1)·10 mm) / n."""
    tw, th = A4_PORTRAIT
    grid = tiles(w, h, (tw, th))
    cols = 1 if w <= tw else math.ceil((w - OVERLAP) / (tw - OVERLAP))
    rows = 1 if h <= th else math.ceil((h - OVERLAP) / (th - OVERLAP))
    assert len(grid) == rows * cols
    assert {(t.rows, t.cols) for t in grid} == {(rows, cols)}
    for t in grid:
        assert t.x1 - t.x0 == pytest.approx((w + (cols - 1) * OVERLAP) / cols)
        assert t.y1 - t.y0 == pytest.approx((h + (rows - 1) * OVERLAP) / rows)
        assert t.x1 - t.x0 <= tw + 1e-6 and t.y1 - t.y0 <= th + 1e-6
    # The visible parts cover the sign exactly once.
    assert sum((v[2] - v[0]) * (v[3] - v[1]) for v in (t.visible for t in grid)) == pytest.approx(
        w * h
    )


def test_a_sign_just_over_the_paper_is_split_in_halves_not_a_sliver():
    # 200 mm on 190 mm of printable width: two 105 mm tiles, not 190 mm and a 20 mm sliver.
    parts = split(200 * MM, 190 * MM)
    assert [round((b - a) / MM, 6) for a, b in parts] == [105, 105]
    assert parts[1][0] == pytest.approx(parts[0][1] - OVERLAP)
    assert tile_count(190 * MM, 190 * MM) == 1


spans_strategy = st.lists(
    st.tuples(st.floats(0, 1500), st.floats(1, 40)).map(lambda t: (t[0] * MM, (t[0] + t[1]) * MM)),
    max_size=25,
)


@given(length=st.floats(min_value=200, max_value=1500), spans=spans_strategy)
@settings(max_examples=80, deadline=None)
def test_moved_seams_keep_the_overlap_the_paper_and_the_balance(length, spans):
    length *= MM
    printable = 180 * MM
    parts = split(length, printable, spans)
    assert parts[0][0] == 0 and parts[-1][1] == pytest.approx(length)
    for (_, end), (start, _) in zip(parts, parts[1:], strict=False):
        assert end - start == pytest.approx(OVERLAP)  # exactly 10 mm
    sizes = [b - a for a, b in parts]
    assert max(sizes) <= printable + 1e-6
    assert min(sizes) >= 0.5 * max(sizes)  # no sliver
    n = tile_count(length, printable)
    assert len(parts) in (n, n + 1)


def test_a_seam_moves_into_the_gap_between_text_lines():
    # Text everywhere but a gap around 300 mm: the even seam (at 300 - 5 = 295 mm of a 600 mm
    # sign on two tiles) would cross a line; it goes into the gap instead.
    length = 600 * MM
    spans = [(y * MM, (y + 12) * MM) for y in range(0, 600, 14) if not 280 <= y < 320]
    parts = split(length, 400 * MM, spans)
    seam = parts[1][0]
    assert not any(a < seam < b for a, b in spans)
    assert len(parts) == 2


def test_tiled_sign_pdf_seams_overlap_and_assembly_map(tmp_path, poppler):
    # 180 mm wide: one column on A4 portrait, so every seam is horizontal and can avoid text.
    p, sign = _one_sign(0.18, 0.6)
    out = tmp_path / "tall.pdf"
    res = write_signs_pdf(p, out, paper="A4", legend=False)
    placed = [x for x in res.placed if x.sign_id == sign.id]
    grid = [x.window for x in placed]
    assert len(grid) == grid[0].rows * grid[0].cols >= 3
    w, h = 180 * MM, 600 * MM
    # Neighbours overlap by exactly 10 mm; no tile thinner than half another.
    by_pos = {(t.row, t.col): t for t in grid}
    for t in grid:
        if (t.row + 1, t.col) in by_pos:
            below = by_pos[(t.row + 1, t.col)]
            assert below.y1 - t.y0 == pytest.approx(OVERLAP)
        if (t.row, t.col + 1) in by_pos:
            assert t.x1 - by_pos[(t.row, t.col + 1)].x0 == pytest.approx(OVERLAP)
    heights = [t.y1 - t.y0 for t in grid]
    assert min(heights) >= 0.5 * max(heights)
    # No seam (the lower edge of every tile but the bottom one) crosses a recorded text line.
    content = sign_content(p, sign, "L1", ("zh", "en"), load_pack(p.rules))
    rec = RecordingCanvas()
    draw_sign(rec, content, 0, 0, w, h)
    texts = [b for b in ink_boxes(rec.calls) if b.kind == "text"]
    assert len(texts) > 10
    seams = [t.y0 for t in grid if t.y0 > 0]
    crossed = [(s / MM, b.what) for s in seams for b in texts if b.y0 < s < b.y1]
    assert crossed == []
    # The assembly map comes first and names every tile and its page.
    assert res.assembly_pages == {sign.id: 1}
    text = poppler("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert "Assembly map" in text and "拼装图" in text
    for x in placed:
        assert f"{x.window.label}" in text and f"page {x.page}" in text
    # Every tile but the top one carries the glue strip the tile above laps over.
    for x in placed:
        tile_text = poppler("pdftotext", "-f", str(x.page), "-l", str(x.page), str(out), "-")
        assert ("此处粘贴" in tile_text) == (x.window.glue_top or x.window.glue_right)
        assert x.window.label in tile_text


def _render(path, page: int, scale: float) -> np.ndarray:
    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[page - 1].render(scale=scale, grayscale=True)
        return bitmap.to_numpy().astype(np.int16).reshape(bitmap.height, bitmap.width)
    finally:
        pdf.close()


def test_every_tile_shows_its_window_of_the_untiled_sign(tmp_path):
    p, sign = _one_sign(0.5, 0.7)
    tiled = tmp_path / "tiled.pdf"
    res = write_signs_pdf(p, tiled, paper="A4", legend=False)
    w, h = 500 * MM, 700 * MM
    placed = [x for x in res.placed if x.sign_id == sign.id]
    assert len(placed) > 4
    # The visible parts of the tiles cover the sign once: no gap, no double.
    visible = [x.window.visible for x in placed]
    assert sum((v[2] - v[0]) * (v[3] - v[1]) for v in visible) == pytest.approx(w * h)
    for i, a in enumerate(visible):
        for b in visible[i + 1 :]:
            assert (
                min(a[2], b[2]) <= max(a[0], b[0]) + 1e-6
                or min(a[3], b[3]) <= max(a[1], b[1]) + 1e-6
            )
    # For each tile, the untiled sign drawn straight onto a page of the same size at the same
    # place: inside the tile's visible window the two pages must render alike.
    whole = tmp_path / "whole.pdf"
    c = PdfCanvas(whole, cmyk=True)
    content = sign_content(p, sign, "L1", ("zh", "en"), load_pack(p.rules))
    sizes = []
    for x in placed:
        pdf = pdfium.PdfDocument(str(tiled))
        pw, ph = pdf[x.page - 1].get_size()
        pdf.close()
        sizes.append((pw, ph))
        c.begin_page(pw, ph)
        draw_sign(c, content, x.x, x.y, w, h)
        c.end_page()
    c.close()
    scale = 2 / MM  # 2 px per mm
    for i, (x, (_, ph)) in enumerate(zip(placed, sizes, strict=True)):
        vx0, vy0, vx1, vy1 = x.window.visible
        got = _render(tiled, x.page, scale)
        want = _render(whole, i + 1, scale)
        assert got.shape == want.shape
        # The window in pixels (y down), one pixel in from its anti-aliased edge.
        left, right = math.ceil((x.x + vx0) * scale) + 1, math.floor((x.x + vx1) * scale) - 1
        top = math.ceil((ph - (x.y + vy1)) * scale) + 1
        bottom = math.floor((ph - (x.y + vy0)) * scale) - 1
        assert right - left > 100 and bottom - top > 100
        diff = np.abs(got[top:bottom, left:right] - want[top:bottom, left:right])
        # A window off by 10 mm differs on 5-25 % of its pixels.
        assert np.mean(diff > 32) < 0.001, (x.window.label, float(np.mean(diff > 32)))


def _chars(text: str, size: float, width: float) -> list:
    """The character boxes of one line of ``text`` centred on a sign ``width`` wide."""
    rec = RecordingCanvas()
    rec.text(width / 2, 100 * MM, text, size, anchor="middle")
    return ink_boxes(rec.calls, per_char=True)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("Video surveillance is in operation on these premises", 34.0),
        ("视频监控区域请注意本区域", 66.0),
    ],
)
def test_a_vertical_seam_falls_between_the_glyphs_of_a_line_as_wide_as_the_sign(text, size):
    width = 300 * MM
    chars = _chars(text, size, width)
    assert chars[-1].x1 - chars[0].x0 > 0.9 * width  # the line spans the sign
    grid = tiles(width, 150 * MM, A4_PORTRAIT, chars=chars)
    seams = sorted({t.x0 for t in grid if t.x0 > 0})
    assert len(seams) == 1
    (seam,) = seams
    glyphs = [b for b in chars if not b.what.isspace()]
    assert [b.what for b in glyphs if b.x0 < seam < b.x1] == []
    if " " in text:  # Latin: in the space between two words, clear of both
        assert any(b.x0 < seam < b.x1 for b in chars if b.what == " ")
    # The tiles keep the balance: within 0.75-1.35 of the even split and on the paper.
    even = (width + OVERLAP) / 2
    for t in grid:
        assert 0.75 * even - 1e-6 <= t.x1 - t.x0 <= min(A4_PORTRAIT[0], 1.35 * even) + 1e-6


@pytest.mark.parametrize(("w_m", "h_m"), [(0.3, 0.4), (0.5, 0.7)])
def test_vertical_seams_of_a_sample_sign_cut_the_fewest_glyphs_the_balance_allows(
    tmp_path, w_m, h_m
):
    """Lines of centred Chinese and English rarely share a gap, so the seam goes where it cuts
    through the fewest characters' advances any seam within the balance bounds could."""
    p, sign = _one_sign(w_m, h_m)
    out = tmp_path / "wide.pdf"
    res = write_signs_pdf(p, out, paper="A4", legend=False)
    placed = [x for x in res.placed if x.sign_id == sign.id]
    grid = [x.window for x in placed]
    w, h = w_m * 1000 * MM, h_m * 1000 * MM
    pdf = pdfium.PdfDocument(str(out))
    printable = pdf[placed[0].page - 1].get_size()[0] - 2 * MARGIN
    pdf.close()
    assert grid[0].cols == 2  # one vertical seam
    seams = {t.x0 for t in grid if t.x0 > 0}
    assert len(seams) == 1
    (seam,) = seams
    even = (w + OVERLAP) / 2
    lo, hi = 0.75 * even, min(printable, 1.35 * even)
    for t in grid:
        assert lo - 1e-6 <= t.x1 - t.x0 <= hi + 1e-6
    content = sign_content(p, sign, "L1", ("zh", "en"), load_pack(p.rules))
    rec = RecordingCanvas()
    draw_sign(rec, content, 0, 0, w, h)
    glyphs = [b for b in ink_boxes(rec.calls, per_char=True) if b.kind == "char"]
    glyphs = [b for b in glyphs if not b.what.isspace()]
    assert len({b.line for b in glyphs}) > 6

    def cut(x: float) -> int:
        return sum(b.x0 < x < b.x1 for b in glyphs)

    # Every position the bounds allow: each glyph edge and a 0.1 mm grid.
    allowed = [
        x
        for x in [*(e for b in glyphs for e in (b.x0, b.x1)), *np.arange(0, w, 0.1 * MM)]
        if lo - 1e-6 <= x + OVERLAP <= hi + 1e-6 and lo - 1e-6 <= w - x <= hi + 1e-6
    ]
    fewest = min(cut(x) for x in allowed)
    assert cut(seam) == fewest
    assert fewest < cut(even - OVERLAP)  # the even split would cut more
