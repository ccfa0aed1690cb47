"""Names and ids from a plan are shown as written, never rendered as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from siteplanner.app.dialogs import Dialogs
from tests.app.conftest import click, wait_analysis
from tests.app.test_editor import CAM, room_plan

HTML_ID = "<img src=x>"
HTML_NAME = "<font size=40>BIG</font>"


def shown(tip: str) -> str:
    """What a tooltip displays: Qt renders a tooltip that looks like HTML as rich text."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_properties_title_shows_an_html_id_as_text(make_window, qtbot):
    zone = {
        "id": HTML_ID,
        "name": HTML_NAME,
        "kind": "collection",
        "polygon": [[1, 1], [3, 1], [3, 3], [1, 3]],
    }
    win = make_window(room_plan(zones=[zone]))
    click(win, 2.0, 2.0)
    title = win.properties_panel.title
    assert HTML_ID in title.text()
    assert title.textFormat() == Qt.TextFormat.PlainText
    # One line of ordinary text, not a 40-point font.
    assert title.sizeHint().height() < 3 * title.fontMetrics().height()
    assert shown(win.scene.item_by_id(HTML_ID).toolTip()).startswith(HTML_NAME)


def test_camera_tooltip_shows_an_html_name_as_text(make_window, qtbot):
    win = make_window(room_plan(cameras=[{**CAM, "name": HTML_NAME}]))
    wait_analysis(qtbot, win)
    tip = win.scene.item_by_id("c1").toolTip()
    assert shown(tip).splitlines()[0] == HTML_NAME
    assert "coverage" in shown(tip)


def test_a_bad_value_message_shows_the_text_typed(make_window):
    win = make_window(room_plan(cameras=[CAM]))
    click(win, 2.0, 3.0)
    editor = win.properties_panel.editors["height_m"]
    editor.setText("<b>tall</b>")
    editor.editingFinished.emit()
    error = win.properties_panel.error
    assert "<b>tall</b>" in error.text()
    assert error.textFormat() == Qt.TextFormat.PlainText


def test_message_boxes_show_plain_text(qapp):
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert Dialogs(None).confirm("Plan already open", f"{HTML_ID} is open elsewhere")
    assert seen == [(Qt.TextFormat.PlainText, f"{HTML_ID} is open elsewhere")]
