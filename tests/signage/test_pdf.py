"""The sign PDF: text as typed, titles and notices, fonts embedded, paper sizes, true size."""

from __future__ import annotations

import re

import numpy as np
import pytest
from reportlab.lib.units import mm

from siteplanner.signage.pdf import PAPERS, pack_sheets, write_signs_pdf
from tests.helpers import camera, plan

OPERATOR = "A&B <Sécurité> 华东安保"
CONTACT = "dpo@a-b.cn <021-1234>"


def signs_plan(**org):
    organization = {
        "name": OPERATOR,
        "contact": CONTACT,
        "purpose": "Safety & security",
        "retention_days": 30,
        "privacy_notice_url": "https://example.com/p?a=1&b=2",
    }
    organization.update(org)
    return plan(
        cameras=[
            camera(id="c-fr", name="Gate face", face_recognition=True),
            camera(id="c-plain", name="Hall", position=[5.0, 0.0]),
        ],
        signs=[
            {
                "id": "s-fr",
                "position": [1, 1],
                "width_m": 0.15,
                "height_m": 0.2,
                "covers": ["c-fr"],
            },
            {
                "id": "s-plain",
                "position": [4, 1],
                "width_m": 0.15,
                "height_m": 0.2,
                "covers": ["c-plain"],
            },
        ],
        organization=organization,
    )


def page_text(run, path, page: int) -> str:
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_titles_operator_and_face_notice(tmp_path, poppler):
    out = tmp_path / "signs.pdf"
    res = write_signs_pdf(signs_plan(), out, paper="A4")
    pages = {p.sign_id: p.page for p in res.placed}
    fr = page_text(poppler, out, pages["s-fr"])
    plain = page_text(poppler, out, pages["s-plain"])
    for text in (fr, plain):
        assert "视频监控区域" in text
        assert "CCTV in operation" in text
        assert OPERATOR in text  # markup characters and CJK exactly as typed
        assert squash(CONTACT) in squash(text)
        assert "&amp;" not in text and "&lt;" not in text
        assert "30 天" in text and "30 days" in text
    assert "本区域使用人脸识别技术" in fr
    assert "Facial recognition in use in this area" in fr
    # (The legal basis line names the facial recognition Measures on every sign.)
    assert "本区域使用人脸识别技术" not in plain
    assert "Facial recognition in use" not in plain


def test_single_language(tmp_path, poppler):
    out = tmp_path / "en.pdf"
    res = write_signs_pdf(signs_plan(), out, langs=("en",), legend=False)
    text = page_text(poppler, out, res.placed[0].page)
    assert "CCTV in operation" in text
    assert "视频监控区域" not in text
    out = tmp_path / "zh.pdf"
    res = write_signs_pdf(signs_plan(), out, langs=("zh",), legend=False)
    text = page_text(poppler, out, res.placed[0].page)
    assert "视频监控区域" in text
    assert "CCTV in operation" not in text
    assert OPERATOR in text


def test_no_qr_caption_without_url(tmp_path, poppler):
    out = tmp_path / "noqr.pdf"
    write_signs_pdf(signs_plan(privacy_notice_url=None), out, legend=False)
    assert "Scanforthefull" not in squash(poppler("pdftotext", str(out), "-"))
    out2 = tmp_path / "qr.pdf"
    write_signs_pdf(signs_plan(), out2, legend=False)
    assert "Scanforthefullprivacynotice" in squash(poppler("pdftotext", str(out2), "-"))


@pytest.mark.parametrize("paper", ["A4", "A3", "letter"])
def test_fonts_embedded_and_page_size(tmp_path, poppler, paper):
    out = tmp_path / f"{paper}.pdf"
    p = signs_plan()
    p.levels[0].signs[0].width_m, p.levels[0].signs[0].height_m = 0.3, 0.4  # tiled on A4/A3
    res = write_signs_pdf(p, out, paper=paper, layout="sheet")
    fonts = poppler("pdffonts", str(out)).splitlines()[2:]
    assert fonts, "no font listed"
    for line in fonts:
        assert line.split()[-5] == "yes", line  # the emb column
    info = poppler("pdfinfo", "-f", "1", "-l", str(res.pages), str(out))
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == res.pages
    pw, ph = PAPERS[paper]
    for w, h in sizes:
        assert sorted([float(w), float(h)]) == pytest.approx(sorted([pw, ph]), abs=0.05)


def _sign_box_mm(poppler, path, page: int) -> tuple[float, float]:
    """Render at 254 dpi (10 px = 1 mm) and measure the sign's dark outline."""
    prefix = str(path.with_suffix(""))
    poppler("pdftoppm", "-gray", "-r", "254", "-f", str(page), "-l", str(page), str(path), prefix)
    pgm = next(path.parent.glob(path.stem + "*.pgm"))
    data = pgm.read_bytes()
    # Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(header.group(1)), int(header.group(2))
    img = np.frombuffer(data[header.end() :], dtype=np.uint8).reshape(h, w)
    dark = img < 128
    # Rows/columns crossing the sign hold far more dark pixels than the short cut marks.
    cols = np.where(dark.sum(axis=0) > 600)[0]
    rows = np.where(dark.sum(axis=1) > 0.6 * (cols[-1] - cols[0]))[0]
    return (cols[-1] - cols[0] + 1) / 10.0, (rows[-1] - rows[0] + 1) / 10.0


def test_sign_at_true_size(tmp_path, poppler):
    p = signs_plan()
    p.levels[0].signs[0].width_m, p.levels[0].signs[0].height_m = 0.12, 0.16
    out = tmp_path / "true.pdf"
    res = write_signs_pdf(p, out, paper="A4", legend=False)
    placed = next(x for x in res.placed if x.sign_id == "s-fr")
    assert placed.width == pytest.approx(120 * mm)
    assert placed.height == pytest.approx(160 * mm)
    w_mm, h_mm = _sign_box_mm(poppler, out, placed.page)
    assert w_mm == pytest.approx(120, abs=0.6)
    assert h_mm == pytest.approx(160, abs=0.6)


def test_large_sign_is_tiled_at_true_size(tmp_path):
    p = signs_plan()
    p.levels[0].signs[0].width_m, p.levels[0].signs[0].height_m = 0.5, 0.7
    res = write_signs_pdf(p, tmp_path / "tiled.pdf", paper="A4", legend=False)
    tiles = [x for x in res.placed if x.sign_id == "s-fr"]
    rows, cols = tiles[0].tile[2], tiles[0].tile[3]
    assert len(tiles) == rows * cols > 1
    assert len({t.page for t in tiles}) == len(tiles)
    for t in tiles:
        assert (t.width, t.height) == pytest.approx((500 * mm, 700 * mm))
    # Every part of the sign appears on some tile: the tile windows cover the sign.
    assert {(t.tile[0], t.tile[1]) for t in tiles} == {
        (r, c) for r in range(rows) for c in range(cols)
    }


def test_sheet_layout_no_overlap_inside_margins(tmp_path):
    p = signs_plan()
    p.levels[0].signs = [
        p.levels[0].signs[0].model_copy(update={"id": f"s{i}", "width_m": 0.06, "height_m": 0.08})
        for i in range(12)
    ]
    res = write_signs_pdf(p, tmp_path / "sheet.pdf", paper="A4", layout="sheet", legend=False)
    assert res.pages < 12  # several per sheet
    by_page: dict[int, list] = {}
    for x in res.placed:
        by_page.setdefault(x.page, []).append(x)
    pw, ph = PAPERS["A4"]
    for items in by_page.values():
        for a in items:
            assert a.x >= 0 and a.y >= 0 and a.x + a.width <= max(pw, ph)
            for b in items:
                if a is not b:
                    apart = (
                        a.x + a.width <= b.x + 1e-6
                        or b.x + b.width <= a.x + 1e-6
                        or a.y + a.height <= b.y + 1e-6
                        or b.y + b.height <= a.y + 1e-6
                    )
                    assert apart, (a, b)


def test_pack_refuses_what_does_not_fit():
    assert pack_sheets([(1000.0, 10.0)], PAPERS["A4"]) is None
    packed = pack_sheets([(100.0, 100.0)] * 3, PAPERS["A4"])
    assert [s for s, _, _ in packed] == [0, 0, 0]


def test_legend_lists_signs_and_cameras(tmp_path, poppler):
    out = tmp_path / "legend.pdf"
    res = write_signs_pdf(signs_plan(), out)
    assert res.legend_pages
    text = "".join(page_text(poppler, out, n) for n in res.legend_pages)
    assert "Sign legend" in text
    assert "s-fr" in text and "s-plain" in text
    assert "Gate face" in text and "Hall" in text
