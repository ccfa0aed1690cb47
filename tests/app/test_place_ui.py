"""Tools ▸ Place Cameras…: the dialog run with real widgets on a one-room plan."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.model import Plan
from tests.app.conftest import wait_analysis

DOME = {"id": "dome", "hfov_deg": 100, "vfov_deg": 56, "resolution": [2560, 1440], "range_m": 30}
PRIVACY = {"PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE", "CAMERA_INSIDE_WALL"}
ROOM = [[0.1, 0.1], [5.9, 0.1], [5.9, 5.9], [0.1, 5.9]]


def one_room(cameras=()) -> Plan:
    return Plan.model_validate(
        {
            "name": "one room",
            "camera_models": [DOME],
            "levels": [
                {
                    "id": "L1",
                    "walls": [
                        {"points": [[0, 0], [6, 0], [6, 6], [0, 6], [0, 0]], "thickness_m": 0.2}
                    ],
                    "zones": [
                        {
                            "id": "z1",
                            "name": "Shop",
                            "kind": "collection",
                            "place": "public",
                            "polygon": ROOM,
                            "required_dori": "observation",
                        }
                    ],
                    "cameras": list(cameras),
                }
            ],
        }
    )


# A camera in a corner that sees only a strip along one wall: the room still needs another.
CORNER = {
    "id": "old",
    "position": [0.3, 0.3],
    "height_m": 3.0,
    "pan_deg": 0,
    "tilt_deg": 40,
    "model": "dome",
}


def open_dialog(win):
    win.actions_by_name["place_cameras"].trigger()
    dialog = win.place_ui.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def type_into(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Tab)


def click(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def run_placement(qtbot, dialog) -> None:
    type_into(dialog.time_limit.lineEdit(), "10")
    assert dialog.time_limit.value() == 10
    click(dialog.run_button)
    assert dialog.job is not None
    assert not dialog.run_button.isEnabled() and dialog.stop_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=180000)
    assert dialog.proposal is not None, dialog.status.text()


def test_accept_adds_the_cameras_as_one_undo_step_and_undo_removes_them(make_window, qtbot):
    win = make_window(one_room(), None)
    wait_analysis(qtbot, win)
    level = win.doc.plan.levels[0]
    steps = win.doc.undo.count()
    dialog = open_dialog(win)
    assert [dialog.zones.item(i).text() for i in range(dialog.zones.count())] == ["Shop"]
    # The plan's model is offered and chosen; the catalogue's are offered, not chosen.
    assert dialog.options().models == ["dome"]
    assert dialog.models.count() > 1
    run_placement(qtbot, dialog)

    # The preview: one camera and its coverage drawn over the canvas, the plan untouched.
    proposal = dialog.proposal
    assert len(proposal.cameras) == 1 and level.cameras == []
    assert len(dialog.preview) == 2
    assert all(item.scene() is win.scene and item.isVisible() for item in dialog.preview)
    area = dialog.preview[0].path()
    assert area.boundingRect().intersects(QRectF(0, 0, 6, 6))
    assert area.boundingRect().width() > 3 and area.boundingRect().height() > 3
    assert "1 cameras proposed" in dialog.summary.text()
    assert "Shop: " in dialog.summary.text()
    assert dialog.accept_button.isEnabled()
    preview = list(dialog.preview)

    click(dialog.accept_button)
    qtbot.waitUntil(lambda: win.place_ui.dialog is None)
    assert len(level.cameras) == 1
    cam = level.cameras[0]
    assert 0 < cam.position[0] < 6 and 0 < cam.position[1] < 6
    assert win.doc.undo.count() == steps + 1
    assert all(item.scene() is None for item in preview)
    # The live analysis agrees: the zone is covered at its density, nothing private is seen.
    wait_analysis(qtbot, win)
    data = win.render_data
    assert cam.id in data.analysis.cameras
    zone = data.analysis.zone("L1", "z1")
    assert zone.by_dori["observation"].area / zone.area_m2 >= 0.95 - 1e-6
    assert not [f for f in data.analysis.findings if f.rule in PRIVACY]

    win.doc.undo.undo()
    assert level.cameras == []
    win.doc.undo.redo()
    assert [c.id for c in level.cameras] == [cam.id]


def test_discard_leaves_the_plan_as_it_was(make_window, qtbot):
    win = make_window(one_room(), None)
    wait_analysis(qtbot, win)
    before = win.doc.plan.model_dump()
    steps = win.doc.undo.count()
    dialog = open_dialog(win)
    # Nothing to cover: the dialog says so and does not start.
    dialog.zones.item(0).setCheckState(Qt.CheckState.Unchecked)
    click(dialog.run_button)
    assert dialog.job is None and "zone" in dialog.status.text()
    dialog.zones.item(0).setCheckState(Qt.CheckState.Checked)
    run_placement(qtbot, dialog)
    preview = list(dialog.preview)
    assert preview and all(item.scene() is win.scene for item in preview)

    click(dialog.discard_button)
    qtbot.waitUntil(lambda: win.place_ui.dialog is None)
    assert all(item.scene() is None for item in preview)
    assert win.doc.plan.model_dump() == before
    assert win.doc.undo.count() == steps and not win.doc.modified


def test_existing_cameras_are_kept_or_replaced(make_window, qtbot):
    win = make_window(one_room([CORNER]), None)
    wait_analysis(qtbot, win)
    level = win.doc.plan.levels[0]
    old = level.cameras[0]

    dialog = open_dialog(win)
    assert dialog.keep.isChecked()
    run_placement(qtbot, dialog)
    added = len(dialog.proposal.cameras)
    assert added >= 1
    click(dialog.accept_button)
    qtbot.waitUntil(lambda: win.place_ui.dialog is None)
    assert level.cameras[0] is old and len(level.cameras) == 1 + added
    win.doc.undo.undo()
    assert level.cameras == [old]

    dialog = open_dialog(win)
    click(dialog.replace)
    assert dialog.replace.isChecked() and dialog.options().replace
    run_placement(qtbot, dialog)
    new_ids = [c.id for c, _ in dialog.proposal.cameras]
    click(dialog.accept_button)
    qtbot.waitUntil(lambda: win.place_ui.dialog is None)
    assert old not in level.cameras
    assert [c.id for c in level.cameras] == new_ids and len(new_ids) == 1
    # One step: undo brings the old camera back and takes the new one away.
    win.doc.undo.undo()
    assert level.cameras == [old]


def test_editing_the_plan_during_a_run_forbids_accepting_it(make_window, qtbot):
    win = make_window(one_room(), None)
    wait_analysis(qtbot, win)
    dialog = open_dialog(win)
    run_placement(qtbot, dialog)
    assert dialog.accept_button.isEnabled()
    zone = win.doc.plan.levels[0].zones[0]
    win.doc.undo.push(SetFieldsCommand(win.doc, "rename", [(zone, "name", "Store")]))
    assert not dialog.accept_button.isEnabled()
    assert "changed" in dialog.summary.text()
    click(dialog.accept_button)
    assert win.doc.plan.levels[0].cameras == []
    click(dialog.discard_button)
