"""Hostile plans through `siteplanner check`, each in its own process: wall-clock time, peak
memory (that process's maximum resident set) and how it ended; and how fast Ctrl-C stops a check
of the campus. Target for every row: at most 10 s and 1 GB."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import hostile
from bench.campus import make_campus
from siteplanner.fileformat import save_plan

Row = tuple[str, str, str, str]

# A runaway case is stopped here instead of taking the machine with it.
_KILL_AFTER_S = 60
_ADDRESS_SPACE = 4 << 30

CASES: list[tuple[str, Callable[[], dict[str, Any]]]] = [
    ("zigzag wall, 10,000 points", lambda: hostile.zigzag_wall_plan(10_000)),
    ("zigzag wall, 100,000 points", lambda: hostile.zigzag_wall_plan(100_000)),
    ("self-crossing zone, 1,000 random vertices", lambda: hostile.random_zone_plan(1_000)),
    ("self-crossing wall, 1,000 random points", lambda: hostile.random_wall_plan(1_000)),
    ("self-crossing wall, 30 random points", lambda: hostile.random_wall_plan(30)),
    ("round hall, 20,000-point wall, 50 cameras", lambda: hostile.round_room_plan(20_000)),
    ("saw-tooth walls at the detail budget", lambda: hostile.sight_budget_plan(levels=1)),
    ("saw-tooth level past the point budget", lambda: hostile.large_level_plan()),
]


def bench_hostile(rows: list[Row]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in CASES:
            path = Path(tmp) / "hostile.siteplan"
            path.write_text(json.dumps(make()))
            seconds, peak, code, last = _measure(path)
            # "siteplanner: FILE: FIELD: message": keep the field and the message.
            reason = last.split(f"{path}: ", 1)[-1]
            outcome = "analysed" if code in (0, 1) else f"refused: {reason[:72]}"
            rows.append(
                (
                    f"check: {label}",
                    outcome,
                    f"{seconds:.1f} s, {peak:.0f} MB, exit {code}",
                    "<= 10 s, <= 1 GB",
                )
            )
        path = Path(tmp) / "campus.siteplan"
        save_plan(make_campus(), path)
        rows.append(("Ctrl-C during check campus", "", ctrl_c_latency(path), "<= 0.5 s"))


# Runs one check and reports its own peak memory. A process forked from this (large) benchmark
# would count the pages it shares with it until it execs; this small launcher has few.
_LAUNCHER = """
import json, os, resource, subprocess, sys, threading, time
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                        preexec_fn=cap)
timer = threading.Timer(float(sys.argv[2]), proc.kill)
timer.start()
err = proc.stderr.read()
_, status, usage = os.wait4(proc.pid, 0)
timer.cancel()
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": usage.ru_maxrss / 1024,
                  "code": os.waitstatus_to_exitcode(status),
                  "stderr": err.decode("utf-8", "replace")}))
"""


def _measure(path: Path) -> tuple[float, float, int, str]:
    """Seconds, peak MB, exit code and the last line of stderr of `check PATH`."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _LAUNCHER,
            str(_ADDRESS_SPACE),
            str(_KILL_AFTER_S),
            sys.executable,
            "-m",
            "siteplanner",
            "check",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    res = json.loads(out.stdout)
    last = res["stderr"].strip().splitlines()[-1:] or [""]
    return res["seconds"], res["peak_mb"], res["code"], last[0]


def ctrl_c_latency(path: Path) -> str:
    """Time from SIGINT to the check's exit, sent once its worker runs, as Ctrl-C sends it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "siteplanner", "check", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if children.read_text().split():
                break
        except OSError:
            break
        time.sleep(0.002)
    time.sleep(0.5)  # well into the analysis
    t = time.perf_counter()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "did not stop within 30 s"
    ms = (time.perf_counter() - t) * 1000
    clean = "no traceback" if b"Traceback" not in err else "TRACEBACK"
    return f"{ms:.0f} ms, exit {proc.returncode}, {clean}"
