"""Rule packs: ids, severities, references and sign texts as data, one JSON file per pack."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_PACK = "cn-2025"


class UnknownRulePack(ValueError):
    pass


@dataclass(frozen=True)
class RulePack:
    id: str
    title: dict[str, str]
    rules: dict[str, dict[str, Any]]
    sign: dict[str, dict[str, str]]
    coverage_target: float = 0.95
    filing_threshold_people: int = 100000
    extra: dict[str, Any] = field(default_factory=dict)

    def severity(self, rule: str) -> str:
        return str(self.rules.get(rule, {}).get("severity", "warning"))

    def reference(self, rule: str) -> str:
        return str(self.rules.get(rule, {}).get("reference", ""))

    def enabled(self, rule: str) -> bool:
        return rule in self.rules and self.rules[rule].get("enabled", True)


def available_packs() -> list[str]:
    folder = resources.files("siteplanner.compliance") / "packs"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def load_pack(pack_id: str) -> RulePack:
    if pack_id not in available_packs():
        raise UnknownRulePack(
            f"unknown rule pack {pack_id!r} (available: {', '.join(available_packs())})"
        )
    text = (resources.files("siteplanner.compliance") / "packs" / f"{pack_id}.json").read_text(
        encoding="utf-8"
    )
    data = json.loads(text)
    known = {"id", "title", "rules", "sign", "coverage_target", "filing_threshold_people"}
    return RulePack(
        id=data["id"],
        title=data.get("title", {}),
        rules=data.get("rules", {}),
        sign=data.get("sign", {}),
        coverage_target=float(data.get("coverage_target", 0.95)),
        filing_threshold_people=int(data.get("filing_threshold_people", 100000)),
        extra={k: v for k, v in data.items() if k not in known},
    )
