"""Every key of the plan format can be set in the editor; a sign's cameras as a checklist."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QListWidget

from siteplanner.app import settings_ui
from siteplanner.app.panels import FIELDS, PLAN_FIELDS
from siteplanner.fileformat import load_plan
from siteplanner.resources import resource, sample_plan_path
from tests.app.conftest import click

# Keys edited on the canvas (drawn, dragged), by the background panel, or never by hand.
ON_CANVAS = {"position", "points", "polygon"}
BACKGROUND_PANEL = {"path", "scale_m_per_px", "origin", "rotation_deg", "opacity"}
NOT_EDITED = {"id", "format", "version", "levels", "cameras", "walls", "openings", "obstacles",
              "zones", "signs", "background"}  # fmt: skip


def test_every_key_of_the_schema_has_a_place_in_the_editor():
    schema = json.loads(resource("schema", "siteplan.schema.json").read_text())
    defs = schema.get("$defs") or schema["definitions"]
    dialog_keys = {
        "Organization": {n for n, _ in settings_ui.ORG_TEXTS}
        | {"retention_days", "face_retention_days", "translations"},
        "OrganizationText": {f for f, _ in settings_ui.TRANSLATED_FIELDS},
        "Settings": {"target_height_m", "dori_ppm", "coverage_target", "units",
                     "sign_viewing_distance_m"},
        "DoriPpm": set(settings_ui.DORI_LABELS),
        "CameraModel": {f for f, _, _ in settings_ui.MODEL_COLUMNS},
        "Level": {f for f, _ in settings_ui.LEVEL_COLUMNS},
        "Background": BACKGROUND_PANEL,
    }  # fmt: skip
    panel = {
        "Wall": "walls",
        "Opening": "openings",
        "Obstacle": "obstacles",
        "Zone": "zones",
        "Camera": "cameras",
        "Sign": "signs",
    }
    missing = []
    for name, d in defs.items():
        keys = set(d.get("properties", {}))
        reached = dialog_keys.get(name, set()) | ON_CANVAS | NOT_EDITED
        if name in panel:
            reached |= {f for f, *_ in FIELDS[panel[name]]}
        missing += [f"{name}.{k}" for k in sorted(keys - reached)]
    top = set(schema["properties"]) - NOT_EDITED - {"organization", "settings", "camera_models"}
    missing += [k for k in sorted(top - {f for f, *_ in PLAN_FIELDS})]
    assert missing == []


def test_sign_covers_as_a_checklist_of_camera_names(make_window):
    win = make_window(load_plan(sample_plan_path()), None)
    click(win, 7.0, -0.6)  # the entrance sign
    assert [o.id for _, o in win.scene.selected_objects()] == ["s-entrance"]
    checklist = win.properties_panel.editors["covers"]
    assert isinstance(checklist, QListWidget)
    shown = {
        checklist.item(i).text(): checklist.item(i).checkState() == Qt.CheckState.Checked
        for i in range(checklist.count())
    }
    # The level's cameras by name, ticked where the sign announces them.
    assert len(shown) == 9
    assert shown["CAM-01 Lobby"] and shown["CAM-02 Entrance"] and shown["CAM-03 Turnstile face"]
    assert not shown["CAM-07 Car park"]
    sign = win.doc.plan.levels[0].signs[0]
    before = list(sign.covers)

    def toggle(label: str) -> None:
        row = next(i for i in range(checklist.count()) if checklist.item(i).text() == label)
        checklist.setFocus()
        checklist.setCurrentRow(row)
        QTest.keyClick(checklist, Qt.Key.Key_Space)

    toggle("CAM-07 Car park")
    assert sign.covers == [*before, "c-carpark"]
    toggle("CAM-02 Entrance")
    assert sign.covers == ["c-lobby", "c-turnstile", "c-carpark"]
    assert win.doc.undo.count() == 2  # one step per change
    win.doc.undo.undo()
    win.doc.undo.undo()
    assert sign.covers == before
    checklist = win.properties_panel.editors["covers"]
    ticked = [
        checklist.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(checklist.count())
        if checklist.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == before


def test_camera_sound_and_sign_viewing_distance_in_the_panel(make_window):
    win = make_window(load_plan(sample_plan_path()), None)
    click(win, 1.0, 13.5)  # the corridor sign
    # A sign's width is its own field (an opening's is the distance between its ends).
    assert win.properties_panel.editors["width_m"].text() == "0.08"
    field = win.properties_panel.editors["viewing_distance_m"]
    assert isinstance(field, QLineEdit) and field.text() == "12"
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClick(field, Qt.Key.Key_Return)
    sign = win.doc.plan.levels[0].signs[1]
    assert sign.viewing_distance_m is None  # measured in front of the sign again
    assert "front of the sign" in field.placeholderText()
    click(win, 0.4, 11.6)  # CAM-01 Lobby
    audio = win.properties_panel.editors["audio"]
    assert [audio.itemText(i) for i in range(audio.count())] == ["—", "True", "False"]
    audio.setFocus()
    QTest.keyClick(audio, Qt.Key.Key_Down)  # — → True
    cam = win.doc.plan.levels[0].cameras[0]
    assert cam.audio is True
    assert win.doc.undo.count() == 2
    win.doc.undo.undo()
    assert cam.audio is None


def _edit_cell(table, row: int, col: int, text: str) -> None:
    """Double-click the cell, type, press Enter."""
    table.scrollToItem(table.item(row, col))
    rect = table.visualItemRect(table.item(row, col))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = table.viewport().focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is table.viewport()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # on to the next cell: the text is kept
    assert table.item(row, col).text() == text


def test_levels_and_camera_models_in_site_settings(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    plan = win.doc.plan
    win.actions_by_name["site_settings"].trigger()
    dialog = win.settings_ui.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tabs.setCurrentIndex(1)
    _edit_cell(dialog.levels, 0, 1, "0.5")
    _edit_cell(dialog.levels, 0, 0, "Erdgeschoss")
    _edit_cell(dialog.models, 0, 1, "abc")  # not a number: refused, naming the cell
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "dome-4mp" in dialog.error.text() and "'abc'" in dialog.error.text()
    assert plan.camera_models[0].hfov_deg == 100.0 and win.doc.undo.count() == 0
    _edit_cell(dialog.models, 0, 1, "92")
    _edit_cell(dialog.models, 0, 6, "True")
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    level = plan.levels[0]
    assert (level.name, level.elevation_m) == ("Erdgeschoss", 0.5)
    assert plan.camera_models[0].hfov_deg == 92.0
    assert plan.camera_models[0].face_recognition is True
    assert plan.camera_models[1:] == load_plan(sample_plan_path()).camera_models[1:]
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    fresh = load_plan(sample_plan_path())
    assert (level.name, level.elevation_m) == (fresh.levels[0].name, fresh.levels[0].elevation_m)
    assert plan.camera_models == fresh.camera_models


def test_organisation_face_notice_and_other_languages(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    plan = win.doc.plan
    win.actions_by_name["site_settings"].trigger()
    dialog = win.settings_ui.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    purpose = dialog.org["face_purpose"]
    purpose.setFocus()
    purpose.selectAll()
    QTest.keyClicks(purpose, "Door access")  # QTest types Latin-1 only
    dialog.face_retention.setFocus()
    dialog.face_retention.selectAll()
    QTest.keyClicks(dialog.face_retention, "7")
    dialog.tabs.setCurrentIndex(2)
    table = dialog.translations
    english = dialog.langs.index("en")
    _edit_cell(table, 0, english, "East China Logistics")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    org = plan.organization
    assert org.face_purpose == "Door access" and org.face_retention_days == 7
    assert org.text("name", "en") == "East China Logistics"
    assert org.text("name", "zh") == load_plan(sample_plan_path()).organization.name
    assert win.doc.undo.count() == 1
    win.doc.undo.undo()
    assert plan.organization == load_plan(sample_plan_path()).organization
