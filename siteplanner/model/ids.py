"""The one id allocator: fresh ids unique across the whole plan.

Ids are unique across a plan (not only within a level), so a sign's ``covers`` and a finding's
``camera`` name one object. A fresh id is the collection's prefix and the number after the
highest one in use with that prefix (``c7`` after ``c1``…``c6``, whatever the level), so the ids
handed out read as a sequence and never take a suffix such as ``c5-2``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from siteplanner.model.plan import Plan

# The lists of objects a level holds, with the prefix of the ids made up for them. (Here rather
# than beside the classes so that the plan's validation can use the allocator.)
ID_PREFIX = {
    "walls": "w",
    "openings": "o",
    "obstacles": "ob",
    "zones": "z",
    "cameras": "c",
    "signs": "s",
}
LEVEL_PREFIX = "L"
PREFIXES: dict[str, str] = {**ID_PREFIX, "levels": LEVEL_PREFIX}


def plan_ids(plan: Plan) -> list[str]:
    """Every id the plan holds: its levels' and their objects'."""
    out = [level.id for level in plan.levels]
    for level in plan.levels:
        for key in ID_PREFIX:
            out.extend([obj.id for obj in getattr(level, key)])
    return out


class IdAllocator:
    """Hands out ids that are in none of ``used`` nor among those it handed out before."""

    def __init__(self, used: Iterable[str] = ()) -> None:
        self._used: set[str] = set(used)
        self._used.discard("")
        # The highest number in use per prefix, found when the prefix is first asked for: a
        # campus holds tens of thousands of ids and a click asks for one prefix.
        self._highest: dict[str, int] = {}

    @classmethod
    def for_plan(cls, plan: Plan) -> IdAllocator:
        return cls(plan_ids(plan))

    def __contains__(self, object_id: object) -> bool:
        return object_id in self._used

    def reserve(self, object_id: str) -> None:
        """Mark ``object_id`` as taken (an id kept from a file, say)."""
        if not object_id:
            return
        self._used.add(object_id)
        for prefix, n in self._highest.items():
            rest = object_id[len(prefix) :]
            if object_id.startswith(prefix) and rest.isdigit() and int(rest) > n:
                self._highest[prefix] = int(rest)

    def _highest_number(self, prefix: str) -> int:
        n = self._highest.get(prefix)
        if n is None:
            k = len(prefix)
            numbers = [int(i[k:]) for i in self._used if i.startswith(prefix) and i[k:].isdigit()]
            n = self._highest[prefix] = max(numbers, default=0)
        return n

    def new(self, collection: str) -> str:
        """A fresh id for an object of ``collection`` (``"cameras"``, …, or ``"levels"``)."""
        return self.new_with_prefix(PREFIXES[collection])

    def new_with_prefix(self, prefix: str) -> str:
        n = self._highest_number(prefix) + 1
        object_id = f"{prefix}{n}"
        self._used.add(object_id)
        self._highest[prefix] = n
        return object_id
