import json

from siteplanner.cli import main


def test_check_sample_reports_errors_as_exit_1(capsys):
    assert main(["check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {"PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE"} <= {
        f["rule"] for f in report["findings"]
    }


def test_open_goes_to_the_editor_the_front_door_gives(capsys):
    calls = []
    assert (
        main(
            ["open", "x.siteplan", "--screenshot", "x.png"], editor=lambda *a: calls.append(a) or 7
        )
        == 7
    )
    assert calls == [("x.siteplan", "x.png")]
    # Without an editor (the command line alone) `open` is refused with a message, not a crash.
    assert main(["open"]) == 2
    assert "editor is not available" in capsys.readouterr().err
