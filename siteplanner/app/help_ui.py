"""Help ▸ Getting Started (a short guide, opened by itself the first time) and the note shown
above the canvas while the shipped sample is open.

The guide is a Markdown file per interface language (``resources/help``), shown in the language
of the moment: a change of language while it is open shows the other file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app.i18n import current_language, keep_tr, tr
from siteplanner.resources import resource

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

SEEN_KEY = "help/getting_started_seen"


def guide_text(lang: str | None = None) -> str:
    """The guide in ``lang`` (default: the interface's), else in English."""
    for code in (lang or current_language(), "en"):
        path = resource("help", f"getting-started.{code}.md")
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("getting_started")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Getting Started"))
        self.browser.setMarkdown(guide_text())


class GettingStarted(QObject):
    """Help ▸ Getting Started; ``show_first_time`` opens it once per user (QSettings)."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.dialog: GuideDialog | None = None

    def show(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dlg = GuideDialog(self.ctx.window)
        dlg.finished.connect(dlg.deleteLater)
        dlg.finished.connect(self._closed)
        self.dialog = dlg
        dlg.show()  # not modal: the user can follow the steps with it open

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def show_first_time(self, settings: QSettings | None = None) -> bool:
        """Open the guide if this user has never been shown it; True when it opened."""
        s = settings if settings is not None else QSettings()
        if s.value(SEEN_KEY, False, type=bool):
            return False
        s.setValue(SEEN_KEY, True)
        self.show()
        return True

    def retranslate(self) -> None:
        if self.dialog is not None:
            self.dialog.retranslate()


# The note above the canvas while the sample is open.
SAMPLE_NOTE = QT_TR_NOOP(
    "This is the sample plan. Its problems are deliberate: start with the Findings list on the "
    "right and click a finding to see it on the plan. Save asks for a new file; the sample "
    "itself is never changed."
)


class SampleBanner(QFrame):
    """A bar above the canvas: the sample's problems are deliberate, and where to start."""

    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#sample_banner { background: #fff8e1; border: 1px solid #f0c36d; }"
            " #sample_banner QLabel { color: #4e3b00; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = keep_tr(QLabel(), SAMPLE_NOTE)
        self.label.setObjectName("sample_banner_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.guide_button = keep_tr(QPushButton(), QT_TR_NOOP("Getting Started"))
        self.guide_button.setObjectName("sample_banner_guide")
        self.guide_button.clicked.connect(self.guide_requested.emit)
        row.addWidget(self.guide_button)
        self.close_button = keep_tr(QToolButton(), None, tip=QT_TR_NOOP("Hide this note"))
        self.close_button.setText("✕")
        self.close_button.setObjectName("sample_banner_close")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        row.addWidget(self.close_button)
        self.dismissed = False
        self.hide()

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def show_for(self, is_sample: bool) -> None:
        """Shown while the sample is open, unless the user has closed it."""
        self.setVisible(is_sample and not self.dismissed)
