"""Two editors on unsaved new plans each keep their own recovery file; all are offered later."""

from __future__ import annotations

import os
import time

from siteplanner.fileformat import load_plan
from tests.app.conftest import click


def cameras_at(path) -> list[tuple[float, float]]:
    return [tuple(c.position) for c in load_plan(path).levels[0].cameras]


def test_two_untitled_editors_never_share_a_recovery_file(make_window, tmp_path):
    one, two = make_window(), make_window()
    for win, x in ((one, 2.0), (two, 6.0)):
        win.set_tool("camera")
        click(win, x, 2.0)
    rec_one = one.file.autosave_now()
    time.sleep(0.02)
    rec_two = two.file.autosave_now()
    assert rec_one is not None and rec_two is not None and rec_one != rec_two
    # Each editor autosaves again later: neither overwrites the other's work.
    rec_one = one.file.autosave_now()
    assert str(os.getpid()) in rec_one.name and str(os.getpid()) in rec_two.name
    (x1, _), (x2, _) = cameras_at(rec_one)[0], cameras_at(rec_two)[0]
    assert (round(x1), round(x2)) == (2, 6)
    os.utime(rec_two, (time.time() + 5, time.time() + 5))  # the newer one

    # Both crash. The next start offers both, newest first; the first accepted is opened and
    # the other stays untouched, offered at the start after.
    nxt = make_window()
    nxt.dialogs.recover_answer = True
    assert nxt.file.recover_untitled()
    assert nxt.dialogs.recover_asked == [rec_two]
    assert round(nxt.doc.plan.levels[0].cameras[0].position[0]) == 6
    assert rec_one.exists() and rec_two.exists()  # kept until the recovered plan is saved
    assert cameras_at(rec_one)[0][0] == x1

    after = make_window()
    after.dialogs.recover_answer = True
    assert after.file.recover_untitled()
    assert rec_two in after.dialogs.recover_asked or rec_one in after.dialogs.recover_asked
    assert round(after.doc.plan.levels[0].cameras[0].position[0]) in (2, 6)

    # Saving the recovered plan removes the file it came from, and only that one.
    nxt.dialogs.save_as_answer = str(tmp_path / "saved.siteplan")
    assert nxt.file.save()
    assert not rec_two.exists() and rec_one.exists()
    assert cameras_at(tmp_path / "saved.siteplan")[0][0] == x2


def test_declining_sets_each_pending_file_aside_and_asks_about_the_next(make_window):
    writers = [make_window() for _ in range(2)]
    recs = []
    for win, x in zip(writers, (2.0, 6.0), strict=True):
        win.set_tool("camera")
        click(win, x, 2.0)
        recs.append(win.file.autosave_now())
        time.sleep(0.02)
    nxt = make_window()  # recover_answer is False: "No" to each
    assert not nxt.file.recover_untitled()
    assert sorted(nxt.dialogs.recover_asked) == sorted(recs)
    kept = sorted(p.name for p in recs[0].parent.iterdir() if ".declined-" in p.name)
    assert len(kept) == 2 and not any(p.exists() for p in recs)
    assert not make_window().file.recover_untitled()  # declined ones are not offered again


def test_closing_a_discarded_new_plan_keeps_the_other_editors_recovery(make_window):
    one, two = make_window(), make_window()
    for win in (one, two):
        win.set_tool("camera")
        click(win, 3.0, 3.0)
    rec_one, rec_two = one.file.autosave_now(), two.file.autosave_now()
    one.file.close_down()  # the user discarded one's changes
    assert not rec_one.exists() and rec_two.exists()
