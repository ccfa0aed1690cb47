"""The installer's sign legend: each sign, where it goes and which cameras it announces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import shapely

from siteplanner.drawing.canvas import Canvas
from siteplanner.drawing.text import fit, wrap
from siteplanner.model import Level, Plan, Sign
from siteplanner.signage.content import face_recognition_due
from siteplanner.signage.style import BLACK, GREY, MARGIN, YELLOW

STRIPE = (0.95, 0.95, 0.95)  # every other row

_COMPASS = ("E", "NE", "N", "NW", "W", "SW", "S", "SE")


def compass(facing_deg: float) -> str:
    """Plan angle (counter-clockwise from east) as a compass point."""
    return _COMPASS[round((facing_deg % 360) / 45) % 8]


def nearest_door(level: Level, point: Sequence[float]) -> tuple[str, float] | None:
    """The door nearest to ``point`` and its distance in metres (windows are no way in)."""
    doors = [o for o in level.openings if o.kind == "door"]
    if not doors:
        return None
    p = shapely.Point(point)
    lines = shapely.linestrings([o.points for o in doors])
    dist = shapely.distance(lines, p)
    i = int(dist.argmin())
    return doors[i].id, float(dist[i])


class PlacedOn(Protocol):
    """Where a sign was drawn: its id and the (1-based) page."""

    sign_id: str
    page: int


@dataclass
class LegendRow:
    sign_id: str
    level: str
    position: tuple[float, float]
    mount_height_m: float
    facing: str
    size: str
    door: str
    cameras: str
    face: bool
    pages: str


def legend_rows(
    plan: Plan, pairs: Sequence[tuple[str, Sign]], pages: dict[str, list[int]] | None = None
) -> list[LegendRow]:
    rows = []
    for level_id, sign in pairs:
        level = plan.level(level_id)
        door = nearest_door(level, sign.position) if level else None
        names = []
        for cid in sign.covers:
            found = plan.find_camera(cid)
            names.append(f"{found[1].name} ({cid})" if found and found[1].name else cid)
        pg = sorted(set((pages or {}).get(sign.id, [])))
        rows.append(
            LegendRow(
                sign_id=sign.id,
                level=(level.name or level.id) if level else level_id,
                position=(float(sign.position[0]), float(sign.position[1])),
                mount_height_m=sign.mount_height_m,
                facing=f"{sign.facing_deg % 360:.0f}° {compass(sign.facing_deg)}",
                size=f"{sign.width_m * 1000:.0f}×{sign.height_m * 1000:.0f}",
                door=f"{door[0]} ({door[1]:.1f} m)" if door else "—",
                cameras=", ".join(names) if names else "— (announces no camera)",
                face=face_recognition_due(plan, sign),
                pages=_ranges(pg),
            )
        )
    return rows


def _ranges(pages: list[int]) -> str:
    if not pages:
        return ""
    if len(pages) == 1:
        return str(pages[0])
    return f"{pages[0]}–{pages[-1]}"


# Column titles, relative widths.
_COLUMNS = (
    ("Sign 标志", 0.09),
    ("Level 楼层", 0.09),
    ("Position x, y (m)", 0.1),
    ("Mount (m)", 0.06),
    ("Facing 朝向", 0.07),
    ("Size (mm)", 0.07),
    ("Nearest door 最近的门", 0.12),
    ("Cameras announced 告知的摄像机", 0.28),
    ("Face 人脸", 0.05),
    ("Page 页", 0.07),
)


def draw_legend(
    c: Canvas,
    plan: Plan,
    pairs: Sequence[tuple[str, Sign]],
    placed: Sequence[PlacedOn],
    paper: tuple[float, float],
    new_page: Callable[[tuple[float, float]], int],
    langs: Sequence[str] = ("zh", "en"),
) -> list[int]:
    """Legend pages in landscape at the end of the sign PDF; returns their page numbers.
    ``placed`` says on which pages each sign was drawn."""
    pw, ph = max(paper), min(paper)
    pages: dict[str, list[int]] = {}
    for p in placed:
        pages.setdefault(p.sign_id, []).append(p.page)
    rows = legend_rows(plan, pairs, pages)
    size = 7.5
    lead = size * 1.3
    usable = pw - 2 * MARGIN
    widths = [usable * f for _, f in _COLUMNS]
    out: list[int] = []
    y = 0.0

    def header() -> float:
        n = new_page((pw, ph))
        out.append(n)
        c.set_fill(BLACK)
        title = "Sign legend · 标志安装清单"
        c.text(MARGIN, ph - MARGIN - 14, title, 14)
        c.set_fill(GREY)
        sub = (
            f"{plan.name or 'Plan'} · rules {plan.rules} · {len(rows)} signs · positions in plan "
            f"metres (x east, y north) · facing: direction the sign's face points (towards the "
            f"people approaching)"
        )
        _, lines = fit(((sub, 1.0),), usable, 24, 8)
        yy = ph - MARGIN - 30
        for text, s in lines:
            c.text(MARGIN, yy, text, s)
            yy -= s * 1.25
        yy -= 6
        c.set_fill(YELLOW)
        c.rect(MARGIN, yy - lead - 2, usable, lead + 4)
        c.set_fill(BLACK)
        x = MARGIN
        for (name, _), w in zip(_COLUMNS, widths, strict=True):
            c.text(x + 3, yy - lead + 2, name, size)
            x += w
        return yy - lead - 4

    y = header()
    for i, row in enumerate(rows):
        cells = [
            row.sign_id,
            row.level,
            f"{row.position[0]:.2f}, {row.position[1]:.2f}",
            f"{row.mount_height_m:.2f}",
            row.facing,
            row.size,
            row.door,
            row.cameras,
            "yes 是" if row.face else "—",
            row.pages,
        ]
        wrapped = [wrap(t, size, w - 6) or ("",) for t, w in zip(cells, widths, strict=True)]
        h = max(len(w) for w in wrapped) * lead + 4
        if y - h < MARGIN:
            y = header()
        if i % 2:
            c.set_fill(STRIPE)
            c.rect(MARGIN, y - h, usable, h)
        c.set_fill(BLACK)
        x = MARGIN
        for lines, w in zip(wrapped, widths, strict=True):
            yy = y - lead + 1
            for text in lines:
                c.text(x + 3, yy, text, size)
                yy -= lead
            x += w
        y -= h
    return out


__all__ = ["LegendRow", "compass", "draw_legend", "legend_rows", "nearest_door"]
