"""The editor's sign dialog offers the languages of the plan's rule pack."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from siteplanner.app.signs_ui import SignOptionsDialog
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import wait_analysis


def choices(dlg: SignOptionsDialog) -> list[tuple[str, tuple[str, ...]]]:
    return [(dlg.langs.itemText(i), tuple(dlg.langs.itemData(i))) for i in range(dlg.langs.count())]


def test_dialog_lists_each_packs_languages(make_window, qtbot):
    plan = load_plan(sample_plan_path())
    win = make_window(plan)
    wait_analysis(qtbot, win)
    seen: dict[str, list] = {}

    def look_and_pick(rules: str, key: Qt.Key | None) -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SignOptionsDialog)
        seen[rules] = choices(dlg)
        if key is not None:
            dlg.langs.setFocus()
            QTest.keyClick(dlg.langs, key)
        QTest.keyClick(dlg, Qt.Key.Key_Return)

    picked = {}
    for rules, key in (("cn-2025", None), ("uk-ico", None), ("eu-edpb", Qt.Key.Key_End)):
        win.doc.plan.rules = rules
        QTimer.singleShot(0, lambda r=rules, k=key: look_and_pick(r, k))
        options = win.signs_ui._ask_options()
        assert options is not None
        picked[rules] = options.langs
    assert seen["cn-2025"] == [
        ("中文 + English", ("zh", "en")),
        ("中文", ("zh",)),
        ("English", ("en",)),
    ]
    assert seen["uk-ico"] == [("English", ("en",))]
    assert seen["eu-edpb"] == [
        ("English", ("en",)),
        ("English + Deutsch + Français", ("en", "de", "fr")),
        ("Deutsch", ("de",)),
        ("Français", ("fr",)),
    ]
    # Each pack's default is preselected; End picks the last of the European choices.
    assert picked == {"cn-2025": ("zh", "en"), "uk-ico": ("en",), "eu-edpb": ("fr",)}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_export_in_a_language_the_pack_offers(make_window, qtbot, tmp_path):
    plan = load_plan(sample_plan_path())
    plan.rules = "eu-edpb"
    plan.organization.legal_basis = "Legitimate interest: protection of property"
    win = make_window(plan)
    wait_analysis(qtbot, win)

    def pick_german() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SignOptionsDialog)
        dlg.langs.setFocus()
        QTest.keyClick(dlg.langs, Qt.Key.Key_End)  # Français
        QTest.keyClick(dlg.langs, Qt.Key.Key_Up)  # Deutsch
        QTest.keyClick(dlg, Qt.Key.Key_Return)

    out = tmp_path / "signs.pdf"
    win.dialogs.export_answer = str(out)
    QTimer.singleShot(0, pick_german)
    assert win.signs_ui.export_pdf() == out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Videoüberwachung" in text and "Rechtsgrundlage" in text
    assert "Video surveillance" not in text and "视频监控区域" not in text
