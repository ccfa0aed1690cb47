"""The registry of rules: each check is a function registered under its rule id.

A rule declares its parameters (with defaults a pack may override) and the texts its findings
are made of, with the fields each text may use; a pack supplies those texts in its languages.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from siteplanner.findings import Finding, Severity

if TYPE_CHECKING:
    from siteplanner.compliance.context import LevelContext
    from siteplanner.compliance.packs import RuleSpec

ParamValue = float | int | str | list[str]


@dataclass(frozen=True)
class ActiveRule:
    """A rule as one evaluation runs it: the pack's severity, reference, parameters and the
    texts in the chosen language."""

    id: str
    severity: Severity
    reference: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]
    lang: str

    def text(self, key: str, **fields: object) -> str:
        return self.texts[key].format(**fields)

    def finding(self, fields: Mapping[str, object], **where: Any) -> Finding:
        """A finding whose message is the "message" text filled with ``fields``; ``where`` names
        the level, camera, zone... and the figures (area_m2, percent)."""
        return Finding(
            self.id,
            self.severity,
            self.text("message", **fields),
            reference=self.reference,
            **where,
        )


Check = Callable[["LevelContext", ActiveRule], Iterable[Finding]]


@dataclass(frozen=True)
class RuleDef:
    id: str
    group: str
    check: Check
    params: Mapping[str, ParamValue]
    # text key -> the fields its template may use; "message" is always one of them.
    texts: Mapping[str, frozenset[str]]


RULES: dict[str, RuleDef] = {}


def rule(
    rule_id: str,
    *,
    group: str,
    texts: Mapping[str, Iterable[str]],
    params: Mapping[str, ParamValue] | None = None,
) -> Callable[[Check], Check]:
    """Register ``check`` as the rule ``rule_id``."""
    if "message" not in texts:
        raise ValueError(f"rule {rule_id}: its texts need a 'message'")

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = RuleDef(
            rule_id,
            group,
            check,
            dict(params or {}),
            {k: frozenset(v) for k, v in texts.items()},
        )
        return check

    return register


def template_fields(template: str) -> set[str]:
    """The field names a str.format template uses ("{area:.2f}" -> "area")."""
    out: set[str] = set()
    for _text, name, _spec, _conv in string.Formatter().parse(template):
        if name is not None:
            out.add(name.split(".")[0].split("[")[0])
    return out


def _same_kind(default: ParamValue, value: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return type(default) is type(value)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def validate_rule(rule_id: str, spec: RuleSpec) -> str | None:
    """What is wrong with a pack's entry for ``rule_id``, as "<.key path>: <problem>"; None when
    nothing is."""
    rdef = RULES.get(rule_id)
    if rdef is None:
        return f": no such rule (known: {', '.join(sorted(RULES))})"
    for name, value in spec.params.items():
        if name not in rdef.params:
            known = ", ".join(sorted(rdef.params)) or "none"
            return f".params.{name}: unknown parameter (known: {known})"
        if not _same_kind(rdef.params[name], value):
            return f".params.{name}: must be like {rdef.params[name]!r}"
    for lang, texts in spec.messages.items():
        for key in rdef.texts:
            if key not in texts:
                return f".messages.{lang}.{key}: missing"
        for key, template in texts.items():
            allowed = rdef.texts.get(key)
            if allowed is None:
                return f".messages.{lang}.{key}: unknown text (known: {', '.join(rdef.texts)})"
            try:
                used = template_fields(template)
            except ValueError as exc:
                return f".messages.{lang}.{key}: bad template: {exc}"
            extra = used - allowed
            if extra:
                return (
                    f".messages.{lang}.{key}: unknown field {{{sorted(extra)[0]}}} "
                    f"(fields: {', '.join(sorted(allowed)) or 'none'})"
                )
    return None


def activate(rdef: RuleDef, spec: RuleSpec, lang: str, reference: str) -> ActiveRule:
    return ActiveRule(
        rdef.id,
        spec.severity,
        reference,
        {**rdef.params, **spec.params},
        spec.messages[lang],
        lang,
    )


__all__ = ["RULES", "ActiveRule", "RuleDef", "activate", "rule", "template_fields", "validate_rule"]
