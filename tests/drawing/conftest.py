"""The PDF tests read files back with poppler-utils (skipped where it is not installed)."""

from tests.signage.conftest import poppler

__all__ = ["poppler"]
