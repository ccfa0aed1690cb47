"""One boundary for Qt event handlers and slots: an unexpected Python error is reported, not fatal.

An exception escaping into Qt's C++ event loop can take PySide6 down with a segmentation fault,
losing the user's work. Every handler Qt calls into (canvas events, panel slots) is wrapped by
:func:`guarded`: the error is logged with its traceback, reported once in the window's status
bar, and the widget's own ``recover_from_error`` (if any) abandons the half-done gesture. The
model and undo stack are only changed by complete undo commands, so they stay as they were.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QGraphicsScene, QWidget

log = logging.getLogger("siteplanner.app")

F = TypeVar("F", bound=Callable[..., Any])


def _window_of(owner: object) -> Any:
    win = getattr(owner, "win", None)
    if win is not None:
        return win
    if isinstance(owner, QWidget):
        return owner.window()
    if isinstance(owner, QGraphicsScene) and owner.views():
        return owner.views()[0].window()
    return QApplication.activeWindow()


def report_unexpected(owner: object, exc: BaseException) -> None:
    """Log ``exc`` and tell the user through the owner's window; never raises itself."""
    try:
        log.error("unexpected error in %s", type(owner).__name__, exc_info=exc)
        recover = getattr(owner, "recover_from_error", None)
        if recover is not None:
            recover()
        win = _window_of(owner)
        show = getattr(win, "show_unexpected_error", None)
        if show is not None:
            show(exc)
    except Exception:  # reporting must never be the thing that crashes the editor
        log.exception("could not report an unexpected error")


def guarded(func: F) -> F:
    """Wrap a Qt event handler or slot (a method) so that no exception escapes into Qt."""

    @functools.wraps(func)
    def wrapper(self: object, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(self, *args, **kwargs)
        except Exception as exc:
            report_unexpected(self, exc)
            return None

    return wrapper  # type: ignore[return-value]
