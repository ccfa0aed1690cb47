"""Saving under a second writer, under `kill -9`, through links and onto read-only files."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from siteplanner.fileformat import PlanFileError, load_plan, loads_plan, save_plan
from siteplanner.model import Camera, Level, Plan, Wall

# Children are forked from one server that has already imported the plan model: each kill
# round then costs milliseconds, not an interpreter start.
_CTX = multiprocessing.get_context("forkserver")
_CTX.set_forkserver_preload(["siteplanner.fileformat", "siteplanner.model"])


def big_plan(tag: str, walls: int = 400) -> Plan:
    """A plan large enough (~100 KB) that writing it takes a noticeable moment."""
    level = Level(
        id="L1",
        name=tag,
        walls=[Wall(id=f"w{i}", points=[(i, 0.0), (i, 5.0), (i + 0.5, 5.0)]) for i in range(walls)],
        cameras=[
            Camera(
                id="c1",
                position=(1.0, 1.0),
                height_m=3.0,
                hfov_deg=90,
                vfov_deg=50,
                resolution=(1920, 1080),
            )
        ],
    )
    return Plan(name=tag, levels=[level])


def _save_forever(path: str, tag: str, ready) -> None:
    plan = big_plan(tag)
    ready.set()
    while True:
        save_plan(plan, path)


def _save_for(path: str, tag: str, seconds: float) -> None:
    plan = big_plan(tag, walls=3)  # small: many saves, many chances to collide
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        save_plan(plan, path)


def temporaries(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def test_two_writers_never_show_a_reader_a_partial_plan(tmp_path: Path):
    path = tmp_path / "shared.siteplan"
    save_plan(big_plan("start"), path)
    writers = [_CTX.Process(target=_save_for, args=(str(path), t, 2.0)) for t in ("a", "b")]
    for w in writers:
        w.start()
    reads = 0
    bad: list[str] = []
    try:
        while any(w.is_alive() for w in writers):
            raw = path.read_bytes()
            reads += 1
            try:
                plan = loads_plan(raw, str(path))
            except PlanFileError as exc:
                bad.append(f"{len(raw)} bytes: {exc}"[:200])
                continue
            assert plan.name in ("start", "a", "b")
    finally:
        for w in writers:
            w.join(10)
    assert all(w.exitcode == 0 for w in writers)
    assert reads > 50
    assert bad == []
    # The backup is a complete plan too (a copy over a hard link once truncated the live file).
    assert load_plan(path.with_name(path.name + ".bak")).name in ("start", "a", "b")
    assert load_plan(path).name in ("a", "b")
    assert temporaries(path) == []


def test_kill_during_saves_keeps_plan_and_backup_and_leaves_no_debris(tmp_path: Path):
    path = tmp_path / "killed.siteplan"
    backup = path.with_name(path.name + ".bak")
    save_plan(big_plan("first"), path)
    save_plan(big_plan("second"), path)
    rng = random.Random(8)
    strays = 0
    for _round in range(15):
        ready = _CTX.Event()
        child = _CTX.Process(target=_save_forever, args=(str(path), "child", ready))
        child.start()
        assert ready.wait(10)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        # Whatever moment the kill hit, the plan and its backup are both complete plans.
        assert load_plan(path).name in ("second", "child")
        assert backup.exists(), "no backup after an interrupted save"
        assert load_plan(backup).name in ("first", "second", "child")
        strays = max(strays, len(temporaries(path)))
    # The next save removes what killed saves left behind.
    save_plan(big_plan("last"), path)
    assert temporaries(path) == []
    assert load_plan(path).name == "last"
    assert load_plan(backup).name in ("second", "child")


def test_saving_through_a_symlink_writes_the_target(tmp_path: Path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "plan.siteplan"
    save_plan(big_plan("old", walls=2), real)
    link = tmp_path / "link.siteplan"
    link.symlink_to(real)
    save_plan(big_plan("new", walls=2), link)
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert load_plan(real).name == "new"
    assert load_plan(real_dir / "plan.siteplan.bak").name == "old"
    assert not (tmp_path / "link.siteplan.bak").exists()


def test_saving_through_a_dangling_symlink_creates_the_target(tmp_path: Path):
    real = tmp_path / "made.siteplan"
    link = tmp_path / "link.siteplan"
    link.symlink_to(real)
    save_plan(big_plan("new", walls=2), link)
    assert link.is_symlink()
    assert load_plan(real).name == "new"


def test_a_read_only_plan_is_refused_and_left_unchanged(tmp_path: Path):
    path = tmp_path / "locked.siteplan"
    save_plan(big_plan("kept", walls=2), path)
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(PlanFileError) as err:
        save_plan(big_plan("overwrite", walls=2), path)
    assert "locked.siteplan" in str(err.value)
    assert "read-only" in str(err.value)
    assert path.read_bytes() == before
    assert temporaries(path) == []
    assert not path.with_name(path.name + ".bak").exists()


def test_a_folder_in_place_of_the_plan_is_refused(tmp_path: Path):
    path = tmp_path / "folder.siteplan"
    path.mkdir()
    (path / "inside.txt").write_text("keep")
    with pytest.raises(PlanFileError) as err:
        save_plan(big_plan("x", walls=2), path)
    assert "folder.siteplan" in str(err.value)
    assert (path / "inside.txt").read_text() == "keep"
    assert temporaries(path) == []


def test_a_stale_temporary_of_another_plan_is_left_alone(tmp_path: Path):
    path = tmp_path / "a.siteplan"
    other = tmp_path / ".b.siteplan.xyz.tmp"
    other.write_text("another plan's save in progress")
    stale = tmp_path / ".a.siteplan.abc123.tmp"
    stale.write_text("left by a killed save")
    save_plan(big_plan("a", walls=2), path)
    assert not stale.exists()
    assert other.exists()
