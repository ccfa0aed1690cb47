"""View ▸ Units: the menu, the plan's settings.units through undo, the status bar position."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QMenu

from siteplanner.app import units_ui
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


@pytest.fixture
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def win(make_window, isolated_settings):
    window = make_window(load_plan(sample_plan_path()), None)
    return window, window.doc, window.view, window.units


def _move_to_plan(qtbot, view, x, y):
    view.centerOn(x, y)
    pos = view.mapFromScene(x, y)
    assert view.viewport().rect().contains(pos)
    qtbot.mouseMove(view.viewport(), pos=pos)
    qtbot.mouseMove(view.viewport(), pos=pos + QPoint(1, 0))
    qtbot.mouseMove(view.viewport(), pos=pos)
    return view.mapToScene(pos)


def test_menu_under_view_and_metric_default(win, qtbot):
    window, doc, view, ctl = win
    menu = window.menuBar().findChild(QMenu, "menu_units")
    assert menu is not None and menu.parent() is window.menuBar().findChild(QMenu, "menu_view")
    assert [a.objectName() for a in menu.actions()] == [
        "units_metric",
        "units_ft_in",
        "units_ft",
    ]
    assert ctl.actions["metric"].isChecked() and window.unit_style == "metric"
    p = _move_to_plan(qtbot, view, 10.0, 5.0)
    assert window.cursor_label.text() == f"x {p.x():.2f} m, y {p.y():.2f} m"


def test_switch_to_imperial_is_saved_and_undoable(win, qtbot):
    window, doc, view, ctl = win
    ctl.actions["ft"].trigger()
    assert doc.plan.settings.units == "imperial" and window.unit_style == "ft"
    assert QSettings().value(units_ui.SETTINGS_KEY) == "ft"
    p = _move_to_plan(qtbot, view, 3.048, 0.0)
    assert window.cursor_label.text() == f"x {p.x() / 0.3048:.2f} ft, y {p.y() / 0.3048:.2f} ft"
    ctl.actions["ft_in"].trigger()  # imperial either way: the plan does not change again
    assert doc.undo.count() == 1
    text = window.cursor_label.text()
    assert "'" in text and '"' in text
    doc.undo.undo()
    assert doc.plan.settings.units == "metric" and ctl.actions["metric"].isChecked()
    assert window.cursor_label.text().endswith(" m")
    doc.undo.redo()
    assert window.unit_style == "ft_in" and ctl.actions["ft_in"].isChecked()


def test_opening_an_imperial_plan_shows_feet(win):
    window, doc, view, ctl = win
    QSettings().setValue(units_ui.SETTINGS_KEY, "ft")
    plan = load_plan(sample_plan_path())
    plan.settings.units = "imperial"
    doc.replace(plan, None)
    assert window.unit_style == "ft"
    doc.replace(load_plan(sample_plan_path()), None)
    assert window.unit_style == "metric"
