"""The drawing underlay: the vector drawing an import keeps with a level, drawn faintly under
the plan, its layers switched on and off in a dock, its lines offered to snapping.

The arrays come from :mod:`siteplanner.editing.underlay` (which the snapping index shares).
Each layer is cut into square tiles, one path item each: the scene's index then paints only the
tiles in view when panning over a large drawing, and the paths are built once per underlay (a
layer switched on or off only shows or hides its items).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsPathItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.document import Document
from siteplanner.app.i18n import keep_tr, tr
from siteplanner.app.style import plain_label
from siteplanner.editing.underlay import Underlay, UnderlayLayer, parse_underlay, underlay_of
from siteplanner.editing.underlay import with_hidden as underlay_with_hidden
from siteplanner.model import Level
from siteplanner.model.ids import ID_PREFIX

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

Z_UNDERLAY = -90  # over a background image, under every plan item
TILE_M = 24.0
# Walls a little darker than the rest: what one traces first.
PEN = QColor(110, 116, 128, 150)
PEN_WALL = QColor(80, 86, 98, 190)
# What an imported layer was taken for (the import's role names; "" when none was recognised).
ROLE_LABELS = {
    "": QT_TR_NOOP("not recognised"),
    "wall": QT_TR_NOOP("wall"),
    "door": QT_TR_NOOP("door"),
    "window": QT_TR_NOOP("window"),
    "column": QT_TR_NOOP("column / obstacle"),
    "room": QT_TR_NOOP("room boundary"),
    "room-name": QT_TR_NOOP("room name text"),
    "ignore": QT_TR_NOOP("ignore"),
}


def layer_tiles(
    layer: UnderlayLayer, tile_m: float = TILE_M
) -> dict[tuple[int, int], QPainterPath]:
    """The layer's polylines as one path per square tile (by the middle of each polyline's
    bounding box), in plan metres."""
    pts, starts = layer.points, layer.starts
    if layer.count == 0:
        return {}
    # Per polyline bounding box middle, vectorised over the flat point array.
    lo = np.minimum.reduceat(pts, starts[:-1], axis=0)
    hi = np.maximum.reduceat(pts, starts[:-1], axis=0)
    keys = np.floor((lo + hi) / 2 / tile_m).astype(np.int64)
    order = np.lexsort((keys[:, 1], keys[:, 0]))
    out: dict[tuple[int, int], QPainterPath] = {}
    flat = pts.tolist()
    for k in order.tolist():
        key = (int(keys[k, 0]), int(keys[k, 1]))
        path = out.get(key)
        if path is None:
            path = out[key] = QPainterPath()
        a, b = int(starts[k]), int(starts[k + 1])
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in flat[a:b]]))
    return out


class UnderlayItems:
    """The path items of one level's underlay in a scene, per layer and tile."""

    def __init__(self, scene: QGraphicsScene, underlay: Underlay) -> None:
        self.scene = scene
        self.items: dict[str, list[QGraphicsPathItem]] = {}
        for name, layer in underlay.layers.items():
            pen = QPen(PEN_WALL if layer.role == "wall" else PEN, 0)
            pen.setCosmetic(True)  # a hairline at every zoom
            items = []
            for path in layer_tiles(layer).values():
                item = QGraphicsPathItem(path)
                item.setPen(pen)
                item.setZValue(Z_UNDERLAY)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                item.setData(0, "underlay")
                scene.addItem(item)
                items.append(item)
            self.items[name] = items
        self.show(underlay.hidden)

    def alive(self) -> bool:
        return all(
            shiboken6.isValid(i) and i.scene() is self.scene
            for items in self.items.values()
            for i in items
        )

    def show(self, hidden: frozenset[str] | set[str]) -> None:
        for name, items in self.items.items():
            for item in items:
                item.setVisible(name not in hidden)

    def rect(self) -> QRectF:
        rect = QRectF()
        for items in self.items.values():
            for item in items:
                if item.isVisible():
                    rect = rect.united(item.sceneBoundingRect())
        return rect

    def remove(self) -> None:
        for items in self.items.values():
            for item in items:
                if shiboken6.isValid(item) and item.scene() is self.scene:
                    self.scene.removeItem(item)
        self.items = {}


class ImportDrawingCommand(QUndoCommand):
    """An imported drawing as one undo step: a new level (``into`` None), or the imported
    level's walls, openings, obstacles, zones and underlay added to the level ``into``."""

    def __init__(self, doc: Document, text: str, imported: Level, into: Level | None) -> None:
        super().__init__(text)
        self.doc = doc
        self.imported = imported
        self.into = into
        self.index = len(doc.plan.levels)
        self.objects = [
            (coll, obj) for coll in ID_PREFIX for obj in getattr(imported, coll) if into
        ]
        self.underlay = getattr(imported, "underlay", None)
        self.old_underlay = getattr(into, "underlay", None) if into is not None else None

    def redo(self) -> None:
        if self.into is None:
            self.doc.plan.levels.insert(self.index, self.imported)
        else:
            for coll, obj in self.objects:
                getattr(self.into, coll).append(obj)
            self.into.underlay = self.underlay  # type: ignore[attr-defined]
        self.doc.notify()

    def undo(self) -> None:
        if self.into is None:
            self.doc.plan.levels.remove(self.imported)
        else:
            for coll, obj in reversed(self.objects):
                getattr(self.into, coll).remove(obj)
            if self.old_underlay is None:
                delattr(self.into, "underlay")  # the key the level did not have
            else:
                self.into.underlay = self.old_underlay  # type: ignore[attr-defined]
        self.doc.notify()


class UnderlayPanel(QWidget):
    """The layers of the shown level's underlay, each with a box that shows or hides it."""

    def __init__(self, feature: UnderlayFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feature = feature
        self.setObjectName("underlay_panel")
        box = QVBoxLayout(self)
        self.label = plain_label(QLabel())
        self.label.setWordWrap(True)
        box.addWidget(self.label)
        self.layers = QListWidget()
        self.layers.setObjectName("underlay_layers")
        box.addWidget(self.layers, 1)
        row = QHBoxLayout()
        self.show_all = keep_tr(QPushButton(), QT_TR_NOOP("Show All"))
        self.show_all.setObjectName("underlay_show_all")
        self.hide_all = keep_tr(QPushButton(), QT_TR_NOOP("Hide All"))
        self.hide_all.setObjectName("underlay_hide_all")
        self.remove_button = keep_tr(QPushButton(), QT_TR_NOOP("Remove"))
        self.remove_button.setObjectName("underlay_remove")
        for b in (self.show_all, self.hide_all, self.remove_button):
            row.addWidget(b)
        box.addLayout(row)
        self._syncing = False
        self.layers.itemChanged.connect(self._item_changed)
        self.show_all.clicked.connect(lambda: feature.set_hidden(set()))
        self.hide_all.clicked.connect(lambda: feature.set_hidden(set(feature.layer_names())))
        self.remove_button.clicked.connect(feature.remove)

    def sync(self, underlay: Underlay | None, source: str) -> None:
        self._syncing = True
        try:
            self.layers.clear()
            has = underlay is not None and bool(underlay.layers)
            for w in (self.show_all, self.hide_all, self.remove_button, self.layers):
                w.setEnabled(has)
            if underlay is None or not has:
                self.label.setText(tr("No drawing under this level: File ▸ Import Drawing…"))
                return
            self.label.setText(source)
            for name, layer in underlay.layers.items():
                role = tr(ROLE_LABELS.get(layer.role, layer.role))
                item = QListWidgetItem(f"{name}  ({layer.count})")
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setToolTip(tr("Imported as: {0}").format(role))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Unchecked if name in underlay.hidden else Qt.CheckState.Checked
                )
                self.layers.addItem(item)
        finally:
            self._syncing = False

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        hidden = set()
        for i in range(self.layers.count()):
            it = self.layers.item(i)
            if it.checkState() != Qt.CheckState.Checked:
                hidden.add(it.data(Qt.ItemDataRole.UserRole))
        self.feature.set_hidden(hidden)


class UnderlayFeature(QObject):
    """Draws the shown level's underlay and runs its dock; Fit to View takes it in."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._shown: tuple[Any, Any] | None = None  # (level, layers mapping) drawn
        self._items: UnderlayItems | None = None
        self.underlay: Underlay | None = None
        self.panel = UnderlayPanel(self)
        self.dock = keep_tr(QDockWidget(ctx.window), QT_TR_NOOP("Drawing underlay"))
        self.dock.setObjectName("dock_underlay")
        self.dock.setWidget(self.panel)
        ctx.doc.changed.connect(self.refresh)
        ctx.doc.replaced.connect(self.refresh)
        ctx.state.level_changed.connect(self.refresh)
        ctx.scene.content_sources.append(self.rect)
        self.refresh()

    def level(self) -> Level | None:
        return self.ctx.scene.level()

    def data(self) -> Mapping[str, Any] | None:
        level = self.level()
        return underlay_of(level) if level is not None else None

    def layer_names(self) -> list[str]:
        return list(self.underlay.layers) if self.underlay is not None else []

    @property
    def items(self) -> dict[str, list[QGraphicsPathItem]]:
        return self._items.items if self._items is not None else {}

    def refresh(self, *_args: object) -> None:
        level = self.level()
        data = self.data()
        # The paths stay while the level and its drawing do: switching a layer replaces only
        # the mapping around the same layers.
        key = (level, data.get("layers")) if data is not None else None
        if self._items is not None and (
            key is None
            or self._shown is None
            or key[0] is not self._shown[0]
            or key[1] is not self._shown[1]
            or not self._items.alive()
        ):
            self._items.remove()
            self._items = None
            self.underlay = None
        if data is not None and self._items is None:
            self.underlay = parse_underlay(data)
            self._items = UnderlayItems(self.ctx.scene, self.underlay)
            self._shown = key
            self.ctx.scene.update_scene_rect()
        elif data is not None and self.underlay is not None:
            hidden = parse_underlay({"layers": {}, "hidden": data.get("hidden")}).hidden
            if hidden != self.underlay.hidden:
                self.underlay = Underlay(self.underlay.layers, hidden, self.underlay.texts)
                assert self._items is not None
                self._items.show(hidden)
        source = str(data.get("source", "")) if data is not None else ""
        self.panel.sync(self.underlay, source)

    def rect(self) -> QRectF:
        return self._items.rect() if self._items is not None else QRectF()

    def retranslate(self) -> None:
        """The dock's rows (their roles) and its note, in the language just chosen."""
        self.refresh()

    def set_hidden(self, hidden: set[str]) -> None:
        level, data = self.level(), self.data()
        if level is None or data is None or set(data.get("hidden") or []) == hidden:
            return
        self.ctx.doc.undo.push(
            SetFieldsCommand(
                self.ctx.doc,
                tr("Show or hide underlay layers"),
                [(level, "underlay", underlay_with_hidden(data, hidden))],
            )
        )

    def remove(self) -> None:
        level = self.level()
        if level is None or self.data() is None:
            return
        self.ctx.doc.undo.push(_RemoveUnderlay(self.ctx.doc, level))


class _RemoveUnderlay(QUndoCommand):
    def __init__(self, doc: Document, level: Level) -> None:
        super().__init__(tr("Remove drawing underlay"))
        self.doc, self.level = doc, level
        self.old = getattr(level, "underlay", None)

    def redo(self) -> None:
        delattr(self.level, "underlay")
        self.doc.notify()

    def undo(self) -> None:
        self.level.underlay = self.old  # type: ignore[attr-defined]
        self.doc.notify()
