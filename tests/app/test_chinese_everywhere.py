"""In Chinese, no English word is left where a user reads: a walk over the whole window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QToolBar,
    QTreeWidget,
    QWidget,
)

from siteplanner.app import i18n
from siteplanner.app.settings_ui import pack_title
from siteplanner.app.signs_ui import SignOptions, SignOptionsDialog
from siteplanner.compliance import load_pack
from siteplanner.compliance.packs import available_packs
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import wait_analysis

# Words that stay as they are in Chinese: units, formats, standards, product and key names.
ALLOWED = {
    "m",
    "mm",
    "cm",
    "km",
    "px",
    "MP",
    "ft",
    "in",
    "DORI",
    "PDF",
    "CSV",
    "QR",
    "SVG",
    "PNG",
    "DXF",
    "GeoJSON",
    "JSON",
    "URL",
    "SitePlanner",
    # Names of laws and authorities, cited in Chinese text as they are.
    "GDPR",
    "UK",
    "ICO",
    "Ctrl",
    "Shift",
    "Alt",
    "Del",
    "Esc",
    "Enter",
    "Tab",
    "Backspace",
    "English",
    "Deutsch",
    "A4",
    "A3",
    "letter",
    "FOV",
    "ID",
    "Qt",
    "Python",
    "PySide6",
    "siteplan",
    "jpg",
    "jpeg",
    "png",
    "json",
    "pdf",
    "csv",
    "svg",
    "dxf",
    "geojson",
    "ISO",  # a standard cited by name
    "dome",
    "varifocal",  # the catalogue filter's example words: the catalogue's own English
}
# Words in Latin letters (accented ones too, so that "Français" is one word, and not English).
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9_'’-]*")
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")


def plan_words(plan) -> set[str]:
    """Names and ids the user typed or the plan carries: shown as they are."""
    texts = [plan.name, plan.rules, *plan.organization.model_dump().values()]
    texts += [m.id for m in plan.camera_models] + available_packs()
    for lv in plan.levels:
        texts += [lv.id, lv.name]
        for coll in ("walls", "openings", "obstacles", "zones", "cameras", "signs"):
            for o in getattr(lv, coll):
                texts += [o.id, getattr(o, "name", ""), getattr(o, "model", "")]
    return {w for t in texts if isinstance(t, str) for w in WORD.findall(t)}


def english_words(text: str, allowed: set[str]) -> list[str]:
    text = text.replace("&&", "").replace("&", "")
    return [
        w
        for w in WORD.findall(text)
        if len(w) > 1 and w.isascii() and w not in allowed and not RULE_ID.match(w)
    ]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can read in ``root``'s widgets and actions."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            out.append((where, text))

    for w in [root, *root.findChildren(QWidget)]:
        if w.isHidden() and not isinstance(w, QMenu | QDockWidget):
            continue  # not shown (menus and docks can be opened)
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QDockWidget | QToolBar):
            add(name, w.windowTitle())
        elif isinstance(w, QMenu):
            add(name, w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name}[{i}]", w.itemText(i))
        elif isinstance(w, QLineEdit):
            add(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QTreeWidget):
            head = w.headerItem()
            for c in range(w.columnCount()):
                add(f"{name}.header", head.text(c))
            for i in range(w.topLevelItemCount()):
                add(f"{name}.row{i}", w.topLevelItem(i).text(0))
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                add(f"{name}.header", item.text() if item else "")
        if isinstance(w, QWidget) and not isinstance(w, QHeaderView):
            add(name + ".tip", w.toolTip())
        for a in w.actions():
            add(f"action:{a.objectName()}", a.text())
            add(f"action:{a.objectName()}.tip", a.toolTip())
    for a in root.findChildren(QAction):
        add(f"action:{a.objectName()}", a.text())
    return out


@pytest.fixture
def chinese(qapp):
    i18n.install_translators("zh_CN")
    yield
    i18n.install_translators("en")
    QSettings().remove(i18n.SETTINGS_KEY)


def leftovers(root: QWidget, allowed: set[str]) -> list[str]:
    return sorted(
        {
            f"{where}: {text!r}"
            for where, text in visible_texts(root)
            if english_words(text, allowed)
        }
    )


def test_whole_window_in_chinese(chinese, make_window, qtbot):
    plan = load_plan(sample_plan_path())
    allowed = ALLOWED | plan_words(plan)
    win = make_window(plan, None)
    wait_analysis(qtbot, win)
    problems = leftovers(win, allowed)
    # Each kind of object shows its properties (with its lists) in Chinese.
    for oid in ("w-outer", "d-entrance", "shelf-1", "z-lobby", "z-wc", "c-lobby", "s-entrance"):
        assert win.focus_object(oid)
        win.properties_panel.refresh()
        problems += [f"[{oid}] {p}" for p in leftovers(win.properties_panel, allowed)]
    # Edits name themselves in Chinese in the undo history.
    assert win.focus_object("c-lobby")
    QTest.keyClick(win.view, Qt.Key.Key_Right)
    height = win.properties_panel.editors["height_m"]
    height.setFocus()
    height.selectAll()
    QTest.keyClicks(height, "2.9")
    QTest.keyClick(height, Qt.Key.Key_Return)
    face = win.properties_panel.editors["face_recognition"]
    face.setCurrentIndex(1)
    face.activated.emit(1)
    win.actions_by_name["site_settings"].trigger()
    dialog = win.settings_ui.dialog
    problems += [f"[settings] {p}" for p in leftovers(dialog, allowed)]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"  # Qt's own buttons, from Qt's Chinese translation
    dialog.retention.setValue(60)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert win.doc.plan.organization.retention_days == 60
    # Each tool's hint in the status bar, and the dialogs of the Help menu.
    for name in win.tools:
        win.set_tool(name)
        hint = win.statusBar().currentMessage()
        if english_words(hint, allowed):
            problems.append(f"tool {name} hint: {hint!r}")
    win.set_tool("select")
    win.actions_by_name["keyboard_shortcuts"].trigger()
    shortcuts = win.targets["shortcuts"].dialog
    problems += [f"[shortcuts] {p}" for p in leftovers(shortcuts, allowed)]
    table = shortcuts.findChild(QTableWidget, "shortcuts_table")
    for r in range(table.rowCount()):
        for c in range(2):
            if english_words(table.item(r, c).text(), allowed):
                problems.append(f"[shortcuts] row {r}: {table.item(r, c).text()!r}")
    shortcuts.close()
    signs = SignOptionsDialog(win, SignOptions(), True, load_pack(plan.rules))
    problems += [f"[sign options] {p}" for p in leftovers(signs, allowed)]
    paper = signs.paper
    paper.setCurrentIndex(paper.count() - 1)
    assert paper.currentText() == "美国信纸" and signs.options().paper == "letter"
    signs.deleteLater()
    win.actions_by_name["getting_started"].trigger()
    problems += [f"[guide] {p}" for p in leftovers(win.help.dialog, allowed)]
    win.help.dialog.close()
    undo = win.doc.undo
    assert undo.count() == 4
    for i in range(undo.count()):
        if english_words(undo.text(i), allowed):
            problems.append(f"undo step {i}: {undo.text(i)!r}")
    problems += [f"[menu] {p}" for p in leftovers(win, allowed) if "action:undo" in p]
    wait_analysis(qtbot, win)
    findings = win.findings_panel
    for i in range(findings.topLevelItemCount()):
        for c in (0, 3):
            text = findings.topLevelItem(i).text(c)
            if english_words(text, allowed):
                problems.append(f"finding {i} column {c}: {text!r}")
    # A rule pack without a Chinese title would be named by its own English title.
    english_only = [
        pack_title(p) for p in available_packs() if pack_title(p) == pack_title(p, "en")
    ]
    problems = [p for p in problems if not any(t in p for t in english_only)]
    assert problems == [], "\n".join(problems)


def test_the_walk_finds_english_in_english(make_window):
    """The check above can fail: the same walk in English finds the English words."""
    plan = load_plan(sample_plan_path())
    win = make_window(plan, None)
    found = leftovers(win, ALLOWED | plan_words(plan))
    assert len(found) > 50
    assert any("'&File'" in p for p in found)
    assert any("Snap to grid" in p for p in found)
