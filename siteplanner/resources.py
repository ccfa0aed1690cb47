"""Where the shipped resources (samples, fonts, schema, catalogue, translations, icons) live.

They are the package ``siteplanner._resources`` (the top-level ``resources/`` folder of the source
tree, mapped into the package at build time), read with ``importlib.resources``: the same call
finds them in a checkout's editable install, an installed wheel and the frozen bundle.

Callers get real filesystem paths, because ReportLab, Qt's font database and Qt's translator open
files by name. Installs that keep the package inside a zip archive get a one-time copy.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "siteplanner._resources"


@functools.cache
def resources_dir() -> Path:
    root = files(PACKAGE)
    if isinstance(root, Path):
        return root
    target = Path(tempfile.mkdtemp(prefix="siteplanner-resources-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    return extract(root, target)


def extract(tree: Traversable, target: Path) -> Path:
    """Copy a resource tree that is not on the filesystem (a zip archive) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in tree.iterdir():
        if entry.is_dir():
            extract(entry, target / entry.name)
        elif not entry.name.endswith((".py", ".pyc")):
            (target / entry.name).write_bytes(entry.read_bytes())
    return target


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_plan_path() -> Path:
    return resource("samples", "office.siteplan")
