"""Names of pasted copies: the next free number of the name's own pattern."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from siteplanner.editing import clipboard
from siteplanner.editing.names import copy_names, next_free_name
from siteplanner.model import Plan

CAM = {"height_m": 3, "hfov_deg": 90, "vfov_deg": 50, "resolution": [1920, 1080]}


def test_next_number_of_the_pattern():
    assert next_free_name("CAM-05", ["CAM-05", "CAM-06"]) == "CAM-07"
    assert next_free_name("CAM-05", ["CAM-05"]) == "CAM-06"
    assert next_free_name("CAM-05", ["CAM-05", "CAM-06", "CAM-08"]) == "CAM-07"  # a gap is used
    assert next_free_name("CAM-9", ["CAM-9"]) == "CAM-10"
    assert next_free_name("CAM-099", ["CAM-099", "CAM-100"]) == "CAM-101"
    # The number is the camera's, whatever name follows it.
    taken = ["CAM-01 Lobby", "CAM-02 Entrance", "CAM-03 Turnstile"]
    assert next_free_name("CAM-01 Lobby", taken) == "CAM-04 Lobby"
    assert next_free_name("Floor 2 cam 3", ["Floor 2 cam 3"]) == "Floor 2 cam 4"
    assert next_free_name("大堂摄像机1", ["大堂摄像机1", "大堂摄像机2"]) == "大堂摄像机3"


def test_unnumbered_names_get_a_number():
    assert next_free_name("Lobby cam", ["Lobby cam"]) == "Lobby cam 2"
    assert next_free_name("Lobby cam", ["Lobby cam", "Lobby cam 2"]) == "Lobby cam 3"
    assert next_free_name("大堂", ["大堂"]) == "大堂 2"
    assert next_free_name("", ["", "x"]) == ""  # no name: nothing to number


def test_copies_pasted_together_differ():
    assert copy_names(["CAM-05", "CAM-05"], ["CAM-05", "CAM-06"]) == ["CAM-07", "CAM-08"]
    assert copy_names(["Shelf", "Shelf 3"], ["Shelf", "Shelf 3"], numbered_only=True) == [
        "Shelf",
        "Shelf 4",
    ]


@given(
    st.lists(st.from_regex(r"\A[A-Za-z大堂 -]{0,6}[0-9]{0,3}[A-Za-z ]{0,4}\Z"), max_size=12),
    st.from_regex(r"\A[A-Za-z大堂 -]{1,6}[0-9]{0,3}[A-Za-z ]{0,4}\Z"),
)
def test_a_copy_is_new_and_keeps_the_pattern(taken, name):
    new = next_free_name(name, taken + [name])
    if not name.strip():
        assert new == name  # an unnamed object's copy stays unnamed
        return
    assert new not in taken and new != name
    m = re.match(r"^(.*?)(\d+)(\D*)$", name)
    if m:
        prefix, digits, suffix = m.groups()
        n = re.match(re.escape(prefix) + r"(\d+)" + re.escape(suffix) + "$", new)
        assert n is not None and int(n.group(1)) > int(digits)
        assert len(n.group(1)) >= len(digits)  # the padding is kept
    else:
        assert re.fullmatch(re.escape(name) + r" \d+", new)


def test_paste_renames_cameras_and_numbered_zones():
    plan = Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "cameras": [
                        {"id": "c1", "name": "CAM-05", "position": [1, 1], **CAM},
                        {"id": "c2", "name": "CAM-06", "position": [2, 1], **CAM},
                        {"id": "c3", "name": "Lobby cam", "position": [3, 1], **CAM},
                    ],
                    "zones": [
                        {
                            "id": "z1",
                            "name": "Store 1",
                            "kind": "collection",
                            "polygon": [[0, 0], [1, 0], [1, 1]],
                        },
                        {
                            "id": "z2",
                            "name": "Lobby",
                            "kind": "collection",
                            "polygon": [[0, 0], [1, 0], [1, 1]],
                        },
                    ],
                }
            ]
        }
    )
    level = plan.levels[0]
    text = clipboard.copy_text([level.cameras[0], level.cameras[2], *level.zones])
    new = clipboard.pasted(text, plan)
    assert [o.name for _, o in new] == ["CAM-07", "Lobby cam 2", "Store 2", "Lobby"]
    for coll, obj in new:
        getattr(level, coll).append(obj)
    again = clipboard.pasted(text, plan)
    assert [o.name for _, o in again] == ["CAM-08", "Lobby cam 3", "Store 3", "Lobby"]
