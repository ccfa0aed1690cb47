"""Tools ▸ Accept All Sign Suggestions: with the suggestions hidden or shown, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.placement import suggest_signs
from tests.app.conftest import wait_analysis


def _signs(win) -> list[dict]:
    return [s.model_dump() for lv in win.doc.plan.levels for s in lv.signs]


def _menu_action(win):
    act = win.actions_by_name["accept_sign_suggestions"]
    assert act in win.menus["Tools"].actions()
    return act


def test_accept_all_with_suggestions_hidden_is_one_step(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    assert not win.actions_by_name["sign_suggestions"].isChecked()
    assert win.signs_ui.items == []  # nothing on the canvas to accept
    expected = suggest_signs(win.doc.plan, win.render_data.analysis, level_ids=["L1"])
    assert len(expected) >= 3
    before = _signs(win)
    _menu_action(win).trigger()
    level = win.doc.plan.levels[0]
    added = level.signs[len(before) :]
    assert len(added) == len([s for s in expected if not s.extends])
    assert sorted(tuple(s.covers) for s in added) == sorted(
        tuple(s.covers) for s in expected if not s.extends
    )
    assert len({s.id for lv in win.doc.plan.levels for s in lv.signs}) == len(before) + len(added)
    assert win.doc.undo.count() == 1
    assert "3" in win.doc.undo.text(0) or str(len(expected)) in win.doc.undo.text(0)
    # The new signs announce the cameras: no SIGN_MISSING is left on the level.
    wait_analysis(qtbot, win)
    qtbot.waitUntil(
        lambda: not any(f.rule == "SIGN_MISSING" for f in win.render_data.analysis.findings),
        timeout=20000,
    )
    # One Undo puts the plan back as it was; Redo adds them all again.
    win.actions_by_name["undo"].trigger()
    assert _signs(win) == before
    win.actions_by_name["redo"].trigger()
    assert len(level.signs) == len(before) + len(added)


def test_accept_all_with_suggestions_shown_keeps_dragged_positions(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    win.actions_by_name["sign_suggestions"].setChecked(True)
    qtbot.waitUntil(lambda: len(win.signs_ui.items) > 0, timeout=20000)
    wait_analysis(qtbot, win)
    items = list(win.signs_ui.items)
    dragged = next(i for i in items if not i.suggestion.extends)
    dragged.setPos(QPointF(41.5, 10.0))  # the user dragged one
    covers = list(dragged.suggestion.covers)
    before = len(win.doc.plan.levels[0].signs)
    _menu_action(win).trigger()
    level = win.doc.plan.levels[0]
    assert len(level.signs) == before + len([i for i in items if not i.suggestion.extends])
    moved = [s for s in level.signs[before:] if s.position == pytest.approx((41.5, 10.0))]
    assert len(moved) == 1 and moved[0].covers == covers
    assert win.signs_ui.items == [] and all(i.scene() is None for i in items)
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    assert len(level.signs) == before
