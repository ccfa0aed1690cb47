"""The findings panel filters by severity and says how many rows it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import wait_analysis


def _visible(panel) -> list[str]:
    items = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    return [str(it.data(0, 256).severity) for it in items if not it.isHidden()]


def test_severity_filter(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    panel = win.findings_panel
    everything = _visible(panel)
    assert "error" in everything and "warning" in everything
    assert panel.isVisibleTo(win) and panel.severity_filter.isVisibleTo(win)
    combo = panel.severity_filter
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # errors and warnings
    assert set(_visible(panel)) <= {"error", "warning"}
    QTest.keyClick(combo, Qt.Key.Key_Down)  # errors only
    errors = _visible(panel)
    assert errors == [s for s in everything if s == "error"]
    assert panel.count_label.text() == f"{len(errors)} of {len(everything)} shown"
    # Rows shown say their severity; a new analysis keeps the filter.
    shown = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    assert {it.text(0) for it in shown if not it.isHidden()} == {"error"}
    win.runner.schedule(0)
    wait_analysis(qtbot, win)
    assert _visible(panel) == errors
    QTest.keyClick(combo, Qt.Key.Key_Home)
    assert _visible(panel) == everything
