"""The plan drawing: to scale, every object named, labels that never overlap."""

from __future__ import annotations

import math

from siteplanner import pipeline
from siteplanner.drawing.canvas import MM
from siteplanner.drawing.plan_drawing import boxes_overlap, choose_scale, draw_level
from siteplanner.drawing.recording import RecordingCanvas
from siteplanner.drawing.text import string_width
from tests.helpers import camera, plan, rect

A4_LANDSCAPE = (297 * MM, 210 * MM)


def crowded_plan(n: int = 36):
    # n cameras on a 6 x 6 grid inside a 5 m x 5 m room: far too many labels for the room.
    cams = [
        camera(
            id=f"c{i}",
            name=f"CAM-{i:02d}-Lobby",
            position=[0.5 + (i % 6) * 0.8, 0.5 + (i // 6) * 0.8],
            pan_deg=(i * 37) % 360,
            height_m=3.0,
            tilt_deg=30,
            range_m=4.0,
        )
        for i in range(n)
    ]
    walls = [{"id": "w1", "points": [[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]]}]
    zones = [{"id": "z1", "name": "Lobby", "kind": "collection", "polygon": rect(0, 0, 5, 5)}]
    return plan(cameras=cams, walls=walls, zones=zones)


def text_boxes(rec: RecordingCanvas) -> list[tuple[float, float, float, float]]:
    boxes = []
    for name, args, kw in rec.calls:
        if name == "text":
            x, y, text, size = args
            if kw.get("anchor", "start") != "start":
                continue  # furniture (scale bar figures), placed apart from the plan
            boxes.append((x, y - 0.25 * size, x + string_width(text, size), y + 0.9 * size))
    return boxes


def test_many_cameras_in_a_small_room_get_every_label_without_overlap():
    p = crowded_plan()
    analysis = pipeline.run(p).analysis
    rec = RecordingCanvas()
    rec.begin_page(*A4_LANDSCAPE)
    info = draw_level(rec, p, p.levels[0], analysis, (10 * MM, 10 * MM, 287 * MM, 200 * MM))
    rec.end_page()
    # Every camera and the zone is labelled, none overlaps another.
    labelled = {pl.text for pl in info.labels}
    assert {f"CAM-{i:02d}-Lobby" for i in range(36)} | {f"c{i}" for i in range(36)} >= (
        labelled - {"Lobby", "z1"}
    )
    assert len(info.labels) == 37
    assert boxes_overlap([pl.box for pl in info.labels]) == 0
    # What was really drawn as label text overlaps no other label text either.
    drawn = [b for b in text_boxes(rec) if b[0] < 240 * MM]
    assert boxes_overlap(drawn) == 0
    # Crowded: some labels had to be led out with a leader line.
    assert any(pl.leader for pl in info.labels)


def test_boxes_overlap_counts_pairs():
    assert boxes_overlap([(0, 0, 2, 2), (1, 1, 3, 3), (5, 5, 6, 6)]) == 1
    assert boxes_overlap([(0, 0, 1, 1), (1, 0, 2, 1)]) == 0  # touching edges do not overlap


def test_scale_is_the_largest_standard_ratio_that_fits():
    # 30 m into 200 mm: 1:150 needs 200 mm exactly, 1:100 would need 300 mm.
    assert choose_scale(30, 10, 200 * MM + 0.01, 100 * MM) == 150
    assert choose_scale(30, 10, 199 * MM, 100 * MM) == 200
    # The ratio printed on the page is the one used: a 10 m wall measures 10 m / n on paper.
    p = plan(walls=[{"id": "w1", "points": [[0, 0], [10, 0]], "thickness_m": 0.2}])
    analysis = pipeline.run(p).analysis
    rec = RecordingCanvas()
    rec.begin_page(*A4_LANDSCAPE)
    info = draw_level(rec, p, p.levels[0], analysis, (10 * MM, 10 * MM, 287 * MM, 200 * MM))
    texts = [a[2] for n, a, _ in rec.calls if n == "text"]
    assert any(t.endswith(f"1:{info.scale}") for t in texts)
    wall_paths = [a[0] for n, a, _ in rec.calls if n == "draw_path"]
    xs = [op[1][0] for path in wall_paths for op in path.ops if op[0] in ("move_to", "line_to")]
    assert xs  # the wall was drawn
    # The widest drawn outline is the wall: 10 m at 1:n.
    span = max(
        max(o[1][0] for o in path.ops if o[0] in ("move_to", "line_to"))
        - min(o[1][0] for o in path.ops if o[0] in ("move_to", "line_to"))
        for path in wall_paths
        if any(o[0] == "line_to" for o in path.ops)
    )
    assert math.isclose(span, 10_000 / info.scale * MM, rel_tol=1e-6)
