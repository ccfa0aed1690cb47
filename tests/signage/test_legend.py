"""The installer's legend: a plan page per level with the signs numbered and their facing, and per
sign the room, wall, side of the door, centre height, size, legible distance and cameras; a bill
of materials; every heading in the sign languages."""

from __future__ import annotations

import json
import math
import re

import pytest

from siteplanner import pipeline
from siteplanner.cli import main
from siteplanner.compliance.legibility import printed_sizes
from siteplanner.drawing.canvas import MM
from siteplanner.drawing.recording import RecordingCanvas
from siteplanner.model import Plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.legend import (
    LEADER,
    MARKER_R,
    NUMBER_PT,
    TEXTS,
    bill_of_materials,
    door_cell,
    draw_legend,
    legend_rows,
    mounting,
    wall_cell,
)
from siteplanner.signage.pdf import collect_signs
from siteplanner.signage.placement import suggest_signs
from tests.helpers import camera, rect

CJK = re.compile(r"[\u4e00-\u9fff]")
ORG = {
    "name": "Northwind",
    "contact": "privacy@northwind.example",
    "purpose": "Safety",
    "legal_basis": "Legitimate interest",
    "retention_days": 7,
    "privacy_notice_url": "https://northwind.example/cctv",
    "face_purpose": "Staff entry",
    "face_retention_days": 7,
}


def sign(sid: str, x: float, y: float, facing: float, **kw) -> dict:
    base = {
        "id": sid,
        "position": [x, y],
        "facing_deg": facing,
        "width_m": 0.3,
        "height_m": 0.4,
        "mount_height_m": 1.6,
        "covers": ["c1"],
    }
    base.update(kw)
    return base


def level(lid: str, signs: list[dict], cams: list[dict] | None = None) -> dict:
    """A 10 m wall along y = 0 with door d1 from x = 4 to 5: the Lobby north of it, the Street
    south of it."""
    return {
        "id": lid,
        "name": f"Floor {lid}",
        "walls": [{"id": f"w-{lid}", "points": [[0, 0], [10, 0]], "thickness_m": 0.2}],
        "openings": [{"id": f"d-{lid}", "kind": "door", "points": [[4, 0], [5, 0]]}],
        "zones": [
            {
                "id": f"z-lobby-{lid}",
                "name": "Lobby",
                "kind": "collection",
                "place": "public",
                "polygon": rect(0, 0, 10, 5),
            },
            {
                "id": f"z-street-{lid}",
                "name": "Street",
                "kind": "exclude",
                "polygon": rect(0, -5, 10, 0),
            },
        ],  # fmt: skip
        "cameras": cams if cams is not None else [],
        "signs": signs,
    }


def two_level_plan(rules: str = "cn-2025") -> Plan:
    # Signs 0.12 m off the wall line (0.02 m off its face), 0.15 m from the door's edge.
    l1 = level(
        "L1",
        [
            sign("s-right", 5.3, -0.12, 270),  # street side, east of the door
            sign("s-left", 3.7, -0.12, 270),  # street side, west of the door
            sign("s-in", 3.7, 0.12, 90, width_m=0.6, height_m=0.8),  # lobby side, west
        ],
        [camera(id="c1", name="CAM Lobby", position=[2.0, 2.0], pan_deg=0, height_m=3.0)],
    )
    l2 = level(
        "L2",
        [sign("s-far", 9.0, 3.0, 180, covers=["c2"])],
        [camera(id="c2", name="CAM Upstairs", position=[2.0, 2.0], face_recognition=True)],
    )
    return Plan.model_validate(
        {"format": "siteplanner", "version": 1, "name": "Legend test", "rules": rules,
         "organization": ORG, "levels": [l1, l2]}
    )  # fmt: skip


def rows_of(p: Plan, langs=("en",)):
    run = pipeline.run(p)
    return legend_rows(p, collect_signs(p), None, run.analysis, langs), run.analysis


def test_wall_and_side_of_the_door_as_seen_facing_the_wall():
    rows, _ = rows_of(two_level_plan())
    by_id = {r.sign_id: r for r in rows}
    right, left, inside = by_id["s-right"], by_id["s-left"], by_id["s-in"]
    # Standing in the street facing the wall (north), east is on one's right.
    assert right.mounting.door_side == "right" and left.mounting.door_side == "left"
    # Standing in the lobby facing the wall (south), west is on one's right.
    assert inside.mounting.door_side == "right"
    for r in (right, left):
        assert r.mounting.on_wall and r.mounting.room == "Street"
        assert r.mounting.door == "Lobby–Street"
        assert r.mounting.door_gap_m == pytest.approx(0.15, abs=1e-9)
    # The wider sign's near edge: 4 - 3.7 - 0.3 = 0, clear of the door by nothing.
    assert inside.mounting.door_gap_m == pytest.approx(0.0, abs=1e-9)
    assert inside.mounting.room == "Lobby"
    # A sign facing south hangs on the north wall, one facing north on the south wall.
    assert wall_cell(right, ("en",)).startswith("Street · N wall")
    assert wall_cell(inside, ("zh", "en")).startswith("Lobby · 南墙 / S wall")
    assert door_cell(right, ("en",)) == "right · Lobby–Street · 0.15 m"
    assert door_cell(left, ("zh", "en")) == "左侧 / left · Lobby–Street · 0.15 m"
    far = by_id["s-far"]
    assert not far.mounting.on_wall and far.mounting.door is None
    assert wall_cell(far, ("en",)).startswith("Lobby · free-standing: on a post")
    assert door_cell(far, ("en",)) == "no door within 3 m"


def test_named_door_is_named():
    p = two_level_plan()
    data = p.model_dump(mode="json")
    data["levels"][0]["openings"][0]["name"] = "Main entrance"
    p = Plan.model_validate(data)
    rows, _ = rows_of(p)
    assert rows[0].mounting.door == "Main entrance"


def test_height_size_and_legible_distance_from_the_printed_sizes():
    rows, _ = rows_of(two_level_plan(), ("zh", "en"))
    by_id = {r.sign_id: r for r in rows}
    r = by_id["s-in"]
    assert (r.mount_height_m, r.bottom_m, r.top_m) == pytest.approx((1.6, 1.2, 2.0))
    assert r.size == "600×800"
    expected = printed_sizes(0.6, 0.8, ("视频监控区域", "CCTV in operation")).legible_m
    assert r.legible_m == pytest.approx(expected)
    # The documented figures: 2.6 m for 300 × 400 mm, 5.2 m for 600 × 800 mm (zh + en).
    assert by_id["s-right"].legible_m == pytest.approx(2.6, abs=0.05)
    assert r.legible_m == pytest.approx(5.2, abs=0.05)
    # The face-recognition sign is laid out with its notice band (a smaller pictogram).
    face = by_id["s-far"]
    titles = ("视频监控区域", "CCTV in operation")
    assert face.face
    assert face.legible_m == pytest.approx(printed_sizes(0.3, 0.4, titles, True).legible_m)
    assert face.cameras == ["CAM Upstairs"]


def test_numbers_restart_per_level_and_the_bill_of_materials_counts_sizes():
    rows, _ = rows_of(two_level_plan())
    assert [(r.level_id, r.number) for r in rows] == [("L1", 1), ("L1", 2), ("L1", 3), ("L2", 1)]
    bom = bill_of_materials(rows)
    assert sum(q for _, _, q, _ in bom) == len(rows)
    assert bom == [
        ("600×800", False, 1, "Floor L1: 3"),
        ("300×400", False, 2, "Floor L1: 1, 2"),
        ("300×400", True, 1, "Floor L2: 1"),
    ]


def test_plan_pages_number_each_sign_in_front_of_where_it_hangs():
    p = two_level_plan()
    rows, analysis = rows_of(p)
    rec = RecordingCanvas()
    pages: list[int] = []

    def new_page(size):
        if pages:
            rec.end_page()
        rec.begin_page(*size)
        pages.append(len(pages) + 1)
        return len(pages)

    out = draw_legend(rec, p, collect_signs(p), [], (595.28, 841.89), new_page, ("en",), analysis)
    assert out == pages
    # Per level a plan page then its table page, then the bill of materials: 5 pages.
    assert len(out) == 5
    by_page: list[list] = [[]]
    for call in rec.calls:
        if call[0] == "begin_page":
            by_page.append([])
            assert call[1][0] > call[1][1]  # landscape
        by_page[-1].append(call)
    for page_calls, level_rows in ((by_page[1], rows[:3]), (by_page[3], rows[3:])):
        numbers = {
            c[1][2]: (c[1][0], c[1][1] + NUMBER_PT * 0.35)
            for c in page_calls
            if c[0] == "text" and c[1][3] == pytest.approx(NUMBER_PT) and c[1][2].isdigit()
        }
        assert sorted(numbers) == [str(r.number) for r in level_rows]
        lines = [c[1] for c in page_calls if c[0] == "line"]
        # The plan drawing's own small sign dots, where the signs hang.
        dots = [c[1][:2] for c in page_calls if c[0] == "circle" and c[1][2] == pytest.approx(2.8)]
        for r in level_rows:
            cx, cy = numbers[str(r.number)]
            dx, dy = math.cos(math.radians(r.facing_deg)), math.sin(math.radians(r.facing_deg))
            # The leader: from the dot where the sign hangs to the circle, the way it faces.
            hang = (cx - dx * LEADER, cy - dy * LEADER)
            assert any(d == pytest.approx(hang, abs=1e-6) for d in dots), r.sign_id
            leader = [ln for ln in lines if ln[:2] == pytest.approx(hang, abs=1e-6)]
            assert len(leader) == 1, r.sign_id
            end = (cx - dx * MARKER_R, cy - dy * MARKER_R)
            assert leader[0][2:] == pytest.approx(end, abs=1e-6)
            # The arrow beyond the circle, 3 mm long, the way the sign faces.
            start = (cx + dx * MARKER_R, cy + dy * MARKER_R)
            arrow = [ln for ln in lines if ln[:2] == pytest.approx(start, abs=1e-6)]
            assert len(arrow) == 1, r.sign_id
            x0, y0, x1, y1 = arrow[0]
            assert (x1 - x0, y1 - y0) == pytest.approx((dx * 3 * MM, dy * 3 * MM), abs=1e-6)
    # Signs 2 and 3 hang back to back on the wall (0.24 m apart): their numbers part ways,
    # one into the street (south), one into the lobby (north), further apart than two circles.
    at = {
        c[1][2]: c[1][:2]
        for c in by_page[1]
        if c[0] == "text" and c[1][3] == pytest.approx(NUMBER_PT) and c[1][2].isdigit()
    }
    assert at["2"][0] == pytest.approx(at["3"][0])
    assert at["3"][1] - at["2"][1] > 2 * MARKER_R and at["1"][0] > at["2"][0]


def legend_text(poppler, path) -> str:
    info = poppler("pdfinfo", str(path))
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return " ".join(
        poppler("pdftotext", "-f", str(i), "-l", str(i), str(path), "-") for i in range(1, n + 1)
    )


def plan_file(tmp_path, rules: str) -> str:
    data = two_level_plan(rules).model_dump(mode="json", exclude_none=True)
    path = tmp_path / f"{rules}.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("rules", "lang", "present", "absent"),
    [
        ("cn-2025", None, ["zh", "en"], ["de", "fr"]),
        ("eu-edpb", "en,de,fr", ["en", "de", "fr"], ["zh"]),
        ("eu-edpb", "de", ["de"], ["zh", "en", "fr"]),
        ("uk-ico", None, ["en"], ["zh", "de", "fr"]),
    ],
)
def test_headings_in_the_sign_languages_only(tmp_path, poppler, rules, lang, present, absent):
    out = tmp_path / "signs.pdf"
    args = ["signs", plan_file(tmp_path, rules), "-o", str(out)]
    assert main([*args, "--lang", lang] if lang else args) == 0
    text = legend_text(poppler, out)
    squashed = "".join(text.split())  # headings wrap inside their column
    for code in present:
        for key in ("title", "bom", "legible", "cameras", "total"):
            assert "".join(TEXTS[code][key].split()) in squashed, (code, key)
    for code in absent:
        for key in ("bom", "legible", "qty", "cameras"):
            assert "".join(TEXTS[code][key].split()) not in squashed, (code, key)
    if "zh" not in present:  # no Chinese anywhere on a European or British sign PDF
        assert not CJK.search(text)


def test_legend_agrees_with_the_suggested_placement():
    """The side of the door the legend names is the side placement put the sign on."""
    p = Plan.model_validate(json.loads(sample_plan_path().read_text(encoding="utf-8")))
    run = pipeline.run(p)
    suggestions = suggest_signs(p, run.analysis)
    at_doors = [s for s in suggestions if s.side and s.opening and not s.extends]
    assert len(at_doors) >= 3
    for s in at_doors:
        lv = p.level(s.level_id)
        got = mounting(lv, s.to_sign(s.id), run.analysis.levels[s.level_id].geometry.solids)
        assert got.on_wall, s.id
        assert got.door_side == s.side, s.id
        assert got.door is not None and s.opening not in got.door  # named, not by id


def test_european_draft_has_no_chinese_anywhere(tmp_path, poppler):
    """The DRAFT mark speaks the sign languages too: no 草稿 on a German proof."""
    data = two_level_plan("eu-edpb").model_dump(mode="json", exclude_none=True)
    del data["organization"]["legal_basis"]  # incomplete: only a draft prints
    path = tmp_path / "eu.siteplan"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "draft.pdf"
    assert main(["signs", str(path), "-o", str(out), "--lang", "de", "--draft"]) == 0
    # Rotated across the sign: pdftotext -raw gives it glyph by glyph.
    text = "".join(poppler("pdftotext", "-raw", str(out), "-").split())
    assert "ENTWURF" in text and "DRAFT" not in text
    assert not CJK.search(text)
