"""The editor's frame time: render the canvas of a plan into an image while panning.

``frame_time_ms(plan)`` opens the real scene and view (1400×900) on the plan's busiest level
with its analysis drawn, fits it in view, then pans a few pixels per frame and renders the view
into a QImage each time; the result is the median time per frame in milliseconds.
"""

from __future__ import annotations

import os
import statistics
import time

from siteplanner.model import Plan

SIZE = (1400, 900)


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def frame_time_ms(plan: Plan, frames: int = 60, step_px: int = 9) -> float:
    app = _app()
    from PySide6.QtGui import QImage

    from siteplanner.analysis import Analyser
    from siteplanner.app.main_window import MainWindow
    from siteplanner.app.worker import PathCache, WallCache, render_data

    win = MainWindow(plan)
    win.runner.hold()
    win.resize(*SIZE)
    win.show()
    app.processEvents()
    busiest = max(plan.levels, key=lambda lv: len(lv.cameras))
    win.set_level(busiest.id)
    # The analysis as the worker would deliver it, computed here so the timing is the drawing.
    analyser = Analyser()
    walls = WallCache().walls(plan, analyser, lambda: False)
    data = render_data(analyser.analyse(plan), PathCache(), lambda: False)
    win.runner.hold()
    win.state.set_walls(walls)
    win.state.set_render(data)
    view = win.view
    view.fit()
    port = view.viewport()
    image = QImage(port.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for i in range(frames + 5):
        view.pan_pixels(step_px if (i // 20) % 2 == 0 else -step_px, step_px // 3)
        t = time.perf_counter()
        # The viewport's own paint event, as on screen (item caches, level of detail).
        port.render(image)
        dt = (time.perf_counter() - t) * 1000
        if i >= 5:  # the first frames fill the item caches
            times.append(dt)
    win.doc.undo.setClean()
    win.close()
    return statistics.median(times)


def edit_times_ms(plan: Plan, steps: int = 60) -> tuple[float, float]:
    """Median milliseconds per mouse move for the two snapping gestures on the plan's busiest
    level, zoomed in to 40 px/m as when editing: (dragging a wall's vertex with snapping,
    hovering with the wall tool, which snaps the cursor to vertices and walls)."""
    app = _app()
    from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
    from PySide6.QtTest import QTest

    from siteplanner.app.main_window import MainWindow

    win = MainWindow(plan)
    win.runner.hold()
    win.resize(*SIZE)
    win.show()
    app.processEvents()
    busiest = max(plan.levels, key=lambda lv: len(lv.cameras))
    win.set_level(busiest.id)
    win.runner.hold()
    view, port = win.view, win.view.viewport()
    # A wall in the middle of the level, its far end seen at 40 px/m.
    walls = sorted(busiest.walls, key=lambda w: w.points[0])
    wall = walls[len(walls) // 2]
    (x0, y0), (x1, y1) = wall.points[0], wall.points[-1]
    view.fit(QRectF(x1 - 15, y1 - 10, 30, 20))
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    def at(x: float, y: float) -> QPoint:
        return view.mapFromScene(QPointF(x, y))

    mid = at((x0 + x1) / 2, (y0 + y1) / 2)
    QTest.mouseClick(port, left, none, mid)
    QTest.mousePress(port, left, none, at(x1, y1))
    drag = []
    for i in range(1, steps + 6):
        p = at(x1, y1) + QPoint(i % 30, (i * 7) % 23)
        t = time.perf_counter()
        QTest.mouseMove(port, p)
        if i > 5:
            drag.append((time.perf_counter() - t) * 1000)
    QTest.mouseRelease(port, left, none, p)
    if tuple(wall.points[-1]) == (x1, y1):
        raise RuntimeError("the vertex drag did not move the wall's end")
    win.doc.undo.undo()
    win.set_tool("wall")
    QTest.mouseClick(port, left, none, at(x1 - 3, y1 - 2))
    hover = []
    for i in range(1, steps + 6):
        p = at(x1, y1) + QPoint((i * 5) % 80 - 40, (i * 3) % 60 - 30)
        t = time.perf_counter()
        QTest.mouseMove(port, p)
        if i > 5:
            hover.append((time.perf_counter() - t) * 1000)
    if win.tool.cursor_pt is None:
        raise RuntimeError("the wall tool saw no cursor")
    win.tool.cancel()
    win.doc.undo.setClean()
    win.close()
    return statistics.median(drag), statistics.median(hover)


def campus_edit_times_ms() -> tuple[float, float]:
    from bench.campus import make_campus

    return edit_times_ms(make_campus())


def campus_frame_time_ms() -> float:
    from bench.campus import make_campus

    return frame_time_ms(make_campus())


def sample_frame_time_ms() -> float:
    from siteplanner.fileformat import load_plan
    from siteplanner.resources import sample_plan_path

    return frame_time_ms(load_plan(sample_plan_path()))


if __name__ == "__main__":
    print(f"sample: {sample_frame_time_ms():.1f} ms per frame")
    t = time.perf_counter()
    print(f"campus: {campus_frame_time_ms():.1f} ms per frame ({time.perf_counter() - t:.0f} s)")
    drag, hover = campus_edit_times_ms()
    print(f"campus: vertex drag {drag:.2f} ms per move, wall-tool hover {hover:.2f} ms per move")
