"""Catalogue, units and background plans in the real main window, driven by menus and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QPushButton

from siteplanner.app.background import Z_BACKGROUND
from siteplanner.app.catalogue_ui import ModelDialog
from siteplanner.fileformat import load_plan, save_plan
from siteplanner.model import resolve_optics
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click, wait_analysis


def _menu(win, object_name):
    menu = win.findChild(QMenu, object_name)
    assert menu is not None, object_name
    return menu


def test_choose_model_from_camera_menu(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    act = win.actions_by_name["choose_model"]
    assert act in win.menus["Camera"].actions()
    cam = win.doc.plan.levels[0].camera("c-lobby")
    # Pick the camera in the camera schedule (a click there selects it on the plan).
    table = win.schedule_panel
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "c-lobby")
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-lobby"]
    assert act.isEnabled()
    answered = {}

    def person() -> None:
        dialog = QApplication.activeModalWidget()
        answered["dialog"] = isinstance(dialog, ModelDialog)
        if not isinstance(dialog, ModelDialog):
            return
        qtbot.keyClicks(dialog.filter, "long-range bullet")
        dialog.select("bullet-lr-4mp-12")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    # The command also sits under the camera's properties.
    button = win.properties_panel.findChild(QPushButton, "properties_choose_model")
    assert button is not None and button.isVisible()
    QTimer.singleShot(50, person)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert answered["dialog"]
    assert cam.model == "bullet-lr-4mp-12"
    assert resolve_optics(win.doc.plan, cam).hfov_deg == 27
    assert win.isWindowModified()
    # The analysis and the schedule follow the new model.
    wait_analysis(qtbot, win)
    assert win.render_data.analysis.cameras["c-lobby"].optics.range_m == 80
    win.doc.undo.undo()
    assert cam.model == "dome-4mp"
    win.scene.clearSelection()
    assert not act.isEnabled() and not button.isVisible()


def test_units_menu_changes_status_and_measure(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    units = _menu(win, "menu_units")
    assert units.parent() is win.menus["View"]
    assert win.fmt_len(3.048) == "3.05 m"
    next(a for a in units.actions() if a.objectName() == "units_ft").trigger()
    assert win.doc.plan.settings.units == "imperial"
    assert win.fmt_len(3.048) == "10.00 ft"
    assert win.fmt_area(0.09290304 * 100) == "100.0 ft²"
    qtbot.mouseMove(win.view.viewport(), win.view.viewport().rect().center())
    qtbot.mouseMove(win.view.viewport(), win.view.viewport().rect().center() + pos_delta())
    assert win.cursor_label.text().endswith(" ft")
    assert QSettings().value("ui/units") == "ft"
    win.doc.undo.undo()
    assert win.fmt_len(3.048) == "3.05 m"


def pos_delta():
    from PySide6.QtCore import QPoint

    return QPoint(3, 2)


@pytest.fixture
def two_level_plan(tmp_path):
    plan = load_plan(sample_plan_path())
    data = plan.model_dump()
    data["levels"].append({"id": "L2", "name": "First floor", "elevation_m": 3.5})
    plan = type(plan).model_validate(data)
    path = tmp_path / "site" / "two.siteplan"
    path.parent.mkdir()
    save_plan(plan, path)
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    for x in range(400):
        image.setPixelColor(x, 100, QColor("#000000"))
    png = tmp_path / "site" / "ground.png"
    assert image.save(str(png))
    return path, png


def test_background_per_level_in_the_window(make_window, qtbot, two_level_plan):
    path, png = two_level_plan
    win = make_window(load_plan(path), path)
    panel = win.background.panel
    assert not panel.calibrate_button.isEnabled()
    assert panel.import_image(png)
    ground = win.doc.plan.levels[0]
    assert ground.background.path == "ground.png"
    item = win.background.layer.item
    assert item.scene() is win.scene and item.isVisible()
    walls = [i for i in win.scene.items() if i.zValue() > 0]
    assert walls and all(item.zValue() < i.zValue() for i in walls)
    assert item.zValue() == Z_BACKGROUND
    # The image does not catch clicks: a click on it still selects the camera beneath.
    cam = ground.camera("c-lobby")
    click(win, *cam.position)
    assert [o.id for _, o in win.scene.selected_objects()] == ["c-lobby"]
    # Another level has no background; coming back shows it again.
    win.set_level("L2")
    assert not win.background.layer.item.isVisible()
    assert not panel.opacity.isEnabled()
    win.set_level("L1")
    assert win.background.layer.item.isVisible() and panel.opacity.isEnabled()
    # Saved with the plan, relative to it.
    win.doc.undo.setClean()
    save_plan(win.doc.plan, path)
    assert load_plan(path).levels[0].background.path == "ground.png"


def test_save_as_elsewhere_keeps_the_background(make_window, tmp_path):
    image = QImage(50, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    png = tmp_path / "scans" / "floor.png"
    png.parent.mkdir()
    assert image.save(str(png))
    win = make_window(None, None)  # a new, unsaved plan
    assert win.background.panel.import_image(png)
    assert win.doc.plan.levels[0].background.path == str(png.resolve())
    first = tmp_path / "a" / "site.siteplan"
    first.parent.mkdir()
    win.dialogs.save_as_answer = str(first)
    assert win.file.save_as()
    assert load_plan(first).levels[0].background.path == "../scans/floor.png"
    second = tmp_path / "b" / "c" / "copy.siteplan"
    second.parent.mkdir(parents=True)
    win.dialogs.save_as_answer = str(second)
    assert win.file.save_as()
    saved = load_plan(second).levels[0].background.path
    assert saved == "../../scans/floor.png"
    assert (second.parent / saved).resolve() == png.resolve()
    assert win.background.layer.item.isVisible()


def test_properties_show_and_take_feet(make_window, qtbot):
    from PySide6.QtWidgets import QLineEdit

    win = make_window(load_plan(sample_plan_path()), None)
    cam = win.doc.plan.levels[0].camera("c-lobby")
    win.scene.item_by_id("c-lobby").setSelected(True)
    edit = win.properties_panel.findChild(QLineEdit, "prop_height_m")
    assert edit.text() == "3"
    win.units.actions["ft"].trigger()
    edit = win.properties_panel.findChild(QLineEdit, "prop_height_m")
    assert edit.text() == "9.843 ft"  # 3 m / 0.3048
    form = win.properties_panel.form
    labels = [form.itemAt(i, form.ItemRole.LabelRole) for i in range(form.rowCount())]
    assert "Height (ft)" in [w.widget().text() for w in labels if w is not None]
    edit.selectAll()
    qtbot.keyClicks(edit, "10")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert cam.height_m == pytest.approx(3.048)
    win.units.actions["ft_in"].trigger()
    edit = win.properties_panel.findChild(QLineEdit, "prop_height_m")
    assert edit.text() == "10' 0\""
    edit.selectAll()
    qtbot.keyClicks(edit, "9' 6\"")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert cam.height_m == pytest.approx(9.5 * 0.3048)


def test_fit_takes_in_a_large_background(make_window, qtbot, tmp_path):
    image = QImage(4000, 2000, QImage.Format.Format_RGB32)  # 80 m x 40 m at 0.02 m/px
    image.fill(QColor("#d0d0d0"))
    png = tmp_path / "big.png"
    assert image.save(str(png))
    win = make_window(None, None)
    assert win.background.panel.import_image(png)
    win.view.zoom(4.0)
    qtbot.keyClick(win.view, Qt.Key.Key_F)  # Fit to View
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    image_rect = win.background.layer.item.sceneBoundingRect()
    assert shown.contains(image_rect)
    assert win.scene.sceneRect().contains(image_rect)


def test_camera_schedule_follows_units(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    table = win.schedule_panel
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Height m" in heads and "Coverage m²" in heads
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "c-lobby")
    col = heads.index("Coverage m²")
    metres2 = float(table.item(row, col).text())
    win.units.actions["ft"].trigger()
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Height ft" in heads and "Range ft" in heads and "Coverage ft²" in heads
    assert table.item(row, heads.index("Height ft")).text() == "9.84"  # 3 m
    exact = win.render_data.analysis.cameras["c-lobby"].coverage_m2
    assert metres2 == pytest.approx(exact, abs=0.051)
    assert float(table.item(row, col).text()) == pytest.approx(exact / 0.09290304, abs=0.051)
    win.doc.undo.undo()
    assert table.horizontalHeaderItem(col).text() == "Coverage m²"
