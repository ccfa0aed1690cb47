"""Help ▸ Getting Started, and the sample opened as an untitled copy under a note."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextBrowser

from siteplanner.app import help_ui, i18n
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click


def test_getting_started_from_the_help_menu_in_each_language(make_window, qtbot):
    win = make_window()
    act = win.actions_by_name["getting_started"]
    assert act in win.menus["Help"].actions()
    act.trigger()
    dialog = win.help.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser, "guide_text").toPlainText()
    # The five steps a new user needs, in English.
    for step in ("Draw the rooms", "Place the cameras", "Read the findings", "Fix them", "signs"):
        assert step in text
    assert dialog.windowTitle() == "Getting Started"
    try:
        win.language.choose("zh_CN")  # shown open while the language changes
        text = dialog.findChild(QTextBrowser, "guide_text").toPlainText()
        assert "绘制房间" in text and "放置摄像机" in text and "打印标识" in text
        assert "Draw the rooms" not in text
        assert dialog.windowTitle() == "入门"
        assert act.text() == "入门(&G)"
    finally:
        win.language.choose("en")
        QSettings().remove(i18n.SETTINGS_KEY)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.help.dialog is None)


def test_guide_opens_by_itself_only_the_first_time(make_window):
    win = make_window()
    settings = QSettings()
    settings.remove(help_ui.SEEN_KEY)
    assert win.help.show_first_time(settings) is True
    assert win.help.dialog is not None and win.help.dialog.isVisible()
    win.help.dialog.close()
    assert win.help.show_first_time(settings) is False
    assert win.help.dialog is None


def test_sample_opens_as_an_untitled_copy_under_a_note(make_window, qtbot, tmp_path):
    sample = sample_plan_path()
    original = sample.read_bytes()
    win = make_window()
    assert not win.sample_banner.isVisible()  # a new plan: no note
    assert win.file.open_path(sample)
    assert win.doc.path is None and win.doc.is_sample
    banner = win.sample_banner
    assert banner.isVisible()
    assert "deliberate" in banner.label.text()
    assert banner.geometry().bottom() <= win.view.geometry().top()  # above the canvas
    assert "copy of the sample" in win.windowTitle()
    # Its button opens the guide.
    QTest.mouseClick(banner.guide_button, Qt.MouseButton.LeftButton)
    assert win.help.dialog is not None
    win.help.dialog.close()

    win.set_tool("camera")
    click(win, 30.0, 5.0)
    assert len(win.doc.plan.levels[0].cameras) == 10
    # Save asks for a new file; cancelling it writes nothing.
    win.dialogs.save_as_answer = None
    QTest.keyClick(win.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert win.dialogs.save_as_asked == 1
    assert sample.read_bytes() == original
    # Choosing a file saves there: the copy now has a file, the note goes.
    target = tmp_path / "mine.siteplan"
    win.dialogs.save_as_answer = str(target)
    QTest.keyClick(win.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert win.dialogs.save_as_asked == 2
    assert win.doc.path == target and not win.doc.is_sample
    assert len(load_plan(target).levels[0].cameras) == 10
    assert sample.read_bytes() == original
    assert not banner.isVisible()
    assert str(target) in win.windowTitle()


def test_sample_note_can_be_closed(make_window):
    win = make_window(load_plan(sample_plan_path()), sample_plan_path())
    banner = win.sample_banner
    assert banner.isVisible()
    top = win.view.geometry().top()
    QTest.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    win.centralWidget().layout().activate()
    assert win.view.geometry().top() < top  # the canvas takes the room
    win.file.open_path(sample_plan_path())  # not shown again this session
    assert not banner.isVisible()
