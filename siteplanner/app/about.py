"""Help ▸ About SitePlanner."""

from __future__ import annotations

from siteplanner import __version__
from siteplanner.app.dialogs import Dialogs
from siteplanner.app.i18n import tr


class About:
    def __init__(self, dialogs: Dialogs) -> None:
        self.dialogs = dialogs

    def text(self) -> str:
        return f"SitePlanner {__version__}\n\n" + tr(
            "Plan security cameras, prove what each sees, print the signs the rules ask for."
        )

    def show(self) -> None:
        self.dialogs.about(tr("About SitePlanner"), self.text())
