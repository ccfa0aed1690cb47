"""The command-line contract: exit codes, the JSON report, messages on stderr, files untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from siteplanner.cli import main
from siteplanner.resources import sample_plan_path
from tests.helpers import camera


def write(tmp_path: Path, data, name="site.siteplan") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def clean_plan(**cam):
    return {
        "format": "siteplanner",
        "version": 1,
        "name": "Clean",
        "levels": [
            {
                "id": "L1",
                "cameras": [camera(**cam)],
                "zones": [
                    {
                        "id": "z1",
                        "kind": "collection",
                        "place": "internal",
                        "polygon": [[0, -10], [10, -10], [10, 10], [0, 10]],
                    }
                ],
            }
        ],
    }


def test_clean_plan_exits_0_with_the_json_report(tmp_path, capsys):
    path = write(tmp_path, clean_plan(range_m=5))
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rules"] == "cn-2025" and report["target_height_m"] == 1.6
    (c,) = report["cameras"]
    assert c["id"] == "c1" and c["level"] == "L1"
    assert c["coverage_m2"] == pytest.approx(3.14159265 / 4 * 25, rel=1e-3)
    assert set(c["dori_m2"]) == {"detection", "observation", "recognition", "identification"}
    (z,) = report["zones"]
    assert z["area_m2"] == pytest.approx(200.0)
    assert z["covered_m2"] == pytest.approx(c["coverage_m2"], rel=1e-6)
    assert z["kind"] == "collection" and z["level"] == "L1"
    assert all(f["severity"] != "error" for f in report["findings"])


def test_private_space_makes_exit_1_and_names_camera_and_zone(tmp_path, capsys):
    data = clean_plan(range_m=8)
    data["levels"][0]["zones"].append(
        {
            "id": "wc",
            "name": "WC",
            "kind": "private",
            "private_type": "restroom",
            "polygon": [[4, -1], [6, -1], [6, 1], [4, 1]],
        }
    )
    path = write(tmp_path, data)
    assert main(["check", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    hits = [f for f in report["findings"] if f["rule"] == "PRIVATE_SPACE_COVERED"]
    assert len(hits) == 1
    assert hits[0]["camera"] == "c1" and hits[0]["zone"] == "wc" and hits[0]["level"] == "L1"
    assert hits[0]["severity"] == "error"
    assert hits[0]["area_m2"] == pytest.approx(4.0, rel=1e-6)
    assert hits[0]["reference"]


def test_rules_option_switches_the_pack(tmp_path, capsys):
    path = write(tmp_path, clean_plan())
    main(["check", str(path), "--json", "--rules", "cn-2023-draft"])
    assert json.loads(capsys.readouterr().out)["rules"] == "cn-2023-draft"
    assert main(["check", str(path), "--rules", "xx-1999"]) == 2
    assert "unknown rule pack" in capsys.readouterr().err


def test_table_output_lists_findings(capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "PRIVATE_SPACE_COVERED" in out and "SEVERITY" in out and "errors" in out


@pytest.mark.parametrize(
    "content,expect",
    [
        ('{"format": "siteplanner", "version": 1, "levels": [', "not valid JSON"),
        (
            json.dumps(
                {
                    "format": "siteplanner",
                    "version": 1,
                    "levels": [
                        {
                            "cameras": [
                                camera(),
                                camera(id="c2"),
                                camera(id="c3"),
                                camera(id="c4", height_m=0),
                            ]
                        }
                    ],
                }
            ),
            "levels[0].cameras[3].height_m: must be a number > 0",
        ),
        ('{"hello": "world"}', "not a SitePlanner plan"),
        (json.dumps({"format": "siteplanner", "version": 5, "levels": []}), "newer"),
        (
            json.dumps(
                {
                    "format": "siteplanner",
                    "levels": [
                        {"id": "L1", "cameras": [camera()]},
                        {"id": "L2", "zones": [], "cameras": [camera()]},
                    ],
                }
            ),
            "levels[1].cameras[0].id: duplicate id 'c1' (also at levels[0].cameras[0].id)",
        ),
    ],
)
def test_unusable_input_exits_2_with_message_and_file_untouched(tmp_path, content, expect):
    path = write(tmp_path, content)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    proc = subprocess.run(
        [sys.executable, "-m", "siteplanner", "check", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert expect in proc.stderr and str(path) in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.siteplan"]


def test_missing_and_binary_files_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "absent.siteplan")]) == 2
    assert "file not found" in capsys.readouterr().err
    binary = tmp_path / "x.siteplan"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert main(["check", str(binary)]) == 2
    assert "binary" in capsys.readouterr().err


def test_self_intersecting_zone_is_repaired_with_a_warning_naming_it(tmp_path, capsys):
    data = clean_plan()
    data["levels"][0]["zones"].append(
        {"id": "bowtie", "kind": "exclude", "polygon": [[0, 0], [4, 4], [4, 0], [0, 4]]}
    )
    path = write(tmp_path, data)
    main(["check", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    fixes = [f for f in report["findings"] if f["rule"] == "GEOMETRY_REPAIRED"]
    assert [f["zone"] for f in fixes] == ["bowtie"]
    z = next(z for z in report["zones"] if z["id"] == "bowtie")
    assert z["area_m2"] == pytest.approx(8.0)  # two triangles of 4 m²


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("siteplanner ")


def test_check_without_file_runs_on_the_sample(capsys):
    main(["check", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert len(report["cameras"]) == len(
        json.loads(sample_plan_path().read_text())["levels"][0]["cameras"]
    )


def test_an_id_repeated_on_another_level_is_refused_naming_both_places(tmp_path, capsys):
    one = clean_plan(range_m=5)["levels"][0]
    two = json.loads(json.dumps(one))
    two["id"] = "L2"
    two["zones"][0]["id"] = "z2"
    data = {"format": "siteplanner", "version": 1, "levels": [one, two]}
    path = write(tmp_path, data)
    before = path.read_bytes()
    assert main(["check", str(path), "--json"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.strip() == (
        f"siteplanner: {path}: levels[1].cameras[0].id: duplicate id 'c1' "
        "(also at levels[0].cameras[0].id)"
    )
    assert path.read_bytes() == before


def test_distinct_ids_on_two_levels_are_reported_by_id(tmp_path, capsys):
    one = clean_plan(range_m=5)["levels"][0]
    two = json.loads(json.dumps(one))
    two["id"] = "L2"
    two["cameras"][0].update(id="c2", range_m=10)
    two["zones"][0]["id"] = "z2"
    data = {"format": "siteplanner", "version": 1, "levels": [one, two]}
    assert main(["check", str(write(tmp_path, data)), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    got = {(c["level"], c["id"]): c["coverage_m2"] for c in report["cameras"]}
    assert got == {
        ("L1", "c1"): pytest.approx(3.14159265 / 4 * 25, rel=1e-3),
        ("L2", "c2"): pytest.approx(3.14159265 / 4 * 100, rel=1e-3),
    }
    assert [(z["level"], z["id"]) for z in report["zones"]] == [("L1", "z1"), ("L2", "z2")]
