"""Help ▸ Keyboard Shortcuts lists the action table's keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


def test_shortcuts_dialog_from_the_action_table(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()), None)
    QTest.keyClick(win.view, Qt.Key.Key_F1)  # the Help key opens it
    qtbot.waitUntil(lambda: win.targets["shortcuts"].dialog is not None)
    dialog = win.targets["shortcuts"].dialog

    table = dialog.findChild(QTableWidget, "shortcuts_table")
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    # Every command with a key is listed with that key, and only those.
    with_keys = {
        a.text().replace("&", "").rstrip("…"): a
        for a in win.actions_by_name.values()
        if a.shortcuts()
    }
    assert set(rows) == set(with_keys)
    assert rows["Settings"] == QKeySequence("Ctrl+,").toString(native)
    assert QKeySequence("W").toString(native) in rows["Wall"]
    assert "Keyboard Shortcuts" in rows


def test_only_keys_a_keyboard_has_are_listed(make_window, qtbot):
    from siteplanner.app.shortcuts_ui import pressable

    win = make_window(load_plan(sample_plan_path()), None)
    # Qt's standard bindings include vendor keys (a "Copy" key, F14...): the actions keep them.
    copy_keys = [s.toString() for s in win.actions_by_name["copy"].shortcuts()]
    assert "Ctrl+C" in copy_keys and any(not pressable(QKeySequence(k)) for k in copy_keys)
    win.actions_by_name["keyboard_shortcuts"].trigger()
    qtbot.waitUntil(lambda: win.targets["shortcuts"].dialog is not None)
    table = win.targets["shortcuts"].dialog.findChild(QTableWidget, "shortcuts_table")
    native = QKeySequence.SequenceFormat.NativeText
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["Copy"] == ", ".join(
        QKeySequence(k).toString(native) for k in copy_keys if pressable(QKeySequence(k))
    )
    for command, keys in rows.items():
        for text in keys.split(", "):
            assert pressable(QKeySequence(text, native)), (command, text)
    assert not pressable(QKeySequence("F14")) and not pressable(QKeySequence("Shift+Save"))
    assert pressable(QKeySequence("Ctrl+Shift+Z")) and pressable(QKeySequence("F1"))
