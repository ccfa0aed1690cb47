"""The rules, grouped by what they check. Importing this package registers every one of them."""

from siteplanner.compliance.registry import RULES, validate_rule
from siteplanner.compliance.rules import (
    collection,
    coverage,
    facial,
    geometry,
    privacy,
    signage,
)

GROUPS = (privacy, collection, coverage, signage, facial, geometry)

__all__ = ["GROUPS", "RULES", "validate_rule"]
