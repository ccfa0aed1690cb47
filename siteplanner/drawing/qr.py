"""QR codes as module matrices (encoded by ReportLab's QR encoder) and drawn on any canvas."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder

from siteplanner.drawing.canvas import Canvas

LEVEL = "M"  # error correction: 15 % of the code may be damaged
BORDER = 2  # quiet zone, in modules


class QrError(ValueError):
    """Data that no QR code can carry (too long, or not encodable)."""


def _bits_free(version: int, level: int) -> int:
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    return sum(b.dataCount for b in blocks) * 8


def max_bytes(level: str = LEVEL) -> int:
    """The most bytes of UTF-8 text one code holds at ``level`` (the encoder's largest version:
    a 4-bit mode and a 16-bit length before the data)."""
    lv = getattr(qrencoder.QRErrorCorrectLevel, level)
    return (_bits_free(39, lv) - 4 - 16) // 8


@lru_cache(maxsize=64)
def qr_matrix(data: str, level: str = LEVEL) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, rows top to bottom, ``True`` where dark; ``QrError`` when ``data``
    cannot be encoded."""
    try:
        encoded = data.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise QrError(
            f"contains a character that cannot be encoded (U+{ord(data[exc.start]):04X} at "
            f"position {exc.start + 1})"
        ) from None
    if len(encoded) > max_bytes(level):
        raise QrError(
            f"{len(encoded):,} bytes do not fit in a QR code (at most {max_bytes(level):,}); "
            "use a shorter link"
        )
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(data)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def check_qr(data: str, level: str = LEVEL) -> None:
    """Raise ``QrError`` when ``data`` cannot be a QR code."""
    qr_matrix(data, level)


def draw_qr(c: Canvas, data: str, size: float, border: int = BORDER) -> None:
    """The code on a white square ``size`` wide at the origin, with ``border`` modules of quiet
    zone; each run of dark modules in a row is one filled rectangle."""
    matrix = qr_matrix(data)
    n = len(matrix)
    box = size / (n + 2 * border)
    c.save()
    c.set_fill((1.0, 1.0, 1.0))
    c.rect(0, 0, size, size)
    c.set_fill((0.0, 0.0, 0.0))
    for r, row in enumerate(matrix):
        col = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                c.rect((col + border) * box, size - (r + border + 1) * box, count * box, box)
            col += count
    c.restore()


__all__ = ["BORDER", "LEVEL", "QrError", "check_qr", "draw_qr", "max_bytes", "qr_matrix"]
