"""The longest UI-thread stall while the campus is re-analysed with sign suggestions shown.

``campus_stall_ms()`` opens the real main window (1400×900) on a 100-camera campus level, turns
View ▸ Sign Suggestions on and waits for them, then makes edits through the undo stack as the
user would (a camera turned, a wall moved, an undo). Each edit runs inside the Qt event loop with
a heartbeat timer ticking every ``TICK_MS``; the stall is the longest gap between two ticks, from
the edit until the re-analysis and its suggestions are drawn. Everything the UI thread does
in that time (applying the edit, swapping in paths, drawing suggestions) shows up as a gap.
"""

from __future__ import annotations

import os
import time

TICK_MS = 2
TIMEOUT_S = 600.0


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


class StallProbe:
    """A heartbeat on the UI thread: the longest time between two of its ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def _run_until(app, done, timeout_s: float = TIMEOUT_S) -> bool:
    """Run the event loop (timers fire as in the editor) until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    check = QTimer()
    check.setInterval(20)
    ok = {"done": False}

    def poll() -> None:
        if done():
            ok["done"] = True
            loop.quit()
        elif time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    loop.exec()
    check.stop()
    return ok["done"]


def stall_ms(plan, level_index: int = 3) -> tuple[float, int]:
    """(longest stall in ms over the edits, suggestions shown)."""
    app = _app()
    from PySide6.QtCore import QTimer

    from siteplanner.app.commands import SetFieldsCommand
    from siteplanner.app.main_window import MainWindow

    win = MainWindow(plan)
    win.resize(1400, 900)
    win.show()
    level = plan.levels[level_index]
    win.set_level(level.id)
    win.actions_by_name["sign_suggestions"].setChecked(True)
    ui = win.signs_ui

    def settled() -> bool:
        return not win.runner.busy and win.render_data is not None and bool(ui.items)

    if not _run_until(app, settled):
        raise RuntimeError("the first analysis with suggestions did not finish")
    cam = level.cameras[0]
    wall = level.walls[len(level.walls) // 2]
    edits = [
        lambda: win.doc.undo.push(
            SetFieldsCommand(win.doc, "Pan", [(cam, "pan_deg", (cam.pan_deg + 40) % 360)])
        ),
        lambda: win.doc.undo.push(
            SetFieldsCommand(
                win.doc, "Move", [(wall, "points", [(x + 0.3, y) for x, y in wall.points])]
            )
        ),
        win.doc.undo.undo,
    ]
    probe = StallProbe()
    longest = 0.0
    for edit in edits:
        before = win.render_data
        probe.start()
        QTimer.singleShot(0, edit)  # inside the measured event loop

        def redrawn(before=before) -> bool:
            return win.render_data is not before and settled()

        if not _run_until(app, redrawn):
            raise RuntimeError("a re-analysis with suggestions did not finish")
        after = time.monotonic()
        _run_until(app, lambda after=after: time.monotonic() - after > 0.3)  # what follows
        longest = max(longest, probe.stop())
    shown = len(ui.items)
    win.doc.undo.setClean()
    win.close()
    return longest, shown


def campus_stall_ms() -> float:
    from bench.campus import make_campus

    return stall_ms(make_campus())[0]


if __name__ == "__main__":
    from bench.campus import make_campus

    t = time.perf_counter()
    ms, n = stall_ms(make_campus())
    print(
        f"campus: longest UI stall {ms:.1f} ms, {n} suggestions ({time.perf_counter() - t:.0f} s)"
    )
