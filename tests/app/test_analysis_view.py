"""Reading the analysis: one camera isolated, DORI bands, the requirement view, the legend."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

from siteplanner.app.commands import SetFieldsCommand
from siteplanner.app.items import CameraItem, ObstacleItem, ZoneItem
from siteplanner.app.labels import label_rects
from siteplanner.drawing import palette
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from tests.app.conftest import click, key, vp, wait_analysis
from tests.app.test_editor import CAM, room_plan
from tests.app.test_language_switch import _choose, restore_english  # noqa: F401 - a fixture

# 720p: the 8 m room holds their identification, recognition and observation bands.
TWO = [
    {**CAM, "resolution": [1280, 720]},
    {
        **CAM,
        "id": "c2",
        "name": "CAM-B Door",
        "position": [6.0, 3.0],
        "pan_deg": 180.0,
        "resolution": [1280, 720],
    },
]


def viewport_image(win) -> QImage:
    """What the canvas shows now, as pixels."""
    return win.view.viewport().grab().toImage()


def colour_at(win, img: QImage, x: float, y: float) -> QColor:
    p = vp(win, x, y)
    return img.pixelColor(p.x(), p.y())


def test_isolate_selected_camera_hides_the_others_until_esc(make_window, qtbot):
    win = make_window(room_plan(cameras=TWO))
    wait_analysis(qtbot, win)
    cov = win.scene.coverage_items
    assert cov["c1"].isVisible() and cov["c2"].isVisible()
    act = win.actions_by_name["isolate_camera"]

    # Nothing selected: the command says what it needs and stays off.
    act.trigger()
    assert win.state.isolated_camera is None and not act.isChecked()
    assert "camera" in win.statusBar().currentMessage()

    click(win, 6.0, 3.0)  # select CAM-B
    key(win, Qt.Key.Key_I)
    assert win.state.isolated_camera == "c2" and act.isChecked()
    assert cov["c2"].isVisible() and not cov["c1"].isVisible()
    assert win.view.isolation_text().startswith("Showing only CAM-B Door")
    # CAM-A (at x=2 looking east) covers x=3; with it hidden that point shows no coverage
    # from c1, while c2's own coverage (looking west from x=6) still draws at x=4.5.
    img = viewport_image(win)
    back = colour_at(win, img, 0.5, 5.5)  # inside the room, outside both views
    assert colour_at(win, img, 4.5, 3.0) != back

    # Esc leaves the isolated view and keeps the selection.
    key(win, Qt.Key.Key_Escape)
    assert win.state.isolated_camera is None and not act.isChecked()
    assert cov["c1"].isVisible() and cov["c2"].isVisible()
    assert win.view.isolation_text() == ""
    assert [o.id for _c, o in win.scene.selected_objects()] == ["c2"]


def test_isolation_hook_and_deleting_the_camera(make_window, qtbot):
    win = make_window(room_plan(cameras=TWO))
    wait_analysis(qtbot, win)
    # The hook a context menu calls: no selection needed.
    win.state.isolate_camera("c1")
    assert win.actions_by_name["isolate_camera"].isChecked()
    assert not win.scene.coverage_items["c2"].isVisible()
    # Deleting the isolated camera shows every camera again.
    click(win, 2.0, 3.0)
    key(win, Qt.Key.Key_Delete)
    wait_analysis(qtbot, win)
    assert win.state.isolated_camera is None
    assert win.scene.coverage_items["c2"].isVisible()


def scene_image(win, size: int = 400) -> tuple[QImage, Callable[[float, float], QColor]]:
    """The scene over the room (0..8 x 0..8 m) rendered at 50 px per metre on white, and a
    function giving the colour drawn at a plan point."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    win.scene.render(painter, QRectF(0, 0, size, size), QRectF(0.0, 0.0, 8.0, 8.0))
    painter.end()

    def at(x: float, y: float) -> QColor:
        return img.pixelColor(int(x / 8.0 * size), int(y / 8.0 * size))

    return img, at


def rgb(c) -> tuple[int, int, int]:
    """A palette colour (floats) or a QColor as 0..255 integers."""
    if isinstance(c, QColor):
        return (c.red(), c.green(), c.blue())
    return tuple(round(v * 255) for v in c[:3])  # type: ignore[return-value]


def close(a, b, tol: int = 4) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(rgb(a), rgb(b), strict=True))


def inner_point(geom, cams, margin: float = 0.12):
    """A point well inside ``geom`` and away from the camera glyphs, or None."""
    inner = geom.buffer(-margin)
    for c in cams:
        inner = inner.difference(shapely.Point(c["position"]).buffer(0.9))
    if inner.is_empty or inner.area < 1e-3:
        return None
    p = inner.representative_point()
    return p.x, p.y


def test_dori_bands_one_colour_per_point_best_band_on_top(make_window, qtbot):
    # Two cameras face each other across the room: their views overlap in the middle.
    win = make_window(room_plan(cameras=TWO))
    wait_analysis(qtbot, win)
    analysis = win.render_data.analysis
    regions = analysis.levels["L1"].best_bands()
    _img, at = scene_image(win)
    shown = {}
    for band in ("detection", "observation", "recognition", "identification"):
        pt = inner_point(regions[band], TWO)
        if pt is None:
            continue
        # Drawn once, in that band's colour: exactly the legend's colour over white.
        assert close(at(*pt), palette.DORI_LEGEND[band]), (band, pt, rgb(at(*pt)))
        shown[band] = pt
    assert {"identification", "recognition", "observation"} <= set(shown)
    # Where both cameras see, the better band of the two is drawn, not a blend of the two.
    c1 = analysis.cameras["c1"].coverage
    c2 = analysis.cameras["c2"].coverage
    both = c1.coverage.intersection(c2.coverage)
    pt = inner_point(both, TWO)
    assert pt is not None
    p = shapely.Point(pt)
    best = next(
        b
        for b in ("identification", "recognition", "observation", "detection")
        if c1.dori[b].contains(p) or c2.dori[b].contains(p)
    )
    assert close(at(*pt), palette.DORI_LEGEND[best])
    # The four bands are told apart at a glance: every pair differs clearly.
    colours = [rgb(palette.DORI_LEGEND[b]) for b in palette.DORI_LEGEND]
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) > 90

    # Isolating CAM-A draws its own bands only: the middle shows CAM-A's band there (or none).
    win.state.isolate_camera("c1")
    _img, at = scene_image(win)
    own = next(
        (
            b
            for b in ("identification", "recognition", "observation", "detection")
            if c1.dori[b].contains(p)
        ),
        None,
    )
    if own is None:
        assert not close(at(*pt), palette.DORI_LEGEND[best])
    else:
        assert close(at(*pt), palette.DORI_LEGEND[own])
    # A point only CAM-B sees is blank.
    only_b = inner_point(c2.coverage.difference(c1.coverage.buffer(0.1)), TWO)
    assert only_b is not None
    assert close(at(*only_b), (1.0, 1.0, 1.0)), rgb(at(*only_b))


ZONE = {
    "id": "z1",
    "name": "Lobby",
    "kind": "collection",
    "polygon": [[0.2, 0.2], [7.8, 0.2], [7.8, 5.8], [0.2, 5.8]],
    "required_dori": "identification",
}


def test_requirement_view_paints_the_zone_pass_and_fail(make_window, qtbot):
    win = make_window(room_plan(cameras=[CAM], zones=[ZONE]))
    wait_analysis(qtbot, win)
    act = win.actions_by_name["show_requirement"]
    assert not act.isChecked() and not win.scene.requirement_items["z1"].isVisible()
    # The tool bar's button turns the view on.
    button = win.toolbar.widgetForAction(act)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert act.isChecked() and win.state.overlays.requirement
    item = win.scene.requirement_items["z1"]
    assert item.isVisible() and not bands_visible(win)

    # The share shown is the one the coverage finding gives.
    zr = win.render_data.analysis.zones["z1"]
    seen = analysis_identified(win).intersection(zr.polygon)
    assert abs(item.req.percent - 100 * seen.area / zr.polygon.area) < 1e-6
    under = [f for f in win.render_data.analysis.findings if f.rule == "UNDER_COVERAGE"]
    assert under and abs(under[0].percent - item.req.percent) < 1e-6
    assert item.label.text().startswith(f"{item.req.percent:.0f} %")

    _img, at = scene_image(win)
    # Away from the figure written at the zone's middle.
    label = shapely.box(0, item.req.anchor[1] - 0.8, 8, item.req.anchor[1] + 0.8)
    pass_pt = inner_point(seen.difference(label), [CAM], margin=0.1)
    fail_pt = inner_point(zr.polygon.difference(seen).difference(label), [CAM], margin=0.3)
    assert pass_pt is not None and fail_pt is not None
    good, bad = at(*pass_pt), at(*fail_pt)
    assert good.green() > good.red() + 40, rgb(good)
    # Red, hatched: sample a few pixels around the point; all red-dominant.
    assert bad.red() > bad.green() + 40, rgb(bad)

    # Off again from the View menu's action: the bands come back.
    act.trigger()
    assert not item.isVisible() and bands_visible(win)


def analysis_identified(win):
    return win.render_data.analysis.cameras["c1"].coverage.dori["identification"]


def test_legend_dock_matches_the_canvas_and_follows_the_view(make_window, qtbot):
    win = make_window(room_plan(cameras=TWO, zones=[ZONE]))
    wait_analysis(qtbot, win)
    dock = win.legend_dock
    legend = win.analysis_view.legend
    assert dock.isVisible()
    # A dock beside the plan, not a box over its corner.
    assert not dock.geometry().intersects(win.view.geometry())
    keys = [k for k, *_ in legend.entries]
    assert keys[:5] == ["identification", "recognition", "observation", "detection", "coverage"]
    assert "intrusion" in keys and "blind" in keys
    texts = [t for *_, t in legend.entries]
    ppm = win.doc.plan.settings.dori_ppm.threshold("identification")
    assert texts[0] == f"Identification (from {ppm:g} px/m)"

    # The swatch is the colour the canvas shows: compare with a pixel of the live view.
    regions = win.render_data.analysis.levels["L1"].best_bands()
    pt = inner_point(regions["identification"].intersection(shapely.box(0, 0, 8, 6)), TWO, 0.2)
    assert pt is not None
    swatch = dock.findChild(QLabel, "legend_identification").pixmap().toImage()
    want = swatch.pixelColor(swatch.width() // 2, swatch.height() // 2)
    assert close(want, _over_background(palette.DORI_BAND["identification"]))
    # The canvas shows the band over the zone's faint tint over the background.
    tinted = _over(
        palette.DORI_BAND["identification"], _over_background(palette.ZONE_FILL["collection"])
    )
    got = colour_at(win, viewport_image(win), *pt)
    assert close(got, tinted), (rgb(got), rgb(tinted))

    # The requirement view: the legend lists pass and fail instead of the bands.
    win.actions_by_name["show_requirement"].trigger()
    keys = [k for k, *_ in legend.entries]
    assert keys[:2] == ["pass", "fail"] and "identification" not in keys
    assert dock.findChild(QLabel, "legend_fail") is not None
    win.actions_by_name["show_requirement"].trigger()
    assert [k for k, *_ in legend.entries][0] == "identification"

    # View ▸ Legend hides and shows the dock.
    toggle = win.actions_by_name["dock_legend"]
    toggle.trigger()
    assert not dock.isVisible()
    toggle.trigger()
    assert dock.isVisible()


def _over(colour, back) -> tuple[float, float, float]:
    """``colour`` (with alpha) laid over the opaque ``back``."""
    a = colour[3]
    return tuple(a * c + (1 - a) * b for c, b in zip(colour[:3], back[:3], strict=True))


def _over_background(colour) -> tuple[float, float, float]:
    return _over(colour, palette.BACKGROUND)


def test_findings_panel_names_objects_and_wraps_messages(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()))
    wait_analysis(qtbot, win)
    panel = win.findings_panel
    rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    by_rule = {}
    for row in rows:
        by_rule.setdefault(row.data(0, 256).rule, row)
    inside = by_rule["CAMERA_IN_PRIVATE_SPACE"]
    f = inside.data(0, 256)
    # The Object column names the camera and the zone as the canvas labels them.
    assert inside.text(panel.OBJECT) == "CAM-08 Locker, Changing room"
    assert f.camera == "c-changing" and "(c-changing)" in inside.toolTip(panel.OBJECT)
    # The message itself names them too, with the id where it helps.
    assert "CAM-08 Locker (c-changing)" in inside.text(panel.MESSAGE)

    # The message is on screen without scrolling sideways, wrapped over several lines.
    assert not panel.horizontalScrollBar().isVisible()
    port = panel.viewport().rect()
    qtbot.waitUntil(lambda: panel.visualItemRect(inside).height() > 0)
    panel.scrollToItem(inside)
    rect = panel.visualItemRect(inside)
    msg = panel.visualRect(panel.indexFromItem(inside, panel.MESSAGE))
    assert msg.left() >= 0 and msg.right() <= port.right() + 1
    assert msg.width() > port.width() // 3
    line = panel.fontMetrics().height()
    assert rect.height() >= 2 * line  # a long message wraps instead of running off the edge
    # Clicking the row frames the camera on the canvas.
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=msg.center())
    assert [o.id for _c, o in win.scene.selected_objects()] == ["c-changing"]

    # Renaming the camera renames it in the panel with the next analysis.
    cam = win.doc.find("c-changing")[2]
    win.doc.undo.push(SetFieldsCommand(win.doc, "Rename", [(cam, "name", "Locker cam")]))
    wait_analysis(qtbot, win)
    names = {
        panel.topLevelItem(i).text(panel.OBJECT)
        for i in range(panel.topLevelItemCount())
        if panel.topLevelItem(i).data(0, 256).camera == "c-changing"
    }
    assert "Locker cam, Changing room" in names
    assert not any("CAM-08" in n for n in names)


@pytest.mark.usefixtures("restore_english")
def test_legend_and_requirement_figures_follow_a_language_switch(make_window, qtbot):
    win = make_window(room_plan(cameras=[CAM], zones=[ZONE]))
    wait_analysis(qtbot, win)
    win.actions_by_name["show_requirement"].trigger()
    item = win.scene.requirement_items["z1"]
    assert "identification" in item.label.text()
    _choose(win, "zh_CN")
    assert win.legend_dock.windowTitle() == "图例"
    assert "辨认" in item.label.text()  # identification, in Chinese
    assert win.analysis_view.legend.entries[0][3] == "达到区域要求的密度"
    _choose(win, "en")
    assert win.legend_dock.windowTitle() == "Legend"
    assert "identification" in item.label.text()


def bands_visible(win) -> bool:
    items = list(win.scene.bands_items.values())
    assert items
    return all(i.isVisible() for i in items)


def test_labels_on_the_sample_do_not_overlap_at_the_default_zoom(make_window, qtbot):
    win = make_window(load_plan(sample_plan_path()))
    wait_analysis(qtbot, win)
    win.view.fit()
    rects = label_rects(win.view)
    overlaps = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :] if a.intersects(b)]
    assert overlaps == []
    # Most names are still shown.
    cams = [i for i in win.scene.model_items.values() if isinstance(i, CameraItem)]
    assert len(rects) >= 10
    # No label sits on a camera glyph.
    for c in cams:
        p = win.view.mapFromScene(c.pos())
        glyph = QRectF(p.x() - 8, p.y() - 8, 16, 16)
        assert not any(r.intersects(glyph) for r in rects)
    assert pale_labels(win) >= 3
    # The requirement view's figures join the placement: still no overlaps.
    win.actions_by_name["show_requirement"].trigger()
    figures = [r.label for r in win.scene.requirement_items.values() if r.label.isVisible()]
    assert len(figures) >= 4
    rects = label_rects(win.view)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    win.actions_by_name["show_requirement"].trigger()
    # Zoomed in, every camera's name is shown again.
    win.view.zoom(3.0)
    assert all(c.label.isVisible() for c in cams)
    rects = label_rects(win.view)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert pale_labels(win) >= 3


def pale_labels(win) -> int:
    """Checks that each camera's, obstacle's and zone's label shown sits on a light backing, even
    over the darkest band (most of its box is pale); returns how many were checked."""
    img = viewport_image(win)
    vt = win.view.viewportTransform()
    drawn_over = [
        i.label.deviceTransform(vt).mapRect(i.label.boundingRect())
        for i in win.scene.model_items.values()
        if isinstance(i, CameraItem | ObstacleItem | ZoneItem)
        and i.label is not None
        and i.label.isVisible()
    ]
    port = win.view.viewport().rect()
    checked = 0
    for r in drawn_over:
        px = [
            rgb(img.pixelColor(x, y))
            for x in range(max(int(r.left()) + 1, 0), min(int(r.right()) - 1, port.right()))
            for y in range(max(int(r.top()) + 1, 0), min(int(r.bottom()) - 1, port.bottom()))
        ]
        if len(px) < 20:
            continue  # off screen
        pale = sum(min(c) > 150 for c in px)
        assert pale > 0.6 * len(px), (r, pale, len(px))
        checked += 1
    return checked


def test_a_label_reads_over_the_darkest_band(qtbot):
    from PySide6.QtGui import QPen
    from PySide6.QtWidgets import QGraphicsScene

    from siteplanner.app import style
    from siteplanner.app.items import _label

    scene = QGraphicsScene()
    back = scene.addRect(
        QRectF(-50, -50, 200, 100), QPen(Qt.PenStyle.NoPen), style.DORI_BAND["identification"]
    )
    label = _label(back, "CAM-01 Lobby")
    label.setPos(0, 0)
    img = QImage(200, 100, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    scene.render(painter, QRectF(0, 0, 200, 100), QRectF(-50, -50, 200, 100))
    painter.end()
    r = label.boundingRect().translated(50, 50)
    inside = [
        rgb(img.pixelColor(x, y))
        for x in range(int(r.left()) + 1, int(r.right()) - 1)
        for y in range(int(r.top()) + 1, int(r.bottom()) - 1)
    ]
    assert sum(min(c) > 150 for c in inside) > 0.6 * len(inside)
    assert max(rgb(img.pixelColor(int(r.right()) + 10, int(r.center().y())))) < 200  # the band


def test_a_zone_name_leaves_and_returns_with_its_zone(make_window, qtbot):
    zone = {
        "id": "z1",
        "name": "Lobby",
        "kind": "collection",
        "polygon": [[1, 1], [5, 1], [5, 5], [1, 5]],
    }
    win = make_window(room_plan([CAM], [zone]))
    wait_analysis(qtbot, win)
    item = win.scene.item_for(win.doc.plan.levels[0].zones[0])
    label = item.label
    assert label.scene() is win.scene and label.text() == "Lobby"
    # Drawn above the coverage of every camera, which lies above the zone's own fill.
    assert label.zValue() > max(
        i.zValue() for i in win.scene.items() if i is not label and i.zValue() < 20
    )
    click(win, 3.0, 3.0)
    key(win, Qt.Key.Key_Delete)
    assert win.doc.plan.levels[0].zones == []
    assert label.scene() is None
    win.doc.undo.undo()
    item = win.scene.item_for(win.doc.plan.levels[0].zones[0])
    assert item.label.scene() is win.scene and item.label.isVisible()
