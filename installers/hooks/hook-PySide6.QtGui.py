# Replaces PyInstaller's hook for PySide6.QtGui (hooks in the spec's hookspath come first): the
# same collection, less the plugins the editor never loads. Dropping them here, before PyInstaller
# follows each plugin's shared-library dependencies, also keeps out what only they need (the GTK
# theme alone drags in GTK, cairo and pango; EGLFS its own Qt libraries).
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folder -> the plugin files kept (by name without "lib" and extension); a folder absent
# here is kept whole.
KEEP = {
    # The window systems: X11, Wayland, Windows, macOS; off screen for pictures and tests.
    "platforms": {
        "qxcb",
        "qwayland",
        "qwayland-generic",
        "qwindows",
        "qcocoa",
        "qoffscreen",
        "qminimal",
    },
    # The file dialogs of the desktop (portal); the GTK theme would need GTK itself.
    "platformthemes": {"qxdgdesktopportal"},
    # Background plans are PNG (built into Qt) or JPEG.
    "imageformats": {"qjpeg"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "iconengines": set(),  # SVG icons need QtSvg, which is not shipped
    "generic": set(),  # touch and evdev input for the framebuffer platforms, not shipped
    "egldeviceintegrations": set(),
    "wayland-graphics-integration-client": set(),  # OpenGL on Wayland; the editor paints raster
}


def _kept(entry: tuple[str, str]) -> bool:
    source, dest = Path(entry[0]), Path(entry[1])
    folder = dest.name
    if "plugins" not in dest.parts or folder not in KEEP:
        return True
    stem = source.name.split(".")[0].removeprefix("lib")
    return stem in KEEP[folder]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _kept(entry)]
