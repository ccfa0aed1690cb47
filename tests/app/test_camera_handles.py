"""Handles on a selected camera: field of view (symmetric about the pan), range and tilt,
dragged with the mouse; each drag one undo step, the value shown while dragging, the handles
and the footprint's near and far edges drawn where the optics put them."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from siteplanner.editing.handles import axis_distance, footprint_edge
from siteplanner.model import Plan, resolve_optics
from tests.app.conftest import click, drag, vp
from tests.app.test_context_menus import OPTICS


def plan() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"points": [[0, 0], [14, 0], [14, 10], [0, 10], [0, 0]]}],
                    "cameras": [{"id": "c1", "position": [2, 3], "pan_deg": 0, **OPTICS}],
                }
            ]
        }
    )


def selected_camera(make_window):
    win = make_window(plan())
    win.view.fit(QRectF(-10, -10, 30, 25))
    click(win, 2, 3)
    cam = win.doc.plan.levels[0].cameras[0]
    assert win.scene.camera_handles is not None and win.scene.camera_handles.camera is cam
    return win, cam


def handle_at(win, kind: str) -> tuple[float, float]:
    h = win.scene.camera_handles.handles[kind]
    assert h.isVisible()
    return h.scenePos().x(), h.scenePos().y()


def test_handles_sit_on_the_fov_edges_at_the_range_and_the_tilt_point(make_window):
    win, cam = selected_camera(make_window)
    r = math.sqrt(0.5) * 10
    assert handle_at(win, "fov_left") == pytest.approx((2 + r, 3 + r))
    assert handle_at(win, "fov_right") == pytest.approx((2 + r, 3 - r))
    assert handle_at(win, "range") == pytest.approx((12.0, 3.0))
    d = 1.4 / math.tan(math.radians(20))  # 3 m camera, 1.6 m target height
    assert handle_at(win, "tilt") == pytest.approx((2 + d, 3.0))
    # The edges and the range arc are drawn: their outline reaches the handles.
    box = win.scene.camera_handles.path().boundingRect()
    assert box.right() == pytest.approx(12.0, abs=0.01)
    assert box.top() == pytest.approx(3 - r, abs=0.01) and box.bottom() == pytest.approx(3 + r)
    click(win, 7, 8)  # nothing selected: no handles
    assert win.scene.camera_handles is None


def test_dragging_a_fov_edge_sets_a_symmetric_fov_in_one_step(make_window):
    win, cam = selected_camera(make_window)
    a = math.radians(30)
    target = (2 + 6 * math.cos(a), 3 + 6 * math.sin(a))
    drag(win, handle_at(win, "fov_left"), target, steps=8, release=False)
    handles = win.scene.camera_handles
    assert cam.hfov_deg == 60.0 and cam.pan_deg == 0.0  # symmetric about the unchanged pan
    assert handles.feedback.isVisible()
    assert handles.feedback.text() == "Field of view 60° (symmetric)"
    assert "60°" in win.statusBar().currentMessage()
    # Both edges moved: the right one is mirrored.
    assert handle_at(win, "fov_right") == pytest.approx(
        (2 + 10 * math.cos(a), 3 - 10 * math.sin(a))
    )
    port = win.view.viewport()
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, pos=vp(win, *target))
    assert not handles.feedback.isVisible()
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    assert cam.hfov_deg == 90.0
    assert handle_at(win, "fov_left") == pytest.approx((2 + math.sqrt(50), 3 + math.sqrt(50)))


def test_dragging_the_range_handle(make_window):
    win, cam = selected_camera(make_window)
    drag(win, handle_at(win, "range"), (9.0, 3.4))
    assert cam.range_m == pytest.approx(7.0)  # the distance along the pan, on the 0.1 m grid
    assert handle_at(win, "range") == pytest.approx((9.0, 3.0))
    assert win.doc.undo.count() == 1


def test_dragging_the_tilt_handle_and_the_footprint_edges(make_window):
    win, cam = selected_camera(make_window)
    drag(win, handle_at(win, "tilt"), (3.4, 3.0))
    assert cam.tilt_deg == 45.0  # 1.4 m down over 1.4 m out
    assert win.doc.undo.count() == 1
    optics = resolve_optics(win.doc.plan, cam)
    assert axis_distance(optics, 1.6) == pytest.approx(1.4)
    near = footprint_edge(optics, 1.6, far=False)
    far = footprint_edge(optics, 1.6, far=True)
    edges = win.scene.camera_handles.footprint.path().boundingRect()
    assert edges.left() == pytest.approx(2 + near[0], abs=1e-6)  # 1.4 / tan 70°
    assert edges.right() == pytest.approx(2 + far[0], abs=1e-6)  # 1.4 / tan 20°
    assert edges.height() == pytest.approx(2 * far[1], abs=1e-6)  # the far edge is the wider
    win.doc.undo.undo()
    assert cam.tilt_deg == 20.0


def test_alt_drags_one_fov_edge_and_the_pan_follows(make_window):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    win, cam = selected_camera(make_window)
    port = win.view.viewport()
    alt = Qt.KeyboardModifier.AltModifier
    start = vp(win, *handle_at(win, "fov_left"))
    QTest.mousePress(port, Qt.MouseButton.LeftButton, alt, start)
    for target in [(2.5, 8.0), (2.0, 9.0)]:  # straight up from the camera: 90°
        p = QPointF(vp(win, *target))
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            p,
            port.mapToGlobal(p),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            alt,
        )
        QApplication.sendEvent(port, move)
    assert cam.hfov_deg == 135.0 and cam.pan_deg == 22.5  # the right edge stayed at -45°
    assert win.scene.camera_handles.feedback.text() == "Field of view 135° (this edge only)"
    assert handle_at(win, "fov_right") == pytest.approx(
        (2 + 10 * math.cos(math.radians(-45)), 3 + 10 * math.sin(math.radians(-45)))
    )
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, alt, vp(win, 2.0, 9.0))
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    assert (cam.hfov_deg, cam.pan_deg) == (90.0, 0.0)


def test_a_level_camera_can_be_tilted_down_from_its_parked_handle(make_window):
    win, cam = selected_camera(make_window)
    win.properties_panel.commit("tilt_deg", 0.0)
    assert handle_at(win, "tilt") == pytest.approx((2 + 8.5, 3.0))  # 85 % of the 10 m range
    drag(win, handle_at(win, "tilt"), (3.4, 3.0))
    assert cam.tilt_deg == 45.0
    assert handle_at(win, "tilt") == pytest.approx((3.4, 3.0))
