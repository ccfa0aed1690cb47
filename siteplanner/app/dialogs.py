"""The editor's questions to the user, in one replaceable object (tests answer them directly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from siteplanner.app.about import AboutDialog
from siteplanner.app.i18n import tr


def file_filter() -> str:
    return tr("SitePlanner plans (*.siteplan *.json);;All files (*)")


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """A modal message shown as plain text: messages quote file names, ids and names from the
    plan, which Qt would otherwise render as HTML when they look like it."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return QMessageBox.StandardButton(box.exec())


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        message_box(self.parent, QMessageBox.Icon.Critical, title, message)

    def about(self, title: str, text: str) -> None:
        AboutDialog(self.parent, title, text).exec()

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = message_box(
            self.parent,
            QMessageBox.Icon.Question,
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
        box = message_box(
            self.parent,
            QMessageBox.Icon.Question,
            tr("Recover unsaved changes"),
            tr(
                "SitePlanner found unsaved changes to this plan from an earlier session "
                "({0}). Recover them?"
            ).format(recovery_file.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return box == QMessageBox.StandardButton.Yes

    def info(self, title: str, message: str) -> None:
        message_box(self.parent, QMessageBox.Icon.Information, title, message)

    def confirm(self, title: str, message: str) -> bool:
        yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = message_box(self.parent, QMessageBox.Icon.Question, title, message, yes_no)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, text=value)
        return text if ok else None

    def ask_number(
        self, title: str, label: str, value: float, lo: float, hi: float, decimals: int = 1
    ) -> float | None:
        number, ok = QInputDialog.getDouble(self.parent, title, label, value, lo, hi, decimals)
        return float(number) if ok else None

    def open_image(self, title: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, title, "", tr("Images (*.png *.jpg *.jpeg)")
        )
        return path or None

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

    def ask_incomplete_notice(self, title: str, message: str, draft: str) -> str:
        """An incomplete notice: 'draft' (go on, every sign marked DRAFT / 草稿), 'settings'
        (open Site ▸ Settings to fill it in) or 'cancel'. ``draft`` is that button's text."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.parent)
        box.setObjectName("incomplete_notice")
        box.setTextFormat(Qt.TextFormat.PlainText)
        as_draft = box.addButton(draft, QMessageBox.ButtonRole.AcceptRole)
        as_draft.setObjectName("draft")
        settings = box.addButton(tr("Open Site Settings"), QMessageBox.ButtonRole.ActionRole)
        settings.setObjectName("settings")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(settings)
        box.exec()
        clicked = box.clickedButton()
        if clicked is as_draft:
            return "draft"
        if clicked is settings:
            return "settings"
        return "cancel"

    def save_export(self, title: str, suggestion: str, filters: str) -> str | None:
        """The file an export or report is written to (None: cancelled)."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggestion, filters)
        return path or None
