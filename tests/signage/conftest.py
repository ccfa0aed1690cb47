import shutil
import subprocess

import pytest

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def sample():
    return load_plan(sample_plan_path())


@pytest.fixture
def poppler():
    for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (poppler-utils) is not installed")
    return run
