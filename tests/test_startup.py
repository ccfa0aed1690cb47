"""`siteplanner --version` answers without loading the engine, so that a desktop bundle (cold
disk, no byte-code cache warmed) prints it in well under a second."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
sys.argv = ["siteplanner", "--version"]
from siteplanner.__main__ import entry
try:
    entry()
except SystemExit as exit:
    code = exit.code
engine = ("numpy", "shapely", "pydantic", "reportlab", "PySide6")
heavy = sorted(m for m in engine if m in sys.modules)
print(code, ",".join(heavy) or "-")
"""


def test_version_loads_no_engine_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("siteplanner ")
    assert lines[-1] == "0 -"
