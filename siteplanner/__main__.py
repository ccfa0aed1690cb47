"""The program's front door (``siteplanner``, ``python -m siteplanner``): ``open`` starts the
editor, every other command is the command line's. It sits above both, so that the command line
never imports the editor."""

from __future__ import annotations

from siteplanner.cli import entry as cli_entry


def open_editor(plan: str | None, screenshot: str | None) -> int:
    # Qt is loaded only when the editor is wanted: the batch commands start faster without it.
    from siteplanner.app.main import run_editor

    return run_editor(plan, screenshot=screenshot)


def entry() -> None:
    cli_entry(editor=open_editor)


if __name__ == "__main__":
    entry()
