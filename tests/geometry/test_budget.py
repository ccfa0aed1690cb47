"""Budgets on what a plan may ask: detailed outlines simplified within 1 cm (and said so), what no
budget allows refused before any work with the object's field path and what to do."""

from __future__ import annotations

import json
import math

import pytest
import shapely

from bench import hostile
from siteplanner import analysis as analysis_module
from siteplanner import cli
from siteplanner.geometry import budget
from siteplanner.geometry.budget import PlanTooComplex, check_plan, self_crossings
from siteplanner.geometry.walls import wall_parts, wall_pieces, wall_solids
from siteplanner.model import Plan
from siteplanner.pipeline import run
from tests.helpers import camera, plan, reference_area


def zigzag(points: int, amplitude: float) -> list[list[float]]:
    return [[20.0 * i / (points - 1), amplitude if i % 2 else -amplitude] for i in range(points)]


def test_a_detailed_wall_is_simplified_within_a_centimetre_and_a_warning_names_it():
    cam = camera(position=[10, 5], pan_deg=-90, hfov_deg=120, range_m=15, height_m=3, tilt_deg=10)
    jitter = {"id": "survey", "points": zigzag(10_000, 0.004), "thickness_m": 0.2}
    p = plan([cam], [jitter])
    result = run(p, lang="en")
    simplified = [f for f in result.findings if f.rule == "GEOMETRY_SIMPLIFIED"]
    assert len(simplified) == 1
    assert "survey" in simplified[0].message and "10,000" in simplified[0].message
    assert simplified[0].severity == "warning"
    # The coverage is that of the straight wall the jitter traces, and agrees with the exact
    # reference on the wall as drawn.
    straight = plan([cam], [{"id": "w", "points": [[0, 0], [20, 0]], "thickness_m": 0.2}])
    a = result.analysis.cameras["c1"].coverage_m2
    assert a == pytest.approx(run(straight).analysis.cameras["c1"].coverage_m2, rel=1e-3)
    ref = reference_area(straight, step=0.1)
    assert abs(a - ref) <= max(0.02 * ref, 0.35)
    assert not [f for f in run(straight).findings if f.rule == "GEOMETRY_SIMPLIFIED"]


def test_a_detailed_zone_is_simplified_and_keeps_its_area():
    ring = [
        [10 * math.cos(2 * math.pi * i / 5000), 10 * math.sin(2 * math.pi * i / 5000)]
        for i in range(5000)
    ]
    zone = {"id": "hall", "name": "Hall", "kind": "collection", "polygon": ring}
    result = run(plan([camera()], zones=[zone]), lang="en")
    assert [f.zone for f in result.findings if f.rule == "GEOMETRY_SIMPLIFIED"] == ["hall"]
    area = result.analysis.zones["hall"].area_m2
    assert area == pytest.approx(shapely.Polygon(ring).area, rel=1e-3)


def test_a_wall_that_no_centimetre_simplifies_is_refused_naming_it():
    p = plan([camera()], [{"id": "saw", "points": zigzag(1_500, 0.5)}])
    with pytest.raises(PlanTooComplex) as err:
        run(p)
    assert err.value.field == "levels[0].walls[0].points"
    assert "wall saw has 1,500 points" in err.value.message
    assert "split it into several walls" in err.value.message


def test_a_scribbled_zone_is_refused_at_once_naming_it(tmp_path, capsys):
    path = tmp_path / "scribble.siteplan"
    path.write_text(json.dumps(hostile.random_zone_plan(1_000)))
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"siteplanner: {path}: levels[0].zones[0].polygon: zone scribble crosses itself more "
        "than 1,000 times: redraw it so that its edges do not cross"
    )


def test_a_scribbled_wall_is_refused_naming_it(tmp_path, capsys):
    path = tmp_path / "scribble.siteplan"
    path.write_text(json.dumps(hostile.random_wall_plan(1_000)))
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "levels[0].walls[0].points: wall scribble crosses itself" in err
    assert "Traceback" not in err


def test_a_wall_crossing_itself_a_few_times_is_analysed_exactly():
    pts = [[0, 0], [8, 4], [8, 0], [0, 4], [4, -2]]
    assert self_crossings(pts, closed=False) == 2
    p = plan([camera(position=[4, -3], pan_deg=90, hfov_deg=100, range_m=12)], [{"points": pts}])
    check_plan(p)
    a = run(p).analysis.cameras["c1"].coverage_m2
    ref = reference_area(p, step=0.05)
    assert abs(a - ref) <= max(0.02 * ref, 0.35)


def test_self_crossings_counts_exactly_and_stops_past_the_limit():
    # A star polygon {7/3}: every edge crosses four others, 14 crossings in all.
    star = [
        [math.cos(2 * math.pi * 3 * k / 7), math.sin(2 * math.pi * 3 * k / 7)] for k in range(7)
    ]
    assert self_crossings(star, closed=True) == 14
    scribble = hostile.random_zone_plan(1_000)["levels"][0]["zones"][0]["polygon"]
    assert 10 < self_crossings(scribble, closed=True, limit=10) < 10 + 256 * 1_000


def test_too_many_cameras_are_refused_with_what_to_do():
    cams = [camera(id=f"c{i}", position=[i % 50, i // 50]) for i in range(budget.MAX_CAMERAS + 1)]
    with pytest.raises(PlanTooComplex) as err:
        check_plan(plan(cams))
    assert "3,001 cameras" in err.value.message and "several plans" in err.value.message


def test_level_budgets_name_the_level(monkeypatch):
    walls = [{"id": f"w{i}", "points": [[i, 0], [i, 3]]} for i in range(30)]
    p = plan([camera()], walls)
    check_plan(p)
    monkeypatch.setattr(budget, "MAX_LEVEL_OBJECTS", 20)
    with pytest.raises(PlanTooComplex) as err:
        check_plan(p)
    assert err.value.field == "levels[0]" and "level L1 has 31 objects" in err.value.message
    monkeypatch.setattr(budget, "MAX_LEVEL_OBJECTS", 1_000)
    monkeypatch.setattr(budget, "MAX_LEVEL_POINTS", 50)
    with pytest.raises(PlanTooComplex) as err:
        check_plan(p)
    assert err.value.field == "levels[0]" and "60 points" in err.value.message


def test_the_hostile_bench_plans_are_valid_plans():
    for data in (hostile.zigzag_wall_plan(2_000), hostile.round_room_plan(2_000)):
        p = Plan.model_validate(data)
        check_plan(p)
        assert budget.simplifications(p, p.levels[0])


@pytest.mark.parametrize("closed", [False, True])
def test_a_wall_of_many_points_is_built_piece_by_piece_with_the_same_solid(closed):
    # A round room of 400 points (more than one buffer should be asked to fold) and a
    # saw-tooth: the union of the pieces is the buffer the spec defines.
    ring = [
        [5 * math.cos(2 * math.pi * i / 400), 5 * math.sin(2 * math.pi * i / 400)]
        for i in range(400)
    ]
    saw = [[0.02 * i, 0.3 if i % 2 else 0.0] for i in range(300)]
    for pts in (ring, saw):
        pts = pts + [pts[0]] if closed else pts
        wall = plan([], [{"id": "w", "points": pts, "thickness_m": 0.2}]).levels[0].walls[0]
        pieces, wall_of = wall_pieces([wall])
        assert len(pieces) > 1 and set(wall_of.tolist()) == {0}
        exact = shapely.LineString(pts).buffer(0.1, cap_style="flat", join_style="mitre")
        built = wall_solids([wall])[0]
        assert built.symmetric_difference(exact).area < 1e-9
        assert shapely.union_all(wall_parts(plan([], [{"points": pts}]).levels[0])).area == (
            pytest.approx(exact.area, rel=1e-9)
        )


def test_a_camera_facing_thousands_of_detailed_edges_is_refused_naming_it():
    saw = [[0.01 * i, 5 + (0.2 if i % 2 else 0.0)] for i in range(400)]
    cams = [
        camera(id="far", position=[50, 50]),
        camera(id="facing", position=[2, 0], pan_deg=90, range_m=12),
    ]
    with pytest.raises(PlanTooComplex) as err:
        run(plan(cams, [{"id": "saw", "points": saw}]))
    assert err.value.field == "levels[0].cameras[1]"
    assert err.value.message.startswith("camera facing looks at more than 1,500 wall")
    # The same camera farther off, where the saw is a few edges wide, is analysed.
    ok = run(plan([camera(id="facing", position=[2, -20], range_m=12)], [{"points": saw}]))
    assert ok.analysis.cameras["facing"].coverage_m2 > 0


def test_the_analysis_as_a_whole_is_budgeted(monkeypatch):
    room = {"id": "room", "points": [[0, 0], [8, 0], [8, 6], [0, 6], [0, 0]]}
    cams = [camera(id=f"c{i}", position=[1 + i, 3], pan_deg=0) for i in range(4)]
    p = plan(cams, [room])
    run(p)
    monkeypatch.setattr(analysis_module, "MAX_ANALYSIS_SHADOWS", 10)
    with pytest.raises(PlanTooComplex) as err:
        run(p)
    assert err.value.field == "levels[0]" and "level L1" in err.value.message


def test_detailed_wall_points_are_budgeted_across_the_plan(monkeypatch):
    wavy = [[0.1 * i, 0.05 * (i % 2)] for i in range(40)]
    p = plan([camera()], [{"id": "a", "points": wavy}, {"id": "b", "points": wavy}])
    check_plan(p)
    monkeypatch.setattr(budget, "MAX_DETAILED_WALL_POINTS", 60)
    with pytest.raises(PlanTooComplex) as err:
        check_plan(p)
    assert err.value.field == "levels[0].walls" and "80 points" in err.value.message
