"""The findings module: severity order, sorting and the JSON form of a finding."""

import json

from siteplanner import analysis
from siteplanner.findings import SEVERITIES, Finding, Severity, sort_findings


def test_severity_is_a_string_and_ordered():
    assert Severity("error") is Severity.ERROR
    assert Severity.WARNING == "warning"
    assert [s.rank for s in SEVERITIES] == [0, 1, 2]
    assert list(SEVERITIES) == [Severity.ERROR, Severity.WARNING, Severity.INFO]
    assert Severity.rank_of("info") == 2 and Severity.rank_of("bogus") == 3


def test_sort_findings_puts_errors_first_then_level_rule_and_objects():
    fs = [
        Finding("B", "info", "m", level="L1"),
        Finding("A", "warning", "m", level="L2", camera="c2"),
        Finding("A", "warning", "m", level="L2", camera="c1"),
        Finding("Z", Severity.ERROR, "m", level="L9"),
        Finding("A", "warning", "m", level="L1"),
    ]
    got = [(f.rule, f.level, f.camera) for f in sort_findings(fs)]
    assert got == [
        ("Z", "L9", None),
        ("A", "L1", None),
        ("A", "L2", "c1"),
        ("A", "L2", "c2"),
        ("B", "L1", None),
    ]


def test_to_json_gives_plain_strings_and_rounded_numbers():
    f = Finding(
        "R", Severity.ERROR, "msg", camera="c1", area_m2=1.234567, percent=12.3456, sign="s1"
    )
    out = f.to_json()
    assert out["severity"] == "error" and type(out["severity"]) is str
    assert out["area_m2"] == 1.2346 and out["percent"] == 12.35 and out["sign"] == "s1"
    assert "opening" not in out
    assert json.loads(json.dumps(out))["severity"] == "error"


def test_analysis_still_re_exports_finding():
    assert analysis.Finding is Finding
