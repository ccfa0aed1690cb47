"""The engine from plan to findings: analysis, then a rule pack's checks, then (if asked) the
suggested signs. The command line and the editor's worker both run it.

``run`` may be called from a worker thread: ``cancelled`` is polled between cameras, levels and
steps, and a run that is cancelled raises ``AnalysisCancelled``. With an ``Analyser(parallel=True)``
(the command line; never in the editor, whose Qt threads must not be forked) a forked process
analyses and checks about half of a large plan's levels.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from siteplanner.analysis import Analyser, Analysis, AnalysisCancelled
from siteplanner.compliance import RulePack, evaluate_level, load_pack
from siteplanner.findings import Finding, Severity, sort_findings
from siteplanner.model import Level, Plan
from siteplanner.signage.placement import SignSuggestion, suggest_signs


@dataclass
class PipelineResult:
    analysis: Analysis  # geometry results, with ``rules`` and ``findings`` filled in
    findings: list[Finding]
    suggestions: list[SignSuggestion] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == Severity.ERROR for f in self.findings)


def run(
    plan: Plan,
    *,
    rules: str | RulePack | None = None,
    lang: str | None = None,
    analyser: Analyser | None = None,
    suggest: bool | Collection[str] = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PipelineResult:
    """Analyse ``plan``, evaluate rule pack ``rules`` (an id, default the plan's own, or a pack
    loaded from a file) with messages in ``lang`` (default: the pack's first language), and
    suggest signs when ``suggest`` is true (every level) or names the levels to suggest for.

    Raises ``UnknownRulePack`` or ``LanguageError`` before any work, and ``AnalysisCancelled``
    as soon as ``cancelled()`` returns true."""
    pack = rules if isinstance(rules, RulePack) else load_pack(rules or plan.rules)
    lang = pack.lang(lang)
    analyser = analyser if analyser is not None else Analyser()

    def check_level(plan: Plan, level: Level, part: Analysis) -> list[Finding]:
        _stop_if(cancelled)
        return evaluate_level(plan, level, part, pack, lang)

    analysis, per_level = analyser.analyse_levels(plan, check_level, progress, cancelled)
    analysis.rules = pack.id
    analysis.findings = sort_findings([f for lv in plan.levels for f in per_level[lv.id]])
    suggestions: list[SignSuggestion] = []
    if suggest:
        levels = None if suggest is True else list(suggest)
        suggestions = suggest_signs(plan, analysis, level_ids=levels, cancelled=cancelled)
    return PipelineResult(analysis, analysis.findings, suggestions)


def _stop_if(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise AnalysisCancelled


__all__ = ["AnalysisCancelled", "PipelineResult", "run"]
