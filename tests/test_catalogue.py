"""The camera catalogue: the shipped file, its checks, the pinhole zoom and applying a model."""

from __future__ import annotations

import copy
import json
import math

import pytest

from siteplanner.catalogue import (
    CatalogueError,
    apply_model,
    camera_state,
    catalogue_path,
    focal_for_fov,
    fov_deg,
    load_catalogue,
    parse_catalogue,
    restore_camera_state,
)
from siteplanner.fileformat import dumps_plan, load_plan, loads_plan
from siteplanner.model import Plan, resolve_optics
from siteplanner.resources import sample_plan_path


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "cameras": [
                        {
                            "id": "c1",
                            "position": [1, 2],
                            "height_m": 3.0,
                            "hfov_deg": 60,
                            "vfov_deg": 40,
                            "resolution": [640, 480],
                            "range_m": 12,
                        }
                    ],
                }
            ]
        }
    )


def test_shipped_catalogue_has_the_kinds_asked_for(cat):
    assert 12 <= len(cat) <= 20
    kinds = {e.kind for e in cat}
    assert {"dome", "bullet", "turret", "varifocal", "terminal"} <= kinds
    domes = [e for e in cat if e.kind == "dome"]
    assert {e.resolution[0] for e in domes} == {1920, 2560, 3840}  # 2, 4 and 8 MP
    assert {e.lens_mm for e in domes} == {2.8, 4.0}
    assert all(e.name_zh and e.display_name("zh_CN") == e.name_zh for e in cat)
    assert all(e.display_name("en") == e.name for e in cat)
    faces = [e for e in cat if e.face_recognition]
    assert [e.id for e in faces] == ["fr-terminal"]
    # Longer lenses see narrower: within one resolution, hfov falls as the focal length grows.
    for res in {e.resolution for e in domes}:
        by_lens = sorted((e.lens_mm, e.hfov_deg) for e in domes if e.resolution == res)
        assert [h for _, h in by_lens] == sorted((h for _, h in by_lens), reverse=True)


def test_sample_plan_models_match_the_catalogue(cat):
    plan = load_plan(sample_plan_path())
    for model in plan.camera_models:
        entry = cat.get(model.id)
        assert entry is not None, model.id
        assert entry.hfov_deg == model.hfov_deg and entry.resolution == model.resolution


def test_pinhole_relation_analytic():
    # A sensor as wide as twice the focal length sees 2·atan(1) = 90°.
    assert fov_deg(8.0, 4.0) == pytest.approx(90.0)
    # w = 2 f tan(30°) gives 60°.
    assert fov_deg(2 * 5.0 * math.tan(math.radians(30)), 5.0) == pytest.approx(60.0)
    assert focal_for_fov(5.12, fov_deg(5.12, 7.3)) == pytest.approx(7.3)


def test_varifocal_angles_follow_the_zoom(cat):
    vf = cat.get("vf-dome-4mp-2.8-12")
    assert vf.is_varifocal and vf.focal_range == (2.8, 12.0)
    w, h = vf.sensor["width_mm"], vf.sensor["height_mm"]
    for f in (2.8, 4.0, 6.0, 12.0):
        hfov, vfov = vf.optics_at(f)
        assert math.tan(math.radians(hfov) / 2) == pytest.approx(w / (2 * f))
        assert math.tan(math.radians(vfov) / 2) == pytest.approx(h / (2 * f))
    assert vf.optics_at(2.8)[0] == pytest.approx(vf.hfov_max_deg, abs=0.05)
    assert vf.optics_at(12.0)[0] == pytest.approx(vf.hfov_min_deg, abs=0.05)
    with pytest.raises(ValueError, match="outside"):
        vf.optics_at(20.0)
    with pytest.raises(ValueError, match="fixed"):
        cat.get("dome-4mp").optics_at(6.0)


def test_apply_fixed_model_clears_overrides_and_resolves(cat):
    plan = _plan()
    cam = plan.levels[0].cameras[0]
    used = apply_model(plan, cam, cat.get("dome-8mp-4"))
    assert used == "dome-8mp-4"
    assert [m.id for m in plan.camera_models] == ["dome-8mp-4"]
    o = resolve_optics(plan, cam)
    assert (o.hfov_deg, o.vfov_deg, o.resolution, o.range_m) == (84, 45, (3840, 2160), 30)
    assert o.height_m == 3.0  # mounting height is the camera's, not the model's
    # The user's override still wins over the model.
    cam.hfov_deg = 70.0
    assert resolve_optics(plan, cam).hfov_deg == 70.0
    # Applying the same model twice does not duplicate it.
    apply_model(plan, cam, cat.get("dome-8mp-4"))
    assert len(plan.camera_models) == 1


def test_apply_varifocal_sets_zoomed_angles_and_survives_save(cat):
    plan = _plan()
    cam = plan.levels[0].cameras[0]
    entry = cat.get("vf-bullet-2mp-5-50")
    apply_model(plan, cam, entry, zoom=25.0)
    o = resolve_optics(plan, cam)
    assert o.hfov_deg == pytest.approx(fov_deg(5.12, 25.0), abs=1e-3)
    assert o.vfov_deg == pytest.approx(fov_deg(2.88, 25.0), abs=1e-3)
    assert o.resolution == (1920, 1080)
    again = loads_plan(dumps_plan(plan), "x.siteplan")
    cam2 = again.levels[0].cameras[0]
    assert cam2.model_extra["lens_mm"] == 25.0
    assert again.camera_models[0].model_extra["lens_mm"] == [5.0, 50.0]
    with pytest.raises(ValueError):
        apply_model(plan, cam, entry, zoom=1.0)


def test_edited_plan_model_is_not_overwritten(cat):
    plan = _plan()
    plan.camera_models = [
        *plan.camera_models,
        *Plan.model_validate(
            {"camera_models": [{"id": "dome-4mp", "hfov_deg": 70, "vfov_deg": 40}]}
        ).camera_models,
    ]
    cam = plan.levels[0].cameras[0]
    used = apply_model(plan, cam, cat.get("dome-4mp"))
    assert used == "dome-4mp-2"
    assert plan.camera_model("dome-4mp").hfov_deg == 70
    assert resolve_optics(plan, cam).hfov_deg == 100


def test_state_roundtrip_for_undo(cat):
    plan = _plan()
    cam = plan.levels[0].cameras[0]
    before = camera_state(cam)
    apply_model(plan, cam, cat.get("vf-dome-4mp-2.8-12"), zoom=6.0)
    assert camera_state(cam) != before
    restore_camera_state(cam, before)
    assert camera_state(cam) == before
    assert "lens_mm" not in (cam.model_extra or {})


def _raw():
    return json.loads(catalogue_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "field", "words"),
    [
        (lambda d: d["models"][0].__setitem__("hfov_deg", 190), "models[0].hfov_deg", "< 180"),
        (lambda d: d["models"][1].__setitem__("resolution", [1920]), "models[1].resolution", "["),
        (lambda d: d["models"][2].__setitem__("kind", "fisheye"), "models[2].kind", "one of"),
        (lambda d: d["models"][3].__setitem__("id", d["models"][0]["id"]), "models[3].id", "dup"),
        (
            lambda d: next(m for m in d["models"] if m["kind"] == "varifocal").__setitem__(
                "hfov_min_deg", 40
            ),
            ".hfov_min_deg",
            "pinhole",
        ),
    ],
)
def test_bad_catalogue_names_file_and_field(tmp_path, mutate, field, words):
    data = copy.deepcopy(_raw())
    mutate(data)
    p = tmp_path / "cams.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError) as e:
        load_catalogue(p)
    assert str(p) in str(e.value) and field in str(e.value) and words in str(e.value)


def test_unreadable_catalogue(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="broken.json: not valid JSON"):
        load_catalogue(p)
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "missing.json")
    with pytest.raises(CatalogueError, match="models"):
        parse_catalogue({"models": 3}, "x")
