"""Evaluation: run a pack's rules over the analysis of each level and collect the findings.

The checks are registered functions (``siteplanner.compliance.rules``); the pack decides which
run, with which severity, parameters, references and message texts.
"""

from __future__ import annotations

from siteplanner.analysis import Analysis
from siteplanner.compliance.context import LevelContext
from siteplanner.compliance.packs import RulePack, load_pack
from siteplanner.compliance.registry import activate
from siteplanner.compliance.rules import RULES
from siteplanner.findings import Finding, sort_findings
from siteplanner.model import Level, Plan


def evaluate(
    plan: Plan, analysis: Analysis, pack_id: str | RulePack, lang: str | None = None
) -> list[Finding]:
    """Every level's findings under the rule pack ``pack_id`` (an id, or a pack loaded from a
    file), messages in ``lang`` (default: the pack's first language; one the pack lacks raises
    LanguageError)."""
    out: list[Finding] = []
    for level in plan.levels:
        out.extend(evaluate_level(plan, level, analysis, pack_id, lang))
    return sort_findings(out)


def evaluate_level(
    plan: Plan,
    level: Level,
    analysis: Analysis,
    pack_id: str | RulePack,
    lang: str | None = None,
) -> list[Finding]:
    """Findings of one level; needs the analysis of that level's cameras and zones only."""
    pack = pack_id if isinstance(pack_id, RulePack) else load_pack(pack_id)
    lang = pack.lang(lang)
    ctx = LevelContext(plan, level, analysis, pack, lang)
    out: list[Finding] = []
    for rule_id, spec in pack.rules.items():
        if spec.enabled:
            rdef = RULES[rule_id]
            out.extend(rdef.check(ctx, activate(rdef, spec, lang, pack.reference(rule_id, lang))))
    return out


__all__ = ["evaluate", "evaluate_level", "sort_findings"]
