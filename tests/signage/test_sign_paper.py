"""`signs --paper sign`: a page per sign at its own size plus 3 mm bleed, for a sign shop."""

from __future__ import annotations

import re

import pytest

from siteplanner.cli import main
from siteplanner.drawing.canvas import MM

BLEED_PT = 3 * MM


def _boxes(info: str, page: int) -> dict[str, tuple[float, ...]]:
    out = {}
    for name in ("MediaBox", "TrimBox", "BleedBox"):
        m = re.search(rf"Page +{page} {name}: +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)", info)
        out[name] = tuple(float(v) for v in m.groups())
    return out


def test_sign_paper_pages_have_bleed_trim_and_a_dieline(tmp_path, capsys, poppler, sample):
    out = tmp_path / "shop.pdf"
    assert main(["signs", "-o", str(out), "--paper", "sign"]) == 0
    info = poppler("pdfinfo", "-box", "-f", "1", "-l", "3", str(out))
    signs = sample.levels[0].signs
    for page, sign in enumerate(signs, start=1):
        w, h = sign.width_m * 1000 * MM, sign.height_m * 1000 * MM
        b = _boxes(info, page)
        assert b["MediaBox"] == pytest.approx((0, 0, w + 2 * BLEED_PT, h + 2 * BLEED_PT), abs=0.01)
        assert b["BleedBox"] == b["MediaBox"]
        assert b["TrimBox"] == pytest.approx(
            (BLEED_PT, BLEED_PT, BLEED_PT + w, BLEED_PT + h), abs=0.01
        )
    # The legend page after the signs is an ordinary A4 sheet, its trim box the page.
    legend = _boxes(info, len(signs) + 1)
    assert legend["TrimBox"] == legend["MediaBox"]
    assert legend["MediaBox"][2:] == pytest.approx((841.89, 595.28), abs=0.01)
    # The cut line is a separate spot colour named for the cutter, once per sign.
    data = out.read_bytes()
    assert data.count(b"/CutContour") >= 1
    text = poppler("pdftotext", "-f", "1", "-l", "1", str(out), "-")
    assert "视频监控区域" in text and "tile" not in text  # never tiled: one page, true size
