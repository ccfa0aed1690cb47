"""How the analysis is read on the canvas: one camera isolated, the requirement view, the legend.

The editor state holds what is shown (``isolated_camera``, the overlay flags); this feature gives
the View menu its commands and keeps their check marks in line with the state, whoever changed it
(a context menu, Esc on the canvas, a camera deleted).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from siteplanner.app.context import EditorContext
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import tr


class AnalysisView:
    """View ▸ Isolate Selected Camera (and, through the state, its indicator and Esc)."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        ctx.state.isolation_changed.connect(self._isolation_changed)

    def selected_camera(self) -> str | None:
        cams = [o.id for c, o in self.ctx.scene.selected_objects() if c == "cameras"]
        return cams[0] if len(cams) == 1 else None

    @guarded
    def toggle_isolation(self, on: bool) -> None:
        """Isolate the selected camera (on), or show every camera again (off)."""
        state = self.ctx.state
        if not on:
            state.isolate_camera(None)
            return
        cid = self.selected_camera()
        if cid is None:
            self.ctx.status(tr(NO_CAMERA), 5000)
            self._isolation_changed(state.isolated_camera)  # the check mark back as it was
            return
        state.isolate_camera(cid)

    @guarded
    def _isolation_changed(self, camera_id: str | None) -> None:
        act = self.ctx.actions.get("isolate_camera")
        if act is not None and act.isChecked() != (camera_id is not None):
            act.blockSignals(True)
            act.setChecked(camera_id is not None)
            act.blockSignals(False)
        self.ctx.view.viewport().update()  # the indicator


NO_CAMERA = QT_TR_NOOP("Select one camera to isolate its view")
