"""File ▸ Export Report… and File ▸ Export ▸ …: driven through the menus, files checked."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import ezdxf
import pypdfium2
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
    QRadioButton,
)

from siteplanner.fileformat import load_plan
from siteplanner.model import Plan
from siteplanner.resources import sample_plan_path
from tests.app.sites import generated_site

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


def accept_report_options(win, qtbot, *choices: str, ok: bool = True) -> None:
    """Click the named radio buttons of the report options dialog, then OK (or Cancel)."""
    qtbot.waitUntil(lambda: win.exports.options is not None and win.exports.options.isVisible())
    dlg = win.exports.options
    for name in choices:
        button = dlg.findChild(QRadioButton, name)
        assert button is not None and button.isVisible(), name
        # On the indicator: the button is as wide as the dialog, its label much shorter.
        at = QPoint(8, button.height() // 2)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)
        assert button.isChecked()
    box = dlg.findChild(QDialogButtonBox, "report_buttons")
    which = QDialogButtonBox.StandardButton.Ok if ok else QDialogButtonBox.StandardButton.Cancel
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.exports.options is None)


def run_export(win, qtbot, answer, *path: str, options: tuple[str, ...] = ()) -> None:
    win.dialogs.infos.clear()
    win.dialogs.export_answer = str(answer)
    menu_action(win, *path).trigger()
    if path[-1] == "export_report":
        accept_report_options(win, qtbot, *options)
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


def test_report_options_a3_english(win, qtbot, tmp_path):
    """The options dialog shows the plan's rule pack and defaults to both languages on A4;
    choosing A3 and English gives A3 pages with no Chinese headings."""
    win.dialogs.export_answer = str(tmp_path / "r.pdf")
    menu_action(win, "export_report").trigger()
    qtbot.waitUntil(lambda: win.exports.options is not None)
    dlg = win.exports.options
    assert win.doc.plan.rules in dlg.findChild(QLabel, "report_rules").text()
    assert dlg.findChild(QRadioButton, "lang_zh_en").isChecked()
    assert dlg.findChild(QRadioButton, "paper_A4").isChecked()
    out = tmp_path / "a3.pdf"
    win.dialogs.export_answer = str(out)
    win.dialogs.infos.clear()
    accept_report_options(win, qtbot, "paper_A3", "lang_en")
    qtbot.waitUntil(lambda: bool(win.dialogs.infos or win.dialogs.errors), timeout=60000)
    assert win.dialogs.errors == []
    pdf = pypdfium2.PdfDocument(str(out))
    try:
        sizes = {tuple(round(v) for v in sorted(pdf[i].get_size())) for i in range(len(pdf))}
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    assert sizes == {(842, 1191)}  # A3, portrait and landscape pages alike
    assert "Camera schedule" in text and "摄像机" not in text


def test_report_options_cancel_asks_for_no_file(win, qtbot, tmp_path):
    menu_action(win, "export_report").trigger()
    accept_report_options(win, qtbot, "paper_A3", ok=False)
    assert win.dialogs.export_asked == [] and win.exports.running is None
    assert list(tmp_path.iterdir()) == []


def test_cancelled_dialog_writes_nothing(win, qtbot, tmp_path):
    win.dialogs.export_answer = None
    menu_action(win, "export_report").trigger()
    accept_report_options(win, qtbot)
    assert len(win.dialogs.export_asked) == 1
    assert win.dialogs.export_asked[0][1].endswith(".pdf")
    assert win.exports.running is None and list(tmp_path.iterdir()) == []


def test_cancel_mid_way_leaves_no_file(make_window, qtbot, tmp_path):
    """Cancel in the progress dialog as soon as the first step is reported: the work stops
    between levels, the status bar says so, and neither the file nor a temporary is left."""
    site = generated_site(nx=5, ny=4)
    levels = [site.levels[0].model_copy(update={"id": f"L{i}"}) for i in range(1, 7)]
    # Ids are unique across a plan: give each copied level's objects their own.
    data = site.model_copy(update={"levels": levels}).model_dump(mode="json")
    for lv in data["levels"]:
        for kind in ("cameras", "walls", "openings", "zones", "obstacles", "signs"):
            for obj in lv.get(kind, []):
                if obj.get("id"):
                    obj["id"] = f"{lv['id']}-{obj['id']}"
    win = make_window(Plan.model_validate(data))
    out = tmp_path / "site-report.pdf"
    win.dialogs.export_answer = str(out)
    menu_action(win, "export_report").trigger()
    accept_report_options(win, qtbot)
    dlg = win.findChild(QProgressDialog, "long_job_progress")
    assert dlg is not None and dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.value() > 0, timeout=60000)
    assert dlg.value() < dlg.maximum()  # under way, not finished
    cancel = dlg.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.exports.running is None, timeout=60000)
    assert win.dialogs.infos == [] and win.dialogs.errors == []
    assert "cancelled" in win.statusBar().currentMessage().lower()
    assert list(tmp_path.iterdir()) == []
