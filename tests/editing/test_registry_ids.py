"""The registry of plan collections and the one id allocator."""

from __future__ import annotations

import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.editing.registry import REGISTRY, collection, collection_of, find, moved
from siteplanner.model import ID_PREFIX, Camera, Level, Plan, Wall, Zone
from siteplanner.model.ids import IdAllocator, plan_ids


def test_registry_matches_the_model():
    # Every list of a level is in the registry, with the model's prefix and a geometry field
    # that the class has.
    level_lists = [
        name for name, f in Level.model_fields.items() if typing.get_origin(f.annotation) is list
    ]
    assert [c.name for c in REGISTRY] == level_lists == list(ID_PREFIX)
    for entry in REGISTRY:
        (item_cls,) = typing.get_args(Level.model_fields[entry.name].annotation)
        assert entry.cls is item_cls
        assert entry.prefix == ID_PREFIX[entry.name]
        assert entry.field in entry.cls.model_fields
    assert [c.name for c in REGISTRY if c.vertices] == ["walls", "obstacles", "zones"]


def two_levels() -> Plan:
    cam = {"height_m": 3, "hfov_deg": 90, "vfov_deg": 50, "resolution": [1920, 1080]}
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "walls": [{"id": "w1", "points": [[0, 0], [5, 0]]}],
                    "cameras": [{"id": "c1", "position": [1, 1], **cam}],
                },
                {
                    "id": "L2",
                    "cameras": [
                        {"id": "c2", "position": [2, 2], **cam},
                        {"id": "c6", "position": [3, 3], **cam},
                    ],
                    "obstacles": [
                        {"id": "ob4", "polygon": [[0, 0], [1, 0], [1, 1]], "height_m": 1}
                    ],
                },
            ]
        }
    )


def test_find_names_the_level_and_collection():
    plan = two_levels()
    found = find(plan, "c6")
    assert found is not None
    assert (found.level.id, found.collection, found.obj.position) == ("L2", "cameras", (3.0, 3.0))
    assert find(plan, "c6", level_id="L1") is None
    assert find(plan, "w1").collection == "walls"
    assert find(plan, "nope") is None
    assert collection_of(found.obj) is collection("cameras")


def test_moved_moves_points_and_lists_of_points():
    wall = Wall(points=[(0, 0), (2, 1)])
    assert moved(wall, 1.0, -2.0) == ("points", [(1.0, -2.0), (3.0, -1.0)])
    cam = Camera(position=(1, 1))
    assert moved(cam, 0.5, 0.5) == ("position", (1.5, 1.5))
    zone = Zone(kind="private", polygon=[(0, 0), (1, 0), (1, 1)])
    assert moved(zone, 0, 1)[0] == "polygon"


def test_allocator_continues_after_the_highest_id_on_any_level():
    plan = two_levels()
    ids = IdAllocator.for_plan(plan)
    # c6 is on level 2: a camera drawn on level 1 must not take it.
    assert ids.new("cameras") == "c7"
    assert ids.new("cameras") == "c8"
    assert ids.new("walls") == "w2"
    # "ob4" is an obstacle id, not an opening's "o" followed by a number.
    assert ids.new("openings") == "o1"
    assert ids.new("obstacles") == "ob5"
    assert ids.new("levels") == "L3"
    assert set(plan_ids(plan)) == {"L1", "L2", "w1", "c1", "c2", "c6", "ob4"}


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["c", "w", "o", "ob", "z", "s", "L", "x", "c0"]),
            st.integers(min_value=0, max_value=60),
        ),
        max_size=40,
    ),
    st.lists(st.sampled_from([*ID_PREFIX, "levels"]), min_size=1, max_size=40),
)
def test_allocated_ids_are_fresh_and_distinct(used, wanted):
    taken = {f"{p}{n}" for p, n in used}
    ids = IdAllocator(taken)
    made = [ids.new(c) for c in wanted]
    assert len(set(made)) == len(made)
    assert not set(made) & taken
    for c, object_id in zip(wanted, made, strict=True):
        prefix = "L" if c == "levels" else ID_PREFIX[c]
        assert object_id.startswith(prefix) and object_id[len(prefix) :].isdigit()
