"""Help ▸ Keyboard Shortcuts: every command that has a key, read from the action table."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from siteplanner.app.actions import ACTIONS, MENUS
from siteplanner.app.context import EditorContext
from siteplanner.app.i18n import tr

K = Qt.Key
# Keys beyond the characters that every keyboard has. Qt's standard bindings also list keys of
# vendor keyboards (F13-F35, a "Save" or "Copy" key), which no ordinary keyboard can press.
_KEYS = {
    K.Key_Escape, K.Key_Tab, K.Key_Backtab, K.Key_Backspace, K.Key_Return, K.Key_Enter,
    K.Key_Insert, K.Key_Delete, K.Key_Pause, K.Key_Print, K.Key_Home, K.Key_End, K.Key_Left,
    K.Key_Up, K.Key_Right, K.Key_Down, K.Key_PageUp, K.Key_PageDown, K.Key_Space,
    *(Qt.Key(K.Key_F1.value + i) for i in range(12)),
}  # fmt: skip


def pressable(seq: QKeySequence) -> bool:
    """Whether every key of ``seq`` is on an ordinary keyboard (F1-F12, arrows, characters...)."""
    if seq.isEmpty():
        return False
    for i in range(seq.count()):
        key = seq[i].key()
        if key not in _KEYS and not key.value < K.Key_Escape.value:
            return False
    return True


def shortcut_rows(ctx: EditorContext) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for each command with a shortcut, in the order of the menus."""
    rows = []
    for spec in ACTIONS:
        act = ctx.actions.get(spec.id)
        seqs = [s for s in act.shortcuts() if pressable(s)] if act is not None else []
        if act is None or not seqs:
            continue
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs)
        menu = tr(MENUS[spec.menu.split("/")[0]]).replace("&", "")
        rows.append((menu, act.text().replace("&", "").rstrip("…"), keys))
    return rows


class ShortcutsHelp(QObject):
    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: QDialog | None = None

    def show(self) -> None:
        rows = shortcut_rows(self.ctx)
        dlg = QDialog(self.ctx.window)
        dlg.setObjectName("shortcuts_help")
        dlg.setWindowTitle(tr("Keyboard Shortcuts"))
        table = QTableWidget(len(rows), 3, dlg)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels([tr("Menu"), tr("Command"), tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(dlg).addWidget(table)
        dlg.resize(520, 560)
        dlg.finished.connect(dlg.deleteLater)
        dlg.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
