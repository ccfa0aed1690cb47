"""Help ▸ About: the version, and the fonts and libraries that travel with SitePlanner with their
licences (the installers ship them all; their licences ask to be named)."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import numpy
import pydantic
import reportlab
import shapely
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TR_NOOP, Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from siteplanner import __version__
from siteplanner.app.i18n import tr
from siteplanner.resources import resource

if TYPE_CHECKING:  # the dialogs show AboutDialog: a run-time import would be a cycle
    from siteplanner.app.dialogs import Dialogs


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression
    role: str  # what it does for SitePlanner, marked for translation


def _version_of(module: object, attribute: str = "__version__") -> str:
    return str(getattr(module, attribute, "") or "")


def components() -> list[Component]:
    """What a bundle or a wheel install runs on, with the versions actually loaded."""
    try:
        import ezdxf

        ezdxf_version = _version_of(ezdxf)
    except ImportError:  # not every install reads DXF yet
        ezdxf_version = ""
    parts = [
        Component(
            "WenQuanYi Micro Hei",
            "0.2.0-beta",
            "Apache-2.0 OR GPL-3.0-or-later WITH Font-exception-2.0",
            QT_TR_NOOP("font for Chinese and Latin text on signs and in the editor"),
        ),
        Component("Qt", qVersion(), "LGPL-3.0-only", QT_TR_NOOP("windows, drawing and printing")),
        Component(
            "PySide6",
            pyside_version,
            "LGPL-3.0-only",
            QT_TR_NOOP("Qt for Python"),
        ),
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0",
            QT_TR_NOOP("the language SitePlanner is written in"),
        ),
        Component("Shapely", _version_of(shapely), "BSD-3-Clause", QT_TR_NOOP("geometry")),
        Component(
            "GEOS",
            ".".join(str(n) for n in shapely.geos_version),
            "LGPL-2.1-only",
            QT_TR_NOOP("geometry engine under Shapely"),
        ),
        Component("NumPy", _version_of(numpy), "BSD-3-Clause", QT_TR_NOOP("numerical arrays")),
        Component(
            "ReportLab",
            _version_of(reportlab, "Version"),
            "BSD-3-Clause",
            QT_TR_NOOP("PDF output of signs and reports"),
        ),
        Component(
            "pydantic",
            _version_of(pydantic, "VERSION"),
            "MIT",
            QT_TR_NOOP("reading and checking plan files"),
        ),
    ]
    if ezdxf_version:
        parts.append(Component("ezdxf", ezdxf_version, "MIT", QT_TR_NOOP("DXF drawings")))
    return parts


# The licence texts shipped with the fonts (resources/fonts), shown as where to read them.
FONT_LICENCE_FILES = ("wqy-microhei-COPYRIGHT.txt", "LICENSE-Apache-2.0.txt")


class AboutDialog(QDialog):
    """The program's name, version and purpose, then one row per bundled component."""

    def __init__(self, parent: QWidget | None, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource("icons", "siteplanner-64.png"))))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(
            f"<h2>SitePlanner {escape(__version__)}</h2><p>{escape(text)}</p>"
        )
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.version_label, 1)
        layout.addLayout(head)

        layout.addWidget(QLabel(tr("Bundled fonts and libraries")))
        rows = components()
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(
            [tr("Component"), tr("Version"), tr("Licence"), tr("Used for")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, part in enumerate(rows):
            for column, value in enumerate((part.name, part.version, part.licence, tr(part.role))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)

        fonts = resource("fonts")
        self.licence_label = QLabel(
            tr("The font's licence texts: {0}").format(
                ", ".join(str(fonts / name) for name in FONT_LICENCE_FILES)
            )
        )
        self.licence_label.setWordWrap(True)
        self.licence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.licence_label)
        runtime = f"Python {platform.python_version()} · {sys.platform}"
        layout.addWidget(QLabel(runtime))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)


class About:
    """The Help ▸ About action: asks the editor's dialogs to show the box."""

    def __init__(self, dialogs: Dialogs) -> None:
        self.dialogs = dialogs

    def text(self) -> str:
        return f"SitePlanner {__version__}\n\n" + tr(
            "Plan security cameras, prove what each sees, print the signs the rules ask for."
        )

    def show(self) -> None:
        self.dialogs.about(tr("About SitePlanner"), self.text())
