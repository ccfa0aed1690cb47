"""The installer's sign legend: a plan of each level with the signs numbered, then per sign the
room and wall it goes on, the side of the door it is beside, the height of its centre, its size,
the distance it is legible from and the cameras it announces; last, a bill of materials.

Every heading is printed in the languages of the signs (``--lang``); user text (room, door and
camera names) as typed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import shapely

from siteplanner.analysis import Analyser, Analysis
from siteplanner.compliance import load_pack
from siteplanner.compliance.legibility import printed_sizes
from siteplanner.compliance.packs import RulePack
from siteplanner.drawing.canvas import MM, Canvas, Path
from siteplanner.drawing.plan_drawing import draw_level
from siteplanner.drawing.text import fit, wrap
from siteplanner.model import Level, Opening, Plan, Sign
from siteplanner.signage.content import face_recognition_due, sign_content
from siteplanner.signage.style import BLACK, GREY, MARGIN, YELLOW

STRIPE = (0.95, 0.95, 0.95)  # every other row

_COMPASS = ("E", "NE", "N", "NW", "W", "SW", "S", "SE")

ON_WALL_M = 0.35  # a sign this close to a wall solid hangs on it (as placement puts it)
DOOR_NEAR_M = 3.0  # a door further than this is no landmark for the installer
ROOM_NEAR_M = 0.5  # a sign just outside a room's outline still belongs to it
MARKER_R = 6.0  # points: the plan page's numbered circles, larger than the report's markers
NUMBER_PT = 9.0
LEADER = 6 * MM  # from where a sign hangs to its numbered circle, in the way it faces

# The legend's wording per language; every language a pack prints signs in is here.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Sign legend",
        "plan": "Plan of {level}: where each sign goes",
        "plan_note": (
            "Each sign's number stands in a yellow circle in front of it, joined by a line to the "
            "small dot where the sign hangs; the arrow points the way the sign faces (towards the "
            "people approaching). The table that follows lists them."
        ),
        "table": "Signs on {level}",
        "no": "No.",
        "wall": "Room · wall (x, y in m)",
        "door": "Beside door: side as you face the wall · door · gap to its edge",
        "height": "Centre height above floor (m) · bottom–top edge",
        "size": "Size W×H (mm)",
        "legible": "Legible from (m)",
        "qty": "Qty",
        "cameras": "Cameras announced",
        "page": "Page",
        "bom": "Bill of materials",
        "bom_size": "Size W×H (mm)",
        "bom_variant": "Variant",
        "bom_qty": "Quantity",
        "bom_signs": "Signs (level: numbers)",
        "total": "Total",
        "standard": "standard",
        "face": "face recognition",
        "wall_name": "{d} wall",
        "post": "free-standing: on a post",
        "left": "left",
        "right": "right",
        "over": "over the door",
        "front": "in front of the door",
        "no_door": "no door within {m:g} m",
        "none": "announces no camera",
        "notes": (
            "{plan} · rules {rules} · {n} signs. Heights are to the sign's centre. Sides are as "
            "seen standing in front of the wall, facing it. Legible from: the distance at which "
            "the printed pictogram (ISO 3864-1, height × 60) and title letters (height × 120) "
            "can be read."
        ),
    },
    "zh": {
        "title": "标志安装清单",
        "plan": "{level} 平面图：各标志安装位置",
        "plan_note": (
            "每个标志的编号写在其前方的黄色圆圈内，并以细线连到标志安装处的小圆点；"
            "箭头表示标志正面朝向（面向走近的人）。各标志见后表。"
        ),
        "table": "{level} 的标志",
        "no": "编号",
        "wall": "房间 · 墙面（x, y，米）",
        "door": "所在门旁：面向墙面时的方位 · 门 · 距门边",
        "height": "中心离地高度（米）· 下沿–上沿",
        "size": "尺寸 宽×高（毫米）",
        "legible": "可辨认距离（米）",
        "qty": "数量",
        "cameras": "告知的摄像机",
        "page": "页码",
        "bom": "物料清单",
        "bom_size": "尺寸 宽×高（毫米）",
        "bom_variant": "版式",
        "bom_qty": "数量",
        "bom_signs": "标志（楼层：编号）",
        "total": "合计",
        "standard": "标准",
        "face": "人脸识别",
        "wall_name": "{d}墙",
        "post": "独立立柱安装",
        "left": "左侧",
        "right": "右侧",
        "over": "门上方",
        "front": "门前",
        "no_door": "{m:g} 米内无门",
        "none": "未告知任何摄像机",
        "notes": (
            "{plan} · 规则 {rules} · 共 {n} 个标志。高度均指标志中心。"
            "左右方位以站在墙前、面向墙面为准。"
            "可辨认距离：印刷的图形符号（ISO 3864-1，高度 × 60）与标题字高（× 120）均可辨认的距离。"
        ),
    },
    "de": {
        "title": "Schilderplan",
        "plan": "Grundriss {level}: wohin jedes Schild kommt",
        "plan_note": (
            "Die Nummer jedes Schildes steht in einem gelben Kreis davor, mit einer Linie zum "
            "kleinen Punkt, wo das Schild hängt; der Pfeil zeigt, wohin das Schild blickt (zu den "
            "Herankommenden). Die folgende Tabelle führt sie auf."
        ),
        "table": "Schilder auf {level}",
        "no": "Nr.",
        "wall": "Raum · Wand (x, y in m)",
        "door": "Neben Tür: Seite mit Blick auf die Wand · Tür · Abstand zur Kante",
        "height": "Höhe der Mitte über Boden (m) · Unter–Oberkante",
        "size": "Größe B×H (mm)",
        "legible": "Lesbar aus (m)",
        "qty": "Anz.",
        "cameras": "Angekündigte Kameras",
        "page": "Seite",
        "bom": "Stückliste",
        "bom_size": "Größe B×H (mm)",
        "bom_variant": "Ausführung",
        "bom_qty": "Menge",
        "bom_signs": "Schilder (Ebene: Nummern)",
        "total": "Summe",
        "standard": "Standard",
        "face": "Gesichtserkennung",
        "wall_name": "{d}wand",
        "post": "freistehend: an einem Pfosten",
        "left": "links",
        "right": "rechts",
        "over": "über der Tür",
        "front": "vor der Tür",
        "no_door": "keine Tür im Umkreis von {m:g} m",
        "none": "kündigt keine Kamera an",
        "notes": (
            "{plan} · Regeln {rules} · {n} Schilder. Höhen beziehen sich auf die Schildmitte. "
            "Seiten gelten vor der Wand stehend, mit Blick auf sie. Lesbar aus: Entfernung, aus "
            "der Piktogramm (ISO 3864-1, Höhe × 60) und Titelbuchstaben (Höhe × 120) lesbar sind."
        ),
    },
    "fr": {
        "title": "Légende des panneaux",
        "plan": "Plan de {level} : emplacement de chaque panneau",
        "plan_note": (
            "Le numéro de chaque panneau figure dans un cercle jaune devant lui, relié par un "
            "trait au petit point où il est fixé ; la flèche indique le sens vers lequel le "
            "panneau est tourné (vers les personnes qui arrivent). Le tableau suivant les liste."
        ),
        "table": "Panneaux de {level}",
        "no": "N°",
        "wall": "Pièce · mur (x, y en m)",
        "door": "À côté de la porte : côté face au mur · porte · écart au bord",
        "height": "Hauteur du centre au-dessus du sol (m) · bord bas–haut",
        "size": "Format L×H (mm)",
        "legible": "Lisible à (m)",
        "qty": "Qté",
        "cameras": "Caméras annoncées",
        "page": "Page",
        "bom": "Nomenclature",
        "bom_size": "Format L×H (mm)",
        "bom_variant": "Variante",
        "bom_qty": "Quantité",
        "bom_signs": "Panneaux (niveau : numéros)",
        "total": "Total",
        "standard": "standard",
        "face": "reconnaissance faciale",
        "wall_name": "mur {d}",
        "post": "autoportant : sur un poteau",
        "left": "à gauche",
        "right": "à droite",
        "over": "au-dessus de la porte",
        "front": "devant la porte",
        "no_door": "aucune porte à moins de {m:g} m",
        "none": "n'annonce aucune caméra",
        "notes": (
            "{plan} · règles {rules} · {n} panneaux. Les hauteurs sont celles du centre du "
            "panneau. Les côtés s'entendent face au mur. Lisible à : distance à laquelle le "
            "pictogramme imprimé (ISO 3864-1, hauteur × 60) et les lettres du titre (hauteur × "
            "120) se lisent."
        ),
    },
}

# Compass points per language, in the order of _COMPASS.
_DIRECTIONS = {
    "en": _COMPASS,
    "zh": ("东", "东北", "北", "西北", "西", "西南", "南", "东南"),
    "de": ("Ost", "Nordost", "Nord", "Nordwest", "West", "Südwest", "Süd", "Südost"),
    "fr": ("est", "nord-est", "nord", "nord-ouest", "ouest", "sud-ouest", "sud", "sud-est"),
}


def _texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS["en"])


def words(key: str, langs: Sequence[str], sep: str = " / ", **fmt: object) -> str:
    """``key`` in each of ``langs`` (formatted with ``fmt``), joined by ``sep``, each once."""
    out: list[str] = []
    for lang in langs:
        w = _texts(lang)[key].format(**fmt) if fmt else _texts(lang)[key]
        if w not in out:
            out.append(w)
    return sep.join(out)


def compass(facing_deg: float) -> str:
    """Plan angle (counter-clockwise from east) as a compass point."""
    return _COMPASS[round((facing_deg % 360) / 45) % 8]


def wall_name(facing_deg: float, langs: Sequence[str]) -> str:
    """The wall a sign facing ``facing_deg`` hangs on, named by the side of the room it is on
    (a sign facing south hangs on the north wall)."""
    i = round(((facing_deg + 180.0) % 360) / 45) % 8
    names = (
        _texts(lang)["wall_name"].format(d=_DIRECTIONS.get(lang, _COMPASS)[i]) for lang in langs
    )
    return " / ".join(dict.fromkeys(names))


@dataclass
class Mounting:
    """Where a sign goes, as an installer reads it."""

    room: str | None
    on_wall: bool
    door: str | None  # the door's name (or rooms), None when no door is near
    # "left" or "right" as seen facing the wall; "over" it (on the wall) or in "front" of it
    door_side: str = ""
    door_gap_m: float = 0.0  # from the door's edge to the sign's near edge
    door_distance_m: float = 0.0


def _walled(solids: object | None, line: shapely.LineString) -> bool:
    if solids is None or getattr(solids, "is_empty", True):
        return False
    return bool(shapely.intersects(solids, line)) and not shapely.touches(solids, line)


class Landmarks:
    """A level's rooms (named zones), doors and wall solids, built once for all its signs."""

    def __init__(self, level: Level, solids: object | None = None) -> None:
        self.level = level
        self.solids = (
            solids if solids is not None and not getattr(solids, "is_empty", True) else None
        )
        rooms = [z for z in level.zones if z.name and len(z.polygon) >= 3]
        polys = [shapely.Polygon(z.polygon) for z in rooms]
        self.room_names = [z.name for z in rooms]
        self.rooms = np.array(
            [g if g.is_valid else shapely.make_valid(g) for g in polys], dtype=object
        )
        self.doors = [o for o in level.openings if o.kind == "door"]
        self.lines = shapely.linestrings([o.points for o in self.doors]) if self.doors else None
        self._names: dict[str, str] = {}

    def nearest_door(self, point: Sequence[float]) -> tuple[Opening, float] | None:
        """The door nearest to ``point`` and its distance in metres (windows are no way in)."""
        if self.lines is None:
            return None
        dist = shapely.distance(self.lines, shapely.Point(point))
        i = int(dist.argmin())
        return self.doors[i], float(dist[i])

    def room_at(self, point: Sequence[float]) -> str | None:
        """The name of the zone (room) ``point`` stands in: the smallest named zone containing
        it, else the nearest within ``ROOM_NEAR_M`` that no wall separates from it."""
        if not len(self.rooms):
            return None
        p = shapely.Point(point)
        dist = shapely.distance(self.rooms, p)
        best: tuple[float, float, str] | None = None
        for k in np.flatnonzero(dist <= ROOM_NEAR_M):
            poly, d = self.rooms[k], float(dist[k])
            if d > 0 and _walled(self.solids, shapely.shortest_line(p, poly)):
                continue  # the room beyond the wall the sign hangs on
            key = (round(d, 3), poly.area, self.room_names[k])
            if best is None or key < best:
                best = key
        return best[2] if best is not None else None

    def door_name(self, door: Opening) -> str:
        """A door by its name, else by the rooms on its two sides ("Lobby–Corridor"), else its
        id."""
        if door.name:
            return door.name
        if door.id not in self._names:
            (ax, ay), (bx, by) = door.points
            length = math.hypot(bx - ax, by - ay) or 1.0
            nx, ny = -(by - ay) / length, (bx - ax) / length
            mx, my = (ax + bx) / 2, (ay + by) / 2
            off = door.depth_m / 2 + 0.3
            sides = [self.room_at((mx + s * nx * off, my + s * ny * off)) for s in (1, -1)]
            named = [s for s in dict.fromkeys(sides) if s]
            self._names[door.id] = "–".join(named) if named else door.id
        return self._names[door.id]

    def mounting(self, sign: Sign) -> Mounting:
        """The room, wall and door landmarks of ``sign``."""
        pos = (float(sign.position[0]), float(sign.position[1]))
        on_wall = bool(
            self.solids is not None and self.solids.distance(shapely.Point(pos)) <= ON_WALL_M  # type: ignore[attr-defined]
        )
        room = self.room_at(pos)
        found = self.nearest_door(pos)
        if found is None or found[1] > DOOR_NEAR_M:
            return Mounting(room, on_wall, None, door_distance_m=found[1] if found else 0.0)
        door, dist = found
        (ax, ay), (bx, by) = door.points
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        t = (pos[0] - ax) * ux + (pos[1] - ay) * uy
        if 0.0 <= t <= length:
            # Within the door's width: above it on the wall, or standing before it.
            side, gap = ("over" if on_wall else "front"), 0.0
        else:
            gap = max(0.0, (t - length if t > length else -t) - sign.width_m / 2)
            # Facing the wall, one's right hand points along the sign's facing turned by +90°.
            f = math.radians(sign.facing_deg + 90.0)
            mx, my = (ax + bx) / 2, (ay + by) / 2
            right = (pos[0] - mx) * math.cos(f) + (pos[1] - my) * math.sin(f) > 0
            side = "right" if right else "left"
        return Mounting(room, on_wall, self.door_name(door), side, gap, dist)


def mounting(level: Level, sign: Sign, solids: object | None) -> Mounting:
    """The room, wall and door landmarks of ``sign`` on ``level`` (``solids``: the level's wall
    solids, or None when unknown)."""
    return Landmarks(level, solids).mounting(sign)


class PlacedOn(Protocol):
    """Where a sign was drawn: its id and the (1-based) page."""

    sign_id: str
    page: int


@dataclass
class LegendRow:
    number: int  # on the level's plan page
    sign_id: str
    level_id: str
    level: str
    position: tuple[float, float]
    facing_deg: float
    mount_height_m: float  # of the sign's centre
    width_mm: float
    height_mm: float
    legible_m: float
    quantity: int
    mounting: Mounting
    cameras: list[str]
    face: bool
    pages: str
    bottom_m: float = 0.0
    top_m: float = 0.0

    @property
    def size(self) -> str:
        return f"{self.width_mm:.0f}×{self.height_mm:.0f}"


def _solids(analysis: Analysis | None, level_id: str) -> object | None:
    if analysis is None:
        return None
    lres = analysis.levels.get(level_id)
    return lres.geometry.solids if lres is not None else None


def legend_rows(
    plan: Plan,
    pairs: Sequence[tuple[str, Sign]],
    pages: dict[str, list[int]] | None = None,
    analysis: Analysis | None = None,
    langs: Sequence[str] | None = None,
    pack: RulePack | None = None,
) -> list[LegendRow]:
    """One row per sign, numbered per level in the order given."""
    pack = pack or load_pack(plan.rules)
    langs = tuple(langs) if langs is not None else pack.sign_default_languages
    rows = []
    numbers: dict[str, int] = {}
    marks: dict[str, Landmarks] = {}
    legible: dict[tuple[float, float, bool], float] = {}
    titles: list[str] | None = None
    for level_id, sign in pairs:
        level = plan.level(level_id)
        numbers[level_id] = numbers.get(level_id, 0) + 1
        if titles is None:  # the same on every sign
            titles = sign_content(plan, sign, level_id, langs, pack).titles
        face = face_recognition_due(plan, sign)
        key = (sign.width_m, sign.height_m, face)
        if key not in legible:
            legible[key] = printed_sizes(sign.width_m, sign.height_m, titles, face).legible_m
        if level is not None and level_id not in marks:
            marks[level_id] = Landmarks(level, _solids(analysis, level_id))
        where = marks[level_id].mounting(sign) if level is not None else Mounting(None, False, None)
        names = []
        for cid in sign.covers:
            found = plan.find_camera(cid)
            names.append((found[1].name or cid) if found else cid)
        pg = sorted(set((pages or {}).get(sign.id, [])))
        rows.append(
            LegendRow(
                number=numbers[level_id],
                sign_id=sign.id,
                level_id=level_id,
                level=(level.name or level.id) if level else level_id,
                position=(float(sign.position[0]), float(sign.position[1])),
                facing_deg=float(sign.facing_deg),
                mount_height_m=sign.mount_height_m,
                width_mm=sign.width_m * 1000,
                height_mm=sign.height_m * 1000,
                legible_m=legible[key],
                quantity=1,
                mounting=where,
                cameras=names,
                face=face,
                pages=_ranges(pg),
                bottom_m=sign.mount_height_m - sign.height_m / 2,
                top_m=sign.mount_height_m + sign.height_m / 2,
            )
        )
    return rows


def _ranges(pages: list[int]) -> str:
    if not pages:
        return ""
    if len(pages) == 1:
        return str(pages[0])
    return f"{pages[0]}–{pages[-1]}"


def wall_cell(row: LegendRow, langs: Sequence[str]) -> str:
    m = row.mounting
    where = wall_name(row.facing_deg, langs) if m.on_wall else words("post", langs)
    room = f"{m.room} · " if m.room else ""
    return f"{room}{where}\n({row.position[0]:.2f}, {row.position[1]:.2f})"


def door_cell(row: LegendRow, langs: Sequence[str]) -> str:
    m = row.mounting
    if m.door is None:
        return words("no_door", langs, m=DOOR_NEAR_M)
    if m.door_side in ("over", "front"):
        return f"{words(m.door_side, langs)} · {m.door} · {m.door_distance_m:.2f} m"
    return f"{words(m.door_side, langs)} · {m.door} · {m.door_gap_m:.2f} m"


def camera_cell(row: LegendRow, langs: Sequence[str]) -> str:
    text = ", ".join(row.cameras) if row.cameras else words("none", langs)
    return f"{text}\n[{words('face', langs)}]" if row.face else text


# Column keys and relative widths.
_COLUMNS = (
    ("no", 0.06),
    ("wall", 0.17),
    ("door", 0.2),
    ("height", 0.1),
    ("size", 0.08),
    ("legible", 0.07),
    ("qty", 0.05),
    ("cameras", 0.21),
    ("page", 0.06),
)
_BOM_COLUMNS = (("bom_size", 0.2), ("bom_variant", 0.2), ("bom_qty", 0.12), ("bom_signs", 0.48))


def bill_of_materials(rows: Sequence[LegendRow]) -> list[tuple[str, bool, int, str]]:
    """(size, face variant, quantity, "level: numbers") per size and variant, largest first."""
    groups: dict[tuple[float, float, bool], list[LegendRow]] = {}
    for r in rows:
        groups.setdefault((r.width_mm, r.height_mm, r.face), []).append(r)
    out = []
    for (w, h, face), rs in sorted(groups.items(), key=lambda kv: (-kv[0][0] * kv[0][1], kv[0])):
        by_level: dict[str, list[str]] = {}
        for r in rs:
            by_level.setdefault(r.level, []).append(str(r.number))
        where = "; ".join(f"{lv}: {', '.join(ns)}" for lv, ns in by_level.items())
        out.append((f"{w:.0f}×{h:.0f}", face, sum(r.quantity for r in rs), where))
    return out


class _Table:
    """Rows under a yellow heading row that repeats on every page it runs onto."""

    def __init__(
        self,
        c: Canvas,
        headings: Sequence[str],
        fractions: Sequence[float],
        width: float,
        start_page: Callable[[], float],
        size: float = 7.5,
    ) -> None:
        self.c, self.headings, self.size = c, headings, size
        self.lead = size * 1.3
        self.widths = [width * f for f in fractions]
        self.width = width
        self.start_page = start_page
        self.y = 0.0
        self.n = 0

    def _wrap(self, cells: Sequence[str]) -> list[list[str]]:
        out = []
        for text, w in zip(cells, self.widths, strict=True):
            lines: list[str] = []
            for para in text.split("\n"):
                lines += list(wrap(para, self.size, w - 6) or ("",))
            out.append(lines)
        return out

    def head(self) -> None:
        self.y = self.start_page()
        wrapped = self._wrap(self.headings)
        h = max(len(w) for w in wrapped) * self.lead + 4
        self.c.set_fill(YELLOW)
        self.c.rect(MARGIN, self.y - h, self.width, h)
        self._cells(wrapped, BLACK)
        self.y -= h

    def _cells(self, wrapped: list[list[str]], color: tuple[float, float, float]) -> None:
        x = MARGIN
        self.c.set_fill(color)
        for lines, w in zip(wrapped, self.widths, strict=True):
            yy = self.y - self.lead + 1
            for text in lines:
                if text:
                    self.c.text(x + 3, yy, text, self.size)
                yy -= self.lead
            x += w

    def row(self, cells: Sequence[str], bold_first: bool = False) -> None:
        wrapped = self._wrap(cells)
        h = max(len(w) for w in wrapped) * self.lead + 4
        if self.y - h < MARGIN:
            self.head()
        if self.n % 2:
            self.c.set_fill(STRIPE)
            self.c.rect(MARGIN, self.y - h, self.width, h)
        self._cells(wrapped, BLACK)
        self.y -= h
        self.n += 1


def _title(c: Canvas, text: str, sub: str, pw: float, ph: float) -> float:
    """A page title and a wrapped grey subtitle; returns the y below them."""
    usable = pw - 2 * MARGIN
    c.set_fill(BLACK)
    _, lines = fit(((text, 1.0),), usable, 20, 14)
    yy = ph - MARGIN - 14
    for t, s in lines:
        c.text(MARGIN, yy, t, s, bold=True)
        yy -= s * 1.25
    if sub:
        c.set_fill(GREY)
        _, lines = fit(((sub, 1.0),), usable, 40, 8)
        yy -= 2
        for t, s in lines:
            c.text(MARGIN, yy, t, s)
            yy -= s * 1.25
    return yy - 6


def marker_centre(x: float, y: float, deg: float) -> tuple[float, float]:
    """Where a sign's numbered circle goes: ``LEADER`` in front of where it hangs (x, y), so
    that signs back to back on a wall part ways."""
    a = math.radians(deg)
    return x + math.cos(a) * LEADER, y + math.sin(a) * LEADER


def _marker(c: Canvas, x: float, y: float, deg: float, number: int) -> None:
    """A leader from where the sign hangs to its numbered circle, and an arrow beyond the
    circle in the direction the sign faces."""
    a = math.radians(deg)
    dx, dy = math.cos(a), math.sin(a)
    cx, cy = marker_centre(x, y, deg)
    c.set_stroke(BLACK)
    c.set_line_width(0.6)
    c.line(x, y, cx - dx * MARKER_R, cy - dy * MARKER_R)
    c.set_fill(YELLOW)
    c.set_line_width(0.8)
    c.circle(cx, cy, MARKER_R, fill=True, stroke=True)
    c.set_fill(BLACK)
    c.text(cx, cy - NUMBER_PT * 0.35, str(number), NUMBER_PT, anchor="middle", bold=True)
    x0, y0 = cx + dx * MARKER_R, cy + dy * MARKER_R
    x1, y1 = x0 + dx * 3 * MM, y0 + dy * 3 * MM
    c.line(x0, y0, x1, y1)
    head = 2.2
    px, py = -dy, dx
    c.draw_path(
        Path()
        .move_to(x1 + dx * head, y1 + dy * head)
        .line_to(x1 + px * head * 0.6, y1 + py * head * 0.6)
        .line_to(x1 - px * head * 0.6, y1 - py * head * 0.6)
        .close(),
        fill=True,
    )


def draw_legend(
    c: Canvas,
    plan: Plan,
    pairs: Sequence[tuple[str, Sign]],
    placed: Sequence[PlacedOn],
    paper: tuple[float, float],
    new_page: Callable[[tuple[float, float]], int],
    langs: Sequence[str] = ("zh", "en"),
    analysis: Analysis | None = None,
    pack: RulePack | None = None,
) -> list[int]:
    """Legend pages in landscape at the end of the sign PDF; returns their page numbers.
    ``placed`` says on which pages each sign was drawn. Per level with signs: its plan with the
    signs numbered, then the table of those signs; last, the bill of materials. ``analysis``
    gives the walls (computed when not given)."""
    pack = pack or load_pack(plan.rules)
    langs = tuple(langs)
    pw, ph = max(paper), min(paper)
    usable = pw - 2 * MARGIN
    pages: dict[str, list[int]] = {}
    for p in placed:
        pages.setdefault(p.sign_id, []).append(p.page)
    if analysis is None:
        analysis = Analyser().analyse(plan)
    rows = legend_rows(plan, pairs, pages, analysis, langs, pack)
    out: list[int] = []
    notes = words("notes", langs, sep="\n", plan=plan.name or "Plan", rules=plan.rules, n=len(rows))

    def page() -> int:
        n = new_page((pw, ph))
        out.append(n)
        return n

    by_level: dict[str, list[tuple[LegendRow, Sign]]] = {}
    for row, (_, sign) in zip(rows, pairs, strict=True):
        by_level.setdefault(row.level_id, []).append((row, sign))
    order = [lv.id for lv in plan.levels if lv.id in by_level]
    order += [lid for lid in by_level if lid not in order]
    for lid in order:
        entries = by_level[lid]
        level = plan.level(lid)
        name = entries[0][0].level
        if level is not None:
            page()
            top = _title(
                c,
                f"{words('title', langs, sep=' · ')} — {words('plan', langs, level=name)}",
                words("plan_note", langs, sep="\n"),
                pw,
                ph,
            )
            shown = level.model_copy(update={"signs": [s for _, s in entries]})
            info = draw_level(
                c,
                plan,
                shown,
                analysis,
                (MARGIN, MARGIN, pw - MARGIN, top),
                langs,
                legend=False,
                coverage=False,
            )
            if info.to_page is not None:
                for row, sign in entries:
                    x, y = info.to_page(*row.position)
                    _marker(c, x, y, sign.facing_deg, row.number)

        def start(name: str = name) -> float:
            page()
            heading = words("table", langs, level=name)
            return _title(c, f"{words('title', langs, sep=' · ')} — {heading}", notes, pw, ph)

        table = _Table(
            c,
            [words(k, langs, sep="\n") for k, _ in _COLUMNS],
            [f for _, f in _COLUMNS],
            usable,
            start,
        )
        table.head()
        for row, _ in entries:
            table.row(
                [
                    f"{row.number}\n{row.sign_id}",
                    wall_cell(row, langs),
                    door_cell(row, langs),
                    f"{row.mount_height_m:.2f}\n{row.bottom_m:.2f}–{row.top_m:.2f}",
                    row.size,
                    f"{row.legible_m:.1f}",
                    str(row.quantity),
                    camera_cell(row, langs),
                    row.pages,
                ]
            )

    def bom_start() -> float:
        page()
        return _title(c, f"{words('title', langs, sep=' · ')} — {words('bom', langs)}", "", pw, ph)

    bom = _Table(
        c,
        [words(k, langs, sep="\n") for k, _ in _BOM_COLUMNS],
        [f for _, f in _BOM_COLUMNS],
        usable * 0.8,
        bom_start,
        size=9,
    )
    bom.head()
    total = 0
    for size, face, qty, where in bill_of_materials(rows):
        bom.row([size, words("face" if face else "standard", langs), str(qty), where])
        total += qty
    bom.row([words("total", langs), "", str(total), ""])
    return out


__all__ = [
    "LEADER",
    "MARKER_R",
    "NUMBER_PT",
    "TEXTS",
    "Landmarks",
    "LegendRow",
    "Mounting",
    "bill_of_materials",
    "compass",
    "draw_legend",
    "legend_rows",
    "marker_centre",
    "mounting",
    "wall_name",
    "words",
]
