"""The editor's questions to the user, in one replaceable object (tests answer them directly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from siteplanner.app.about import AboutDialog
from siteplanner.app.i18n import tr


def file_filter() -> str:
    return tr("SitePlanner plans (*.siteplan *.json);;All files (*)")


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def about(self, title: str, text: str) -> None:
        AboutDialog(self.parent, title, text).exec()

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox.question(
            self.parent,
            tr("Unsaved changes"),
            tr("Save the changes to {0}?").format(name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(box, "cancel")

    def ask_recover(self, recovery_file: Path) -> bool:
        box = QMessageBox.question(
            self.parent,
            tr("Recover unsaved changes"),
            tr(
                "SitePlanner found unsaved changes to this plan from an earlier session "
                "({0}). Recover them?"
            ).format(recovery_file.name),
        )
        return box == QMessageBox.StandardButton.Yes

    def confirm(self, title: str, message: str) -> bool:
        return QMessageBox.question(self.parent, title, message) == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(self.parent, title, label, text=value)
        return text if ok else None

    def open_file(self, directory: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, tr("Open plan"), directory, file_filter()
        )
        return path or None

    def save_file(self, suggestion: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, tr("Save plan as"), suggestion, file_filter()
        )
        if path and not Path(path).suffix:
            path += ".siteplan"
        return path or None
