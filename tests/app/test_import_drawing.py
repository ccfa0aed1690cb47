"""File ▸ Import Drawing…: DXF drawings through the dialog (roles, units, one undo step, cancel)
and PDF floor plans as calibrated background images."""

from __future__ import annotations

import math
from pathlib import Path

import ezdxf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from siteplanner.editing.calibration import pixel_to_plan
from siteplanner.fileformat import save_plan
from siteplanner.model import Plan
from tests.app.conftest import vp
from tests.dxf.test_import_dxf import room


def drawing(tmp_path: Path) -> Path:
    """The 10 m x 6 m room in centimetres, and three loose lines 2 m apart on a layer "Skizze"."""
    path = room(tmp_path / "room.dxf", 5, 100.0)
    doc = ezdxf.readfile(path)
    msp = doc.modelspace()
    for k in range(3):
        msp.add_line((1500, 200 * k), (1900, 200 * k), dxfattribs={"layer": "Skizze"})
    doc.saveas(path)
    return path


def big(tmp_path: Path, lines: int = 60000) -> Path:
    doc = ezdxf.new("R2010", units=4)
    msp = doc.modelspace()
    for k in range(lines):
        x, y = (k % 300) * 100.0, (k // 300) * 100.0
        msp.add_line((x, y), (x + 50, y), dxfattribs={"layer": "A-WALL"})
    path = tmp_path / "big.dxf"
    doc.saveas(path)
    return path


@pytest.fixture
def editor(make_window, tmp_path):
    plan = Plan.model_validate({"name": "t", "levels": [{"id": "L1", "name": "Ground"}]})
    path = tmp_path / "site.siteplan"
    save_plan(plan, path)
    return make_window(plan, path)


def open_dialog(qtbot, win, path):
    dialog = win.drawings.import_drawing(path)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.state in ("ready", "failed"), timeout=30000)
    assert dialog.state == "ready", dialog.error
    return dialog


def row_of(dialog, layer: str) -> int:
    for row in range(dialog.layers.rowCount()):
        if dialog.layers.item(row, 0).text() == layer:
            return row
    raise AssertionError(layer)


def choose(combo, text: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user tabbing through does."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} not in the combo box")


def test_dialog_shows_layers_units_and_size(qtbot, editor, tmp_path):
    dialog = open_dialog(qtbot, editor, drawing(tmp_path))
    layers = {
        dialog.layers.item(r, 0).text(): (
            int(dialog.layers.item(r, 1).text()),
            dialog.layers.cellWidget(r, 2).currentText(),
        )
        for r in range(dialog.layers.rowCount())
    }
    assert layers == {
        "A-WALL": (2, "wall"),
        "Skizze": (3, "not recognised"),
        "A-DOOR": (1, "door"),
        "A-AREA": (1, "room boundary"),
        "A-AREA-IDEN": (1, "room name text"),
    }
    assert dialog.units.currentText() == "cm"
    assert dialog.size_label.text() == "19.00 m × 6.00 m"
    # Read as millimetres, the drawing is a tenth the size.
    choose(dialog.units, "mm")
    assert dialog.size_label.text() == "1.90 m × 0.60 m"
    # The preview draws every layer of lines (the names are text only).
    assert set(dialog.preview_items) == set(layers) - {"A-AREA-IDEN"}
    assert dialog.preview_items["A-WALL"].path().boundingRect().width() == pytest.approx(1000)
    dialog.reject()


def test_changed_role_imports_as_one_undo_step(qtbot, editor, tmp_path):
    win = editor
    level = win.doc.plan.levels[0]
    dialog = open_dialog(qtbot, win, drawing(tmp_path))
    assert dialog.target.currentData() == "L1"  # the shown level is empty: onto it
    choose(dialog.layers.cellWidget(row_of(dialog, "Skizze"), 2), "wall")
    steps = win.doc.undo.count()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state in ("done", "failed"), timeout=30000)
    assert dialog.state == "done", dialog.error
    assert win.doc.undo.count() == steps + 1
    # The room's four walls and the three sketch lines, 4 m each, as walls of their own.
    assert len(level.walls) == 7
    sketch = [w for w in level.walls if math.dist(*w.points[:2]) == pytest.approx(4.0)]
    assert len(sketch) == 3
    assert level.underlay["layer_roles"]["Skizze"] == "wall"
    assert len(level.openings) == 1 and len(level.zones) == 1
    assert set(win.underlay.items) >= {"A-WALL", "Skizze"}
    ids = [o.id for coll in ("walls", "openings", "zones") for o in getattr(level, coll)]
    assert len(ids) == len(set(ids))
    win.doc.undo.undo()
    assert level.walls == [] and level.openings == [] and level.zones == []
    assert getattr(level, "underlay", None) is None and win.underlay.items == {}
    win.doc.undo.redo()
    assert len(level.walls) == 7 and level.underlay["source"] == "room.dxf"


def test_import_as_a_new_level(qtbot, editor, tmp_path):
    win = editor
    dialog = open_dialog(qtbot, win, drawing(tmp_path))
    choose(dialog.target, "A new level")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=30000)
    plan = win.doc.plan
    assert [lv.name for lv in plan.levels] == ["Ground", "room"]
    new = plan.levels[1]
    assert new.id != "L1" and win.state.level_id == new.id
    assert len(new.walls) == 4 and plan.levels[0].walls == []
    win.doc.undo.undo()
    assert [lv.name for lv in plan.levels] == ["Ground"]


def test_cancel_leaves_the_plan_unchanged(qtbot, editor, tmp_path):
    win = editor
    before = win.doc.plan.model_dump_json()
    steps = win.doc.undo.count()
    # Cancelled while reading (the read stops, or its result is dropped).
    dialog = win.drawings.import_drawing(big(tmp_path))
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "cancelled" and dialog.job is None and not dialog.isVisible()
    # Cancelled with the form filled in.
    dialog = open_dialog(qtbot, win, drawing(tmp_path))
    choose(dialog.layers.cellWidget(row_of(dialog, "Skizze"), 2), "wall")
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "cancelled"
    qtbot.wait(50)
    assert win.doc.plan.model_dump_json() == before
    assert win.doc.undo.count() == steps and not win.doc.modified


def test_units_that_make_no_floor_are_questioned(qtbot, editor, tmp_path):
    doc = ezdxf.new("R2010", units=1)  # inches, as a CAD program's default
    doc.header["$MEASUREMENT"] = 1
    doc.modelspace().add_lwpolyline([(0, 0), (100, 0), (100, 40), (0, 40)], close=True)
    doc.saveas(tmp_path / "metres.dxf")
    dialog = open_dialog(qtbot, editor, tmp_path / "metres.dxf")
    assert dialog.units.currentText() == "in"
    assert "2.54 m across is no floor: drawn in m?" in dialog.units_note.text()
    choose(dialog.units, "m")
    assert dialog.size_label.text() == "100.00 m × 40.00 m"
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=30000)
    (wall,) = editor.doc.plan.levels[0].walls
    xs = [x for x, _ in wall.points]
    assert max(xs) - min(xs) == pytest.approx(100.0)


def test_bad_file_says_so_and_changes_nothing(qtbot, editor, tmp_path):
    bad = tmp_path / "plan.dxf"
    bad.write_bytes(b"AC1032 this is a DWG file")
    dialog = editor.drawings.import_drawing(bad)
    qtbot.waitUntil(lambda: dialog.state == "failed", timeout=30000)
    assert "DWG is not supported" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert editor.doc.undo.count() == 0


def floor_plan_pdf(path: Path) -> tuple[Path, tuple[float, float], tuple[float, float]]:
    """A two-page PDF: a title sheet, then a plan with a 100 mm line (10 m at 1:100).
    Returns the file and the line's ends in points from the page's top-left corner."""
    w, h = landscape(A4)
    c = Canvas(str(path), pagesize=(w, h))
    c.drawString(72, h - 72, "Title sheet")
    c.showPage()
    a, b = (60 * mm, 100 * mm), (160 * mm, 100 * mm)
    c.setLineWidth(1.5)
    c.line(*a, *b)
    c.rect(40 * mm, 40 * mm, 200 * mm, 120 * mm)
    c.save()
    return path, (a[0], h - a[1]), (b[0], h - b[1])


def test_pdf_page_becomes_the_background_and_is_calibrated(qtbot, editor, tmp_path):
    win = editor
    pdf, a_pt, b_pt = floor_plan_pdf(tmp_path / "plans.pdf")
    dialog = open_dialog(qtbot, win, pdf)
    assert dialog.page.maximum() == 2
    first = dialog.page_image.pixmap().toImage()
    dialog.page.setFocus()
    QTest.keyClick(dialog.page, Qt.Key.Key_Up)
    assert dialog.page.value() == 2
    assert dialog.page_image.pixmap().toImage() != first  # the preview shows the chosen page
    assert "297 × 210 mm" in dialog.page_note.text() and "200 dpi" in dialog.page_note.text()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "done", dialog.error
    level = win.doc.plan.levels[0]
    bg = level.background
    assert bg.path == "plans-page2.png" and (tmp_path / "plans-page2.png").is_file()
    layer = win.background.layer
    h_px = layer.item.pixmap().height()
    assert (layer.item.pixmap().width(), h_px) == (2339, 1654)  # A4 at 200 dpi
    # At 1:100 first: the 100 mm line is 10 m.
    assert bg.scale_m_per_px == pytest.approx(0.0254 / 2)
    assert layer.mode == "calibrate"
    # Two clicks on the line's ends, then its real length: the sheet was drawn at 1:200.
    ends = []
    for x_pt, y_pt in (a_pt, b_pt):
        u, v = x_pt / 72 * 200, y_pt / 72 * 200
        ends.append(pixel_to_plan(u, v, h_px, bg.scale_m_per_px, tuple(bg.origin), 0.0))
    assert math.dist(*ends) == pytest.approx(10.0, rel=1e-3)
    for x, y in ends:
        QTest.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=vp(win, x, y))
    calib = layer.dialog
    assert calib is not None
    QTest.keyClicks(calib.edit, "20")
    QTest.mouseClick(
        calib.buttons.button(calib.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert level.background.scale_m_per_px == pytest.approx(0.0254, rel=0.01)
    # One undo step each: the calibration, then the import.
    win.doc.undo.undo()
    assert level.background.scale_m_per_px == pytest.approx(0.0127)
    win.doc.undo.undo()
    assert level.background is None


def test_image_still_imports_as_a_background(qtbot, editor, tmp_path):
    from PySide6.QtGui import QColor, QImage

    png = tmp_path / "scan.png"
    image = QImage(100, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(png))
    assert editor.drawings.import_drawing(png) is None
    assert editor.doc.plan.levels[0].background.path == "scan.png"
