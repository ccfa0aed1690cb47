"""File ▸ Export Report… and File ▸ Export ▸ …: driven through the menus, files checked."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import ezdxf
import pytest
from PySide6.QtWidgets import QMenu

from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


@pytest.fixture
def win(make_window):
    return make_window(load_plan(sample_plan_path()))


def menu_action(win, *path: str):
    """The QAction reached by opening File and then each submenu named by object name."""
    menu = win.menuBar().findChild(QMenu, "menu_file")
    for name in path[:-1]:
        sub = menu.findChild(QMenu, f"menu_{name}")
        assert sub is not None and sub.menuAction() in menu.actions()
        menu = sub
    act = next(a for a in menu.actions() if a.objectName() == path[-1])
    assert act.isEnabled()
    return act


def run_export(win, qtbot, answer, *path: str) -> None:
    win.dialogs.infos.clear()
    win.dialogs.export_answer = str(answer)
    menu_action(win, *path).trigger()
    qtbot.waitUntil(lambda: bool(win.dialogs.infos or win.dialogs.errors), timeout=60000)
    assert win.dialogs.errors == []
    assert win.dialogs.infos[-1][1].endswith(str(answer))


@needs_poppler
def test_report_through_the_menu(win, qtbot, tmp_path):
    out = tmp_path / "site-report.pdf"
    run_export(win, qtbot, out, "export_report")
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 3
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    for cam in (c for lv in win.doc.plan.levels for c in lv.cameras):
        assert cam.id in text
    assert win.exports.job is None  # the progress dialog is gone once written


def test_csv_through_the_menu(win, qtbot, tmp_path):
    out = tmp_path / "cameras.csv"
    run_export(win, qtbot, out, "export", "export_csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    cameras = [c.id for lv in win.doc.plan.levels for c in lv.cameras]
    assert len(rows) == len(cameras) > 0
    assert {r for row in rows for r in row.values()} >= set(cameras)


def test_geojson_through_the_menu(win, qtbot, tmp_path):
    out = tmp_path / "plan.geojson"
    run_export(win, qtbot, out, "export", "export_geojson")
    doc = json.loads(out.read_text(encoding="utf-8"))
    kinds: dict[str, int] = {}
    for f in doc["features"]:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    levels = win.doc.plan.levels
    assert kinds["camera"] == sum(len(lv.cameras) for lv in levels)
    assert kinds["zone"] == sum(len(lv.zones) for lv in levels)
    assert kinds["wall"] == sum(len(lv.walls) for lv in levels)


def test_dxf_through_the_menu(win, qtbot, tmp_path):
    out = tmp_path / "plan.dxf"
    run_export(win, qtbot, out, "export", "export_dxf")
    doc = ezdxf.readfile(out)
    inserts = list(doc.modelspace().query("INSERT"))
    cameras = {c.id for lv in win.doc.plan.levels for c in lv.cameras}
    tags = {a.dxf.text for i in inserts for a in i.attribs}
    assert cameras <= tags


def test_png_and_svg_of_the_shown_level(win, qtbot, tmp_path):
    png = tmp_path / "level.png"
    run_export(win, qtbot, png, "export", "export_png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    svg = tmp_path / "level.svg"
    run_export(win, qtbot, svg, "export", "export_svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in text
    assert f"({win.state.level_id})" in text  # the title names the shown level


def test_missing_suffix_is_added(win, qtbot, tmp_path):
    win.dialogs.export_answer = str(tmp_path / "schedule")
    menu_action(win, "export", "export_csv").trigger()
    qtbot.waitUntil(lambda: bool(win.dialogs.infos or win.dialogs.errors), timeout=60000)
    assert (tmp_path / "schedule.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_unwritable_target_is_a_message(win, qtbot, tmp_path):
    win.dialogs.export_answer = str(tmp_path / "missing" / "plan.dxf")
    menu_action(win, "export", "export_dxf").trigger()
    assert win.dialogs.infos == []
    assert len(win.dialogs.errors) == 1 and "does not exist" in win.dialogs.errors[0][1]
    target = tmp_path / "dir.csv"
    target.mkdir()  # a folder where the file should go: the writer fails in the worker
    win.dialogs.errors.clear()
    win.dialogs.export_answer = str(target)
    menu_action(win, "export", "export_csv").trigger()
    qtbot.waitUntil(lambda: bool(win.dialogs.errors), timeout=60000)
    message = win.dialogs.errors[0][1]
    assert str(target) in message and "Traceback" not in message and "\n" not in message
    assert win.exports.running is None  # a failed export does not block the next one


def test_cancelled_dialog_writes_nothing(win, tmp_path):
    win.dialogs.export_answer = None
    menu_action(win, "export_report").trigger()
    assert len(win.dialogs.export_asked) == 1
    assert win.dialogs.export_asked[0][1].endswith(".pdf")
    assert win.exports.running is None and list(tmp_path.iterdir()) == []

