"""Camera ▸ Choose model…: the dialog driven by mouse and keys, one undo step per choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from siteplanner.app import catalogue_ui
from siteplanner.app.commands import SetFieldsCommand
from siteplanner.catalogue import fov_deg, load_catalogue
from siteplanner.fileformat import load_plan
from siteplanner.model import resolve_optics
from siteplanner.resources import sample_plan_path


@pytest.fixture
def setup(make_window):
    window = make_window(load_plan(sample_plan_path()), None)
    return window, window.doc, window.scene, window.actions_by_name["choose_model"]


def _click_row(qtbot, table, model_id):
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item.data(Qt.ItemDataRole.UserRole) == model_id and not table.isRowHidden(row):
            rect = table.visualItemRect(item)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{model_id} not visible")


def test_action_follows_camera_selection(setup):
    window, doc, scene, act = setup
    assert not act.isEnabled()
    scene.item_by_id("c-lobby").setSelected(True)
    assert act.isEnabled()
    scene.clearSelection()
    scene.item_by_id(doc.plan.levels[0].walls[0].id).setSelected(True)
    assert not act.isEnabled()


def test_choose_varifocal_with_zoom_then_undo(setup, qtbot):
    window, doc, scene, act = setup
    cam = doc.plan.levels[0].camera("c-corridor")  # a dome-4mp with its own hfov 90
    scene.item_by_id("c-corridor").setSelected(True)
    models_before = [m.id for m in doc.plan.camera_models]
    seen = {}

    def person(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["preselected"] = dialog.entry().id
        qtbot.keyClicks(dialog.filter, "varifocal 2.8")
        visible = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
        seen["visible"] = len(visible)
        _click_row(qtbot, dialog.table, "vf-dome-4mp-2.8-12")
        assert dialog.zoom.isEnabled()
        dialog.zoom.selectAll()
        qtbot.keyClicks(dialog.zoom, "6")
        seen["optics"] = dialog.optics.text()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    cat = load_catalogue()
    assert catalogue_ui.choose_model(window, doc, catalogue_ui.selected_cameras(scene), cat, person)
    assert seen["preselected"] == "dome-4mp"
    assert seen["visible"] == 1  # only the 2.8-12 mm varifocal matches both words
    assert "46.2° × 27.0°" in seen["optics"]  # 2·atan(5.12 / 12), 2·atan(2.88 / 12)
    o = resolve_optics(doc.plan, cam)
    assert o.hfov_deg == pytest.approx(fov_deg(5.12, 6.0), abs=1e-3)
    assert o.vfov_deg == pytest.approx(fov_deg(2.88, 6.0), abs=1e-3)
    assert o.resolution == (2560, 1440) and cam.model == "vf-dome-4mp-2.8-12"
    assert [m.id for m in doc.plan.camera_models] == models_before + ["vf-dome-4mp-2.8-12"]
    assert doc.modified
    doc.undo.undo()
    assert cam.model == "dome-4mp" and cam.hfov_deg == 90
    assert [m.id for m in doc.plan.camera_models] == models_before
    doc.undo.redo()
    assert cam.model == "vf-dome-4mp-2.8-12"
    assert resolve_optics(doc.plan, cam).hfov_deg == pytest.approx(fov_deg(5.12, 6.0), abs=1e-3)
    # Opening the dialog again starts from the camera's model and focal length.
    reopened = {}

    def look(dialog):
        reopened.update(id=dialog.entry().id, zoom=dialog.zoom.value())
        return dialog.DialogCode.Rejected

    catalogue_ui.choose_model(window, doc, [cam], cat, look)
    assert reopened == {"id": "vf-dome-4mp-2.8-12", "zoom": 6.0}


def test_catalogue_id_of_a_suffixed_plan_model():
    cat = load_catalogue()
    assert catalogue_ui.catalogue_id(cat, "dome-4mp-2") == "dome-4mp"
    assert catalogue_ui.catalogue_id(cat, "dome-4mp") == "dome-4mp"
    assert catalogue_ui.catalogue_id(cat, "custom-7") == "custom-7"
    assert catalogue_ui.catalogue_id(cat, None) is None


def test_fixed_model_for_several_cameras_and_override(setup):
    window, doc, scene, act = setup
    for cid in ("c-lobby", "c-entrance"):
        scene.item_by_id(cid).setSelected(True)
    cat = load_catalogue()

    def pick(dialog):
        dialog.select("bullet-lr-4mp-12")
        assert not dialog.zoom.isEnabled()
        return dialog.DialogCode.Accepted

    steps = doc.undo.count()
    assert catalogue_ui.choose_model(window, doc, catalogue_ui.selected_cameras(scene), cat, pick)
    assert doc.undo.count() == steps + 1
    lobby = doc.plan.levels[0].camera("c-lobby")
    entrance = doc.plan.levels[0].camera("c-entrance")
    for cam in (lobby, entrance):
        o = resolve_optics(doc.plan, cam)
        assert (o.hfov_deg, o.range_m, o.resolution) == (27, 80, (2560, 1440))
    # The user overrides one value afterwards, through the ordinary property edit.
    doc.undo.push(SetFieldsCommand(doc, "range", [(entrance, "range_m", 35.0)]))
    assert resolve_optics(doc.plan, entrance).range_m == 35.0
    assert resolve_optics(doc.plan, lobby).range_m == 80
    doc.undo.undo()
    doc.undo.undo()
    assert entrance.range_m == 20 and entrance.model == "bullet-8mp"


def test_cancel_changes_nothing(setup):
    window, doc, scene, act = setup
    scene.item_by_id("c-lobby").setSelected(True)
    cat = load_catalogue()
    assert not catalogue_ui.choose_model(
        window, doc, catalogue_ui.selected_cameras(scene), cat, lambda d: d.DialogCode.Rejected
    )
    assert doc.undo.count() == 0
