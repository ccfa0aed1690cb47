"""QR codes: what fits, what is refused, and that the drawn rectangles are the code's modules."""

from __future__ import annotations

import pytest

from siteplanner.drawing.qr import BORDER, QrError, draw_qr, max_bytes, qr_matrix
from siteplanner.drawing.recording import RecordingCanvas

URL = "https://example.com/privacy?x="


def test_capacity_boundary():
    assert max_bytes() == 2213  # version 39 at level M, byte mode
    fits = URL + "a" * (max_bytes() - len(URL))
    matrix = qr_matrix(fits)
    assert len(matrix) == 39 * 4 + 17  # the largest version the encoder makes
    with pytest.raises(QrError, match=r"2,214 bytes do not fit in a QR code \(at most 2,213\)"):
        qr_matrix(fits + "a")
    # Bytes, not characters, count: each of these CJK characters takes three.
    with pytest.raises(QrError, match="bytes do not fit"):
        qr_matrix(URL + "视" * (max_bytes() // 3))


def test_unencodable_text_is_refused_with_its_position():
    with pytest.raises(QrError, match=r"U\+D800 at position 4"):
        qr_matrix("abc\ud800")


def test_small_code_is_version_1_with_finder_patterns():
    m = qr_matrix("hello")
    assert len(m) == 21
    # The 7 x 7 finder pattern in three corners: dark ring, light ring, dark 3 x 3 core.
    for r0, c0 in ((0, 0), (0, 14), (14, 0)):
        ring = [m[r0][c0 + i] for i in range(7)] + [m[r0 + 6][c0 + i] for i in range(7)]
        assert all(ring)
        assert not any(m[r0 + 1][c0 + i] for i in range(1, 6))
        assert all(m[r0 + i][c0 + j] for i in range(2, 5) for j in range(2, 5))


def test_drawn_rectangles_are_the_dark_modules():
    data = "https://example.com/p?a=1&b=2"
    matrix = qr_matrix(data)
    n = len(matrix)
    rec = RecordingCanvas()
    size = 100.0
    draw_qr(rec, data, size)
    rects = [args for name, args, _ in rec.calls if name == "rect"]
    assert rects[0] == (0, 0, size, size)  # the white ground, quiet zone included
    box = size / (n + 2 * BORDER)
    drawn = [[False] * n for _ in range(n)]
    for x, y, w, h in rects[1:]:
        assert h == pytest.approx(box)
        r = round((size - y) / box) - BORDER - 1
        c0 = round(x / box) - BORDER
        for c in range(c0, c0 + round(w / box)):
            assert not drawn[r][c]  # no module drawn twice
            drawn[r][c] = True
    assert tuple(tuple(row) for row in drawn) == matrix
