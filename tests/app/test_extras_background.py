"""Background floor plans: placement arithmetic, import, calibration by two clicks, opacity."""

from __future__ import annotations

import math
import os

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QTransform

from siteplanner.app import background as bgmod
from siteplanner.editing.calibration import pixel_to_plan
from siteplanner.fileformat import load_plan, save_plan
from siteplanner.model import Plan


def test_qt_transform_matches_the_arithmetic():
    t = bgmod.image_transform(80, 0.03, (2, -1), 30)
    for u, v in [(0, 0), (80, 80), (13, 57)]:
        p = t.map(QPointF(u, v))
        assert (p.x(), p.y()) == pytest.approx(pixel_to_plan(u, v, 80, 0.03, (2, -1), 30))


def test_paths_relative_to_plan(tmp_path):
    (tmp_path / "plans" / "img").mkdir(parents=True)
    img = tmp_path / "plans" / "img" / "g.png"
    plan = tmp_path / "plans" / "site.siteplan"
    assert bgmod.stored_path(img, plan) == "img/g.png"
    assert bgmod.resolved_path("img/g.png", plan) == img.resolve()
    assert bgmod.stored_path(img, None) == str(img.resolve())


def _png(path, w=200, h=100):
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for x in range(w):
        image.setPixelColor(x, h // 2, QColor("black"))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


@pytest.fixture
def editor(make_window, tmp_path):
    plan = Plan.model_validate({"name": "t", "levels": [{"id": "L1", "name": "Ground"}]})
    plan_path = tmp_path / "site.siteplan"
    save_plan(plan, plan_path)
    window = make_window(plan, plan_path)
    view = window.view
    view.setTransform(QTransform.fromScale(40, -40))  # plan metres, y up
    view.centerOn(2.0, 1.0)
    return window, view, window.doc, window.background.layer


def test_import_undo_and_draw(editor, tmp_path):
    window, view, doc, layer = editor
    png = _png(tmp_path / "scans" / "ground.png")
    assert window.background.panel.import_image(png)
    level = doc.plan.levels[0]
    assert level.background.path == "scans/ground.png"
    item = layer.item
    assert item is not None and item.isVisible(), layer.error
    assert item.zValue() < 0
    r = item.sceneBoundingRect()  # 200 x 100 px at 0.02 m/px from (0, 0)
    assert (r.left(), r.bottom(), r.width(), r.height()) == pytest.approx((0, 2, 4, 2))
    # The image's top row is at the plan's larger y: it is upright on the y-up canvas.
    assert item.mapToScene(QPointF(0, 0)).y() == pytest.approx(2.0)
    doc.undo.undo()
    assert level.background is None and not layer.item.isVisible()
    doc.undo.redo()
    assert layer.item.isVisible()
    # It survives save and reopen with the relative path.
    save_plan(doc.plan, doc.path)
    again = load_plan(doc.path)
    assert again.levels[0].background.path == "scans/ground.png"
    assert bgmod.resolved_path(again.levels[0].background.path, doc.path) == png.resolve()


def test_bad_image_is_refused(editor, tmp_path, monkeypatch):
    window, _, doc, _ = editor
    bad = tmp_path / "notimage.png"
    bad.write_text("hello")
    shown = []
    monkeypatch.setattr(bgmod.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert not window.background.panel.import_image(bad)
    assert doc.plan.levels[0].background is None
    assert shown and "notimage.png" in shown[0]


def test_missing_image_reports_and_hides(editor, tmp_path):
    window, _, doc, layer = editor
    png = _png(tmp_path / "g.png")
    window.background.panel.import_image(png)
    png.unlink()
    layer._cache.clear()
    doc.changed.emit()
    assert not layer.item.isVisible()
    assert "not found" in window.background.panel.file_label.text()


def _click_pixel(qtbot, view, item, u, v):
    scene_pt = item.mapToScene(QPointF(u, v))
    pos = view.mapFromScene(scene_pt)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_calibrate_by_two_clicks(editor, tmp_path, qtbot):
    window, view, doc, layer = editor
    window.background.panel.import_image(_png(tmp_path / "g.png"))
    level = doc.plan.levels[0]
    item = layer.item
    view.fitInView(item, Qt.AspectRatioMode.KeepAspectRatio)
    anchor_before = item.mapToScene(QPointF(20, 50))
    qtbot.mouseClick(window.background.panel.calibrate_button, Qt.MouseButton.LeftButton)
    assert layer.calibrating
    _click_pixel(qtbot, view, item, 20, 50)
    _click_pixel(qtbot, view, item, 180, 50)
    dialog = layer.dialog
    assert dialog is not None and dialog.isVisible()
    clicked_px = math.dist(*layer._points)
    assert clicked_px == pytest.approx(160, abs=1.5)  # clicks land on whole screen pixels
    qtbot.keyClicks(dialog.edit, "nonsense")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.text()  # refused, dialog stays
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "8 m")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    bg = level.background
    assert bg.scale_m_per_px == pytest.approx(8.0 / clicked_px)
    # The first clicked point stays where it was on the plan.
    p1 = layer._points[0]
    after = item.mapToScene(QPointF(*p1))
    before = pixel_to_plan(*p1, 100, 0.02, (0, 0), 0)
    assert (after.x(), after.y()) == pytest.approx(before, abs=1e-6)
    assert anchor_before.x() == pytest.approx(0.4)
    # One undo step restores the old scale.
    doc.undo.undo()
    assert level.background.scale_m_per_px == pytest.approx(0.02)


def test_calibration_escape_and_imperial(editor, tmp_path, qtbot):
    window, view, doc, layer = editor
    window.background.panel.import_image(_png(tmp_path / "g.png"))
    assert layer.start_calibration()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not layer.calibrating
    window.state.set_unit_style("ft_in")
    layer.start_calibration()
    _click_pixel(qtbot, view, layer.item, 0, 50)
    _click_pixel(qtbot, view, layer.item, 100, 50)
    d = layer.dialog
    qtbot.keyClicks(d.edit, "10")  # a bare number is in feet in the imperial display
    d.buttons.button(d.buttons.StandardButton.Ok).click()
    px = math.dist(*layer._points)
    assert doc.plan.levels[0].background.scale_m_per_px == pytest.approx(3.048 / px)


def test_opacity_slider_merges_into_one_step(editor, tmp_path, qtbot):
    window, view, doc, layer = editor
    window.background.panel.import_image(_png(tmp_path / "g.png"))
    slider = window.background.panel.opacity
    assert slider.isEnabled() and slider.value() == 50
    steps = doc.undo.count()
    slider.setFocus()
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_PageDown)  # 10 % a step
    bg = doc.plan.levels[0].background
    assert bg.opacity == pytest.approx(0.2)
    assert layer.item.opacity() == pytest.approx(0.2)
    assert doc.undo.count() == steps + 1
    doc.undo.undo()
    assert bg.opacity == pytest.approx(0.5) and slider.value() == 50


def test_align_by_two_clicks_and_rotate(editor, tmp_path, qtbot):
    window, view, doc, layer = editor
    panel = window.background.panel
    panel.import_image(_png(tmp_path / "g.png"))
    item = layer.item
    bg = doc.plan.levels[0].background
    qtbot.mouseClick(panel.align_button, Qt.MouseButton.LeftButton)
    assert layer.mode == "align"
    _click_pixel(qtbot, view, item, 20, 50)
    picked = layer._points[0]
    target = view.mapFromScene(QPointF(6.0, 3.0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    where = view.mapToScene(target)
    moved = item.mapToScene(QPointF(*picked))
    assert (moved.x(), moved.y()) == pytest.approx((where.x(), where.y()), abs=1e-9)
    assert not layer.calibrating
    doc.undo.undo()
    assert tuple(bg.origin) == (0.0, 0.0)
    # Rotation typed in the panel turns the image about its bottom-left corner.
    panel.rotation.selectAll()
    qtbot.keyClicks(panel.rotation, "90")
    qtbot.keyClick(panel.rotation, Qt.Key.Key_Return)
    assert bg.rotation_deg == 90.0
    corner = item.mapToScene(QPointF(200, 100))  # bottom-right pixel corner
    assert (corner.x(), corner.y()) == pytest.approx((0.0, 4.0), abs=1e-9)


def test_a_pipe_or_device_as_background_is_refused_without_waiting(editor, tmp_path, monkeypatch):
    # An image reader opens files by name and would wait for a pipe's writer forever.
    window, _, doc, layer = editor
    fifo = tmp_path / "plan.png"
    os.mkfifo(fifo)
    shown = []
    monkeypatch.setattr(bgmod.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert not window.background.panel.import_image(fifo)
    assert doc.plan.levels[0].background is None
    assert shown and "plan.png" in shown[0] and "pipe" in shown[0]
    # One already in the plan (the file was swapped for a pipe): reported, nothing drawn.
    png = _png(tmp_path / "ground.png")
    assert window.background.panel.import_image(png)
    png.unlink()
    os.mkfifo(png)
    layer.refresh()
    assert "pipe" in layer.error and "ground.png" in layer.error
    assert layer.item is None or not layer.item.isVisible()
