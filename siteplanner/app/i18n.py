"""Interface languages: the translation files, the choice from the system locale, the menu.

Translations are Qt Linguist files in ``resources/translations`` (``siteplanner_zh_CN.ts``,
compiled to ``.qm`` by ``pyside6-lrelease``). When only the ``.ts`` is present (a checkout without
the compiled file), ``TsTranslator`` reads the XML directly so the language still works.
The choice is stored in QSettings under ``ui/language``. Choosing another language installs
its translators at once and asks the window to retranslate itself: widgets whose text is fixed
record its English source with ``keep_tr`` so that ``retranslate_tree`` can set it again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QToolBar,
    QWidget,
)

from siteplanner.resources import resource

if TYPE_CHECKING:
    from siteplanner.app.context import EditorContext

SETTINGS_KEY = "ui/language"
# Language code -> its own name (shown untranslated so anyone can find their language).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
SYSTEM = ""  # stored value meaning "follow the system locale"

_installed: list[QTranslator] = []
_current = "en"

# Words of the plan format shown in lists (zone kinds, places, DORI levels...): the plan keeps
# the English word, the interface shows tr(word). Marked here so that lupdate collects them.
VALUE_WORDS = (
    QT_TR_NOOP("door"),
    QT_TR_NOOP("window"),
    QT_TR_NOOP("collection"),
    QT_TR_NOOP("private"),
    QT_TR_NOOP("exclude"),
    QT_TR_NOOP("public"),
    QT_TR_NOOP("internal"),
    QT_TR_NOOP("polygon"),
    QT_TR_NOOP("rectangle"),
    QT_TR_NOOP("detection"),
    QT_TR_NOOP("observation"),
    QT_TR_NOOP("recognition"),
    QT_TR_NOOP("identification"),
    QT_TR_NOOP("True"),
    QT_TR_NOOP("False"),
    QT_TR_NOOP("Detection"),
    QT_TR_NOOP("Observation"),
    QT_TR_NOOP("Recognition"),
    QT_TR_NOOP("Identification"),
    QT_TR_NOOP("restroom"),
    QT_TR_NOOP("changing_room"),
    QT_TR_NOOP("bathhouse"),
    QT_TR_NOOP("guest_room"),
    QT_TR_NOOP("dormitory"),
    QT_TR_NOOP("lactation_room"),
    QT_TR_NOOP("toilet"),
    QT_TR_NOOP("locker_room"),
    QT_TR_NOOP("shower"),
    QT_TR_NOOP("sauna"),
    QT_TR_NOOP("edge"),
    QT_TR_NOOP("car_park"),
)


# Every source text translated so far, and its translations: texts made earlier (the name of an
# undo step) can then be shown again in another language.
_sources: dict[str, str] = {}  # translation -> source
_templates: dict[str, set[str]] = {}  # source with {0}-style fields -> its translations
_FIELD = re.compile(r"\{(\d+)(?::[^{}]*)?\}")


def tr(text: str) -> str:
    """Translate ``text``. Bare ``tr("...")`` calls are what ``pyside6-lupdate`` collects, under
    the empty context, anywhere in a module; so the whole interface uses this one helper."""
    out = QCoreApplication.translate("", text)
    if out != text:
        _sources[out] = text
    if "{" in text:
        _templates.setdefault(text, set()).add(out)
    return out


def retranslated(text: str) -> str:
    """``text``, made earlier by ``tr`` (perhaps with ``.format``), in the language now
    installed; a text not made by ``tr`` (a name) comes back as it is."""
    source = _sources.get(text)
    if source is None and tr(text) != text:
        source = text  # the English source itself
    if source is not None and not _FIELD.search(source):
        return tr(source)
    for template, forms in list(_templates.items()):
        for form in {template, *forms}:
            if not _FIELD.sub("", form).strip():
                continue  # a bare "{0}" would match anything
            m = re.fullmatch(_field_pattern(form), text, re.DOTALL)
            if m is None:
                continue
            order = [int(f.group(1)) for f in _FIELD.finditer(form)]
            values = dict(zip(order, m.groups(), strict=True))
            args = [retranslated(v) if v != text else v for _, v in sorted(values.items())]
            try:
                return tr(template).format(*args)
            except (IndexError, ValueError):
                return text
    return text


def _field_pattern(form: str) -> str:
    """A regular expression matching ``form`` with each of its fields filled in."""
    out, last = [], 0
    for m in _FIELD.finditer(form):
        out.append(re.escape(form[last : m.start()]))
        out.append("(.+?)")
        last = m.end()
    out.append(re.escape(form[last:]))
    return "".join(out)


# Dynamic properties holding a widget's English source text (and tool tip), and marking a
# combo box whose items show tr(item data).
_TR_TEXT = "siteplanner_tr_text"
_TR_TIP = "siteplanner_tr_tip"
_TR_ITEMS = "siteplanner_tr_items"


def _set_text(obj: QObject, text: str) -> None:
    if isinstance(obj, (QMenu, QGroupBox)):
        obj.setTitle(text)
    elif isinstance(obj, (QLabel, QAbstractButton)) or hasattr(obj, "setText"):
        obj.setText(text)  # type: ignore[attr-defined]
    elif isinstance(obj, (QDockWidget, QToolBar, QWidget)):
        obj.setWindowTitle(text)


def keep_tr(obj: Any, source: str | None, tip: str | None = None) -> Any:
    """Show ``tr(source)`` on ``obj`` (a label, button, action, menu, group box, dock or tool
    bar) and remember the source, so that a change of language shows it translated anew.
    ``tip``: its tool tip, likewise."""
    if source is not None:
        obj.setProperty(_TR_TEXT, source)
        _set_text(obj, tr(source))
    if tip is not None:
        obj.setProperty(_TR_TIP, tip)
        obj.setToolTip(tr(tip))
    return obj


def keep_tr_items(combo: QComboBox) -> QComboBox:
    """Mark a list whose items show the translation of their data (the plan's word)."""
    combo.setProperty(_TR_ITEMS, True)
    # Sized to its items whenever they change, not once at first show: a language's words
    # may be longer than the last one's.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for i in range(combo.count()):
        combo.setItemText(i, tr(str(combo.itemData(i))))
    return combo


def retranslate_tree(root: QObject) -> None:
    """Set again every text recorded with ``keep_tr``/``keep_tr_items`` under ``root``."""
    for obj in [root, *root.findChildren(QObject)]:
        source = obj.property(_TR_TEXT)
        if isinstance(source, str) and source:
            _set_text(obj, tr(source))
        tip = obj.property(_TR_TIP)
        if isinstance(tip, str) and tip:
            obj.setToolTip(tr(tip))  # type: ignore[attr-defined]
        if isinstance(obj, QComboBox) and obj.property(_TR_ITEMS):
            for i in range(obj.count()):
                obj.setItemText(i, tr(str(obj.itemData(i))))


def current_language() -> str:
    """The language the interface was started in (its translators)."""
    return _current


def system_language(locale: QLocale | None = None) -> str:
    """The shipped language closest to ``locale`` (default: the system's)."""
    loc = locale if locale is not None else QLocale.system()
    # Simplified Chinese is the only Chinese shipped; readers of Traditional get it over English.
    if loc.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return "en"


def stored_language(settings: QSettings | None = None) -> str:
    """The stored choice: a code from LANGUAGES, or SYSTEM."""
    s = settings if settings is not None else QSettings()
    value = s.value(SETTINGS_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def chosen_language(settings: QSettings | None = None, locale: QLocale | None = None) -> str:
    code = stored_language(settings)
    return code if code else system_language(locale)


def translations_dir() -> Path:
    return resource("translations")


class TsTranslator(QTranslator):
    """Reads a Linguist ``.ts`` file directly (fallback when no compiled ``.qm`` exists)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._table: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                source = msg.findtext("source")
                node = msg.find("translation")
                if source is None or node is None or node.get("type") in ("unfinished", "obsolete"):
                    continue
                if node.text:
                    self._table[(name, source)] = node.text

    def isEmpty(self) -> bool:
        return not self._table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._table.get((context, source), "")


def load_translator(code: str) -> QTranslator | None:
    """Our translator for ``code`` or None for English (the source language)."""
    if code == "en":
        return None
    base = translations_dir() / f"siteplanner_{code}"
    qm = base.with_suffix(".qm")
    if qm.exists():
        t = QTranslator()
        if t.load(str(qm)):
            return t
    ts = base.with_suffix(".ts")
    if ts.exists():
        t2 = TsTranslator(ts)
        if not t2.isEmpty():
            return t2
    return None


def install_translators(code: str | None = None) -> str:
    """Install the chosen language's translators on the running application; returns the code.

    Qt's own strings (standard buttons, file dialogs) come from Qt's shipped ``qtbase`` file.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    global _current
    lang = code if code is not None else chosen_language()
    _current = lang
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    # Plans carry Chinese names (operator, zones) whatever the interface language: the font is
    # needed in English too, or those names show as empty boxes where no CJK font is installed.
    _add_cjk_font()
    if lang == "en":
        return lang
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir):
        _installed.append(qt)
    ours = load_translator(lang)
    if ours is not None:
        _installed.append(ours)
    for t in _installed:
        app.installTranslator(t)
    return lang


_cjk_font_added = False


def _add_cjk_font() -> None:
    """Ship the CJK font with the program so Chinese shows even where none is installed."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    global _cjk_font_added
    font = resource("fonts", "wqy-microhei.ttc")
    app = QCoreApplication.instance()
    if not _cjk_font_added and isinstance(app, QGuiApplication) and font.exists():
        _cjk_font_added = QFontDatabase.addApplicationFont(str(font)) >= 0


class LanguageChoice(QObject):
    """View ▸ Language: stores the choice and switches the running interface to it."""

    def __init__(self, ctx: EditorContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx

    def actions_ready(self) -> None:
        current = stored_language()
        act = self.ctx.actions.get(f"language_{current or 'system'}")
        if act is not None:
            act.setChecked(True)

    def choose(self, code: str) -> None:
        code = code or SYSTEM
        QSettings().setValue(SETTINGS_KEY, code)
        lang = code if code else system_language()
        if lang == _current:
            return
        install_translators(lang)
        retranslate = getattr(self.ctx.window, "retranslate", None)
        if retranslate is not None:
            retranslate()
