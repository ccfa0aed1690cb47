"""Reading the analysis: one camera isolated, DORI bands, the requirement view, the legend."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tests.app.conftest import click, key, vp, wait_analysis
from tests.app.test_editor import CAM, room_plan

TWO = [
    CAM,
    {**CAM, "id": "c2", "name": "CAM-B Door", "position": [6.0, 3.0], "pan_deg": 180.0},
]


def viewport_image(win) -> QImage:
    """What the canvas shows now, as pixels."""
    return win.view.viewport().grab().toImage()


def colour_at(win, img: QImage, x: float, y: float) -> QColor:
    p = vp(win, x, y)
    return img.pixelColor(p.x(), p.y())


def test_isolate_selected_camera_hides_the_others_until_esc(make_window, qtbot):
    win = make_window(room_plan(cameras=TWO))
    wait_analysis(qtbot, win)
    cov = win.scene.coverage_items
    assert cov["c1"].isVisible() and cov["c2"].isVisible()
    act = win.actions_by_name["isolate_camera"]

    # Nothing selected: the command says what it needs and stays off.
    act.trigger()
    assert win.state.isolated_camera is None and not act.isChecked()
    assert "camera" in win.statusBar().currentMessage()

    click(win, 6.0, 3.0)  # select CAM-B
    key(win, Qt.Key.Key_I)
    assert win.state.isolated_camera == "c2" and act.isChecked()
    assert cov["c2"].isVisible() and not cov["c1"].isVisible()
    assert win.view.isolation_text().startswith("Showing only CAM-B Door")
    # CAM-A (at x=2 looking east) covers x=3; with it hidden that point shows no coverage
    # from c1, while c2's own coverage (looking west from x=6) still draws at x=4.5.
    img = viewport_image(win)
    back = colour_at(win, img, 0.5, 5.5)  # inside the room, outside both views
    assert colour_at(win, img, 4.5, 3.0) != back

    # Esc leaves the isolated view and keeps the selection.
    key(win, Qt.Key.Key_Escape)
    assert win.state.isolated_camera is None and not act.isChecked()
    assert cov["c1"].isVisible() and cov["c2"].isVisible()
    assert win.view.isolation_text() == ""
    assert [o.id for _c, o in win.scene.selected_objects()] == ["c2"]


def test_isolation_hook_and_deleting_the_camera(make_window, qtbot):
    win = make_window(room_plan(cameras=TWO))
    wait_analysis(qtbot, win)
    # The hook a context menu calls: no selection needed.
    win.state.isolate_camera("c1")
    assert win.actions_by_name["isolate_camera"].isChecked()
    assert not win.scene.coverage_items["c2"].isVisible()
    # Deleting the isolated camera shows every camera again.
    click(win, 2.0, 3.0)
    key(win, Qt.Key.Key_Delete)
    wait_analysis(qtbot, win)
    assert win.state.isolated_camera is None
    assert win.scene.coverage_items["c2"].isVisible()


def scene_image(win, size: int = 400) -> QImage:
    """The scene of the room (0..8 x 0..6 m) rendered at 50 px per metre, y up."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    win.scene.render(painter, target=img.rect().toRectF(), source=room_rect())
    painter.end()
    return img


def room_rect():
    from PySide6.QtCore import QRectF

    return QRectF(0.0, 0.0, 8.0, 8.0)


def scene_px(x: float, y: float, size: int = 400) -> QPointF:
    # render() maps the source rect (scene coordinates, y as stored) onto the image.
    return QPointF(x / 8.0 * size, y / 8.0 * size)
