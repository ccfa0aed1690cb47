"""File ▸ Print Signs… and Export Signs PDF… refuse an incomplete notice: the user is told which
fields are missing and chooses a proof marked DRAFT / 草稿 or Site ▸ Settings."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from siteplanner.app import signs_ui
from siteplanner.app.settings_ui import SettingsDialog
from siteplanner.app.signs_ui import SignOptions, print_signs
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)


@pytest.fixture
def win(make_window):
    plan = load_plan(sample_plan_path())
    # The sign must say how to reach the operator and why: both left empty.
    plan.organization.contact = ""
    plan.organization.purpose = "  "
    _fit_a4(plan)
    return make_window(plan)


def _fit_a4(plan) -> None:
    """Signs small enough for a page of their own (the mark reads whole, not across tiles)."""
    for level in plan.levels:
        for sign in level.signs:
            sign.width_m, sign.height_m = 0.15, 0.2


def answer(button: str, seen: list[str]) -> None:
    """Click ``button`` of the incomplete-notice message box once it is up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "incomplete_notice":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        QTest.mouseClick(box.findChild(QAbstractButton, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _pdf_text(path) -> str:
    """The first page's text; the mark runs diagonally, so glyph by glyph, without spaces."""
    args = ["pdftotext", "-raw", "-f", "1", "-l", "1", str(path), "-"]
    return "".join(subprocess.run(args, capture_output=True, text=True).stdout.split())


@needs_poppler
def test_export_names_the_missing_fields_and_exports_a_draft(win, tmp_path):
    out = tmp_path / "signs.pdf"
    win.signs_ui.ask_options = lambda paper=True: SignOptions("A4", ("zh", "en"), "page", False)
    win.dialogs.export_answer = str(out)
    seen: list[str] = []
    answer("draft", seen)
    win.actions_by_name["export_signs"].trigger()
    assert len(seen) == 1
    assert "Contact" in seen[0] and "Purpose of the cameras" in seen[0]
    assert "Operator name" not in seen[0]  # given: not named
    assert out.exists()
    text = _pdf_text(out)
    assert "DRAFT" in text and "草稿" in text


@needs_poppler
def test_complete_notice_exports_without_asking_or_marking(make_window, tmp_path):
    plan = load_plan(sample_plan_path())
    _fit_a4(plan)
    w = make_window(plan)
    out = tmp_path / "signs.pdf"
    w.signs_ui.ask_options = lambda paper=True: SignOptions("A4", ("zh", "en"), "page", False)
    w.dialogs.export_answer = str(out)
    assert w.signs_ui.export_pdf() == out
    text = _pdf_text(out)
    assert "DRAFT" not in text and "草稿" not in text


def test_open_site_settings_instead_of_printing(win, qtbot):
    asked: list[bool] = []
    win.signs_ui.ask_options = lambda paper=True: asked.append(paper)
    seen: list[str] = []
    answer("settings", seen)
    win.actions_by_name["print_signs"].trigger()
    assert seen and "Contact" in seen[0]
    assert asked == []  # nothing printed: no options, no preview
    dlg = win.settings_ui.dialog
    assert isinstance(dlg, SettingsDialog)
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    # The field to fill in is there, empty.
    assert dlg.org["contact"].text() == ""
    dlg.reject()


def test_cancel_prints_and_exports_nothing(win, tmp_path):
    asked: list[bool] = []
    win.signs_ui.ask_options = lambda paper=True: asked.append(paper)
    win.dialogs.export_answer = str(tmp_path / "x.pdf")
    seen: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, cancel)
            return
        seen.append(box.text())
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    for action in ("print_signs", "export_signs"):
        QTimer.singleShot(0, cancel)
        win.actions_by_name[action].trigger()
    assert len(seen) == 2 and asked == []
    assert not (tmp_path / "x.pdf").exists() and win.dialogs.export_asked == []


def test_print_as_draft_draws_the_mark(win, qtbot, monkeypatch, tmp_path):
    drawn: list[dict] = []
    original = signs_ui.print_signs

    def recording(printer, plan, options, signs=None, draft=False):
        result = original(printer, plan, options, signs, draft=draft)
        drawn.append({"draft": draft, "pages": result.pages})
        return result

    monkeypatch.setattr(signs_ui, "print_signs", recording)
    win.signs_ui.ask_options = lambda paper=True: SignOptions("A4", ("zh", "en"), "page", False)

    def close_preview() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None or dlg.objectName() != "print_signs_preview" or not drawn:
            QTimer.singleShot(50, close_preview)
            return
        dlg.reject()

    seen: list[str] = []
    answer("draft", seen)
    QTimer.singleShot(0, close_preview)
    win.actions_by_name["print_signs"].trigger()
    assert seen and drawn and all(d["draft"] for d in drawn) and drawn[0]["pages"] >= 1


@needs_poppler
def test_printed_draft_carries_the_mark(win, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    print_signs(printer, win.doc.plan, SignOptions("A4", ("zh", "en"), "page", False), draft=True)
    text = _pdf_text(out)
    assert "DRAFT" in text and "草稿" in text


@pytest.fixture
def chinese(qapp):
    from siteplanner.app import i18n

    assert i18n.install_translators("zh_CN") == "zh_CN"
    yield
    i18n.install_translators("en")


def test_chinese_interface_names_the_fields_in_chinese(chinese, win):
    seen: list[str] = []
    answer("settings", seen)
    win.signs_ui.ask_options = lambda paper=True: None
    win.actions_by_name["print_signs"].trigger()
    assert seen and "缺少联系方式、摄像机用途。" in seen[0], seen
    win.settings_ui.dialog.reject()
