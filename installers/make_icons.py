"""Draw the application icon from ``resources/icons/siteplanner.svg`` at every size the platforms
want: PNGs (Linux's hicolor theme, the editor's window icon), ``siteplanner.ico`` (Windows) and
``siteplanner.icns`` (macOS). Run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/make_icons.py

The .ico and .icns hold the very PNG files written here (both formats take PNG entries), so the
three always agree; ``tests/test_icons.py`` checks that.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icon types that hold PNG data, with the pixel size of each (the @2x types reuse a
# larger PNG: ic11 is 16 pt at 2x = 32 px, and so on).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def png_name(size: int) -> str:
    return f"siteplanner-{size}.png"


def render_pngs(svg: Path, out: Path) -> None:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        (out / png_name(size)).write_bytes(bytes(data))
    # The editor's window icon and the Linux hicolor theme's large size.
    (out / "siteplanner.png").write_bytes((out / png_name(256)).read_bytes())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG entries: 'icns', total length, then (type, length, data) records."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    render_pngs(ICONS / "siteplanner.svg", ICONS)
    pngs = {size: (ICONS / png_name(size)).read_bytes() for size in PNG_SIZES}
    (ICONS / "siteplanner.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "siteplanner.icns").write_bytes(icns(pngs))


if __name__ == "__main__":
    main()
