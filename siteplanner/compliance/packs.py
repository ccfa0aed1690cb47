"""Rule packs: one JSON file per jurisdiction, validated by a schema.

A pack declares which rules it runs, each rule's severity, parameters, reference and message
templates in every language the pack supports, the private-space types and internal-management
purposes it recognises, its coverage target and the texts of its signs. The checks themselves
are functions registered by rule id (``siteplanner.compliance.registry``); a pack only names them.

Unknown keys are refused (naming the pack file and the key): a misspelt key must not silently
switch a rule back to its defaults.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, model_validator

from siteplanner.compliance.rules import validate_rule
from siteplanner.findings import Severity

DEFAULT_PACK = "cn-2025"

Lang = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
# Text in several languages: {"zh": "...", "en": "..."}.
Texts = dict[Lang, str]
ParamValue = float | int | str | list[str]


class UnknownRulePack(ValueError):
    """A rule pack id that no pack file carries."""


class PackError(ValueError):
    """A pack file that does not follow the schema; the message names the file and the key."""


class LanguageError(ValueError):
    """A language the rule pack has no messages in."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Strict):
    """One rule as a pack configures it."""

    severity: Severity
    enabled: StrictBool = True
    # The instrument and article the finding comes from, per language (or one text for all).
    reference: str | Texts
    # Overrides of the rule's parameters (each rule declares the ones it has, with defaults).
    params: dict[str, ParamValue] = Field(default_factory=dict)
    # {language: {text key: template}}; "message" is the finding's message, other keys are the
    # pieces the rule puts into it. Templates use str.format fields named by the rule.
    messages: dict[Lang, dict[str, str]]


# Items a sign's small print can carry (each filled from the plan's organisation / cameras).
SignRow = Literal[
    "operator",
    "controller",
    "contact",
    "dpo",
    "purpose",
    "legal_basis",
    "retention",
    "rights",
    "gdpr_rights",
    "second_layer",
    "audio",
]
SIGN_ROWS: tuple[str, ...] = get_args(SignRow)


class SignTexts(_Strict):
    """What a pack prints on its signs, per language."""

    title: Texts
    face_notice: Texts = Field(default_factory=dict)
    legal_basis: Texts = Field(default_factory=dict)
    # The items of the small print, in order; their wording per language is the sign writer's.
    rows: list[SignRow] = Field(
        default_factory=lambda: ["operator", "purpose", "retention", "rights"]
    )


class PackSpec(_Strict):
    id: str
    title: Texts
    # Languages of the finding messages, the default first.
    languages: list[Lang] = Field(min_length=1)
    effective: str | None = None
    # Share of a collection zone that must reach its required density (UNDER_COVERAGE) unless
    # the plan sets its own ``settings.coverage_target``.
    coverage_target: float = Field(gt=0, le=1)
    filing_threshold_people: int = Field(default=100000, ge=0)
    # Private-space types the pack names, with their names per language.
    private_types: dict[str, Texts] = Field(default_factory=dict)
    # Camera purposes that mean "installed for the organisation's internal management".
    internal_purposes: list[str] = Field(default_factory=list)
    # Organisation fields a notice must give before cameras watch a public place.
    notice_fields: list[str] = Field(default_factory=list)
    # ... and those it must also give where a camera recognises faces.
    face_notice_fields: list[str] = Field(default_factory=list)
    # Camera purposes that mean face recognition verifies identity (a gate, attendance): the
    # notice must then say what other way of verifying identity is offered.
    verification_purposes: list[str] = Field(default_factory=list)
    # Words the messages share (DORI bands, field names...), per language.
    terms: dict[Lang, dict[str, str]] = Field(default_factory=dict)
    # What the jurisdiction calls the impact assessment (PIA, DPIA), per language, for reports.
    assessment: Texts
    rules: dict[str, RuleSpec]
    sign: SignTexts
    # Languages printed on the pack's signs by default, in order.
    sign_languages: list[Lang] = Field(min_length=1)
    # The ones printed when no language is asked for (default: all of ``sign_languages``).
    sign_default_languages: list[Lang] | None = None
    # Languages a sign in the jurisdiction must carry (Chinese in China): `signs` warns when
    # one is left out.
    sign_required_languages: list[Lang] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_language(self) -> PackSpec:
        for rule_id, rule in self.rules.items():
            for lang in self.languages:
                if lang not in rule.messages:
                    raise ValueError(f"rules.{rule_id}.messages: no {lang!r} messages")
                if isinstance(rule.reference, dict) and lang not in rule.reference:
                    raise ValueError(f"rules.{rule_id}.reference: no {lang!r} text")
            for lang in rule.messages:
                if lang not in self.languages:
                    raise ValueError(
                        f"rules.{rule_id}.messages.{lang}: {lang!r} is not one of the pack's "
                        f"languages ({', '.join(self.languages)})"
                    )
        for lang in self.languages:
            if lang not in self.terms:
                raise ValueError(f"terms: no {lang!r} terms")
        for lang in self.languages:
            if lang not in self.assessment:
                raise ValueError(f"assessment: no {lang!r} text")
        for lang in self.sign_languages:
            if lang not in self.sign.title:
                raise ValueError(f"sign.title: no {lang!r} text for sign language {lang!r}")
        for key in ("sign_default_languages", "sign_required_languages"):
            for lang in getattr(self, key) or ():
                if lang not in self.sign_languages:
                    raise ValueError(
                        f"{key}: {lang!r} is not one of the sign_languages "
                        f"({', '.join(self.sign_languages)})"
                    )
        return self


@dataclass(frozen=True)
class RulePack:
    """A loaded, checked pack. ``sign`` stays a plain mapping for the sign writers."""

    id: str
    title: dict[str, str]
    languages: tuple[str, ...]
    rules: Mapping[str, RuleSpec]
    sign: dict[str, Any]  # texts per language, and ``rows``
    coverage_target: float
    filing_threshold_people: int
    private_types: Mapping[str, dict[str, str]] = field(default_factory=dict)
    internal_purposes: frozenset[str] = frozenset()
    notice_fields: tuple[str, ...] = ()
    face_notice_fields: tuple[str, ...] = ()
    verification_purposes: frozenset[str] = frozenset()
    terms: Mapping[str, dict[str, str]] = field(default_factory=dict)
    sign_languages: tuple[str, ...] = ()
    sign_default_languages: tuple[str, ...] = ()
    sign_required_languages: tuple[str, ...] = ()
    assessment: Mapping[str, str] = field(default_factory=dict)
    source: str = ""

    @property
    def default_lang(self) -> str:
        return self.languages[0]

    def lang(self, lang: str | None) -> str:
        """The language to speak: ``lang`` when the pack has it, its first one when None."""
        if lang is None:
            return self.default_lang
        code = lang.strip().lower().replace("_", "-")
        # A locale such as the editor's "zh_CN" speaks its base language.
        if code not in self.languages and code.split("-")[0] in self.languages:
            code = code.split("-")[0]
        if code not in self.languages:
            raise LanguageError(
                f"rule pack {self.id} has no messages in {lang!r} "
                f"(available: {', '.join(self.languages)})"
            )
        return code

    def severity(self, rule: str) -> Severity:
        spec = self.rules.get(rule)
        return spec.severity if spec is not None else Severity.WARNING

    def reference(self, rule: str, lang: str | None = None) -> str:
        spec = self.rules.get(rule)
        if spec is None:
            return ""
        if isinstance(spec.reference, str):
            return spec.reference
        return spec.reference.get(self.lang(lang), "")

    def enabled(self, rule: str) -> bool:
        spec = self.rules.get(rule)
        return spec is not None and spec.enabled

    def term(self, key: str, lang: str) -> str:
        return self.terms.get(lang, {}).get(key, key)

    def private_type_name(self, private_type: str | None, lang: str) -> str:
        """The name of a private space's type, e.g. "restroom" / "卫生间"."""
        key = _normal(private_type) if private_type else ""
        names = self.private_types.get(key)
        if names and lang in names:
            return names[lang]
        if key:
            return key.replace("_", " ")
        return self.term("private_space", lang)

    def is_internal(self, purpose: str | None) -> bool:
        return bool(purpose) and _normal(purpose or "") in self.internal_purposes

    def verifies_identity(self, purpose: str | None) -> bool:
        """A face-recognition camera with this purpose verifies who people are (a gate)."""
        return bool(purpose) and _normal(purpose or "") in self.verification_purposes


def _normal(word: str) -> str:
    return word.strip().lower().replace("-", "_").replace(" ", "_")


def _folder():
    return resources.files("siteplanner.compliance") / "packs"


def available_packs() -> list[str]:
    return sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".json"))


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def _describe(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    loc = _where(err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown key {loc}"
    if err["type"] == "missing":
        return f"{loc}: missing"
    msg = err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}" if err["loc"] else msg


def parse_pack(data: Any, source: str) -> RulePack:
    """Check a pack's JSON against the schema and the rule registry; ``source`` names the file
    in every error."""
    try:
        spec = PackSpec.model_validate(data)
    except ValidationError as exc:
        raise PackError(f"{source}: {_describe(exc)}") from None
    for rule_id, rule in spec.rules.items():
        problem = validate_rule(rule_id, rule)
        if problem:
            raise PackError(f"{source}: rules.{rule_id}{problem}")
    return RulePack(
        id=spec.id,
        title=dict(spec.title),
        languages=tuple(spec.languages),
        rules=dict(spec.rules),
        sign=spec.sign.model_dump(),
        coverage_target=spec.coverage_target,
        filing_threshold_people=spec.filing_threshold_people,
        private_types={_normal(k): dict(v) for k, v in spec.private_types.items()},
        internal_purposes=frozenset(_normal(p) for p in spec.internal_purposes),
        notice_fields=tuple(spec.notice_fields),
        face_notice_fields=tuple(spec.face_notice_fields),
        verification_purposes=frozenset(_normal(p) for p in spec.verification_purposes),
        terms={k: dict(v) for k, v in spec.terms.items()},
        sign_languages=tuple(spec.sign_languages),
        sign_default_languages=tuple(spec.sign_default_languages or spec.sign_languages),
        sign_required_languages=tuple(spec.sign_required_languages),
        assessment=dict(spec.assessment),
        source=source,
    )


def load_pack_file(path: str | Path) -> RulePack:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise PackError(f"{path}: not JSON: {exc.msg} at line {exc.lineno}") from None
    return parse_pack(data, str(path))


@cache
def load_pack(pack_id: str) -> RulePack:
    if pack_id not in available_packs():
        raise UnknownRulePack(
            f"unknown rule pack {pack_id!r} (available: {', '.join(available_packs())})"
        )
    name = f"{pack_id}.json"
    data = json.loads((_folder() / name).read_text(encoding="utf-8"))
    pack = parse_pack(data, f"siteplanner/compliance/packs/{name}")
    if pack.id != pack_id:
        raise PackError(f"siteplanner/compliance/packs/{name}: id: {pack.id!r} is not {pack_id!r}")
    return pack


__all__ = [
    "DEFAULT_PACK",
    "SIGN_ROWS",
    "LanguageError",
    "PackError",
    "RulePack",
    "RuleSpec",
    "UnknownRulePack",
    "available_packs",
    "load_pack",
    "load_pack_file",
    "parse_pack",
]
