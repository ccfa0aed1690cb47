"""`siteplanner open PLAN --screenshot OUT.png` as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from siteplanner.fileformat import save_plan
from tests.app.sites import generated_site


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "siteplanner", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def test_screenshot_of_a_plan_we_did_not_ship(tmp_path: Path):
    plan_path = tmp_path / "generated.siteplan"
    save_plan(generated_site(), plan_path)
    out = tmp_path / "shot.png"
    res = _run("open", str(plan_path), "--screenshot", str(out))
    assert res.returncode == 0, res.stderr
    image = QImage(str(out))
    assert image.width() >= 900 and image.height() >= 600
    # Not blank: the canvas holds walls (dark), coverage (blue) and many other colours.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 200
    centre = image.copy(
        image.width() // 4, image.height() // 4, image.width() // 3, image.height() // 3
    )
    dark = sum(
        1
        for x in range(0, centre.width(), 3)
        for y in range(0, centre.height(), 3)
        if QImage.pixelColor(centre, x, y).lightness() < 80
    )
    assert dark > 50  # wall solids drawn in the middle of the window


def test_screenshot_of_a_bad_file_names_the_field(tmp_path: Path):
    bad = tmp_path / "bad.siteplan"
    bad.write_text(
        '{"format": "siteplanner", "version": 1, "levels": [{"cameras": '
        '[{"position": [0, 0], "height_m": "tall", "hfov_deg": 90, "vfov_deg": 50, '
        '"resolution": [1920, 1080]}]}]}'
    )
    out = tmp_path / "shot.png"
    res = _run("open", str(bad), "--screenshot", str(out))
    assert res.returncode == 2
    assert "levels[0].cameras[0].height_m" in res.stderr
    assert "bad.siteplan" in res.stderr
    assert "Traceback" not in res.stderr
    assert not out.exists()


def test_screenshot_leaves_a_pending_recovery_file_alone(tmp_path: Path):
    plan_path = tmp_path / "room.siteplan"
    save_plan(generated_site(), plan_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from PySide6.QtCore import QCoreApplication as A; a = A([]); "
            "a.setOrganizationName('SitePlanner'); a.setApplicationName('SitePlanner'); "
            "from siteplanner.app.autosave import recovery_path; print(recovery_path(sys.argv[1]))",
            str(plan_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    rec = Path(where.stdout.strip())
    assert str(tmp_path / "data") in str(rec)
    rec.parent.mkdir(parents=True)
    rec.write_bytes(plan_path.read_bytes())  # unsaved work from a session that crashed
    out = tmp_path / "shot.png"
    res = subprocess.run(
        [sys.executable, "-m", "siteplanner", "open", str(plan_path), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert res.returncode == 0, res.stderr
    assert out.exists()
    assert rec.read_bytes() == plan_path.read_bytes()
