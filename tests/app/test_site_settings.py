"""Site ▸ Settings: organisation, analysis settings, rule pack and units edited in a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from siteplanner.compliance.packs import available_packs
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import wait_analysis


def _type(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)


def _choose(combo: QComboBox, value: str) -> None:
    """Walk the combo box with the arrow keys to ``value``."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value


def _ok(dialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(win):
    win.actions_by_name["site_settings"].trigger()
    dialog = win.settings_ui.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_settings_change_is_one_undo_step_and_refreshes_findings(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    wait_analysis(qtbot, win)
    plan = win.doc.plan
    assert plan.rules == "cn-2025" and win.render_data.analysis.rules == "cn-2025"
    before_org = plan.organization.model_dump()
    before_settings = plan.settings.model_dump()
    steps = win.doc.undo.count()

    dialog = _open(win)
    # The rule pack is a list of the installed packs by title: nothing else can be chosen.
    assert [dialog.pack.itemData(i) for i in range(dialog.pack.count())] == available_packs()
    assert "(uk-ico)" in dialog.pack.itemText(dialog.pack.findData("uk-ico"))
    assert not dialog.pack.isEditable()
    _type(dialog.org["name"], "Acme Facilities Ltd")
    _type(dialog.org["contact"], "+44 20 7946 0000")
    _type(dialog.org["privacy_notice_url"], "https://acme.example/privacy")
    _type(dialog.org["dpo_contact"], "dpo@acme.example")
    _type(dialog.retention.lineEdit(), "30")
    _type(dialog.target_height.lineEdit(), "1.2")
    _type(dialog.dori["identification"].lineEdit(), "300")
    _type(dialog.coverage.lineEdit(), "80")
    _choose(dialog.pack, "uk-ico")
    _choose(dialog.units, "imperial")
    _ok(dialog)
    qtbot.waitUntil(lambda: win.settings_ui.dialog is None)

    org, st = plan.organization, plan.settings
    assert org.name == "Acme Facilities Ltd"
    assert org.contact == "+44 20 7946 0000"
    assert org.privacy_notice_url == "https://acme.example/privacy"
    assert org.dpo_contact == "dpo@acme.example"
    assert org.retention_days == 30
    assert st.target_height_m == 1.2
    assert st.dori_ppm.identification == 300.0
    assert st.dori_ppm.detection == before_settings["dori_ppm"]["detection"]
    assert st.coverage_target == 0.8
    assert st.units == "imperial"
    assert plan.rules == "uk-ico"
    assert win.doc.undo.count() == steps + 1
    # The findings follow the new pack at once.
    wait_analysis(qtbot, win)
    assert win.render_data.analysis.rules == "uk-ico"

    win.doc.undo.undo()  # one step puts everything back
    assert plan.organization.model_dump() == before_org
    assert plan.settings.model_dump() == before_settings
    assert plan.rules == "cn-2025"
    wait_analysis(qtbot, win)
    assert win.render_data.analysis.rules == "cn-2025"


def test_cancel_and_unchanged_ok_leave_the_plan(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    plan = win.doc.plan
    steps = win.doc.undo.count()
    dialog = _open(win)
    _type(dialog.org["name"], "Not kept")
    QTest.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: win.settings_ui.dialog is None)
    assert plan.organization.name != "Not kept"
    _ok(_open(win))
    qtbot.waitUntil(lambda: win.settings_ui.dialog is None)
    assert win.doc.undo.count() == steps


def test_clearing_optional_values_stores_none(make_window, qtbot):
    plan = load_plan(sample_plan_path())
    plan.organization.privacy_notice_url = "https://x.example"
    plan.settings.coverage_target = 0.9
    win = make_window(plan, None)
    dialog = _open(win)
    _type(dialog.org["privacy_notice_url"], "")
    _type(dialog.coverage.lineEdit(), "0")
    _ok(dialog)
    qtbot.waitUntil(lambda: win.settings_ui.dialog is None)
    assert win.doc.plan.organization.privacy_notice_url is None
    assert win.doc.plan.settings.coverage_target is None


def test_properties_panel_rule_pack_is_a_list(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    win.scene.clearSelection()
    panel = win.properties_panel
    qtbot.waitUntil(lambda: "rules" in panel.editors)
    combo = panel.editors["rules"]
    assert isinstance(combo, QComboBox) and not isinstance(combo, QLineEdit)
    assert not combo.isEditable()
    assert [combo.itemData(i) for i in range(combo.count())] == available_packs()
    steps = win.doc.undo.count()
    combo.setFocus()
    # Keyboard selection emits activated, as a click in the list does.
    target = combo.findData("eu-edpb")
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: win.doc.plan.rules == "eu-edpb")
    assert win.doc.undo.count() == steps + 1
    wait_analysis(qtbot, win)
    assert win.render_data.analysis.rules == "eu-edpb"
