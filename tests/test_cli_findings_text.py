"""The human-readable findings of ``check``: plan text escaped, the sample named plainly."""

from __future__ import annotations

from siteplanner.cli import main
from siteplanner.resources import sample_plan_path
from tests.helpers import camera
from tests.test_cli import write

EVIL = "Lobby\u202eMAC\nERROR  FORGED_ROW  L1  c9"


def private_covered(name: str) -> dict:
    return {
        "format": "siteplanner",
        "version": 1,
        "name": f"Site {name}",
        "levels": [
            {
                "id": "L1",
                "name": name,
                "cameras": [camera(name=name, range_m=5)],
                "zones": [
                    {
                        "id": "z1",
                        "name": name,
                        "kind": "private",
                        "polygon": [[0, -3], [3, -3], [3, 3], [0, 3]],
                    }
                ],
            }
        ],
    }


def test_findings_table_escapes_bidi_and_newlines_from_the_plan(tmp_path, capsys):
    path = write(tmp_path, private_covered(EVIL), name="ev\u202eil\n.siteplan")
    assert main(["check", str(path)]) == 1  # the private zone is covered: an error finding
    out = capsys.readouterr().out
    assert "PRIVATE_SPACE_COVERED" in out
    # The name is shown, escaped: no raw override or newline from the plan reaches the terminal.
    assert "Lobby\\u202eMAC\\x0aERROR  FORGED_ROW" in out
    assert "\u202e" not in out
    assert not any(line.startswith("ERROR  FORGED_ROW") for line in out.splitlines())
    assert out.splitlines()[0].startswith(str(tmp_path) + "/ev\\u202eil\\x0a.siteplan: ")


def test_check_of_the_sample_names_it_without_its_internal_path(capsys):
    main(["check"])
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(f"sample site ({sample_plan_path().name}): ")
    assert str(sample_plan_path().parent) not in out
    assert "_resources" not in out
