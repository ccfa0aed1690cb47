"""The editor composed: menus and tool bar from the action table, display units in one place."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMenu

from siteplanner.app.actions import ACTIONS, MENUS, TOOLBAR, ActionSet, ActionSpec, key_sequences
from siteplanner.app.commands import SetFieldsCommand
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click, wait_analysis, wait_walls

COMMANDS = [s for s in ACTIONS if s.kind not in ("separator", "menu")]


def menu_paths(menu: QMenu, path: str) -> dict[str, tuple[str, QAction]]:
    """Every action reachable from ``menu``: objectName -> (menu path, action)."""
    out: dict[str, tuple[str, QAction]] = {}
    for act in menu.actions():
        if act.menu() is not None:
            out.update(menu_paths(act.menu(), f"{path}/{act.menu().objectName()[5:]}"))
        elif not act.isSeparator():
            out[act.objectName()] = (path, act)
    return out


def menu_bar_actions(win) -> dict[str, tuple[str, QAction]]:
    out: dict[str, tuple[str, QAction]] = {}
    keys = {m.objectName(): k for k, m in win.menus.items() if "/" not in k}
    for top in win.menuBar().actions():
        out.update(menu_paths(top.menu(), keys[top.menu().objectName()]))
    return out


def test_every_command_is_in_its_menu_with_its_shortcuts(make_window):
    win = make_window()
    assert [a.menu().objectName() for a in win.menuBar().actions()] == [
        f"menu_{k.lower()}" for k in MENUS
    ]
    reachable = menu_bar_actions(win)
    for spec in COMMANDS:
        assert spec.id in reachable, spec.id
        where, act = reachable[spec.id]
        assert where == spec.menu, spec.id
        assert act is win.actions_by_name[spec.id]
        want = [k.toString() for k in key_sequences(spec.shortcuts)]
        assert [k.toString() for k in act.shortcuts()] == want, spec.id
        if spec.shortcuts:
            assert act in win.actions(), spec.id  # the shortcut works with the menus closed
    # Nothing in the menus that the table does not name (Open Recent fills itself when opened).
    assert set(reachable) == {s.id for s in COMMANDS}
    # Each menu lists its commands in table order.
    for key in win.menus:
        listed = [n for n, (w, _a) in reachable.items() if w == key]
        assert listed == [s.id for s in COMMANDS if s.menu == key], key


def test_toolbar_from_the_table(make_window):
    win = make_window()
    shown = ["|" if a.isSeparator() else a.objectName() for a in win.toolbar.actions()]
    assert shown == list(TOOLBAR)
    assert all(not win.actions_by_name[i].icon().isNull() for i in TOOLBAR if i.startswith("tool_"))


def test_shortcuts_and_menu_clicks_reach_their_slots(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()))
    # A tool's key (no modifier) and a standard key (select all) through the real key events.
    QTest.keyClick(win.view, Qt.Key.Key_W)
    assert win.tool.name == "wall" and win.actions_by_name["tool_wall"].isChecked()
    QTest.keyClick(win.view, Qt.Key.Key_Escape)
    QTest.keyClick(win.view, Qt.Key.Key_V)
    assert win.tool.name == "select"
    QTest.keyClick(win.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    level = win.doc.plan.levels[0]
    assert len(win.scene.selected_objects()) == sum(
        len(getattr(level, c))
        for c in ("walls", "openings", "obstacles", "zones", "cameras", "signs")
    )
    # A menu entry clicked with the mouse: View ▸ Show Coverage off hides every coverage item.
    wait_analysis(qtbot, win)
    view_menu = win.menus["View"]
    view_menu.popup(win.mapToGlobal(QPoint(10, 10)))
    qtbot.waitUntil(view_menu.isVisible)
    act = win.actions_by_name["show_coverage"]
    QTest.mouseClick(
        view_menu, Qt.MouseButton.LeftButton, pos=view_menu.actionGeometry(act).center()
    )
    assert not act.isChecked() and not win.state.overlays.coverage
    assert win.scene.coverage_items and not any(
        i.isVisible() for i in win.scene.coverage_items.values()
    )


def test_a_row_naming_a_missing_slot_fails_at_start(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    rows = (ActionSpec("x", "X", "File", "file.no_such_command", ("Ctrl+K",)),)
    built = ActionSet(window, rows, {"file": object()})
    assert built.actions["x"].shortcut() == QKeySequence("Ctrl+K")
    with pytest.raises(AttributeError):
        built.check()


def test_display_units_change_every_length_shown(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()))
    wait_analysis(qtbot, win)
    port = win.view.viewport()
    qtbot.mouseMove(port, port.rect().center())
    qtbot.mouseMove(port, port.rect().center() + QPoint(3, 2))
    win.scene.item_by_id("c-lobby").setSelected(True)
    table = win.schedule_panel

    def shown() -> dict[str, str]:
        heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        return {
            "cursor": win.cursor_label.text(),
            "schedule": heads[3],
            "property": win.properties_panel.findChild(QLineEdit, "prop_height_m").text(),
            "scale bar": win.view.scale_bar()[1],
            "tools": win.fmt_len(3.048),
        }

    metric = shown()
    assert metric["cursor"].endswith(" m") and metric["schedule"] == "Height m"
    assert metric["property"] == "3" and metric["tools"] == "3.05 m"
    assert metric["scale bar"].endswith((" m", " cm"))
    # View ▸ Units ▸ Imperial (decimal ft), as a click in the submenu would.
    win.actions_by_name["units_ft"].trigger()
    feet = shown()
    assert win.state.unit_style == "ft" and win.doc.plan.settings.units == "imperial"
    assert feet["cursor"].endswith(" ft") and feet["schedule"] == "Height ft"
    assert feet["property"] == "9.843 ft" and feet["tools"] == "10.00 ft"
    assert feet["scale bar"].endswith((" ft", " in"))
    # The measure tool's label goes through the same state.
    win.set_tool("measure")
    click(win, 10.0, 5.0)
    click(win, 14.0, 5.0)
    assert "13.12 ft" in win.statusBar().currentMessage()  # 4 m
    # Undo puts the plan back in metres: every place follows.
    win.set_tool("select")
    win.doc.undo.undo()
    win.scene.item_by_id("c-lobby").setSelected(True)
    assert shown() == metric


def _record_threads(monkeypatch, module, name: str) -> list[threading.Thread]:
    """Wrap ``module.name`` so that every call notes the thread it ran on."""
    real = getattr(module, name)
    threads: list[threading.Thread] = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return threads


def test_sign_suggestions_are_made_by_the_worker_not_the_ui_thread(make_window, qtbot, monkeypatch):
    from siteplanner import pipeline
    from siteplanner.app.signs_ui import SuggestionItem
    from siteplanner.signage.placement import suggest_signs

    threads = _record_threads(monkeypatch, pipeline, "suggest_signs")
    win = make_window(load_plan(sample_plan_path()))
    wait_analysis(qtbot, win)
    assert threads == []  # not asked for: not made
    win.actions_by_name["sign_suggestions"].setChecked(True)
    qtbot.waitUntil(
        lambda: any(isinstance(i, SuggestionItem) for i in win.scene.items()), timeout=30000
    )
    shown = [i for i in win.scene.items() if isinstance(i, SuggestionItem)]
    assert threads and all(t is not threading.main_thread() for t in threads)
    # What is drawn is what the engine suggests for the shown level.
    level = win.state.level_id
    want = suggest_signs(win.doc.plan, win.render_data.analysis, level_ids=[level])
    assert sorted(i.suggestion.position for i in shown) == sorted(s.position for s in want)
    # An edit brings fresh suggestions, again from the worker.
    n = len(threads)
    cam = win.doc.plan.levels[0].cameras[0]
    win.doc.undo.push(
        SetFieldsCommand(win.doc, "Pan", [(cam, "pan_deg", (cam.pan_deg + 30) % 360)])
    )
    wait_analysis(qtbot, win)
    qtbot.waitUntil(lambda: len(threads) > n, timeout=30000)
    assert all(t is not threading.main_thread() for t in threads)


def test_wall_solids_of_an_edit_are_cut_by_the_worker(make_window, qtbot, monkeypatch):
    from siteplanner.geometry import coverage

    win = make_window(load_plan(sample_plan_path()))
    wait_walls(qtbot, win)
    threads = _record_threads(monkeypatch, coverage, "wall_parts")
    wall = win.doc.plan.levels[0].walls[0]
    before = win.scene.wall_path()
    moved = [(x, y + 0.5) for x, y in wall.points]
    win.doc.undo.push(SetFieldsCommand(win.doc, "Move", [(wall, "points", moved)]))
    wait_walls(qtbot, win)
    assert threads and all(t is not threading.main_thread() for t in threads)
    after = win.scene.wall_path()
    mid = ((moved[0][0] + moved[1][0]) / 2, (moved[0][1] + moved[1][1]) / 2)
    assert after.contains(QPointF(*mid)) and after != before
