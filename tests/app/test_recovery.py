"""Recovery files are never destroyed unread, whatever sits where one should be."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from siteplanner.app import autosave
from siteplanner.fileformat import dumps_plan, load_plan, save_plan
from tests.app.conftest import click
from tests.app.test_editor import CAM, room_plan

ROOT = Path(__file__).resolve().parents[2]


def plan_and_recovery(tmp_path: Path) -> tuple[Path, Path]:
    """A saved plan with one camera and a newer recovery file holding a second one."""
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    edited = room_plan(cameras=[CAM, {**CAM, "id": "c2", "position": [6.0, 4.0]}])
    rec = autosave.recovery_path(path)
    rec.parent.mkdir(parents=True, exist_ok=True)
    rec.write_text(dumps_plan(edited))
    os.utime(path, (1_000_000, 1_000_000))  # the recovery is newer than the plan
    return path, rec


def aside(rec: Path, why: str) -> list[Path]:
    return [p for p in rec.parent.iterdir() if p.name.startswith(rec.stem + f".{why}-")]


def test_recovery_offered_is_kept_until_the_plan_is_saved(make_window, tmp_path):
    path, rec = plan_and_recovery(tmp_path)
    win = make_window()
    win.dialogs.recover_answer = True
    assert win.file.open_path(path)
    assert len(win.doc.plan.levels[0].cameras) == 2
    assert rec.exists()  # recovered, not yet saved: still the only copy of that work on disk
    win.dialogs.save_answer = "discard"
    win.close()
    assert rec.exists()  # closing without saving keeps it for next time
    again = make_window()
    again.dialogs.recover_answer = True
    assert again.file.open_path(path)
    assert again.dialogs.recover_asked == [rec]
    assert again.file.save_to(path)
    assert not rec.exists()  # saved: the work is in the plan now
    assert len(load_plan(path).levels[0].cameras) == 2


def test_own_autosave_is_removed_when_changes_are_discarded(make_window, tmp_path):
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    win = make_window()
    assert win.file.open_path(path)
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    rec = win.file.autosave_now()
    assert rec is not None and rec.exists()
    win.dialogs.save_answer = "discard"
    win.close()
    assert not rec.exists()


def test_a_window_that_never_recovered_leaves_an_earlier_recovery_alone(make_window, tmp_path):
    path, rec = plan_and_recovery(tmp_path)
    before = rec.read_bytes()
    win = make_window(load_plan(path), path)  # as `open PLAN --screenshot` makes its window
    win.close()
    assert rec.read_bytes() == before


@pytest.mark.parametrize("oddity", ["folder", "fifo", "symlink"])
def test_odd_recovery_paths_are_set_aside_with_a_message(make_window, tmp_path, oddity):
    path, rec = plan_and_recovery(tmp_path)
    rec.unlink()
    if oddity == "folder":
        rec.mkdir()
        (rec / "inside.txt").write_text("keep me")
    elif oddity == "fifo":
        os.mkfifo(rec)
    else:
        (tmp_path / "elsewhere.txt").write_text("not a plan")
        rec.symlink_to(tmp_path / "elsewhere.txt")
    win = make_window()
    win.dialogs.recover_answer = True
    assert win.file.open_path(path)  # the plan opens; no hang, no traceback
    assert len(win.doc.plan.levels[0].cameras) == 1
    assert win.dialogs.recover_asked == []  # nothing to offer
    [(_title, message)] = win.dialogs.errors
    [kept] = aside(rec, "odd")
    assert str(rec) in message and str(kept) in message
    assert not os.path.lexists(rec)
    if oddity == "folder":
        assert (kept / "inside.txt").read_text() == "keep me"
    elif oddity == "symlink":
        assert kept.is_symlink() and (tmp_path / "elsewhere.txt").read_text() == "not a plan"
    # The next autosave writes a proper recovery file in its place.
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    assert win.file.autosave_now() == rec and rec.is_file()


def test_a_folder_where_the_recovery_goes_does_not_stop_autosave(make_window, tmp_path):
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    win = make_window()
    assert win.file.open_path(path, ask_recover=False)
    rec = autosave.recovery_path(path)
    rec.mkdir(parents=True)
    win.set_tool("camera")
    click(win, 6.0, 4.0)
    assert win.file.autosave_now() == rec and rec.is_file()
    assert len(aside(rec, "odd")) == 1
    assert win.file.save_to(path)  # and saving cleans up without tripping over anything
    assert not rec.exists() and len(aside(rec, "odd")) == 1


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "empty", "binary"])
def test_a_damaged_recovery_is_reported_and_kept(make_window, tmp_path, damage):
    path, rec = plan_and_recovery(tmp_path)
    good = rec.read_bytes()
    bad = {
        "corrupt": good.replace(b'"height_m"', b'"height_m": "x", "h"', 1),
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "binary": bytes(range(256)) * 4,
    }[damage]
    rec.write_bytes(bad)
    os.utime(path, (1_000_000, 1_000_000))
    win = make_window()
    win.dialogs.recover_answer = True
    assert win.file.open_path(path)
    assert len(win.doc.plan.levels[0].cameras) == 1  # the saved plan, as it was
    [(_title, message)] = win.dialogs.errors
    [kept] = aside(rec, "unreadable")
    assert kept.read_bytes() == bad
    assert str(kept) in message
    assert "Traceback" not in message and len(message.splitlines()) <= 3


def test_a_declined_recovery_is_set_aside_not_deleted(make_window, tmp_path):
    path, rec = plan_and_recovery(tmp_path)
    good = rec.read_bytes()
    win = make_window()
    win.dialogs.recover_answer = False
    assert win.file.open_path(path)
    assert not rec.exists()
    [kept] = aside(rec, "declined")
    assert kept.read_bytes() == good
    assert win.dialogs.errors == []


# -- as an ordinary user: permissions the administrator would walk through -------------------

SCENARIO = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from siteplanner.app import autosave
    autosave.recovery_dir = lambda: Path(sys.argv[1])
    warnings = []
    plan = autosave.offer_recovery(sys.argv[2], lambda rec: True, warnings.append)
    print(json.dumps({"recovered": plan is not None, "warnings": warnings}))
    """
)


def offer_as_user(recovery: Path, plan: Path) -> dict:
    """Run offer_recovery (answering Yes) with an ordinary user's file permissions: root
    reads and renames anything, so as root the checks that bypass permissions are dropped."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv (util-linux) is needed to test permissions as root")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]
    res = subprocess.run(
        [*prefix, sys.executable, "-c", SCENARIO, str(recovery), str(plan)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    if "setpriv:" in res.stderr:
        pytest.skip(f"cannot drop privileges here: {res.stderr.strip()}")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    return json.loads(res.stdout)


def test_an_unreadable_recovery_is_reported_and_kept(tmp_path):
    path, rec = plan_and_recovery(tmp_path)
    good = rec.read_bytes()
    rec.chmod(0o000)
    out = offer_as_user(rec.parent, path)
    assert out["recovered"] is False
    [message] = out["warnings"]
    assert "permission denied" in message
    [kept] = aside(rec, "unreadable")
    assert str(kept) in message
    kept.chmod(0o644)
    assert kept.read_bytes() == good


def test_a_corrupt_recovery_in_a_read_only_folder_is_left_in_place(tmp_path):
    path, rec = plan_and_recovery(tmp_path)
    rec.write_text("{ truncated")
    os.utime(path, (1_000_000, 1_000_000))
    rec.parent.chmod(0o555)
    try:
        out = offer_as_user(rec.parent, path)
    finally:
        rec.parent.chmod(0o755)
    assert out["recovered"] is False
    [message] = out["warnings"]
    assert "could not be moved aside" in message and str(rec) in message
    assert rec.read_text() == "{ truncated"


# -- one editor per plan ---------------------------------------------------------------------


def test_a_second_editor_on_the_same_plan_is_warned(make_window, tmp_path):
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    first = make_window()
    assert first.file.open_path(path)
    assert first.dialogs.confirms == []
    second = make_window()
    second.dialogs.confirm_answer = False
    assert not second.file.open_path(path)  # warned, and the user chose not to open it
    [(_title, message)] = second.dialogs.confirms
    assert str(path) in message and str(os.getpid()) in message
    assert second.doc.path != path
    first.close()  # its lock goes with it
    third = make_window()
    assert third.file.open_path(path)
    assert third.dialogs.confirms == []


def test_a_crashed_editor_does_not_lock_its_plan(make_window, tmp_path):
    path = tmp_path / "room.siteplan"
    save_plan(room_plan(cameras=[CAM]), path)
    # A lock left by a process that no longer exists (pid, application, host).
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], stdout=-1)
    import socket

    lock = tmp_path / ".room.siteplan.lock"
    lock.write_text(f"{int(dead.stdout)}\nsiteplanner\n{socket.gethostname()}\n")
    win = make_window()
    assert win.file.open_path(path)
    assert win.dialogs.confirms == []
