"""An unexpected error inside an event handler is reported; the editor and the plan survive."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from siteplanner.app import tools
from tests.app.conftest import click, key
from tests.app.test_editing_tools import two_level_plan


def test_tool_error_during_mouse_press_is_reported_and_changes_nothing(
    make_window, monkeypatch, caplog
):
    win = make_window(two_level_plan())
    win.set_tool("wall")
    click(win, 0.0, 0.0)  # a wall half drawn: its first point placed
    before = win.doc.plan.model_dump_json()
    undo_count = win.doc.undo.count()

    def broken(self, event):
        raise RuntimeError("tool exploded")

    monkeypatch.setattr(tools.WallTool, "press", broken)
    with caplog.at_level(logging.ERROR, logger="siteplanner.app"):
        click(win, 3.0, 0.0)
        click(win, 3.0, 2.0)  # the same error again: logged, but said only once
    assert win.isVisible()
    assert win.doc.plan.model_dump_json() == before
    assert win.doc.undo.count() == undo_count
    assert "RuntimeError: tool exploded" in win.statusBar().currentMessage()
    logged = [r for r in caplog.records if r.exc_info and "tool exploded" in str(r.exc_info[1])]
    assert len(logged) == 2

    # The half-drawn wall was abandoned and the tool still works once the fault is gone.
    monkeypatch.undo()
    for p in [(0.0, 0.0), (4.0, 0.0)]:
        click(win, *p)
    key(win, Qt.Key.Key_Return)
    level = win.doc.plan.levels[0]
    assert len(level.walls) == 2  # one new wall, from the fresh start: no point of the old one
    drawn = [c for p in level.walls[1].points for c in p]
    assert drawn == pytest.approx([0.0, 0.0, 4.0, 0.0], abs=0.05)
    assert win.doc.undo.count() == undo_count + 1
    win.doc.undo.undo()
    assert win.doc.plan.model_dump_json() == before


def test_panel_slot_error_is_reported(make_window, monkeypatch):
    win = make_window(two_level_plan())
    before = win.doc.plan.model_dump_json()

    def broken(*_args):
        raise ValueError("panel exploded")

    monkeypatch.setattr(type(win.levels_panel), "_levels_key", broken)
    win.levels_panel.add_level()  # its change signal reaches the failing slot
    assert win.isVisible()
    assert "ValueError: panel exploded" in win.statusBar().currentMessage()
    win.doc.undo.undo()
    assert win.doc.plan.model_dump_json() == before
