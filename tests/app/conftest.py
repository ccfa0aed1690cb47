"""Fixtures that open the real main window with scripted answers to its dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest

from siteplanner.app.dialogs import Dialogs
from siteplanner.app.main_window import MainWindow
from siteplanner.model import Plan


class ScriptedDialogs(Dialogs):
    """Answers the editor's questions without a modal dialog; records what was shown."""

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[tuple[str, str]] = []
        self.save_answer = "discard"
        self.recover_answer = False
        self.recover_asked: list[Path] = []
        self.open_answer: str | None = None
        self.save_as_answer: str | None = None
        self.save_as_asked = 0
        self.confirm_answer = True
        self.confirms: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.export_answer: str | None = None
        self.export_asked: list[tuple[str, str, str]] = []
        self.image_answer: str | None = None

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def about(self, title: str, text: str) -> None:
        self.errors.append((title, text))

    def ask_save_changes(self, name: str) -> str:
        return self.save_answer

    def ask_recover(self, recovery_file: Path) -> bool:
        self.recover_asked.append(recovery_file)
        return self.recover_answer

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def save_export(self, title: str, suggestion: str, filters: str) -> str | None:
        self.export_asked.append((title, suggestion, filters))
        return self.export_answer

    def confirm(self, title: str, message: str) -> bool:
        self.confirms.append((title, message))
        return self.confirm_answer

    def open_image(self, title: str) -> str | None:
        return self.image_answer

    def open_file(self, directory: str = "") -> str | None:
        return self.open_answer

    def save_file(self, suggestion: str = "") -> str | None:
        self.save_as_asked += 1
        return self.save_as_answer


@pytest.fixture(autouse=True)
def isolated_app_state(tmp_path_factory, monkeypatch):
    from siteplanner.app import autosave

    QStandardPaths.setTestModeEnabled(True)
    recovery = tmp_path_factory.mktemp("recovery")
    monkeypatch.setattr(autosave, "recovery_dir", lambda: recovery)
    conf = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(conf))
    yield


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(plan: Plan | None = None, path: str | Path | None = None) -> MainWindow:
        dialogs = ScriptedDialogs()
        win = MainWindow(plan, path, dialogs=dialogs)
        win.resize(1200, 800)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=5000)
        win.view.setFocus()
        win.view.fit()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.doc.undo.setClean()
        win.runner.shutdown()


def wait_analysis(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy and win.render_data is not None, timeout=30000)


def wait_walls(qtbot, win: MainWindow) -> None:
    """The worker draws the wall solids (first thing in each run): wait for the newest."""
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=30000)


def vp(win: MainWindow, x: float, y: float):
    return win.view.mapFromScene(QPointF(x, y))


def click(win: MainWindow, x: float, y: float, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, mods, vp(win, x, y))


def drag(
    win: MainWindow,
    a: tuple[float, float],
    b: tuple[float, float],
    steps: int = 6,
    release: bool = True,
) -> None:
    port = win.view.viewport()
    p0, p1 = vp(win, *a), vp(win, *b)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    for i in range(1, steps + 1):
        t = i / steps
        p = p0 + (p1 - p0) * t
        QTest.mouseMove(port, p)
    if release:
        QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)


def key(win: MainWindow, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(win.view, k, mods)
