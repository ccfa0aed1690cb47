"""Text from a plan file: unencodable strings refused at load, values quoted short and escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siteplanner.fileformat import PlanFileError, bounded, loads_plan, quote, save_plan
from siteplanner.fileformat.io import MESSAGE_CHARS, QUOTE_CHARS
from siteplanner.model import Plan
from siteplanner.resources import sample_plan_path

BIDI = "\u202e\u2066\u200f"


def sample() -> dict:
    return json.loads(sample_plan_path().read_text(encoding="utf-8"))


def set_at(data: dict, path: list, value: object) -> dict:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "siteplanner", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (["name"], "name"),
        (["levels", 0, "cameras", 0, "name"], "levels[0].cameras[0].name"),
        (["levels", 0, "zones", 1, "id"], "levels[0].zones[1].id"),
        (["organization", "privacy_url"], "organization.privacy_url"),
        (["levels", 0, "cameras", 2, "purpose"], "levels[0].cameras[2].purpose"),
    ],
)
def test_a_lone_surrogate_is_refused_at_load_with_its_field(path, field):
    data = set_at(sample(), path, "ok \ud800 then")
    text = json.dumps(data)  # ASCII with a \ud800 escape, exactly as a hostile file holds it
    assert "\\ud800" in text
    with pytest.raises(PlanFileError) as err:
        loads_plan(text, "hostile.siteplan")
    assert err.value.field == field
    assert "not valid Unicode" in err.value.message


def test_a_lone_surrogate_in_a_key_is_refused():
    text = json.dumps(sample()).replace('"walls"', '"wa\\udc80lls"', 1)
    with pytest.raises(PlanFileError) as err:
        loads_plan(text, "keys.siteplan")
    assert "not valid Unicode" in str(err.value)


def test_a_surrogate_pair_escape_is_a_character_and_loads():
    data = set_at(sample(), ["name"], "Shop \U0001f600")
    text = json.dumps(data)  # ensure_ascii: the emoji is written as \ud83d\ude00
    assert "\\ud83d\\ude00" in text
    assert loads_plan(text).name == "Shop \U0001f600"


@pytest.mark.parametrize("command", ["check", "signs"])
def test_commands_refuse_a_surrogate_cleanly(tmp_path: Path, command):
    bad = tmp_path / "bad.siteplan"
    bad.write_text(
        json.dumps(set_at(sample(), ["organization", "privacy_url"], "https://x/\udfff"))
    )
    args = [command, str(bad)] + (["-o", str(tmp_path / "s.pdf")] if command == "signs" else [])
    res = run(*args)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    assert res.stderr.count("\n") == 1
    assert "organization.privacy_url" in res.stderr
    assert not (tmp_path / "s.pdf").exists()


def test_saving_unencodable_text_is_refused_and_the_file_kept(tmp_path: Path):
    path = tmp_path / "p.siteplan"
    save_plan(Plan(name="fine"), path)
    before = path.read_bytes()
    # The editor can hold such text (a paste from a broken source); saving must not crash.
    plan = Plan(name="broken \ud800")
    with pytest.raises(PlanFileError) as err:
        save_plan(plan, path)
    assert "p.siteplan" in str(err.value)
    assert path.read_bytes() == before
    assert list(tmp_path.glob(".p.siteplan.*.tmp")) == []


def test_a_long_bidi_value_is_quoted_short_and_escaped(tmp_path: Path):
    value = BIDI + "x" * 100_000
    bad = tmp_path / "long.siteplan"
    bad.write_text(json.dumps(set_at(sample(), ["format"], value), ensure_ascii=False))
    res = run("check", str(bad))
    assert res.returncode == 2
    line = res.stderr.strip()
    assert res.stderr.count("\n") == 1
    assert len(line) < 300
    assert not any(ch in line for ch in BIDI)
    assert "\\u202e" in line
    assert "100003 characters" in line


def test_an_unknown_model_id_is_quoted_short(tmp_path: Path):
    data = sample()
    data["levels"][0]["cameras"][0]["model"] = "\u202e" + "m" * 5000
    with pytest.raises(PlanFileError) as err:
        loads_plan(json.dumps(data), "m.siteplan")
    assert len(str(err.value)) < 200
    assert "\u202e" not in str(err.value)
    assert "levels[0].cameras[0].model" in str(err.value)


def hidden(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=3000))
def test_any_value_quoted_is_short_and_shows_no_hidden_character(value):
    q = quote(value)
    assert not any(hidden(ch) for ch in q)
    # At most QUOTE_CHARS characters of the value, each escaped to at most six.
    assert len(q) <= QUOTE_CHARS * 6 + 40
    if len(value) <= QUOTE_CHARS and not any(hidden(ch) for ch in value):
        assert q == f"'{value}'"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=5000))
def test_any_message_is_bounded_and_escaped(text):
    msg = str(PlanFileError("plan.siteplan", text, "levels[0].name"))
    assert not any(hidden(ch) for ch in msg)
    assert len(bounded(text)) <= MESSAGE_CHARS * 6 + 10
    if len(text) > MESSAGE_CHARS:
        assert len(msg) < MESSAGE_CHARS * 6 + 300
