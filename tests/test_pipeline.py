"""The pipeline: analysis, then the rule pack, then (if asked) sign suggestions; the command line
runs it, a forked worker may take half of the levels, and a run can be cancelled."""

from __future__ import annotations

import json
import os

import pytest

from siteplanner import pipeline
from siteplanner.analysis import PARALLEL_MIN_CAMERAS, Analyser, AnalysisCancelled
from siteplanner.cli import main
from siteplanner.compliance import LanguageError, UnknownRulePack
from siteplanner.fileformat import load_plan
from siteplanner.model import Plan
from siteplanner.resources import sample_plan_path
from siteplanner.signage.placement import suggest_signs
from tests.helpers import camera, rect


def sample():
    return load_plan(sample_plan_path())


def test_check_prints_the_pipelines_findings_and_areas(capsys):
    assert main(["check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    result = pipeline.run(sample())
    assert report["findings"] == [f.to_json() for f in result.findings]
    assert report["rules"] == result.analysis.rules == "cn-2025"
    areas = {c["id"]: c["coverage_m2"] for c in report["cameras"]}
    assert areas == {k: round(c.coverage_m2, 4) for k, c in result.analysis.cameras.items()}
    assert result.has_errors and any(f.severity == "error" for f in result.findings)


def test_the_analysis_alone_has_no_findings():
    analysis = Analyser().analyse(sample())
    assert analysis.findings == [] and len(analysis.cameras) == 9


def test_another_rule_pack_and_an_unknown_one():
    plan = sample()
    draft = pipeline.run(plan, rules="cn-2023-draft")
    assert draft.analysis.rules == "cn-2023-draft"
    with pytest.raises(UnknownRulePack):
        pipeline.run(plan, rules="nowhere", cancelled=lambda: pytest.fail("no work expected"))


def test_messages_in_the_language_asked_for():
    plan = sample()
    en = pipeline.run(plan, lang="en").findings
    zh = pipeline.run(plan, lang="zh").findings
    assert [(f.rule, f.camera) for f in en] == [(f.rule, f.camera) for f in zh]
    assert not any("\u4e00" <= ch <= "\u9fff" for f in en for ch in f.message)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in f.message) for f in zh)
    with pytest.raises(LanguageError):
        pipeline.run(plan, lang="xx", cancelled=lambda: pytest.fail("no work expected"))


def test_suggestions_are_those_of_the_placement_over_the_same_analysis():
    plan = sample()
    result = pipeline.run(plan, suggest=True)
    expected = suggest_signs(plan, result.analysis)
    assert result.suggestions == expected and len(expected) > 0
    assert pipeline.run(plan).suggestions == []
    assert pipeline.run(plan, suggest=["nowhere"]).suggestions == []


def test_cancelled_runs_stop_with_analysis_cancelled():
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(AnalysisCancelled):
        pipeline.run(sample(), cancelled=cancelled)
    assert len(calls) == 4  # polled before each camera; stopped at the first true


def test_a_run_cancelled_while_suggesting_signs_stops_there():
    plan = sample()
    polls: list[int] = []

    def count() -> bool:
        polls.append(1)
        return False

    pipeline.run(plan, cancelled=count)
    analysis_and_rules = len(polls)
    polls.clear()
    assert pipeline.run(plan, suggest=True, cancelled=count).suggestions
    assert len(polls) > analysis_and_rules  # the suggestions poll too

    def cancel_once_suggesting() -> bool:
        polls.append(1)
        return len(polls) > analysis_and_rules

    polls.clear()
    with pytest.raises(AnalysisCancelled):
        pipeline.run(plan, suggest=True, cancelled=cancel_once_suggesting)
    assert len(polls) == analysis_and_rules + 1


def busy_plan(levels: int = 2):
    """Enough cameras on two levels that the command line forks a worker for one of them."""
    per_level = PARALLEL_MIN_CAMERAS // levels + 5
    plan = {"levels": []}
    for li in range(levels):
        cams = [
            camera(id=f"c{li}-{i}", position=[float(i % 20) * 3, float(i // 20) * 3], range_m=4.0)
            for i in range(per_level)
        ]
        zones = [
            {"id": f"wc{li}", "kind": "private", "polygon": rect(10, 5, 14, 9)},
            {
                "id": f"hall{li}",
                "kind": "collection",
                "place": "public",
                "polygon": rect(0, 0, 60, 20),
            },
        ]
        plan["levels"].append({"id": f"L{li}", "cameras": cams, "zones": zones})
    return Plan.model_validate(plan)


def test_a_forked_worker_gives_what_one_process_gives():
    plan = busy_plan()
    one = pipeline.run(plan)
    two = pipeline.run(plan, analyser=Analyser(parallel=True))
    assert two.findings == one.findings and len(one.findings) > 0
    assert {k: c.coverage_m2 for k, c in two.analysis.cameras.items()} == {
        k: c.coverage_m2 for k, c in one.analysis.cameras.items()
    }
    assert {k: z.covered_m2 for k, z in two.analysis.zones.items()} == {
        k: z.covered_m2 for k, z in one.analysis.zones.items()
    }


def test_per_level_work_runs_in_the_process_that_analysed_the_level():
    plan = busy_plan()
    _, pids = Analyser(parallel=True).analyse_levels(plan, lambda plan, level, part: os.getpid())
    assert set(pids) == {"L0", "L1"}
    if (os.cpu_count() or 1) >= 2:
        assert len(set(pids.values())) == 2 and os.getpid() in pids.values()
