"""Findings: what the compliance checks report, their severities and their order.

Low in the import layers so that every part of the program (analysis, compliance, reports, the
editor) can speak of findings without importing the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; compares equal to its plain string ("error", ...)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most serious; the one definition of the severity order."""
        return _ORDER[self]

    @classmethod
    def rank_of(cls, value: str) -> int:
        """The rank of a severity given as a string; unknown strings sort last."""
        try:
            return _ORDER[cls(value)]
        except ValueError:
            return len(_ORDER)


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITIES: tuple[Severity, ...] = tuple(sorted(_ORDER, key=_ORDER.__getitem__))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    level: str | None = None
    camera: str | None = None
    zone: str | None = None
    area_m2: float | None = None
    reference: str = ""
    sign: str | None = None
    opening: str | None = None
    percent: float | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "level": self.level,
            "camera": self.camera,
            "zone": self.zone,
            "area_m2": None if self.area_m2 is None else round(self.area_m2, 4),
            "reference": self.reference,
        }
        for key in ("sign", "opening", "percent"):
            value = getattr(self, key)
            if value is not None:
                out[key] = round(value, 2) if isinstance(value, float) else value
        return out


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then by level, rule and the objects concerned."""
    return sorted(
        findings,
        key=lambda f: (
            Severity.rank_of(f.severity),
            f.level or "",
            f.rule,
            f.camera or "",
            f.zone or "",
            f.sign or "",
        ),
    )


# Reporting thresholds, defined once (rule packs may override them per rule).
# Overlaps smaller than this are overlay slivers along shared edges, not something a camera sees.
MIN_AREA_M2 = 0.01
# Warnings about collection beyond the intended area ignore pieces smaller than this: a few
# square centimetres are noise (plan format: OVER_COLLECTION, OUTSIDE_COLLECTION_AREA).
SLIVER_M2 = 0.1

__all__ = ["MIN_AREA_M2", "SEVERITIES", "SLIVER_M2", "Finding", "Severity", "sort_findings"]
