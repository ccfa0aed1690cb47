"""Copy and paste as data: fresh plan-wide ids, an offset, covers following pasted cameras."""

from __future__ import annotations

import json

import pytest

from siteplanner.editing import clipboard
from siteplanner.editing.defaults import DEFAULTS
from siteplanner.model import Plan

CAM = {"height_m": 3, "hfov_deg": 90, "vfov_deg": 50, "resolution": [1920, 1080]}


def plan() -> Plan:
    return Plan.model_validate(
        {
            "levels": [
                {
                    "id": "L1",
                    "cameras": [
                        {"id": "c1", "position": [1, 1], **CAM},
                        {"id": "c5", "position": [2, 1], **CAM},
                    ],
                    "signs": [{"id": "s1", "position": [0, 0], "covers": ["c1", "c5"]}],
                    "walls": [{"id": "w1", "points": [[0, 0], [4, 0]]}],
                },
                {"id": "L2", "cameras": [{"id": "c3", "position": [0, 0], **CAM}]},
            ]
        }
    )


def test_paste_twice_gives_fresh_ids_and_follows_pasted_cameras():
    p = plan()
    level = p.levels[0]
    text = clipboard.copy_text([level.cameras[1], level.signs[0], level.walls[0]])
    first = clipboard.pasted(text, p)
    assert [(c, o.id) for c, o in first] == [("cameras", "c6"), ("signs", "s2"), ("walls", "w2")]
    cam, sign, wall = (o for _, o in first)
    dx, dy = DEFAULTS.paste_offset_m
    assert cam.position == pytest.approx((2 + dx, 1 + dy))
    assert wall.points == [(dx, dy), (4 + dx, dy)]
    # The pasted sign covers the pasted copy of c5, and still c1, which was not copied.
    assert sign.covers == ["c1", "c6"]
    p.levels[1].cameras.append(cam)  # pasted on the other level
    p.levels[1].signs.append(sign)
    p.levels[1].walls.append(wall)
    second = clipboard.pasted(text, p)
    assert [o.id for _, o in second] == ["c7", "s3", "w3"]
    assert second[1][1].covers == ["c1", "c7"]
    # The copied objects themselves are untouched.
    assert (level.cameras[1].id, level.signs[0].covers) == ("c5", ["c1", "c5"])


def test_copy_is_the_plan_file_form():
    p = plan()
    data = json.loads(clipboard.copy_text([p.levels[0].cameras[0]]))
    assert data == [
        {"collection": "cameras", "object": p.levels[0].cameras[0].model_dump(mode="json")}
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not plan objects"),
        ('{"collection": "cameras"}', "expected a list"),
        ('[{"collection": "doors", "object": {}}]', "item 0: unknown collection 'doors'"),
        ('[{"object": {}}]', "item 0: expected collection and object"),
        ('[{"collection": "cameras", "object": {"position": [1]}}]', "position"),
        ('[{"collection": "walls", "object": {"points": [[0, 0], [0, 0]]}}]', "points"),
    ],
)
def test_what_cannot_be_pasted_is_named_in_one_line(text, message):
    with pytest.raises(clipboard.ClipboardError) as err:
        clipboard.pasted(text, plan())
    assert message in str(err.value)
    assert "\n" not in str(err.value)
