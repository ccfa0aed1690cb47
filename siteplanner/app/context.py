"""What a feature module of the editor is given: the parts of the window it may use.

Features (units, language, background, catalogue, signs) take an ``EditorContext`` and add to the
editor through it (their table rows in ``actions``, docks the window places, save hooks on the
file controller) instead of replacing the window's methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from siteplanner.app.canvas import PlanView
from siteplanner.app.dialogs import Dialogs
from siteplanner.app.document import Document
from siteplanner.app.scene import PlanScene
from siteplanner.app.state import EditorState

if TYPE_CHECKING:
    from siteplanner.app.files import FileController
    from siteplanner.app.worker import AnalysisRunner


@dataclass
class EditorContext:
    window: QMainWindow
    doc: Document
    scene: PlanScene
    view: PlanView
    state: EditorState
    dialogs: Dialogs
    file: FileController
    runner: AnalysisRunner  # the live analysis: schedule() asks for a fresh one
    properties: QWidget  # the properties panel, for a feature's button under it
    actions: dict[str, QAction] = field(default_factory=dict)  # filled from the action table

    def status(self, text: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)
