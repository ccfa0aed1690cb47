"""Drive the real editor with random clicks and keys (``python -m tests.app.soak PLAN N SEED``).

Run by ``tests/app/test_soak.py`` under a real X server (Xvfb), where a widget deleted inside
its own signal crashes the process. Prints ``SOAK OK`` and the numbers of actions of each kind
when the editor survived and its plan saves and loads back unchanged.
"""

from __future__ import annotations

import os
import random
import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

CANVAS_KEYS = [K.Key_Escape, K.Key_Return, K.Key_Delete, K.Key_Left, K.Key_Right, K.Key_Up]
CANVAS_KEYS += [K.Key_Down, K.Key_F]
TOOL_KEYS = [K.Key_V, K.Key_W, K.Key_D, K.Key_O, K.Key_Z, K.Key_C, K.Key_S, K.Key_M]
TRACE = bool(os.environ.get("SITEPLANNER_SOAK_TRACE"))
TEXTS = ["2.5", "0", "-1", "abc", "", "1e9", "3,2", "<b>x</b>", "12' 6\"", "800x600", "c1, c2"]


class Soak:
    def __init__(self, win, rng: random.Random) -> None:
        self.win = win
        self.rng = rng
        self.done: Counter[str] = Counter()
        self.modals = 0

    # -- where things are ------------------------------------------------------------------
    def canvas_point(self) -> QPoint:
        rect = self.win.scene.itemsBoundingRect()
        if rect.isEmpty():
            rect.setRect(-5, -5, 20, 20)
        x = self.rng.uniform(rect.left(), rect.right())
        y = self.rng.uniform(rect.top(), rect.bottom())
        if self.rng.random() < 0.4:  # aim at an object: most clicks should hit something
            items = [i for i in self.win.scene.items() if i.isVisible() and i.flags()]
            if items:
                c = self.rng.choice(items).sceneBoundingRect().center()
                x, y = c.x(), c.y()
        return self.win.view.mapFromScene(QPointF(x, y))

    # -- actions -----------------------------------------------------------------------------
    def click_canvas(self) -> None:
        mods = CTRL if self.rng.random() < 0.1 else NONE
        QTest.mouseClick(self.win.view.viewport(), LEFT, mods, self.canvas_point())

    def double_click_canvas(self) -> None:
        QTest.mouseDClick(self.win.view.viewport(), LEFT, NONE, self.canvas_point())

    def drag_canvas(self) -> None:
        port = self.win.view.viewport()
        a, b = self.canvas_point(), self.canvas_point()
        QTest.mousePress(port, LEFT, NONE, a)
        for i in range(1, 5):
            QTest.mouseMove(port, a + (b - a) * (i / 4))
        QTest.mouseRelease(port, LEFT, NONE, b)

    def canvas_key(self) -> None:
        QTest.keyClick(self.win.view, self.rng.choice(CANVAS_KEYS), NONE)

    def tool_key(self) -> None:
        QTest.keyClick(self.win.view, self.rng.choice(TOOL_KEYS), NONE)

    def edit_key(self) -> None:
        """Select all, copy, cut, paste: whole-selection edits the panel must follow."""
        QTest.keyClick(self.win.view, self.rng.choice([K.Key_A, K.Key_C, K.Key_X, K.Key_V]), CTRL)

    def undo_redo(self) -> None:
        if self.rng.random() < 0.6:
            QTest.keyClick(self.win.view, K.Key_Z, CTRL)
        else:
            QTest.keyClick(self.win.view, K.Key_Z, CTRL | SHIFT)

    def property_edit(self) -> None:
        editors = [w for w in self.win.properties_panel.editors.values() if w.isVisible()]
        if not editors:
            return self.click_canvas()
        w = self.rng.choice(editors)
        if isinstance(w, QCheckBox):
            QTest.mouseClick(w, LEFT, NONE, QPoint(7, w.height() // 2))
        elif isinstance(w, QComboBox):
            w.setFocus()
            if self.rng.random() < 0.5:
                QTest.keyClick(w, self.rng.choice([K.Key_Down, K.Key_Up]))
            else:
                w.showPopup()
                QTest.qWait(5)
                view = w.view()
                QTest.keyClick(view, self.rng.choice([K.Key_Down, K.Key_Up]))
                QTest.keyClick(view, K.Key_Return)
        elif isinstance(w, QLineEdit):
            w.setFocus()
            w.selectAll()
            QTest.keyClicks(w, self.rng.choice(TEXTS))
            QTest.keyClick(w, K.Key_Return)
        return None

    def switch_level(self) -> None:
        panel = self.win.levels_panel
        if panel.count():
            item = panel.item(self.rng.randrange(panel.count()))
            rect = panel.visualItemRect(item)
            QTest.mouseClick(panel.viewport(), LEFT, NONE, rect.center())

    def add_or_remove_level(self) -> None:
        if self.rng.random() < 0.5:
            self.win.levels_panel.add_level()
        else:
            self.win.levels_panel.remove_level()

    ACTIONS = [
        (click_canvas, 24),
        (double_click_canvas, 4),
        (drag_canvas, 10),
        (canvas_key, 12),
        (tool_key, 10),
        (undo_redo, 12),
        (edit_key, 4),
        (property_edit, 26),
        (switch_level, 2),
        (add_or_remove_level, 1),
    ]

    def close_modals(self) -> None:
        """Nothing here should open a dialog; if one does, close it rather than hang."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.modals += 1
            modal.close()

    def run(self, actions: int) -> None:
        funcs = [f for f, _ in self.ACTIONS]
        weights = [w for _, w in self.ACTIONS]
        guard = QTimer()
        guard.timeout.connect(self.close_modals)
        guard.start(200)
        for _ in range(actions):
            f = self.rng.choices(funcs, weights)[0]
            if TRACE:
                tool = getattr(self.win.tool, "name", "?")
                sel = [o.id for _c, o in self.win.scene.selected_objects()]
                print(f"{f.__name__} tool={tool} sel={sel}", file=sys.stderr, flush=True)
            f(self)
            self.done[f.__name__] += 1
            QApplication.processEvents()
        guard.stop()


def crash_cases(win) -> str:
    """What crashed the editor under X: a zone's Place and a camera's Face recognition chosen
    with the keyboard, a door's See-through clicked. Each edit must reach the model."""
    level = win.doc.plan.levels[0]
    undo = win.doc.undo

    def select(obj) -> None:
        win.scene.clearSelection()
        win.scene.item_by_id(obj.id).setSelected(True)
        QApplication.processEvents()

    counts = Counter()
    zone, camera, door = level.zones[0], level.cameras[0], level.openings[0]
    for _ in range(5):
        select(zone)
        combo = win.properties_panel.findChild(QComboBox, "prop_place")
        before = zone.place
        combo.setFocus()
        QTest.keyClick(combo, K.Key_Down if combo.currentIndex() < combo.count() - 1 else K.Key_Up)
        QApplication.processEvents()
        counts["place"] += zone.place != before

        select(camera)
        combo = win.properties_panel.findChild(QComboBox, "prop_face_recognition")
        before = camera.face_recognition
        combo.setFocus()
        combo.showPopup()
        QTest.qWait(20)
        down = combo.currentIndex() < combo.count() - 1
        QTest.keyClick(combo.view(), K.Key_Down if down else K.Key_Up)
        QTest.keyClick(combo.view(), K.Key_Return)
        QApplication.processEvents()
        counts["face"] += camera.face_recognition != before

        select(door)
        box = win.properties_panel.findChild(QCheckBox, "prop_transparent")
        before = door.transparent
        QTest.mouseClick(box, LEFT, NONE, QPoint(7, box.height() // 2))
        QApplication.processEvents()
        counts["see_through"] += door.transparent != before
        # The same editor shows the new value: it was updated in place, not replaced.
        assert box is win.properties_panel.findChild(QCheckBox, "prop_transparent")
        assert box.isChecked() == door.transparent
    while undo.canUndo():
        undo.undo()
    QApplication.processEvents()
    return " ".join(f"{k}={v}" for k, v in counts.items())


def main(argv: list[str]) -> int:
    plan_path, actions, seed = Path(argv[0]), int(argv[1]), int(argv[2])
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("SitePlanner")
    app.setApplicationName("SitePlanner soak")

    from siteplanner.app import autosave
    from siteplanner.app.main_window import MainWindow
    from siteplanner.fileformat import load_plan, plan_to_data, save_plan
    from tests.app.conftest import ScriptedDialogs

    autosave.recovery_dir = lambda: plan_path.parent / "recovery"  # type: ignore[assignment]
    win = MainWindow(dialogs=ScriptedDialogs())
    win.resize(1200, 800)
    win.show()
    QTest.qWaitForWindowExposed(win)
    assert win.file.open_path(plan_path)
    win.activateWindow()
    win.view.setFocus()
    win.view.fit()
    print(f"CASES OK {crash_cases(win)}", flush=True)
    soak = Soak(win, random.Random(seed))
    soak.run(actions)

    # Alive, and the plan it holds is a valid plan that saves and reads back the same.
    assert win.isVisible()
    out = plan_path.with_name("after-soak.siteplan")
    save_plan(win.doc.plan, out)
    again = load_plan(out)
    assert plan_to_data(again) == plan_to_data(win.doc.plan)
    undo = win.doc.undo
    print(
        f"SOAK OK actions={sum(soak.done.values())} undo_steps={undo.count()} "
        f"modals={soak.modals} " + " ".join(f"{k}={v}" for k, v in sorted(soak.done.items())),
        flush=True,
    )
    undo.setClean()
    win.runner.shutdown()
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
