"""Start the editor: ``siteplanner``, ``siteplanner open PLAN [--screenshot OUT.png]``."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from siteplanner.fileformat import PlanFileError, load_plan
from siteplanner.resources import resource, sample_plan_path

SCREENSHOT_SIZE = (1400, 900)
ANALYSIS_TIMEOUT_S = 300.0


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("SitePlanner")
    app.setOrganizationName("SitePlanner")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resource("icons", "siteplanner.png"))))
    from siteplanner.app.i18n import install_translators

    install_translators()  # the language stored in the settings, else the system's
    app.aboutToQuit.connect(_release_clipboard)
    return app


def _release_clipboard() -> None:
    """Free copied plan objects before Python goes: the clipboard owns that QMimeData, and Qt
    would otherwise destroy it after the interpreter, crashing the process on exit."""
    from PySide6.QtWidgets import QApplication

    from siteplanner.editing.clipboard import MIME

    clipboard = QApplication.clipboard()
    data = clipboard.mimeData() if clipboard is not None else None
    if data is not None and data.hasFormat(MIME):
        clipboard.clear()


def _display_usable() -> bool:
    """Whether Qt can open a window here (Qt aborts the process when it cannot)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform != "linux":
        return True
    if os.environ.get("WAYLAND_DISPLAY"):
        return True
    if not os.environ.get("DISPLAY"):
        return False
    return not missing_x11_libraries()


# What Qt's X11 platform plugin links to beyond libxcb itself.
X11_LIBRARIES = (
    "xcb-cursor",
    "xcb-icccm",
    "xcb-image",
    "xcb-keysyms",
    "xcb-randr",
    "xcb-render-util",
    "xcb-shape",
    "xcb-xkb",
    "xkbcommon-x11",
)


def missing_x11_libraries() -> list[str]:
    from ctypes.util import find_library

    return [f"lib{name}" for name in X11_LIBRARIES if find_library(name) is None]


def wait_for_analysis(window, timeout_s: float = ANALYSIS_TIMEOUT_S) -> bool:
    """Process events until the newest analysis has been drawn."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    runner = window.runner
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not runner.busy and window.render_data is not None:
            return True
        if not runner.busy and runner.last_error:
            return False
        time.sleep(0.005)
    return False


def screenshot(plan_path: str | None, out: str) -> int:
    label = plan_path or str(sample_plan_path())
    try:
        plan = load_plan(label)
    except PlanFileError as exc:
        print(f"siteplanner: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"siteplanner: {label}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not _display_usable():
        # A picture needs no screen: draw off screen when there is none we can use.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    from siteplanner.app.main_window import MainWindow

    win = MainWindow(plan, label)
    win.resize(*SCREENSHOT_SIZE)
    win.show()
    app.processEvents()
    win.view.fit()
    ok = wait_for_analysis(win)
    win.view.fit()
    app.processEvents()
    image = win.grab()
    try:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not image.save(out):
        print(f"siteplanner: {out}: cannot write the picture", file=sys.stderr)
        return 2
    if not ok:
        why = win.runner.last_error or "it did not finish in time"
        print(f"siteplanner: no analysis drawn ({why}); picture saved without it", file=sys.stderr)
    win.doc.undo.setClean()
    win.close()
    return 0


def run_editor(plan_path: str | None, screenshot: str | None = None) -> int:
    """Open the editor on ``plan_path`` (default: the sample); with ``screenshot``, save a
    picture of the window once the analysis is drawn and exit."""
    if screenshot:
        return globals()["screenshot"](plan_path, screenshot)
    if not _display_usable():
        print(
            "siteplanner: cannot open a window: no display (set DISPLAY, or run under xvfb-run)"
            if not os.environ.get("DISPLAY")
            else "siteplanner: cannot open a window: Qt's X11 support needs "
            + ", ".join(missing_x11_libraries())
            + " (on Debian/Ubuntu: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 "
            "libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 "
            "libxkbcommon-x11-0)",
            file=sys.stderr,
        )
        return 2
    app = _application()
    from siteplanner.app.main_window import MainWindow

    win = MainWindow()
    win.resize(1400, 900)
    win.restore_layout()
    win.show()
    win.file.open_path(plan_path or sample_plan_path())
    recover_untitled(win)
    win.help.show_first_time()  # Help ▸ Getting Started, once per user
    return int(app.exec())


def recover_untitled(win) -> bool:
    """Offer the unsaved changes of a plan that never had a file (after a crash)."""
    return win.file.recover_untitled()
