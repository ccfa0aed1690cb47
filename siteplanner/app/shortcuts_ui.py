"""Help ▸ Keyboard Shortcuts: every command that has a key, read from the action table."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from siteplanner.app.actions import ACTIONS, MENUS
from siteplanner.app.context import EditorContext
from siteplanner.app.i18n import tr


def shortcut_rows(ctx: EditorContext) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for each command with a shortcut, in the order of the menus."""
    rows = []
    for spec in ACTIONS:
        act = ctx.actions.get(spec.id)
        if act is None or not act.shortcuts():
            continue
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()
        )
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
