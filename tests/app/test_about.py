"""Help ▸ About shows the version from pyproject.toml and the licence of everything bundled."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy
import shapely
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication

from siteplanner.app import i18n
from siteplanner.app.about import AboutDialog, components
from siteplanner.app.dialogs import Dialogs

ROOT = Path(__file__).resolve().parents[2]


def _rows(dialog: AboutDialog) -> dict[str, tuple[str, str, str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): tuple(table.item(r, c).text() for c in (1, 2, 3))
        for r in range(table.rowCount())
    }


def test_about_shows_the_version_and_the_bundled_licences(qtbot):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    dialog = AboutDialog(None, "About SitePlanner", "Plan cameras.")
    qtbot.addWidget(dialog)
    assert f"SitePlanner {version}" in dialog.version_label.text()
    rows = _rows(dialog)
    assert rows["Qt"][:2] == (qVersion(), "LGPL-3.0-only")
    assert rows["Shapely"][:2] == (shapely.__version__, "BSD-3-Clause")
    assert rows["NumPy"][0] == numpy.__version__
    assert rows["GEOS"][1] == "LGPL-2.1-only"
    assert rows["WenQuanYi Micro Hei"][1].startswith("Apache-2.0 OR GPL-3.0")
    assert all(version and licence for version, licence, _ in rows.values())
    # The licence texts it names are shipped.
    for name in ("wqy-microhei-COPYRIGHT.txt", "LICENSE-Apache-2.0.txt"):
        assert name in dialog.licence_label.text()
        path = next(p for p in dialog.licence_label.text().split(": ", 1)[1].split(", ")
                    if p.endswith(name))  # fmt: skip
        assert Path(path).is_file()


def test_help_about_opens_the_dialog_and_close_shuts_it(qtbot):
    from siteplanner.app.main_window import MainWindow

    win = MainWindow(dialogs=Dialogs())
    win.dialogs.parent = win
    qtbot.addWidget(win)
    seen: list[AboutDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(50, close_it)
    win.actions_by_name["about"].trigger()
    assert len(seen) == 1 and seen[0].table.rowCount() == len(components())
    assert seen[0].windowTitle() == "About SitePlanner"


def test_about_in_chinese(qtbot, qapp):
    assert i18n.install_translators("zh_CN") == "zh_CN"
    try:
        dialog = AboutDialog(None, "关于", "规划摄像机。")
        qtbot.addWidget(dialog)
        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
        assert headers == ["组件", "版本", "许可证", "用途"]
        assert "字体的许可证文本" in dialog.licence_label.text()
    finally:
        i18n.install_translators("en")
