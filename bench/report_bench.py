"""The campus's documents end to end on the command line: the site report (<= 15 s, < 800 MB)
and each export (<= 5 s), each in a fresh process whose peak memory is measured alone."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.campus import make_campus
from siteplanner.fileformat import save_plan

# Runs the command in a child and reports (seconds, peak MB of the largest process, exit code,
# the end of its stderr, its last line of output).
_MEASURE = (
    "import resource, subprocess, sys, time, json\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
    "dt = time.perf_counter() - t\n"
    "mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "out = p.stdout.decode().strip().splitlines()\n"
    "print(json.dumps([dt, mb, p.returncode, p.stderr.decode()[-300:], out[-1] if out else '']))\n"
)


def measure_said(args: list[str]) -> tuple[float, float, int, str, str]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "siteplanner", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    dt, mb, code, err, said = json.loads(out.stdout)
    return dt, mb, code, err, said


def measure(args: list[str]) -> tuple[float, float, int, str]:
    dt, mb, code, err, _said = measure_said(args)
    return dt, mb, code, err


def bench_documents(rows: list[tuple[str, str, str, str]]) -> None:
    plan = make_campus()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "campus.siteplan"
        save_plan(plan, path)
        dt, mb, code, err = measure(["report", str(path), "-o", str(Path(tmp) / "r.pdf")])
        rows.append(
            (
                "site report, campus (command line)",
                f"A4, zh+en, exit {code}" + (f": {err.strip()}" if code else ""),
                f"{dt:.2f} s, {mb:.0f} MB peak",
                "<= 15 s, < 800 MB",
            )
        )
        for fmt in ("csv", "geojson", "dxf", "png", "svg"):
            args = ["export", str(path), "--format", fmt, "-o", str(Path(tmp) / f"x.{fmt}")]
            if fmt in ("png", "svg"):
                args += ["--level", plan.levels[0].id]
            dt, mb, code, err, said = measure_said(args)
            scope = f"level {plan.levels[0].id}" if fmt in ("png", "svg") else "whole campus"
            if fmt == "dxf" and "entities" in said:
                # "OUT: dxf, N entities": ezdxf's cost grows with the entities it writes.
                scope += f", {said.rsplit(', ', 1)[-1]}"
            rows.append(
                (
                    f"export {fmt}, campus (command line)",
                    f"{scope}, exit {code}" + (f": {err.strip()}" if code else ""),
                    f"{dt:.2f} s, {mb:.0f} MB peak",
                    "<= 5 s",
                )
            )
