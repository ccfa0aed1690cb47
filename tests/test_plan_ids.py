"""Ids are unique across the whole plan: a repeated one is refused, made-up ones never collide,
results are keyed by id, and a sign's `covers` names cameras unambiguously."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner import pipeline
from siteplanner.fileformat import PlanFileError, plan_from_data
from siteplanner.model import COLLECTIONS, Plan
from tests.helpers import camera, rect


def level(level_id, **collections):
    return {"id": level_id, **collections}


def refused(data) -> str:
    with pytest.raises(PlanFileError) as err:
        plan_from_data({"format": "siteplanner", "version": 1, **data}, "site.siteplan")
    return str(err.value)


def test_a_level_id_repeated_is_refused():
    assert refused({"levels": [level("A"), level("B"), level("A")]}) == (
        "site.siteplan: levels[2].id: duplicate id 'A' (also at levels[0].id)"
    )


def test_the_error_names_the_field_of_the_repeat():
    data = {"levels": [level("L1", cameras=[camera()]), level("L2", cameras=[camera()])]}
    with pytest.raises(PlanFileError) as err:
        plan_from_data(data, "site.siteplan")
    assert err.value.file == "site.siteplan"
    assert err.value.field == "levels[1].cameras[0].id"
    assert err.value.message == "duplicate id 'c1' (also at levels[0].cameras[0].id)"


def test_an_id_shared_by_two_kinds_of_object_on_two_levels_is_refused():
    zone = {"id": "x", "kind": "exclude", "polygon": rect(0, 0, 1, 1)}
    data = {"levels": [level("L1", zones=[zone]), level("L2", cameras=[camera(id="x")])]}
    assert refused(data) == (
        "site.siteplan: levels[1].cameras[0].id: duplicate id 'x' (also at levels[0].zones[0].id)"
    )


def test_an_id_repeated_on_one_level_is_refused():
    data = {"levels": [level("L1", cameras=[camera(), camera(position=[3.0, 0.0])])]}
    assert refused(data) == (
        "site.siteplan: levels[0].cameras[1].id: duplicate id 'c1' "
        "(also at levels[0].cameras[0].id)"
    )


def test_a_level_may_share_an_id_with_an_object():
    # Levels and the objects on them are named in different places (a finding's `level` and its
    # `camera`): one namespace each.
    p = plan_from_data({"levels": [level("c1", cameras=[camera(id="c1")])]})
    assert p.levels[0].id == "c1" and p.levels[0].cameras[0].id == "c1"


def test_made_up_ids_avoid_ids_given_later_in_the_file():
    unnamed = {k: v for k, v in camera().items() if k != "id"}
    data = {
        "levels": [
            {"cameras": [unnamed]},
            level("L1", cameras=[camera(id="c1"), unnamed]),
        ]
    }
    p = plan_from_data(data)
    assert [lv.id for lv in p.levels] == ["L2", "L1"]
    assert [[c.id for c in lv.cameras] for lv in p.levels] == [["c2"], ["c1", "c3"]]


GIVEN = st.sampled_from(["", "", "c1", "c2", "w1", "s3", "z1", "o2", "ob1", "L1", "x"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(COLLECTIONS), GIVEN), max_size=8), max_size=4))
def test_made_up_ids_are_unique_across_the_plan_and_given_ones_kept(layout):
    items = {
        "walls": lambda i: {"points": [[0, i], [1, i]]},
        "openings": lambda i: {"points": [[0, i], [1, i]]},
        "obstacles": lambda i: {"polygon": rect(0, i, 1, i + 1), "height_m": 1.0},
        "zones": lambda i: {"kind": "exclude", "polygon": rect(0, i, 1, i + 1)},
        "cameras": lambda i: {k: v for k, v in camera(position=[0.0, i]).items() if k != "id"},
        "signs": lambda i: {"position": [0, i]},
    }
    levels, given_ids, used = [], [], set()
    for objects in layout:
        lv: dict = {k: [] for k in COLLECTIONS}
        for i, (key, ident) in enumerate(objects):
            obj = items[key](i)
            if ident and ident not in used:  # a file that repeats nothing
                obj["id"] = ident
                used.add(ident)
            lv[key].append(obj)
            given_ids.append(obj.get("id"))
        levels.append(lv)
    p = Plan.model_validate({"levels": levels})
    got = [item.id for lv in p.levels for key in COLLECTIONS for item in getattr(lv, key)]
    order = [o.get("id") for lv in levels for key in COLLECTIONS for o in lv[key]]
    assert len(set(got)) == len(got) and all(got)
    assert [g for g, o in zip(got, order, strict=True) if o] == [o for o in order if o]
    assert len({lv.id for lv in p.levels}) == len(p.levels)


PUBLIC = {"kind": "collection", "place": "public", "polygon": rect(0, -5, 10, 5)}


def two_floors(signs_on_first):
    """Two floors, each with a camera watching a public hall; before ids were plan-wide the two
    cameras would both have been `c1`."""
    return Plan.model_validate(
        {
            "organization": {
                "name": "Org",
                "contact": "1",
                "purpose": "safety",
                "retention_days": 30,
            },
            "levels": [
                level(
                    "L1",
                    cameras=[camera(id="c1")],
                    zones=[{"id": "z1", **PUBLIC}],
                    signs=signs_on_first,
                ),
                level("L2", cameras=[camera(id="c2")], zones=[{"id": "z2", **PUBLIC}]),
            ],
        }
    )


def test_a_sign_covering_the_first_floors_camera_leaves_the_second_unannounced():
    sign = {"id": "s1", "position": [-1.0, 0.0], "facing_deg": 180.0, "covers": ["c1"]}
    result = pipeline.run(two_floors([sign]))
    missing = [(f.level, f.camera) for f in result.findings if f.rule == "SIGN_MISSING"]
    assert missing == [("L2", "c2")]
    # Without the sign both are missing: the sign is what silenced c1, and only c1.
    result = pipeline.run(two_floors([]))
    missing = [(f.level, f.camera) for f in result.findings if f.rule == "SIGN_MISSING"]
    assert missing == [("L1", "c1"), ("L2", "c2")]


def test_results_are_keyed_by_id_and_looked_up_with_their_level():
    analysis = pipeline.run(two_floors([])).analysis
    assert set(analysis.cameras) == {"c1", "c2"} and set(analysis.zones) == {"z1", "z2"}
    assert analysis.camera("L2", "c2").level_id == "L2"
    assert analysis.camera("L1", "c2") is None
    assert analysis.zone("L1", "z1").level_id == "L1"
    assert analysis.zone("L2", "z1") is None
    level_of = {lv.id: lv for lv in two_floors([]).levels}
    found = two_floors([]).find_camera("c2")
    assert found is not None and found[0].id == "L2" and found[0] == level_of["L2"]
