"""The editor's questions to the user, in one replaceable object (tests answer them directly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILTER = "SitePlanner plans (*.siteplan *.json);;All files (*)"


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.critical(self.parent, title, message)

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox.question(
            self.parent,
            "Unsaved changes",
            f"Save the changes to {name}?",
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
            "Recover unsaved changes",
            "SitePlanner found unsaved changes to this plan from an earlier session "
            f"({recovery_file.name}). Recover them?",
        )
        return box == QMessageBox.StandardButton.Yes

    def confirm(self, title: str, message: str) -> bool:
        return QMessageBox.question(self.parent, title, message) == QMessageBox.StandardButton.Yes

    def open_file(self, directory: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open plan", directory, FILTER)
        return path or None

    def save_file(self, suggestion: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save plan as", suggestion, FILTER)
        if path and not Path(path).suffix:
            path += ".siteplan"
        return path or None
