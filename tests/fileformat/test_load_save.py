"""Loading, validation messages with field paths, migration and atomic saving."""

from __future__ import annotations

import json
import os

import pytest

from siteplanner.fileformat import (
    MIGRATIONS,
    PlanFileError,
    dumps_plan,
    load_plan,
    loads_plan,
    save_plan,
)
from siteplanner.resources import sample_plan_path
from tests.helpers import camera


def cam(**kw):
    return camera(**{"position": [1, 2], "height_m": 3, **kw})


def doc(level=None, **top):
    data = {"format": "siteplanner", "version": 1, "levels": [level or {"id": "L1"}]}
    data.update(top)
    return json.dumps(data)


def error_of(text, file="site.siteplan") -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        loads_plan(text, file)
    return info.value


@pytest.mark.parametrize(
    "level,field,words",
    [
        (
            {"cameras": [cam(), cam(id="c2"), cam(id="c3"), cam(id="c4", height_m=-2)]},
            "levels[0].cameras[3].height_m",
            "must be a number > 0",
        ),
        ({"cameras": [cam(height_m="high")]}, "levels[0].cameras[0].height_m", "must be a number"),
        ({"cameras": [cam(hfov_deg=180)]}, "levels[0].cameras[0].hfov_deg", "< 180"),
        ({"cameras": [cam(vfov_deg=-5)]}, "levels[0].cameras[0].vfov_deg", "> 0"),
        ({"cameras": [cam(hfov_deg=0)]}, "levels[0].cameras[0].hfov_deg", "> 0"),
        (
            {"cameras": [cam(face_recognition="yes")]},
            "levels[0].cameras[0].face_recognition",
            "true or false",
        ),
        ({"cameras": [cam(resolution=[1920])]}, "levels[0].cameras[0].resolution", ""),
        (
            {"cameras": [{"id": "c", "position": [0, 0], "height_m": 3}]},
            "levels[0].cameras[0].hfov_deg",
            "required",
        ),
        ({"cameras": [cam(model="nope")]}, "levels[0].cameras[0].model", "unknown camera model"),
        ({"walls": [{"points": [[1, 1]]}]}, "levels[0].walls[0].points", "at least 2 distinct"),
        ({"walls": [{"points": [[1, 1], [1, 1]]}]}, "levels[0].walls[0].points", "2 distinct"),
        (
            {"walls": [{"points": [[0, 0], [1e999, 0]]}]},
            "levels[0].walls[0].points[1][0]",
            "finite",
        ),
        (
            {"walls": [{"points": [[0, 0], [4, 0]], "thickness_m": 0}]},
            "levels[0].walls[0].thickness_m",
            "> 0",
        ),
        (
            {"zones": [{"kind": "private", "polygon": [[0, 0], [1, 1], [2, 2]]}]},
            "levels[0].zones[0].polygon",
            "no area",
        ),
        (
            {"zones": [{"kind": "lounge", "polygon": [[0, 0], [1, 0], [1, 1]]}]},
            "levels[0].zones[0].kind",
            "must be one of",
        ),
        ({"openings": [{"points": [[0, 0]]}]}, "levels[0].openings[0].points", "2 distinct"),
        (
            {"obstacles": [{"polygon": [[0, 0], [1, 0], [1, 1]], "height_m": True}]},
            "levels[0].obstacles[0].height_m",
            "must be a number",
        ),
        ({"cameras": [cam(), cam()]}, "levels[0].cameras[1].id", "duplicate id"),
    ],
)
def test_bad_values_name_the_file_and_field(level, field, words):
    err = error_of(doc(level))
    assert err.file == "site.siteplan"
    assert field in str(err)
    assert words in str(err)
    assert str(err).startswith("site.siteplan: ")


def test_infinity_literal_is_refused_with_its_path():
    text = doc({"walls": [{"points": [[0, 0], [1, 0]]}]}).replace("[1, 0]", "[Infinity, 0]")
    assert "levels[0].walls[0].points[1][0]: must be a finite number" in str(error_of(text))


def test_truncated_json():
    err = error_of(doc()[:-7])
    assert "not valid JSON" in str(err) and "line 1" in str(err)


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "FeatureCollection", "features": []}',
        "[1, 2, 3]",
        '"a string"',
        "42",
        '{"format": "other", "levels": []}',
    ],
)
def test_non_plan_json(text):
    assert "not a SitePlanner plan" in str(error_of(text))


def test_binary_file(tmp_path):
    path = tmp_path / "photo.siteplan"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(path) in str(info.value) and "binary" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(PlanFileError, match="file not found"):
        load_plan(tmp_path / "nowhere.siteplan")


def test_future_version_is_refused():
    err = error_of(doc(version=99))
    assert err.field == "version" and "newer" in err.message


def test_older_version_is_migrated(monkeypatch):
    def rename_fov(data):
        for level in data.get("levels", []):
            for c in level.get("cameras", []):
                c["hfov_deg"] = c.pop("fov_deg")
        return data

    monkeypatch.setitem(MIGRATIONS, 0, rename_fov)
    old = cam()
    old["fov_deg"] = old.pop("hfov_deg")
    plan = loads_plan(doc({"cameras": [old]}, version=0))
    assert plan.version == 1
    assert plan.levels[0].cameras[0].hfov_deg == 90


def test_unknown_version_without_migration_is_refused():
    assert "not one SitePlanner knows" in str(error_of(doc(version=0)))


def test_unknown_keys_survive_a_round_trip(tmp_path):
    text = doc(
        {"id": "L1", "cameras": [cam(vendor_note="keep me")], "custom": {"a": [1]}},
        extension={"x": 1},
    )
    plan = loads_plan(text)
    again = json.loads(dumps_plan(plan))
    assert again["extension"] == {"x": 1}
    assert again["levels"][0]["custom"] == {"a": [1]}
    assert again["levels"][0]["cameras"][0]["vendor_note"] == "keep me"


def test_sample_round_trips_exactly():
    plan = load_plan(sample_plan_path())
    once = dumps_plan(plan)
    assert dumps_plan(loads_plan(once)) == once


def test_save_is_atomic_and_keeps_the_previous_version(tmp_path):
    path = tmp_path / "site.siteplan"
    plan = load_plan(sample_plan_path())
    save_plan(plan, path)
    first = path.read_text(encoding="utf-8")
    umask = os.umask(0)
    os.umask(umask)
    # A new file gets the usual permissions, not the private ones of a temporary file.
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~umask
    plan.name = "Renamed"
    save_plan(plan, path)
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "Renamed"
    assert (tmp_path / "site.siteplan.bak").read_text(encoding="utf-8") == first
    # No temporary files are left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.siteplan", "site.siteplan.bak"]


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "site.siteplan"
    plan = load_plan(sample_plan_path())
    save_plan(plan, path)
    before = path.read_bytes()

    def broken_replace(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    plan.name = "lost"
    with pytest.raises(PlanFileError, match="No space left"):
        save_plan(plan, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "level,field",
    [
        ({"cameras": [cam(position=[1e300, 0])]}, "levels[0].cameras[0].position[0]"),
        ({"cameras": [cam(range_m=1e300)]}, "levels[0].cameras[0].range_m"),
        (
            {"walls": [{"points": [[0, 0], [1, 0]], "thickness_m": 1e200}]},
            "levels[0].walls[0].thickness_m",
        ),
    ],
)
def test_hostile_magnitudes_are_refused_before_any_geometry(level, field):
    assert field in str(error_of(doc(level)))


def test_objects_appended_to_a_new_level_are_saved(tmp_path):
    from siteplanner.model import Level, Plan, Wall

    plan = Plan(name="new")
    plan.levels.append(Level(id="L1"))
    plan.levels[0].walls.append(Wall(points=[(0, 0), (4, 0)]))
    path = tmp_path / "new.siteplan"
    save_plan(plan, path)
    again = load_plan(path)
    assert [w.points for w in again.levels[0].walls] == [[(0.0, 0.0), (4.0, 0.0)]]
