"""Interface languages: the choice from the locale and settings, the shipped Chinese, the menu."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QMenu

from siteplanner.app import i18n
from siteplanner.app.catalogue_ui import ModelDialog
from siteplanner.catalogue import load_catalogue
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators("zh_CN") == "zh_CN"
    yield
    i18n.install_translators("en")


def test_language_from_locale_and_settings():
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "zh_CN"  # the only Chinese shipped
    assert i18n.system_language(QLocale("en_US")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    s = QSettings()
    s.remove(i18n.SETTINGS_KEY)
    assert i18n.chosen_language(s, QLocale("zh_CN")) == "zh_CN"
    s.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.chosen_language(s, QLocale("zh_CN")) == "en"
    s.setValue(i18n.SETTINGS_KEY, "klingon")  # unknown values fall back to the locale
    assert i18n.chosen_language(s, QLocale("zh_CN")) == "zh_CN"
    s.remove(i18n.SETTINGS_KEY)


def test_shipped_translation_is_complete_and_compiled(tmp_path):
    ts = i18n.translations_dir() / "siteplanner_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    # The shipped .qm is what lrelease makes of the .ts now (file times do not survive a clone).
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert qm.read_bytes() == fresh.read_bytes()
    root = ET.parse(ts).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type")]
    assert unfinished == []
    # The .ts reader (used when no .qm is present) agrees with the compiled file.
    reader = i18n.TsTranslator(ts)
    compiled = i18n.load_translator("zh_CN")
    for m in messages:
        src = m.findtext("source")
        assert reader.translate("", src) == compiled.translate("", src) == m.findtext("translation")


def test_english_is_the_source(chinese):
    i18n.install_translators("en")
    assert QCoreApplication.translate("", "&Units") == "&Units"


def test_window_in_chinese(chinese, make_window):
    assert QCoreApplication.translate("", "&Units") == "单位(&U)"
    win = make_window(load_plan(sample_plan_path()), None)
    assert win.menus["File"].title() == "文件(&F)"
    assert win.menus["Edit"].title() == "编辑(&E)"
    assert win.actions_by_name["save"].text() == "保存(&S)"
    assert win.actions_by_name["tool_camera"].text() == "摄像机"
    assert win.levels_dock.windowTitle() == "楼层"
    assert win.levels_dock.objectName() == "Levels"  # saved layouts work in every language
    # Lists show the plan's words translated but keep the plan's values.
    combo = win.opening_kind
    assert [combo.itemText(i) for i in range(combo.count())] == ["门", "窗"]
    combo.setCurrentIndex(1)
    assert win.options.opening_kind == "window"
    units = win.findChild(QMenu, "menu_units")
    assert units.title() == "单位(&U)"
    assert win.menus["Camera"].title() == "摄像机(&C)"
    assert win.background_dock.windowTitle() == "底图"
    assert win.units.actions["metric"].text() == "公制 (m)"
    # Catalogue models carry Chinese names; the English words still filter.
    dialog = ModelDialog(load_catalogue(), win, current="fr-terminal")
    row = dialog.table.selectionModel().selectedRows()[0].row()
    assert dialog.table.item(row, 0).text() == "人脸识别摄像机 200 万像素 6 mm"
    assert dialog.table.item(row, 1).text() == "门禁终端"
    dialog.filter.setText("varifocal dome")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert [dialog.table.item(r, 0).text() for r in shown] == ["变焦半球 400 万像素 2.8-12 mm"]


def test_language_menu_stores_choice(make_window):
    QSettings().remove(i18n.SETTINGS_KEY)
    win = make_window(load_plan(sample_plan_path()), None)
    menu = win.findChild(QMenu, "menu_language")
    assert menu is not None and menu.parent() is win.menus["View"]
    texts = [a.text() for a in menu.actions() if a.isCheckable()]
    assert texts == ["System default", "English", "简体中文"]
    # The change is made at once: no note about a restart.
    assert [a.text() for a in menu.actions() if not a.isCheckable() and a.text()] == []
    chinese = next(a for a in menu.actions() if a.data() == "zh_CN")
    try:
        chinese.trigger()
        assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"
        assert i18n.chosen_language() == "zh_CN"
        assert i18n.current_language() == "zh_CN"
    finally:
        i18n.install_translators("en")
        QSettings().remove(i18n.SETTINGS_KEY)
