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


def _window_on_busiest(plan: Plan, analysed: bool):
    """The editor on the plan's busiest level, its worker held; with ``analysed`` the analysis
    as the worker would deliver it, computed here so that timings are the editor's own.
    Returns (app, window, level)."""
    app = _app()
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
    if analysed:
        analyser = Analyser()
        walls = WallCache().walls(plan, analyser, lambda: False)
        data = render_data(analyser.analyse(plan), PathCache(), lambda: False)
    win.runner.hold()
    if analysed:
        win.state.set_walls(walls)
        win.state.set_render(data)
    return app, win, busiest


def frame_time_ms(
    plan: Plan, frames: int = 60, step_px: int = 9, overlays: dict[str, bool] | None = None
) -> float:
    from PySide6.QtGui import QImage

    app, win, busiest = _window_on_busiest(plan, analysed=True)
    for name, on in (overlays or {}).items():
        win.state.set_overlay(name, on)  # e.g. the requirement view
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
    from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
    from PySide6.QtTest import QTest

    app, win, busiest = _window_on_busiest(plan, analysed=False)
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


def handle_drag_times_ms(plan: Plan, steps: int = 40) -> dict[str, float]:
    """Median milliseconds per frame while dragging each handle of a selected camera on the
    plan's busiest level (its analysis drawn, the camera and its range in view): the mouse move
    (the edit, the camera's live coverage, the handles) and the viewport's repaint, by handle:
    ``fov``, ``range``, ``tilt``."""
    from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest

    app, win, busiest = _window_on_busiest(plan, analysed=True)
    view, port = win.view, win.view.viewport()
    cams = sorted(busiest.cameras, key=lambda c: c.position)
    cam = cams[len(cams) // 2]
    x, y = cam.position
    reach = 2 * (cam.range_m or 30.0)
    view.fit(QRectF(x - reach / 2, y - reach / 2, reach, reach))
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    def at(px: float, py: float) -> QPoint:
        return view.mapFromScene(QPointF(px, py))

    QTest.mouseClick(port, left, none, at(x, y))
    handles = win.scene.camera_handles
    if handles is None:
        raise RuntimeError("the selected camera shows no handles")
    image = QImage(port.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out: dict[str, float] = {}
    for name, kind in (("fov", "fov_left"), ("range", "range"), ("tilt", "tilt")):
        handle = handles.handles[kind]
        if not handle.isVisible():
            raise RuntimeError(f"the {kind} handle is not shown")
        start = at(handle.scenePos().x(), handle.scenePos().y())
        before = win.doc.undo.index()
        QTest.mousePress(port, left, none, start)
        if win.tool.mode != f"camera_{kind}":
            raise RuntimeError(f"the {kind} handle was not taken ({win.tool.mode})")
        times = []
        for i in range(1, steps + 6):
            p = start + QPoint(-(i % 12) * 3, (i * 5) % 17 - 8)
            t = time.perf_counter()
            QTest.mouseMove(port, p)
            port.render(image)
            if i > 5:
                times.append((time.perf_counter() - t) * 1000)
        QTest.mouseRelease(port, left, none, p)
        if win.doc.undo.index() != before + 1:
            raise RuntimeError(f"dragging the {kind} handle was not one undo step")
        win.doc.undo.undo()
        out[name] = statistics.median(times)
    win.doc.undo.setClean()
    win.close()
    return out


def campus_handle_drag_times_ms() -> dict[str, float]:
    from bench.campus import make_campus

    return handle_drag_times_ms(make_campus())


def campus_edit_times_ms() -> tuple[float, float]:
    from bench.campus import make_campus

    return edit_times_ms(make_campus())


def campus_frame_time_ms() -> float:
    from bench.campus import make_campus

    return frame_time_ms(make_campus())


def campus_requirement_frame_time_ms() -> float:
    """The campus panned with the requirement view on (zones painted pass/fail)."""
    from bench.campus import make_campus

    return frame_time_ms(make_campus(), overlays={"requirement": True})


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
    handles = campus_handle_drag_times_ms()
    print("campus: " + ", ".join(f"{k} handle {v:.1f} ms" for k, v in handles.items()))
