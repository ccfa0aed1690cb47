"""Names for copies: the next free number in the name's own pattern.

A pasted camera named ``CAM-05`` becomes ``CAM-07`` when ``CAM-06`` exists; ``CAM-01 Lobby``
becomes ``CAM-10 Lobby`` when cameras are numbered up to ``CAM-09`` (whatever follows their
numbers); a name without a number gets one: ``Lobby cam`` becomes ``Lobby cam 2``. The zero
padding of the original is kept (``CAM-05`` → ``CAM-07``, ``CAM-9`` → ``CAM-10``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The last run of digits in a name, with what comes before and after it.
_NUMBERED = re.compile(r"^(?P<prefix>.*?)(?P<number>\d+)(?P<suffix>\D*)$", re.DOTALL)


def is_numbered(name: str) -> bool:
    return _NUMBERED.match(name) is not None


def _numbers_after(prefix: str, taken: Iterable[str]) -> set[int]:
    """The numbers that follow ``prefix`` at the start of the taken names."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)(?!\d)")
    out: set[int] = set()
    for name in taken:
        m = pattern.match(name)
        if m:
            out.add(int(m.group(1)))
    return out


def next_free_name(name: str, taken: Iterable[str]) -> str:
    """A name for a copy of the object named ``name`` that no name in ``taken`` has."""
    taken = set(taken)
    if not name.strip():
        return name
    m = _NUMBERED.match(name)
    if m is None:
        used = _numbers_after(name + " ", taken)
        if name in taken:
            used.add(1)
        n = 2
        while n in used or f"{name} {n}" in taken:
            n += 1
        return f"{name} {n}"
    prefix, digits, suffix = m.group("prefix"), m.group("number"), m.group("suffix")
    used = _numbers_after(prefix, taken)
    n = int(digits) + 1
    while True:
        candidate = f"{prefix}{str(n).zfill(len(digits))}{suffix}"
        if n not in used and candidate not in taken:
            return candidate
        n += 1


def copy_names(
    names: Iterable[str], taken: Iterable[str], numbered_only: bool = False
) -> list[str]:
    """Names for copies of objects named ``names``, pasted together: each unique among
    ``taken`` and among each other. ``numbered_only``: names without a number stay as they are
    (zones and obstacles, where two "Shelf" are fine but two "Shelf 3" are confusing)."""
    pool = set(taken)
    out = []
    for name in names:
        if numbered_only and not is_numbered(name):
            out.append(name)
            continue
        new = next_free_name(name, pool)
        pool.add(new)
        out.append(new)
    return out
