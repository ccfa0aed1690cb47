"""Commands on the selected objects and the canvas's right-click menus.

Duplicate, rotate (90° either way or by a typed angle), show the properties, frame the
selection, toggle an opening's see-through, isolate a camera's view: each edit is one undo
step. The menus are built from the action table's QActions (so they show the same texts and
shortcuts as the menu bar) plus a few entries that only make sense on the object clicked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from siteplanner.app.commands import AddObjectsCommand, SetFieldsCommand
from siteplanner.app.context import EditorContext
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import tr
from siteplanner.app.items import CameraHandlesItem, ModelItem
from siteplanner.editing.defaults import DEFAULTS
from siteplanner.editing.transform import bounds, duplicates, rotation_changes

# The least a framed selection shows around itself, in metres: one camera is not a whole view.
FRAME_MARGIN_M = 3.0

# Entries of an object's menu, from the action table, in order ("|": a separator).
OBJECT_MENU = ("duplicate", "rotate_left", "rotate_right", "rotate_by", "|", "delete")
CANVAS_MENU = ("paste", "select_all", "|", "fit", "|", "add_level", "import_background")

UNDO_SEE_THROUGH = QT_TR_NOOP("See-through opening")
UNDO_OPAQUE = QT_TR_NOOP("Opaque opening")


class ObjectActions:
    """Edit ▸ Duplicate / Rotate, View ▸ Frame Selection, and the canvas's context menus."""

    def __init__(self, ctx: EditorContext, properties_dock: QDockWidget) -> None:
        self.ctx = ctx
        self.properties_dock = properties_dock
        self.menu: QMenu | None = None  # the menu last shown (tests read it)
        ctx.view.context_menu = self.show_menu

    # -- selection ---------------------------------------------------------------------------
    def _selected(self) -> list[tuple[str, Any]]:
        return self.ctx.scene.selected_objects()

    def _push_changes(self, text: str, changes: list[tuple[Any, str, Any]]) -> None:
        if changes:
            doc = self.ctx.doc
            doc.undo.push(SetFieldsCommand(doc, text, changes))

    # -- commands ----------------------------------------------------------------------------
    @guarded
    def duplicate(self) -> None:
        """Copies of the selection beside it (fresh ids, as a paste makes), selected."""
        sel = self._selected()
        level = self.ctx.scene.level()
        if not sel or level is None:
            return
        doc = self.ctx.doc
        new = duplicates([o for _, o in sel], doc.plan, DEFAULTS.paste_offset_m)
        doc.undo.push(AddObjectsCommand(doc, tr("Duplicate {0}").format(len(new)), level, new))
        self.ctx.scene.select_objects([o for _, o in new])

    def rotate(self, angle_deg: float) -> None:
        """Turn the selection by ``angle_deg`` (counter-clockwise) about its centre."""
        sel = [o for _, o in self._selected()]
        if not sel:
            return
        self._push_changes(
            tr("Rotate by {0}°").format(f"{angle_deg:g}"),
            rotation_changes(sel, angle_deg),
        )

    @guarded
    def rotate_left(self) -> None:
        self.rotate(90.0)

    @guarded
    def rotate_right(self) -> None:
        self.rotate(-90.0)

    @guarded
    def rotate_by(self) -> None:
        if not self._selected():
            return
        angle = self.ctx.dialogs.ask_number(
            tr("Rotate"),
            tr("Angle (°, counter-clockwise; negative turns clockwise):"),
            90.0,
            -360.0,
            360.0,
            1,
        )
        if angle:
            self.rotate(angle)

    @guarded
    def properties(self) -> None:
        """Show the properties dock with the focus on its first field."""
        dock = self.properties_dock
        dock.show()
        dock.raise_()
        # After the menu has closed and handed the focus back to the canvas.
        QTimer.singleShot(0, self._focus_properties)

    @guarded
    def _focus_properties(self) -> None:
        panel = self.ctx.properties
        editors: dict[str, QWidget] = getattr(panel, "editors", {})
        first = next(iter(editors.values()), None)
        (first or panel).setFocus(Qt.FocusReason.OtherFocusReason)

    @guarded
    def frame(self) -> None:
        """Zoom to the selection (a camera with the coverage it draws)."""
        sel = self._selected()
        if not sel:
            return
        box = bounds([o for _, o in sel])
        if box is None:
            return
        x0, y0, x1, y1 = box
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        cx, cy = rect.center().x(), rect.center().y()
        w, h = max(rect.width(), 2 * FRAME_MARGIN_M), max(rect.height(), 2 * FRAME_MARGIN_M)
        rect = QRectF(cx - w / 2, cy - h / 2, w, h)
        for coll, obj in sel:
            cov = self.ctx.scene.coverage_items.get(obj.id) if coll == "cameras" else None
            if cov is not None and cov.isVisible():
                rect = rect.united(cov.sceneBoundingRect())
        self.ctx.view.fit(rect)

    @guarded
    def toggle_see_through(self) -> None:
        ops = [o for c, o in self._selected() if c == "openings"]
        if not ops:
            return
        on = not all(o.transparent for o in ops)
        self._push_changes(
            tr(UNDO_SEE_THROUGH if on else UNDO_OPAQUE), [(o, "transparent", on) for o in ops]
        )

    @guarded
    def isolate(self) -> None:
        """Show only the selected camera's view (the canvas draws the mode)."""
        cams = [o for c, o in self._selected() if c == "cameras"]
        if len(cams) == 1:
            self.ctx.state.isolate_camera(cams[0].id)

    # -- the context menus -------------------------------------------------------------------
    def item_at(self, pos: QPoint) -> ModelItem | None:
        for item in self.ctx.view.items(pos):
            if isinstance(item, ModelItem):
                return item
            # A label or the pan handle of an object; a handle of the selected camera.
            parent = item.parentItem()
            if isinstance(parent, ModelItem):
                return parent
            if isinstance(parent, CameraHandlesItem):
                return self.ctx.scene.item_for(parent.camera)  # type: ignore[return-value]
        return None

    def build_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right-click at viewport ``pos``: the object's (selected first, when it
        was not), or the canvas's."""
        hit = self.item_at(pos)
        scene = self.ctx.scene
        if hit is not None and not hit.isSelected():  # type: ignore[attr-defined]
            scene.clearSelection()
            hit.setSelected(True)  # type: ignore[attr-defined]
        menu = QMenu(self.ctx.view)
        menu.setObjectName("canvas_menu" if hit is None else "object_menu")
        actions = self.ctx.actions
        if hit is None:
            self._add(menu, CANVAS_MENU)
            return menu
        sel = self._selected()
        colls = {c for c, _ in sel}
        self._entry(menu, "menu_properties", tr("&Properties"), self.properties)
        self._entry(menu, "menu_frame", tr("&Frame"), self.frame)
        menu.addSeparator()
        if colls == {"cameras"}:
            if "choose_model" in actions:
                menu.addAction(actions["choose_model"])
            if len(sel) == 1:
                on = self.ctx.state.isolated_camera == sel[0][1].id
                slot = (lambda: self.ctx.state.isolate_camera(None)) if on else self.isolate
                act = self._entry(menu, "menu_isolate", tr("&Isolate View"), slot)
                act.setCheckable(True)
                act.setChecked(on)
            menu.addSeparator()
        if colls == {"openings"}:
            act = self._entry(menu, "menu_see_through", tr("&See-Through"), self.toggle_see_through)
            act.setCheckable(True)
            act.setChecked(all(o.transparent for _, o in sel))
            menu.addSeparator()
        self._add(menu, OBJECT_MENU)
        return menu

    def _entry(self, menu: QMenu, name: str, text: str, slot: Any) -> QAction:
        act = QAction(text, menu)
        act.setObjectName(name)
        act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        return act

    def _add(self, menu: QMenu, ids: tuple[str, ...]) -> None:
        for i in ids:
            if i == "|":
                menu.addSeparator()
            elif i in self.ctx.actions:
                menu.addAction(self.ctx.actions[i])

    @guarded
    def show_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build_menu(pos)
        self.menu.popup(global_pos)
