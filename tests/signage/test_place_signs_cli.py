"""`siteplanner place-signs`: the plan with the suggested signs on its walls, so that `check`
finds no camera left unannounced."""

from __future__ import annotations

import json

import shapely

from siteplanner.analysis import Analyser
from siteplanner.cli import main
from siteplanner.fileformat import load_plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.placement import MAX_WALL_GAP_M


def test_place_signs_then_check_has_no_sign_missing(tmp_path, capsys):
    before = tmp_path / "before.json"
    assert main(["check", str(sample_plan_path()), "--json"]) == 1
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "SIGN_MISSING" in rules  # the sample lacks signs to begin with
    out = tmp_path / "placed.siteplan"
    assert main(["place-signs", str(sample_plan_path()), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "s-entrance now announces" in printed and "on wall" in printed
    # Doors by the rooms they join (the sample's doors have no names), their ids after.
    assert "left of door Lobby–Stockroom (d-stock)" in printed
    main(["check", str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert not [f for f in report["findings"] if f["rule"] == "SIGN_MISSING"]
    assert not before.exists()

    placed = load_plan(out)
    original = load_plan(sample_plan_path())
    level, old = placed.levels[0], original.levels[0]
    ids = [s.id for s in level.signs]
    assert len(ids) > len(old.signs) and len(set(ids)) == len(ids)
    # The existing signs are kept (s-entrance extended), the rest is new.
    assert ids[: len(old.signs)] == [s.id for s in old.signs]
    entrance = level.signs[0]
    assert {"c-lobby", "c-entrance", "c-turnstile"} < set(entrance.covers)
    # No sign announces the camera in the changing room.
    assert not any("c-changing" in s.covers for s in level.signs)
    solids = Analyser().analyse(placed).levels[level.id].geometry.solids
    on_walls = [
        s
        for s in level.signs[len(old.signs) :]
        if solids.distance(shapely.Point(s.position)) <= MAX_WALL_GAP_M
    ]
    assert len(on_walls) >= len(level.signs[len(old.signs) :]) // 2  # the car park's need posts
    for s in level.signs[len(old.signs) :]:  # new signs: centre at eye level
        assert s.mount_height_m == 1.6


def test_place_signs_bad_input(tmp_path, capsys):
    out = tmp_path / "x.siteplan"
    assert main(["place-signs", str(tmp_path / "missing.siteplan"), "-o", str(out)]) == 2
    assert "missing.siteplan" in capsys.readouterr().err
    bad = tmp_path / "bad.siteplan"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["place-signs", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.siteplan" in err and "Traceback" not in err
    assert main(["place-signs", str(sample_plan_path()), "-o", "/nonexistent-dir/x.siteplan"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not out.exists()
