"""The application icon: every PNG size, and the .ico and .icns made of exactly those PNGs."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from siteplanner.resources import resource

ROOT = Path(__file__).resolve().parent.parent


def _make_icons():
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "installers" / "make_icons.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_png_size_is_there_and_square():
    tool = _make_icons()
    for size in tool.PNG_SIZES:
        assert _png_size(resource("icons", tool.png_name(size)).read_bytes()) == (size, size)
    assert _png_size(resource("icons", "siteplanner.png").read_bytes()) == (256, 256)


def test_ico_holds_the_pngs():
    tool = _make_icons()
    data = resource("icons", "siteplanner.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(tool.ICO_SIZES))
    for i, size in enumerate(sorted(tool.ICO_SIZES)):
        w, h, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (w or 256, h or 256, planes, bits) == (size, size, 1, 32)
        png = data[offset : offset + length]
        assert png == resource("icons", tool.png_name(size)).read_bytes()


def test_icns_holds_the_pngs():
    tool = _make_icons()
    data = resource("icons", "siteplanner.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = data[at + 8 : at + length]
        at += length
    assert at == len(data)
    assert set(found) == {kind for kind, _ in tool.ICNS_TYPES}
    for kind, size in tool.ICNS_TYPES:
        assert found[kind] == resource("icons", tool.png_name(size)).read_bytes()
        assert _png_size(found[kind]) == (size, size)
