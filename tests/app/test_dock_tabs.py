"""The docks tabbed together on the left show their titles in full."""

from __future__ import annotations

from PySide6.QtWidgets import QTabBar

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


def dock_tab_bars(win) -> list[QTabBar]:
    return [b for b in win.findChildren(QTabBar) if b.parent() is win and b.count() > 1]


def test_dock_tab_titles_are_not_cut_short(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()))
    win.resize(1400, 900)
    win.show()
    qtbot.waitUntil(lambda: len(dock_tab_bars(win)) >= 1, timeout=10000)
    bars = dock_tab_bars(win)
    # Large type (as with the CJK interface font): the three titles no longer fit side by side.
    for bar in bars:
        font = bar.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        bar.setFont(font)
    qtbot.wait(50)
    titles = [b.tabText(i) for b in bars for i in range(b.count())]
    assert "Levels" in titles and "Background plan" in titles
    for bar in bars:
        metrics = bar.fontMetrics()
        for i in range(bar.count()):
            # Each tab is at least as wide as its title: nothing elided to "Le…".
            assert bar.tabRect(i).width() >= metrics.horizontalAdvance(bar.tabText(i)), bar.tabText(
                i
            )
