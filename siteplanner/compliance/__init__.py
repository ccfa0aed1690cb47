"""Compliance: rule packs as data and the checks that turn an analysis into findings."""

from siteplanner.compliance.packs import (
    DEFAULT_PACK,
    RulePack,
    UnknownRulePack,
    available_packs,
    load_pack,
)

__all__ = ["DEFAULT_PACK", "RulePack", "UnknownRulePack", "available_packs", "load_pack"]
