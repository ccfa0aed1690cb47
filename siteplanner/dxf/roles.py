"""What a drawing's layers hold, read from their names.

Real drawings follow a few naming conventions: AIA/NCS (``A-WALL``, ``A-DOOR``, ``A-GLAZ``), plain
English, German (``Wand``, ``Tür``, ``Fenster``), Chinese (墙, 门, 窗, 柱) and the Tianzheng
defaults (``WALL``, ``DOOR_FIRE``, ``WINDOW``, ``COLUMN``). A name is cut into words; a word
matches a role when it starts or ends with one of the role's stems (German compounds such as
``Innenwand`` or ``Türen``), and a Chinese name when it contains the character.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping

ROLES = ("wall", "door", "window", "column", "room", "room-name", "ignore")
# In a mapping: the layer holds nothing the import recognises (its name says otherwise).
NO_ROLE = "none"
ROLE_ALIASES = {
    "walls": "wall",
    "doors": "door",
    "windows": "window",
    "obstacle": "column",
    "columns": "column",
    "rooms": "room",
    "room_name": "room-name",
    "roomname": "room-name",
    "name": "room-name",
}

# Latin stems per role (upper case, umlauts spelt both ways). Order matters: the first role
# whose stems match wins, text layers (labels of doors, windows) are checked before the rest.
_IGNORE = ("DIM", "AXIS", "GRID", "DEFPOINTS", "TITLE", "FRAME", "VPORT", "BEMASSUNG", "ACHS")
_TEXT = ("TEXT", "TXT", "IDEN", "ANNO", "LABEL", "TAG", "NUM", "BESCHRIFT", "NAME", "NAM")
_ROOM = ("ROOM", "SPACE", "AREA", "RAUM", "RÄUM", "RAEUM", "ZONE", "FLAECHE", "FLÄCHE")
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("door", ("DOOR", "DOR", "TÜR", "TUER", "PORTE", "PUERTA")),
    ("window", ("WINDOW", "WIN", "GLAZ", "FENSTER", "FENETRE", "VENTANA")),
    ("column", ("COLUMN", "COLS", "COL", "PILLAR", "STÜTZ", "STUETZ", "SÄUL", "SAEUL", "PFEILER")),
    ("wall", ("WALL", "WAND", "WÄND", "WAEND", "MAUER", "MUR")),
    ("room", _ROOM),
)
_CJK: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ignore", ("轴", "尺寸", "标注", "图框")),
    ("room-name", ("房间名", "房间名称", "空间名")),
    ("door", ("门",)),
    ("window", ("窗",)),
    ("column", ("柱",)),
    ("wall", ("墙",)),
    ("room", ("房间", "空间", "面积")),
)
_CJK_TEXT = ("文字", "字", "名称")
# Short stems match whole words only ("COL" is not "COLOUR", "MUR" is not "MURAL").
_WHOLE = {"DOR", "WIN", "COL", "MUR", "NUM", "NAM", "TAG", "DIM"}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9A-Za-zÀ-ÿ]+", name.upper()) if w]


def _hits(words: Iterable[str], stems: Iterable[str]) -> bool:
    for word in words:
        for stem in stems:
            if stem in _WHOLE:
                if word == stem:
                    return True
            elif word.startswith(stem) or word.endswith(stem):
                return True
    return False


def role_by_name(layer: str) -> str | None:
    """The role a layer's name suggests, or None when it says nothing we know."""
    words = _words(layer)
    if any("\u3400" <= ch <= "\u9fff" for ch in layer):
        for role, chars in _CJK:
            if any(c in layer for c in chars):
                if role in {"door", "window", "column", "wall"} and any(
                    t in layer for t in _CJK_TEXT
                ):
                    return "ignore"
                if role == "room" and any(t in layer for t in _CJK_TEXT):
                    return "room-name"
                return role
    if _hits(words, _IGNORE):
        return "ignore"
    texty = _hits(words, _TEXT)
    if texty and _hits(words, _ROOM):
        return "room-name"
    for role, stems in _STEMS:
        if _hits(words, stems):
            # The labels of doors and windows (Tianzheng's WINDOW_TEXT, A-DOOR-IDEN) are noise.
            return "ignore" if texty else role
    # Notes and labels of anything else (A-ANNO-NOTE, TEXT): kept in the underlay only.
    return "ignore" if texty else None


def parse_map(items: Iterable[str]) -> dict[str, list[str]]:
    """``--map ROLE=LAYER,LAYER`` options as {role: [layer patterns]}; ValueError on bad input."""
    out: dict[str, list[str]] = {}
    for item in items:
        role, sep, layers = item.partition("=")
        role = ROLE_ALIASES.get(role.strip().lower(), role.strip().lower())
        if not sep or (role not in ROLES and role != NO_ROLE):
            raise ValueError(
                f"--map {item!r}: write ROLE=LAYER[,LAYER...] with ROLE one of {', '.join(ROLES)}"
            )
        names = [n.strip() for n in layers.split(",") if n.strip()]
        if not names:
            raise ValueError(f"--map {item!r}: name at least one layer after '='")
        out.setdefault(role, []).extend(names)
    return out


def assign_roles(
    layers: Iterable[str], overrides: Mapping[str, Iterable[str]] | None = None
) -> dict[str, str | None]:
    """Every layer's role: from ``overrides`` ({role: [names or glob patterns]}, matched without
    regard to case; the role ``none`` takes a layer's role away) first, else from its name."""
    rules = [
        (role, pattern.upper())
        for role, patterns in (overrides or {}).items()
        for pattern in patterns
    ]
    out: dict[str, str | None] = {}
    for layer in layers:
        upper = layer.upper()
        chosen = next((role for role, pat in rules if fnmatch.fnmatchcase(upper, pat)), None)
        if chosen == NO_ROLE:
            out[layer] = None
        else:
            out[layer] = chosen if chosen is not None else role_by_name(layer)
    return out
