"""500 signs to PDF: the sample site's organisation, signs of several sizes, some tiled."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from siteplanner.drawing.text import _wrap, fit, register_fonts, wrap
from siteplanner.fileformat import load_plan
from siteplanner.model import Sign
from siteplanner.resources import sample_plan_path
from siteplanner.signage.pdf import write_signs_pdf

# (width, height) in metres: mostly A4-sized signs, every tenth one larger than A4 (tiled).
SIZES = [(0.15, 0.2), (0.18, 0.24), (0.15, 0.2), (0.12, 0.16), (0.18, 0.24)] * 2
SIZES[-1] = (0.3, 0.4)


def make_signs(n: int = 500):
    plan = load_plan(sample_plan_path())
    level = plan.levels[0]
    cams = [c.id for c in level.cameras]
    signs = []
    for i in range(n):
        w, h = SIZES[i % len(SIZES)]
        signs.append(
            Sign(
                id=f"s{i:04d}",
                position=(i % 40, i // 40),
                facing_deg=(i * 37) % 360,
                width_m=w,
                height_m=h,
                covers=[cams[i % len(cams)], cams[(i + 3) % len(cams)]],
            )
        )
    level.signs = signs
    return plan


def wrap_long_word_seconds(n: int = 10_000) -> float:
    """Seconds to break an ``n``-character word (no space to break at) into sign-width lines,
    and to fit a sign panel around it: line breaking is linear in the text's length."""
    word = "S" * n
    register_fonts()  # loading the font is not line breaking
    t = time.perf_counter()
    _wrap.cache_clear()
    fit.cache_clear()
    lines = wrap(word, 7.5, 120.0)
    fit(((word, 1.0),), 120.0, 80.0, 12.0, min_size=3.0)
    dt = time.perf_counter() - t
    assert "".join(lines) == word
    return dt


def signs_pdf_seconds(n: int = 500, layout: str = "page") -> float:
    """Seconds to write ``n`` signs (one per page, A4, zh+en, legend) to a PDF."""
    plan = make_signs(n)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "signs.pdf"
        t = time.perf_counter()
        write_signs_pdf(plan, out, paper="A4", layout=layout)
        return time.perf_counter() - t


if __name__ == "__main__":
    for layout in ("page", "sheet"):
        plan = make_signs(500)
        t = time.perf_counter()
        r = write_signs_pdf(plan, "/tmp/signs500.pdf", layout=layout)
        dt = time.perf_counter() - t
        size = Path("/tmp/signs500.pdf").stat().st_size
        print(f"{layout}: 500 signs, {r.pages} pages, {dt:.2f} s, {size / 1e6:.2f} MB")
