"""The bundle's entry point: the same front door as ``siteplanner`` from a wheel.

A desktop opens a document by handing the program its path alone (a file association on Windows
and Linux, Finder through PyInstaller's argv emulation on macOS): that means "open it in the
editor". ``freeze_support`` lets a frozen program start worker processes where Python spawns them.
"""

import multiprocessing
import sys

from siteplanner.__main__ import entry


def _document_to_open(argv: list[str]) -> list[str]:
    args = argv[1:]
    if len(args) == 1 and args[0].lower().endswith(".siteplan"):
        return [argv[0], "open", args[0]]
    return argv


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.argv = _document_to_open(sys.argv)
    entry()
