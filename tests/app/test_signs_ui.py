"""Signs in the editor: suggestions accepted, moved and rejected; export and print at true size."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from siteplanner.app.signs_ui import SignOptions, SuggestionItem, _key, print_signs
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.placement import suggest_signs
from tests.app.conftest import wait_analysis

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils not installed",
)


def items(win) -> list[SuggestionItem]:
    return [i for i in win.scene.items() if isinstance(i, SuggestionItem)]


@pytest.fixture
def win(make_window, qtbot):
    w = make_window(load_plan(sample_plan_path()))
    wait_analysis(qtbot, w)
    assert items(w) == []  # off until the user asks for them
    w.actions_by_name["sign_suggestions"].setChecked(True)
    qtbot.waitUntil(lambda: bool(items(w)), timeout=10000)
    return w


def test_menus(win):
    titles = [a.text() for a in win.menus["File"].actions()]
    assert "Print Si&gns…" in titles and "Export Signs &PDF…" in titles
    assert titles.index("Print Si&gns…") < titles.index("&Quit")


def test_suggestions_shown_and_toggled(win):
    shown = items(win)
    assert len(shown) == len(win.signs_ui.suggestions) > 0
    assert all(i.suggestion.level_id == win.scene.level_id for i in shown)
    win.actions_by_name["sign_suggestions"].setChecked(False)
    assert items(win) == []
    win.actions_by_name["sign_suggestions"].setChecked(True)
    assert len(items(win)) == len(shown)


def _carpark_item(win) -> SuggestionItem:
    return next(i for i in items(win) if "c-carpark" in i.suggestion.covers)


def test_accept_moved_suggestion_through_undo(win, qtbot):
    level = win.doc.plan.levels[0]
    before = len(level.signs)
    item = _carpark_item(win)
    covers = list(item.suggestion.covers)
    item.setPos(QPointF(41.5, 10.0))  # the user dragged it
    win.signs_ui.accept(item)
    assert len(level.signs) == before + 1
    sign = level.signs[-1]
    assert tuple(sign.position) == pytest.approx((41.5, 10.0))
    assert sign.covers == covers and sign.id not in {s.id for s in level.signs[:-1]}
    assert item not in items(win)
    win.doc.undo.undo()
    assert len(level.signs) == before
    win.doc.undo.redo()
    assert level.signs[-1] is sign
    # The new sign announces the car park camera: SIGN_MISSING for it goes away.
    wait_analysis(qtbot, win)
    qtbot.waitUntil(
        lambda: (
            not any(
                f.rule == "SIGN_MISSING" and f.camera == "c-carpark"
                for f in win.render_data.analysis.findings
            )
        ),
        timeout=20000,
    )


def test_reject_stays_rejected(win):
    item = items(win)[0]
    key = _key(item.suggestion)
    n = len(items(win))
    win.signs_ui.reject(item)
    assert len(items(win)) == n - 1
    win.signs_ui.refresh()  # as after the next analysis: the engine suggests it again...
    assert key in {_key(s) for s in suggest_signs(win.doc.plan, win.signs_ui.analysis)}
    # ...but the editor keeps it rejected.
    assert key not in {_key(i.suggestion) for i in items(win)}
    assert len(items(win)) == n - 1
    assert len(win.doc.plan.levels[0].signs) == 2  # nothing added


def test_double_click_accepts(win, qtbot):
    level = win.doc.plan.levels[0]
    item = _carpark_item(win)
    win.view.centerOn(item)
    QTest.qWait(50)
    pos = win.view.mapFromScene(item.pos())
    QTest.mouseDClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )
    qtbot.waitUntil(lambda: len(level.signs) == 3, timeout=5000)
    assert "c-carpark" in level.signs[-1].covers


@needs_poppler
def test_export_pdf(win, tmp_path):
    out = tmp_path / "signs.pdf"
    win.signs_ui.ask_options = lambda paper=True: SignOptions("A3", ("en",), "sheet", True)
    win.dialogs.export_answer = str(out)
    assert win.signs_ui.export_pdf() == out
    # Asked through the window's dialogs, like every other export.
    title, suggestion, filters = win.dialogs.export_asked[-1]
    assert title == "Export signs" and suggestion.endswith("-signs.pdf") and "*.pdf" in filters
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "CCTV in operation" in text and "视频监控区域" not in text


@needs_poppler
def test_print_at_true_size(win, tmp_path):
    plan = win.doc.plan
    entrance = plan.levels[0].signs[0]
    entrance.width_m, entrance.height_m = 0.12, 0.16
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    options = SignOptions("A4", ("zh", "en"), "page", True)
    from PySide6.QtGui import QPageSize

    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    result = print_signs(printer, plan, options, signs=[("L1", entrance)])
    # The sign, then its legend: the level's plan, the table, the bill of materials.
    assert result.pages == 4 and result.legend_pages == [2, 3, 4]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "视频监控区域" in text and "CCTV in operation" in text
    assert "本区域使用人脸识别技术" in text  # s-entrance announces the face camera
    # Measure the printed sign: 1 px = 0.1 mm at 254 dpi.
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "254", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    data = next(tmp_path.glob("page*.pgm")).read_bytes()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    dark = np.frombuffer(data[m.end() :], dtype=np.uint8).reshape(h, w) < 128
    # The sign's black outline spans most of its width and height; text and marks do not.
    cols = np.where(dark.sum(axis=0) > 600)[0]
    rows = np.where(dark.sum(axis=1) > 0.6 * (cols[-1] - cols[0]))[0]
    assert (cols[-1] - cols[0] + 1) / 10 == pytest.approx(120, abs=1.0)
    assert (rows[-1] - rows[0] + 1) / 10 == pytest.approx(160, abs=1.0)


def test_print_and_export_refuse_a_url_no_qr_code_can_hold(win, tmp_path):
    win.doc.plan.organization.privacy_notice_url = "https://example.com/" + "a" * 3000
    asked = []
    win.signs_ui.ask_options = lambda paper=True: asked.append(paper)
    win.signs_ui.print_signs()
    assert asked == []  # refused before the options dialog and the preview
    title, message = win.dialogs.errors[-1]
    assert "organization.privacy_notice_url" in message and "QR code" in message
    out = tmp_path / "signs.pdf"
    win.signs_ui.ask_options = lambda paper=True: SignOptions()
    win.dialogs.export_answer = str(out)
    assert win.signs_ui.export_pdf() is None
    assert "organization.privacy_notice_url" in win.dialogs.errors[-1][1]
    assert not out.exists()
