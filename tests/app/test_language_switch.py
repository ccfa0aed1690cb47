"""View ▸ Language changes the running window's language: no restart, no new window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu

from siteplanner.app import i18n
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click, wait_analysis

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def restore_english():
    yield
    i18n.install_translators("en")
    QSettings().remove(i18n.SETTINGS_KEY)


def _label_of(win, name: str) -> str:
    panel = win.properties_panel
    label = panel.form.labelForField(panel.editors[name])
    assert isinstance(label, QLabel)
    return label.text()


def _choose(win, code: str) -> None:
    menu = win.findChild(QMenu, "menu_language")
    next(a for a in menu.actions() if a.data() == code).trigger()


def test_switch_to_chinese_and_back_in_the_same_window(make_window, qtbot, restore_english):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    click(win, 25.5, 19.5)  # CAM-08 Locker
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-changing"]
    assert _label_of(win, "height_m") == "Height (m)"
    findings = win.findings_panel
    assert findings.headerItem().text(0) == "Severity"
    english = [
        findings.topLevelItem(i).text(findings.MESSAGE) for i in range(findings.topLevelItemCount())
    ]
    assert not any(CJK.search(m) for m in english)
    win.set_tool("camera")
    before = win.findChildren(QMenu)

    _choose(win, "zh_CN")
    assert win.menus["File"].title() == "文件(&F)"
    assert win.menus["View"].title() == "视图(&V)"
    assert win.findChild(QMenu, "menu_units").title() == "单位(&U)"
    assert win.actions_by_name["save"].text() == "保存(&S)"
    assert win.levels_dock.windowTitle() == "楼层"
    assert win.properties_dock.windowTitle() == "属性"
    assert win.background_dock.windowTitle() == "底图"
    assert win.findings_dock.windowTitle().startswith("检查结果")
    assert win.toolbar.windowTitle() == "工具"
    assert _label_of(win, "height_m") == "高度 (m)"
    assert findings.headerItem().text(0) == "严重程度"
    assert win.schedule_panel.horizontalHeaderItem(1).text() == "名称"
    assert [win.opening_kind.itemText(i) for i in range(2)] == ["门", "窗"]
    # The findings are analysed again, in Chinese.
    wait_analysis(qtbot, win)
    qtbot.waitUntil(lambda: findings.topLevelItemCount() > 0)
    chinese = [
        findings.topLevelItem(i).text(findings.MESSAGE) for i in range(findings.topLevelItemCount())
    ]
    assert all(CJK.search(m) for m in chinese)
    assert findings.topLevelItem(0).text(0) == "错误"
    assert "错误" in win.analysis_label.text()
    # Same window, same menus, the plan and selection untouched.
    assert win.findChildren(QMenu) == before
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-changing"]
    assert not win.isWindowModified()

    # An edit made now is named in Chinese in Edit ▸ Undo.
    win.set_tool("select")
    QTest.keyClick(win.view, Qt.Key.Key_Right)
    assert win.doc.undo.count() == 1
    assert CJK.search(win.actions_by_name["undo"].text())

    _choose(win, "en")
    assert win.menus["File"].title() == "&File"
    # Lists and columns grow to the longer English words (not cut to the Chinese widths).
    for combo in (win.zone_kind, win.findings_panel.severity_filter):
        widest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert combo.sizeHint().width() > widest
    schedule = win.schedule_panel
    head = schedule.horizontalHeaderItem(12).text()
    assert head == "Recognition m²"
    assert schedule.columnWidth(12) >= schedule.fontMetrics().horizontalAdvance(head)
    assert win.levels_dock.windowTitle() == "Levels"
    assert _label_of(win, "height_m") == "Height (m)"
    # The step made in Chinese is named in English now, in Edit ▸ Undo and the history.
    assert win.actions_by_name["undo"].text() == "&Undo Nudge"
    assert win.doc.undo.text(0) == "Nudge"
    wait_analysis(qtbot, win)
    qtbot.waitUntil(
        lambda: (
            findings.topLevelItemCount() > 0
            and not any(
                CJK.search(findings.topLevelItem(i).text(findings.MESSAGE))
                for i in range(findings.topLevelItemCount())
            )
        )
    )


def test_texts_made_earlier_follow_the_language(qapp, restore_english):
    i18n.install_translators("zh_CN")
    made = [
        i18n.tr("Change site settings"),
        i18n.tr("Accept {0} sign suggestions").format(18),
        i18n.tr("Delete {0}").format(3),
        "CAM-01 Lobby",  # a name, not a translated text
    ]
    assert made[:3] == ["更改场所设置", "接受 18 条标识建议", "删除 3 个"]
    i18n.install_translators("en")
    english = [i18n.retranslated(t) for t in made]
    assert english == [
        "Change site settings",
        "Accept 18 sign suggestions",
        "Delete 3",
        "CAM-01 Lobby",
    ]
    i18n.install_translators("zh_CN")
    assert [i18n.retranslated(t) for t in english] == made
