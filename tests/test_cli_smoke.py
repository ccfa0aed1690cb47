import json

from siteplanner.cli import main


def test_check_sample_reports_errors_as_exit_1(capsys):
    assert main(["check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {"PRIVATE_SPACE_COVERED", "CAMERA_IN_PRIVATE_SPACE"} <= {
        f["rule"] for f in report["findings"]
    }
