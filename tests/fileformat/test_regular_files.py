"""Only regular files are read, and never past the size cap: a device, a pipe or a huge file as
the plan is refused at once with a message naming it (exit 2), never read until memory runs out
or waited on forever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from siteplanner.fileformat import image_file_problem, load_plan, read_regular_file
from siteplanner.fileformat.io import MAX_FILE_BYTES, MAX_IMAGE_BYTES, PlanFileError


def check(path: Path | str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: a regression would otherwise hang the test run.
    return subprocess.run(
        [sys.executable, "-m", "siteplanner", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_check_dev_zero_exits_2_naming_it():
    proc = check("/dev/zero")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "siteplanner: /dev/zero: is a device, not a file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_check_a_fifo_exits_2_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "site.siteplan"
    os.mkfifo(fifo)
    proc = check(fifo)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"siteplanner: {fifo}: is a pipe (FIFO), not a file"


def test_a_file_over_the_cap_is_refused_unread(tmp_path):
    big = tmp_path / "huge.siteplan"
    with open(big, "wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(PlanFileError) as err:
        load_plan(big)
    assert "huge.siteplan" in str(err.value) and "too large to be a plan" in str(err.value)


def test_reading_stops_at_the_cap(tmp_path):
    f = tmp_path / "plan.siteplan"
    f.write_bytes(b"x" * 5000)
    assert read_regular_file(f, 5000) == b"x" * 5000
    with pytest.raises(ValueError, match="more than"):
        read_regular_file(f, 4999)


def test_a_folder_as_the_plan_is_refused(tmp_path):
    with pytest.raises(PlanFileError) as err:
        load_plan(tmp_path)
    assert "is a folder" in str(err.value)


def test_background_images_must_be_regular_files_under_the_cap(tmp_path):
    png = tmp_path / "g.png"
    png.write_bytes(b"\x89PNG")
    assert image_file_problem(png) is None
    assert image_file_problem(tmp_path) == "is a folder, not a file"
    assert image_file_problem(tmp_path / "missing.png") == "file not found"
    big = tmp_path / "big.png"
    with open(big, "wb") as fh:
        fh.truncate(MAX_IMAGE_BYTES + 1)
    assert "too large" in (image_file_problem(big) or "")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.png")
        assert image_file_problem(tmp_path / "pipe.png") == "is a pipe (FIFO), not a file"
