"""Levels: add, duplicate, rename, remove (after asking), move up and down — each one undo
step — from the Site menu and a tool bar over the levels list; and the floor below drawn
faintly under the shown level (View ▸ Show Floor Below)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QToolBar, QVBoxLayout, QWidget

from siteplanner.app import style
from siteplanner.app.commands import LevelCommand, MoveLevelCommand, SetFieldsCommand
from siteplanner.app.context import EditorContext
from siteplanner.app.guard import guarded
from siteplanner.app.i18n import keep_tr, tr
from siteplanner.app.items import cosmetic
from siteplanner.app.qtgeom import polygon_path
from siteplanner.editing.transform import duplicate_level, level_below
from siteplanner.model import Level

LEVEL_HEIGHT_M = 3.5  # a new level's elevation above the highest one
Z_FLOOR_BELOW = -50  # above a background image, under every plan item

# The tool bar over the levels list: action-table ids.
LEVELS_TOOLBAR = (
    "add_level",
    "duplicate_level",
    "rename_level",
    "remove_level",
    "move_level_up",
    "move_level_down",
)

# The right-click menu of the levels list: the tool bar's commands and the elevation.
LEVELS_MENU = (*LEVELS_TOOLBAR[:3], "level_elevation", *LEVELS_TOOLBAR[3:])

COPY_NAME = QT_TR_NOOP("{0} (copy)")


class FloorBelowItem(QGraphicsPathItem):
    """The walls of the floor below, faint and out of the way of the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_FLOOR_BELOW)
        colour = style.WALL.lighter(100)
        colour.setAlphaF(0.22)
        self.setBrush(colour)
        outline = style.WALL.lighter(100)
        outline.setAlphaF(0.35)
        self.setPen(cosmetic(outline, 1.0, Qt.PenStyle.DashLine))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setData(0, "floor_below")
        self.level_id: str | None = None


class LevelsFeature:
    """The level commands (Site menu and the levels tool bar) and the floor below."""

    def __init__(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.floor_below: FloorBelowItem | None = None
        ctx.state.level_changed.connect(self._update_floor_below)
        ctx.state.walls_changed.connect(self._update_floor_below)
        ctx.state.floor_below_changed.connect(self._update_floor_below)
        ctx.doc.changed.connect(self._update_floor_below)
        ctx.doc.replaced.connect(self._update_floor_below)
        ctx.scene.content_sources.append(self.floor_below_rect)

    def toolbar_host(self, panel: QWidget) -> QWidget:
        """``panel`` (the levels list) under a tool bar of the level commands."""
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = bar = keep_tr(QToolBar(), QT_TR_NOOP("Levels"))
        bar.setObjectName("levels_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for i in LEVELS_TOOLBAR:
            act = self.ctx.actions.get(i)
            if act is not None:
                bar.addAction(act)
        layout.addWidget(bar)
        layout.addWidget(panel)
        return host

    # -- commands ----------------------------------------------------------------------------
    def _level(self) -> Level | None:
        return self.ctx.scene.level()

    def _show(self, level_id: str) -> None:
        self.ctx.window.set_level(level_id)  # type: ignore[attr-defined]

    @guarded
    def add_level(self) -> None:
        doc = self.ctx.doc
        levels = doc.plan.levels
        level_id = doc.ids().new("levels")
        elevation = max((lv.elevation_m for lv in levels), default=-LEVEL_HEIGHT_M)
        level = Level(
            id=level_id,
            name=tr("Level {0}").format(len(levels) + 1),
            elevation_m=elevation + LEVEL_HEIGHT_M,
        )
        doc.undo.push(LevelCommand(doc, tr("Add level"), level, len(levels), add=True))
        self._show(level.id)

    @guarded
    def duplicate_level(self) -> None:
        """A copy of the shown level, with fresh ids from the plan's allocator, as the next
        storey: one storey above the highest level (a typical floor copied upwards)."""
        level = self._level()
        if level is None:
            return
        doc = self.ctx.doc
        levels = doc.plan.levels
        copy = duplicate_level(
            doc.plan, level, tr(COPY_NAME).format(level.name or level.id), doc.ids()
        )
        copy.elevation_m = max(lv.elevation_m for lv in levels) + LEVEL_HEIGHT_M
        doc.undo.push(LevelCommand(doc, tr("Duplicate level"), copy, len(levels), add=True))
        self._show(copy.id)

    @guarded
    def level_elevation(self) -> None:
        level = self._level()
        if level is None:
            return
        value = self.ctx.dialogs.ask_number(
            tr("Level elevation"),
            tr("Elevation of {0} (m):").format(level.name or level.id),
            float(level.elevation_m),
            -1000.0,
            10000.0,
            2,
        )
        if value is not None and value != level.elevation_m:
            doc = self.ctx.doc
            doc.undo.push(
                SetFieldsCommand(doc, tr("Level elevation"), [(level, "elevation_m", value)])
            )

    @guarded
    def rename_level(self) -> None:
        level = self._level()
        if level is None:
            return
        name = self.ctx.dialogs.ask_text(tr("Rename level"), tr("Name:"), level.name)
        if name is not None and name != level.name:
            doc = self.ctx.doc
            doc.undo.push(SetFieldsCommand(doc, tr("Rename level"), [(level, "name", name)]))

    @guarded
    def remove_level(self) -> None:
        doc = self.ctx.doc
        level = self._level()
        if level is None:
            return
        if len(doc.plan.levels) < 2:
            self.ctx.status(tr("A plan keeps at least one level"), 5000)
            return
        n = sum(len(getattr(level, c)) for c in ("walls", "openings", "obstacles", "zones"))
        n += len(level.cameras) + len(level.signs)
        if not self.ctx.dialogs.confirm(
            tr("Remove level"),
            tr("Remove level {0} and the {1} objects on it? (Edit ▸ Undo brings it back.)").format(
                level.name or level.id, n
            ),
        ):
            return
        index = doc.plan.levels.index(level)
        doc.undo.push(LevelCommand(doc, tr("Remove level"), level, index, add=False))
        self._show(doc.plan.levels[max(0, index - 1)].id)

    def _move(self, step: int) -> None:
        doc = self.ctx.doc
        level = self._level()
        if level is None:
            return
        index = doc.plan.levels.index(level) + step
        if not 0 <= index < len(doc.plan.levels):
            return
        text = tr("Move level up") if step < 0 else tr("Move level down")
        doc.undo.push(MoveLevelCommand(doc, text, level, index))

    @guarded
    def move_level_up(self) -> None:
        self._move(-1)

    @guarded
    def move_level_down(self) -> None:
        self._move(1)

    # -- the floor below ---------------------------------------------------------------------
    def _item(self) -> FloorBelowItem:
        scene = self.ctx.scene
        item = self.floor_below
        if item is None or not shiboken6.isValid(item) or item.scene() is not scene:
            item = self.floor_below = FloorBelowItem()
            scene.addItem(item)
        return item

    @guarded
    def _update_floor_below(self, *_args: object) -> None:
        state = self.ctx.state
        below = level_below(self.ctx.doc.plan, state.level_id) if state.floor_below else None
        if below is None:
            if self.floor_below is not None and shiboken6.isValid(self.floor_below):
                self.floor_below.setVisible(False)
            return
        item = self._item()
        walls = state.walls.get(below.id)
        if walls is not None:
            path = QPainterPath(walls.path) if walls.path is not None else QPainterPath()
            for _digest, tile in walls.tiles.values():
                path.addPath(tile)
        else:  # until the worker's solids arrive: the centre lines
            path = QPainterPath()
            for wall in below.walls:
                path.addPath(polygon_path(wall.points, closed=False))
        item.level_id = below.id
        item.setPath(path)
        item.setToolTip(tr("Floor below: {0}").format(below.name or below.id))
        item.setVisible(True)

    def floor_below_rect(self) -> QRectF:
        item = self.floor_below
        if item is not None and shiboken6.isValid(item) and item.isVisible():
            return item.sceneBoundingRect()
        return QRectF()
