"""LongJob: work off the UI thread with a progress dialog that really stops it; replacing():
a file appears whole or not at all."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPushButton

from siteplanner.app.longjob import LongJob, replacing


@pytest.fixture
def parent(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.show()
    return win


def test_progress_then_result(parent, qtbot):
    seen: list[tuple[int, int]] = []

    def work(progress, cancelled):
        for i in range(1, 6):
            progress(i, 5)
        return "done"

    job = LongJob(parent, "Title", "Working…", work)
    job._relay.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(job.succeeded, timeout=10000) as blocker:
        job.start()
    assert blocker.args == ["done"]
    assert seen == [(i, 5) for i in range(1, 6)]
    assert not job.running


def test_cancel_button_stops_the_work_between_steps(parent, qtbot):
    started, steps = threading.Event(), []
    release = threading.Event()

    def work(progress, cancelled):
        for i in range(1000):
            if cancelled():
                return None
            steps.append(i)
            progress(i + 1, 1000)
            started.set()
            release.wait(0.01)
        return "finished"

    job = LongJob(parent, "Title", "Working…", work)
    outcomes: list[str] = []
    job.succeeded.connect(lambda _r: outcomes.append("ok"))
    job.stopped.connect(lambda: outcomes.append("stopped"))
    job.start()
    qtbot.waitUntil(started.is_set, timeout=10000)
    qtbot.waitUntil(lambda: job.dialog.value() > 0, timeout=10000)
    qtbot.mouseClick(job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10000)
    assert outcomes == ["stopped"]
    assert len(steps) < 1000


def test_failure_is_one_line(parent, qtbot):
    def work(progress, cancelled):
        raise ValueError("zones[3].polygon: fewer than three points\n  at line 7")

    job = LongJob(parent, "Title", "Working…", work)
    with qtbot.waitSignal(job.failed, timeout=10000) as blocker:
        job.start()
    assert blocker.args == ["zones[3].polygon: fewer than three points at line 7"]


def test_replacing_writes_whole_or_nothing(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(out) as tmp:
        assert tmp.parent == tmp_path and tmp.suffix == ".pdf" and tmp != out
        tmp.write_bytes(b"half")
        raise RuntimeError("stopped")
    assert out.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [out]
    with replacing(out) as tmp:
        tmp.write_bytes(b"new")
    assert out.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [out]
