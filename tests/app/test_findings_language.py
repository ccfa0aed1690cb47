"""Finding messages speak the interface's language where the rule pack has it."""

from __future__ import annotations

import re

import pytest

from siteplanner.app import i18n
from siteplanner.app.worker import finding_language
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import wait_analysis

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators("zh_CN") == "zh_CN"
    yield
    i18n.install_translators("en")


def _messages(win) -> list[str]:
    panel = win.findings_panel
    return [panel.topLevelItem(i).text(panel.MESSAGE) for i in range(panel.topLevelItemCount())]


def test_english_interface_shows_english_findings(make_window, qtbot):
    i18n.install_translators("en")
    plan = load_plan(sample_plan_path())
    assert plan.rules == "cn-2025"  # a pack whose default language is Chinese
    win = make_window(plan, None)
    wait_analysis(qtbot, win)
    shown = _messages(win)
    assert shown, "the sample has findings"
    assert not [m for m in shown if CJK.search(m)]


def test_chinese_interface_shows_chinese_findings(chinese, make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    shown = _messages(win)
    assert shown and all(CJK.search(m) for m in shown)


def test_pack_without_the_interface_language_falls_back():
    assert finding_language("cn-2025", "zh_CN") == "zh"
    assert finding_language("cn-2025", "en") == "en"
    # The UK pack speaks English only: a Chinese interface gets English, not an error.
    assert finding_language("uk-ico", "zh_CN") == "en"
    assert finding_language("no-such-pack", "en") is None


def test_english_interface_has_the_cjk_font(qapp):
    # Operator and zone names are often Chinese in an English interface.
    from PySide6.QtGui import QFontDatabase

    i18n.install_translators("en")
    assert any("WenQuanYi" in f for f in QFontDatabase.families())
