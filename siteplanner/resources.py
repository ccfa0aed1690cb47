"""Where the shipped resources (samples, fonts, schema, catalogue, translations) live."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    # A frozen build unpacks resources beside the executable; a checkout keeps them at the top.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_plan_path() -> Path:
    return resource("samples", "office.siteplan")
