"""Compliance: rule packs as data, rules as registered functions, findings from an analysis."""

from siteplanner.compliance.checks import evaluate, evaluate_level
from siteplanner.compliance.packs import (
    DEFAULT_PACK,
    LanguageError,
    PackError,
    RulePack,
    UnknownRulePack,
    available_packs,
    load_pack,
    load_pack_file,
)

__all__ = [
    "DEFAULT_PACK",
    "LanguageError",
    "PackError",
    "RulePack",
    "UnknownRulePack",
    "available_packs",
    "evaluate",
    "evaluate_level",
    "load_pack",
    "load_pack_file",
]
