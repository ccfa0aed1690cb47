"""Ctrl-C during `check` ends the command cleanly: exit 130, no traceback, and no worker process
left behind, wherever the interrupt lands (while the worker starts, while both analyse)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.campus import make_campus
from siteplanner.fileformat import save_plan

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").exists() or (os.cpu_count() or 1) < 2,
    reason="needs /proc and two cores (the forked worker)",
)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize("delay_s", [0.0, 0.4])
def test_ctrl_c_exits_130_and_stops_the_worker(tmp_path, delay_s):
    path = tmp_path / "campus.siteplan"
    # Enough cameras for the command line to fork its worker.
    save_plan(make_campus(levels=4, nx=16, ny=16, cameras_per_level=80), path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "siteplanner", "check", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not workers and proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid)
            time.sleep(0.002)
        assert workers, "the check never started its worker"
        time.sleep(delay_s)
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert b"Traceback" not in err
    for pid in workers:
        assert _gone(pid)


def _gone(pid: int) -> bool:
    """Exited: no such process, or a zombie waiting for whoever adopted it to reap it."""
    deadline = time.monotonic() + 2  # the kernel delivers the parent-death signal at once
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.01)
    return False
