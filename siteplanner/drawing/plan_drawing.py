"""The plan drawing: one level to scale on any ``Canvas`` (the site report's pages, the PNG and
SVG exports, the sign legend's plan pages). Walls with their openings cut, door swings, windows,
obstacles, zones tinted and hatched by kind, coverage with its DORI bands, privacy intrusions in
red, blind spots hatched, cameras and signs with labels that never overlap, a scale bar, a north
arrow and a legend.

Colours come from the shared palette (``siteplanner.drawing.palette``), the editor's own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from siteplanner.drawing import palette
from siteplanner.drawing.canvas import MM, Canvas, Color, Path
from siteplanner.drawing.text import string_width, wrap
from siteplanner.model import DORI_LEVELS, Level, Plan

if TYPE_CHECKING:  # the drawing reads an analysis' results; it computes none
    from siteplanner.analysis import Analysis

# Drawing scales of GB/T 50001 (and ISO 5455), as 1:n; the drawing takes the largest that fits.
SCALES = (
    20,
    50,
    100,
    150,
    200,
    250,
    300,
    400,
    500,
    600,
    1000,
    1500,
    2000,
    2500,
    5000,
    10000,
    20000,
    50000,
)
LABEL_SIZE = 6.0  # points
MIN_LABEL_SIZE = 4.0
SIMPLIFY_PT = 0.1
WHITE: Color = (1.0, 1.0, 1.0)
INK: Color = palette.opaque(palette.LABEL)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points


@dataclass
class Placed:
    """A label as drawn: its text, its box in page points and the point it names."""

    text: str
    box: Box
    anchor: tuple[float, float]
    leader: bool = False


@dataclass
class DrawingInfo:
    scale: int  # the drawing is at 1:scale
    labels: list[Placed] = field(default_factory=list)
    sign_numbers: dict[str, int] = field(default_factory=dict)
    # Plan metres to page points, for whoever draws more on top (the sign legend's arrows).
    to_page: Callable[[float, float], tuple[float, float]] | None = None


TEXTS = {
    "zh": {
        "coverage": "覆盖范围",
        "intrusion": "私密空间侵入",
        "blind": "盲区（未达要求密度）",
        "camera": "摄像机",
        "face": "人脸识别摄像机",
        "sign": "告示牌（编号）",
        "collection": "采集区域",
        "private": "私密空间",
        "exclude": "排除区域",
        "obstacle": "障碍物",
        "scale": "比例",
        "north": "北",
        "dori.detection": "探测",
        "dori.observation": "观察",
        "dori.recognition": "识别",
        "dori.identification": "辨认",
    },
    "en": {
        "coverage": "coverage",
        "intrusion": "privacy intrusion",
        "blind": "blind spot (below required density)",
        "camera": "camera",
        "face": "face-recognition camera",
        "sign": "sign (numbered)",
        "collection": "collection area",
        "private": "private space",
        "exclude": "excluded area",
        "obstacle": "obstacle",
        "scale": "Scale",
        "north": "N",
        "dori.detection": "detection",
        "dori.observation": "observation",
        "dori.recognition": "recognition",
        "dori.identification": "identification",
    },
    "de": {
        "coverage": "Erfassungsbereich",
        "intrusion": "Eingriff in Privatbereich",
        "blind": "toter Winkel (unter geforderter Dichte)",
        "camera": "Kamera",
        "face": "Kamera mit Gesichtserkennung",
        "sign": "Hinweisschild (nummeriert)",
        "collection": "Erfassungszone",
        "private": "Privatbereich",
        "exclude": "ausgeschlossener Bereich",
        "obstacle": "Hindernis",
        "scale": "Maßstab",
        "north": "N",
        "dori.detection": "Detektion",
        "dori.observation": "Beobachtung",
        "dori.recognition": "Wiedererkennung",
        "dori.identification": "Identifizierung",
    },
    "fr": {
        "coverage": "zone couverte",
        "intrusion": "intrusion dans un espace privé",
        "blind": "angle mort (sous la densité requise)",
        "camera": "caméra",
        "face": "caméra à reconnaissance faciale",
        "sign": "panneau (numéroté)",
        "collection": "zone de collecte",
        "private": "espace privé",
        "exclude": "zone exclue",
        "obstacle": "obstacle",
        "scale": "Échelle",
        "north": "N",
        "dori.detection": "détection",
        "dori.observation": "observation",
        "dori.recognition": "reconnaissance",
        "dori.identification": "identification",
    },
}


def term(key: str, langs: Sequence[str]) -> str:
    """``key`` in each of ``langs`` joined by " / " (one when they agree)."""
    words: list[str] = []
    for lang in langs:
        w = TEXTS.get(lang, TEXTS["en"])[key]
        if w not in words:
            words.append(w)
    return " / ".join(words)


def choose_scale(width_m: float, height_m: float, box_w: float, box_h: float) -> int:
    """The largest drawing (smallest n of 1:n among ``SCALES``) that fits the box (points)."""
    for n in SCALES:
        k = 1000.0 / n * MM  # points per metre
        if width_m * k <= box_w and height_m * k <= box_h:
            return n
    # Beyond the last scale: the next round 1:n that fits.
    need = max(width_m * 1000 * MM / box_w, height_m * 1000 * MM / box_h)
    mag = 10 ** math.floor(math.log10(need))
    return int(math.ceil(need / mag) * mag)


def level_bounds(
    level: Level, analysis: Analysis, coverage: bool = True
) -> tuple[float, float, float, float]:
    pts: list[tuple[float, float]] = []
    for w in level.walls:
        pts += w.points
    for z in level.zones:
        pts += z.polygon
    for o in level.obstacles:
        pts += o.polygon
    pts += [c.position for c in level.cameras]
    pts += [s.position for s in level.signs]
    arr = np.array(pts, dtype=float).reshape(-1, 2)
    lres = analysis.levels.get(level.id)
    if coverage and lres is not None and lres.cameras:
        b = shapely.total_bounds([c.coverage.coverage for c in lres.cameras])
        if np.all(np.isfinite(b)):
            arr = np.vstack([arr, [[b[0], b[1]], [b[2], b[3]]]])
    if len(arr) == 0:
        return (0.0, 0.0, 10.0, 10.0)
    x0, y0 = arr.min(axis=0)
    x1, y1 = arr.max(axis=0)
    # A degenerate extent still gets a drawable box.
    if x1 - x0 < 1:
        x0, x1 = x0 - 0.5, x1 + 0.5
    if y1 - y0 < 1:
        y0, y1 = y0 - 0.5, y1 + 0.5
    return (float(x0), float(y0), float(x1), float(y1))


class _Mapper:
    """Plan metres to page points: ``k`` points per metre, ``origin`` the page point of (x0, y0)."""

    def __init__(self, k: float, x0: float, y0: float, ox: float, oy: float) -> None:
        self.k, self.x0, self.y0, self.ox, self.oy = k, x0, y0, ox, oy

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return (self.ox + (x - self.x0) * self.k, self.oy + (y - self.y0) * self.k)

    frame: BaseGeometry | None = None

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        out = shapely.transform(
            g,
            lambda c: np.column_stack(
                [self.ox + (c[:, 0] - self.x0) * self.k, self.oy + (c[:, 1] - self.y0) * self.k]
            ),
        )
        # A tenth of a point is invisible on paper: the arcs of a small-scale drawing need few
        # of their vertices (fewer numbers for the PDF writer to format).
        out = shapely.simplify(out, SIMPLIFY_PT, preserve_topology=False)
        if self.frame is not None and not out.is_empty:
            box = self.frame.bounds
            b = out.bounds
            if b[0] < box[0] or b[1] < box[1] or b[2] > box[2] or b[3] > box[3]:
                out = shapely.clip_by_rect(out, *box)
        return out


def polygon_path(g: BaseGeometry, path: Path | None = None) -> Path:
    """The polygons of ``g`` (page points) as one even-odd path (holes as subpaths)."""
    path = path if path is not None else Path()
    ops = path.ops
    parts = shapely.get_parts(g)
    while np.isin(shapely.get_type_id(parts), (4, 5, 6, 7)).any():  # multi-parts, collections
        parts = shapely.get_parts(parts)
    polys = parts[shapely.get_type_id(parts) == 3]
    for ring in shapely.get_rings(polys):
        coords = shapely.get_coordinates(ring).tolist()
        if len(coords) < 4:
            continue
        ops.append(("move_to", tuple(coords[0])))
        ops.extend(("line_to", tuple(c)) for c in coords[1:-1])
        ops.append(("close", ()))
    return path


def _fill(
    canvas: Canvas, g: BaseGeometry, color: Color, stroke: Color | None = None, width: float = 0.5
) -> None:
    if g is None or g.is_empty:
        return
    path = polygon_path(g)
    if not path.ops:
        return
    canvas.set_fill(color)
    if stroke is not None:
        canvas.set_stroke(stroke)
        canvas.set_line_width(width)
    canvas.draw_path(path, fill=True, stroke=stroke is not None)


def _hatch(
    canvas: Canvas,
    g: BaseGeometry,
    color: Color,
    spacing: float = 3.0,
    angle: float = 45.0,
    width: float = 0.4,
) -> None:
    """Parallel lines ``spacing`` points apart across ``g``, cut to it by Shapely rather than by
    a canvas clip (so that every surface, SVG viewers included, shows the same hatch)."""
    if g is None or g.is_empty:
        return
    x0, y0, x1, y1 = g.bounds
    t = math.tan(math.radians(angle))
    rise = (x1 - x0) * t
    lo, hi = min(0.0, -rise) - spacing, (y1 - y0) + max(0.0, -rise) + spacing
    offsets = np.arange(lo, hi, spacing)
    if not len(offsets):
        return
    starts = np.column_stack([np.full(len(offsets), x0), y0 + offsets])
    ends = np.column_stack([np.full(len(offsets), x1), y0 + offsets + rise])
    lines = shapely.linestrings(np.stack([starts, ends], axis=1))
    cut = shapely.intersection(lines, g)
    coords = shapely.get_parts(cut[~shapely.is_empty(cut)])
    path = Path()
    for seg in coords:
        if seg.geom_type != "LineString":
            continue
        pts = shapely.get_coordinates(seg)
        path.move_to(*pts[0])
        for x, y in pts[1:]:
            path.line_to(x, y)
    if not path.ops:
        return
    canvas.set_stroke(color)
    canvas.set_line_width(width)
    canvas.draw_path(path, fill=False, stroke=True)


class LabelPlacer:
    """Places label boxes so that none overlaps another or a marker: around the anchor first,
    then shortened, then led out further and further (with a leader line)."""

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.boxes = np.empty((0, 4))

    def block(self, box: Box) -> None:
        self.boxes = np.vstack([self.boxes, np.array(box)[None, :]])

    def free(self, box: Box) -> bool:
        bx0, by0, bx1, by1 = self.bounds
        if box[0] < bx0 or box[1] < by0 or box[2] > bx1 or box[3] > by1:
            return False
        if not len(self.boxes):
            return True
        b = self.boxes
        hit = (b[:, 0] < box[2]) & (b[:, 2] > box[0]) & (b[:, 1] < box[3]) & (b[:, 3] > box[1])
        return not bool(hit.any())

    def place(
        self, texts: Sequence[str], ax: float, ay: float, size: float, gap: float
    ) -> Placed | None:
        h = size * 1.15
        for ring, text_list in ((0, texts), (1, texts[-1:])):
            for text in text_list:
                w = string_width(text, size) + 1.0
                step = max(gap, 4.0)
                radii = [gap] if ring == 0 else [gap + step * i for i in range(1, 40)]
                for r in radii:
                    for ang in range(0, 360, 30 if r > gap else 45):
                        a = math.radians(ang)
                        cx, cy = ax + r * math.cos(a), ay + r * math.sin(a)
                        # The box sits on the side of its anchor point that faces away.
                        x0 = (
                            cx
                            if math.cos(a) > 0.3
                            else (cx - w if math.cos(a) < -0.3 else cx - w / 2)
                        )
                        y0 = (
                            cy
                            if math.sin(a) > 0.3
                            else (cy - h if math.sin(a) < -0.3 else cy - h / 2)
                        )
                        box = (x0, y0, x0 + w, y0 + h)
                        if self.free(box):
                            self.block(box)
                            return Placed(text, box, (ax, ay), leader=r > gap)
        return None


def boxes_overlap(boxes: Iterable[Box]) -> int:
    """How many pairs of boxes overlap (interiors): zero for a clean drawing."""
    arr = np.array(list(boxes), dtype=float).reshape(-1, 4)
    n = 0
    for i in range(len(arr)):
        b = arr[i + 1 :]
        a = arr[i]
        n += int(((b[:, 0] < a[2]) & (b[:, 2] > a[0]) & (b[:, 1] < a[3]) & (b[:, 3] > a[1])).sum())
    return n


def draw_level(
    canvas: Canvas,
    plan: Plan,
    level: Level,
    analysis: Analysis,
    box: Box,
    langs: Sequence[str] = ("zh", "en"),
    *,
    legend: bool = True,
    coverage: bool = True,
) -> DrawingInfo:
    """Draw ``level`` inside ``box`` (page points) on the current page of ``canvas``. Without
    ``coverage`` the drawing leaves out coverage, DORI bands, intrusions and blind spots (an
    installer's plan: rooms, walls, doors, cameras and signs)."""
    bx0, by0, bx1, by1 = box
    legend_w = 48 * MM if legend else 0.0
    furniture_h = 16 * MM  # scale bar and ratio under the drawing
    draw_w = bx1 - bx0 - legend_w - 4 * MM
    draw_h = by1 - by0 - furniture_h
    x0, y0, x1, y1 = level_bounds(level, analysis, coverage)
    margin_m = 0.06 * max(x1 - x0, y1 - y0)  # room for labels led out of the plan
    x0, y0, x1, y1 = x0 - margin_m, y0 - margin_m, x1 + margin_m, y1 + margin_m
    n = choose_scale(x1 - x0, y1 - y0, draw_w, draw_h)
    k = 1000.0 / n * MM
    ox = bx0 + (draw_w - (x1 - x0) * k) / 2
    oy = by0 + furniture_h + (draw_h - (y1 - y0) * k) / 2
    m = _Mapper(k, x0, y0, ox, oy)
    info = DrawingInfo(scale=n, to_page=m.pt)
    frame = (bx0, by0 + furniture_h, bx0 + draw_w, by1)

    lres = analysis.levels.get(level.id)
    cams = list(lres.cameras) if lres is not None and coverage else []
    zones = {z.id: analysis.zones.get(z.id) for z in level.zones}

    # Everything is cut to the frame by Shapely (no canvas clip: see _hatch).
    m.frame = shapely.box(*frame)
    # Zone tints under everything.
    for z in level.zones:
        zr = zones.get(z.id)
        if zr is not None and z.kind == "collection":
            _fill(canvas, m.geom(zr.polygon), palette.over_white(palette.ZONE_FILL[z.kind]))
    # Coverage, then its DORI bands (nested: each darker band inside the lighter).
    if cams:
        cov = shapely.union_all([c.coverage.coverage for c in cams])
        _fill(canvas, m.geom(cov), palette.over_white(palette.COVERAGE_FILL))
        for band in DORI_LEVELS:
            g = shapely.union_all([c.coverage.dori[band] for c in cams if band in c.coverage.dori])
            _fill(canvas, m.geom(g), palette.opaque(palette.DORI_LEGEND[band]))
    # Obstacles.
    for o in level.obstacles:
        if len(o.polygon) >= 3:
            _fill(
                canvas,
                m.geom(shapely.Polygon(o.polygon)),
                palette.over_white(palette.OBSTACLE_FILL),
                palette.opaque(palette.OBSTACLE_LINE),
            )
    # Zones: outlines; private and excluded spaces hatched; intrusions and blind spots.
    for z in level.zones:
        zr = zones.get(z.id)
        if zr is None:
            continue
        g = m.geom(zr.polygon)
        line = palette.opaque(palette.ZONE_LINE[z.kind])
        if z.kind == "private":
            _hatch(canvas, g, palette.opaque(palette.ZONE_LINE[z.kind]), spacing=4, angle=-45)
        elif z.kind == "exclude":
            _hatch(
                canvas,
                g,
                palette.over_white((*palette.ZONE_LINE[z.kind][:3], 0.6)),
                spacing=5,
                angle=30,
                width=0.3,
            )
        if coverage and z.kind == "collection" and not zr.blind.is_empty:
            _hatch(
                canvas,
                m.geom(zr.blind),
                palette.opaque(palette.BLIND_HATCH),
                spacing=2.5,
                width=0.35,
            )
        if coverage and z.kind == "private" and not zr.covered.is_empty:
            _fill(
                canvas,
                m.geom(zr.covered),
                palette.over_white(palette.INTRUSION_FILL),
                palette.opaque(palette.INTRUSION_LINE),
                0.6,
            )
        canvas.set_stroke(line)
        canvas.set_line_width(0.8)
        canvas.draw_path(polygon_path(g), fill=False, stroke=True)
    # Walls with their openings cut.
    if lres is not None:
        parts = lres.geometry.parts
        if len(parts):
            _fill(
                canvas,
                m.geom(shapely.GeometryCollection(list(parts))),
                palette.opaque(palette.WALL),
            )
    # Openings: door swings, windows as a double line.
    for o in level.openings:
        (ax_, ay_), (bx_, by_) = m.pt(*o.points[0]), m.pt(*o.points[1])
        length = math.hypot(bx_ - ax_, by_ - ay_)
        if length <= 0:
            continue
        if o.kind == "door":
            canvas.set_stroke(palette.opaque(palette.DOOR))
            canvas.set_line_width(0.5)
            start = math.degrees(math.atan2(by_ - ay_, bx_ - ax_))
            # The leaf stands open at 90° from the hinge at the first point.
            lx = ax_ + length * math.cos(math.radians(start + 90))
            ly = ay_ + length * math.sin(math.radians(start + 90))
            canvas.line(ax_, ay_, lx, ly)
            canvas.draw_path(Path().arc(ax_, ay_, length, start, 90), fill=False, stroke=True)
        else:
            nx, ny = -(by_ - ay_) / length, (bx_ - ax_) / length
            d = max(0.8, o.depth_m * k / 4)
            canvas.set_stroke(palette.opaque(palette.WINDOW))
            canvas.set_line_width(0.6)
            for s in (-1, 1):
                canvas.line(ax_ + s * d * nx, ay_ + s * d * ny, bx_ + s * d * nx, by_ + s * d * ny)

    # Markers, then labels placed around them.
    placer = LabelPlacer(frame)
    r = 2.2
    marks: list[tuple[str, Sequence[str], float, float]] = []
    for c in level.cameras:
        cx, cy = m.pt(*c.position)
        cr = analysis.cameras.get(c.id)
        face = bool(cr.optics.face_recognition) if cr is not None else bool(c.face_recognition)
        color = palette.opaque(palette.CAMERA_FACE if face else palette.CAMERA)
        pan = math.radians(c.pan_deg)
        canvas.set_fill(color)
        tri = (
            Path()
            .move_to(cx + 2.2 * r * math.cos(pan), cy + 2.2 * r * math.sin(pan))
            .line_to(cx + r * math.cos(pan + 2.2), cy + r * math.sin(pan + 2.2))
            .line_to(cx + r * math.cos(pan - 2.2), cy + r * math.sin(pan - 2.2))
            .close()
        )
        canvas.draw_path(tri, fill=True)
        canvas.set_stroke(WHITE)
        canvas.set_line_width(0.4)
        canvas.circle(cx, cy, r, fill=True, stroke=True)
        placer.block((cx - r, cy - r, cx + r, cy + r))
        names = [t for t in dict.fromkeys([c.name or c.id, c.id]) if t]
        marks.append(("camera", names, cx, cy))
    for i, s in enumerate(level.signs, start=1):
        info.sign_numbers[s.id] = i
        sx, sy = m.pt(*s.position)
        sr = 2.8 if i < 10 else 3.4
        canvas.set_fill(palette.opaque(palette.SIGN))
        canvas.set_stroke(INK)
        canvas.set_line_width(0.4)
        canvas.circle(sx, sy, sr, fill=True, stroke=True)
        canvas.set_fill(INK)
        canvas.text(sx, sy - 1.6, str(i), 4.5, anchor="middle")
        placer.block((sx - sr, sy - sr, sx + sr, sy + sr))
    for z in level.zones:
        zr = zones.get(z.id)
        if zr is None or zr.polygon.is_empty:
            continue
        p = zr.polygon.representative_point()
        marks.append(
            ("zone", [t for t in dict.fromkeys([z.name or z.id, z.id]) if t], *m.pt(p.x, p.y))
        )

    for kind, names, ax, ay in marks:
        size = LABEL_SIZE if kind == "camera" else LABEL_SIZE + 0.5
        placed = None
        while placed is None and size >= MIN_LABEL_SIZE:
            placed = placer.place(names, ax, ay, size, gap=r + 0.8 if kind == "camera" else 0.0)
            if placed is None:
                size -= 1.0
        if placed is None:
            continue  # no room anywhere on the sheet: the schedule still lists it
        info.labels.append(placed)
        x0b, y0b, x1b, y1b = placed.box
        if placed.leader:
            canvas.set_stroke(INK)
            canvas.set_line_width(0.3)
            tx = min(max(ax, x0b), x1b)
            ty = min(max(ay, y0b), y1b)
            canvas.line(ax, ay, tx, ty)
        canvas.set_fill(WHITE)
        canvas.rect(x0b, y0b, x1b - x0b, y1b - y0b, fill=True)
        canvas.set_fill(INK)
        fs = (y1b - y0b) / 1.15
        canvas.text(x0b + 0.5, y0b + 0.25 * fs, placed.text, fs, bold=kind == "zone")

    # Frame, scale bar, ratio, north arrow, legend.
    canvas.set_stroke((0.6, 0.6, 0.6))
    canvas.set_line_width(0.5)
    canvas.rect(
        frame[0], frame[1], frame[2] - frame[0], frame[3] - frame[1], fill=False, stroke=True
    )
    _scale_bar(canvas, bx0 + 2 * MM, by0 + 6 * MM, k, n, langs)
    _north(canvas, frame[2] - 9 * MM, frame[3] - 14 * MM)
    if legend:
        _legend(canvas, bx1 - legend_w, by1, legend_w, langs)
    return info


def _scale_bar(canvas: Canvas, x: float, y: float, k: float, n: int, langs: Sequence[str]) -> None:
    # A round length about 50 mm long on paper.
    target = 50 * MM / k
    mag = 10 ** math.floor(math.log10(target))
    # (0.5 guards against log10 rounding up just below a power of ten.)
    step = max(s * mag for s in (0.5, 1, 2, 5) if s * mag <= target)
    w = step * k
    for i in range(4):
        canvas.set_fill(INK if i % 2 == 0 else WHITE)
        canvas.set_stroke(INK)
        canvas.set_line_width(0.4)
        canvas.rect(x + i * w / 4, y, w / 4, 1.6 * MM, fill=True, stroke=True)
    canvas.set_fill(INK)
    canvas.text(x, y - 3.2 * MM, "0", 6, anchor="middle")
    canvas.text(x + w, y - 3.2 * MM, f"{step:g} m", 6, anchor="middle")
    canvas.text(x + w + 6 * MM, y, f"{term('scale', langs)} 1:{n}", 9, bold=True)


def _north(canvas: Canvas, x: float, y: float) -> None:
    canvas.set_fill(INK)
    canvas.draw_path(
        Path().move_to(x, y + 9 * MM).line_to(x - 2.5 * MM, y).line_to(x, y + 2 * MM).close(),
        fill=True,
    )
    canvas.set_fill(WHITE)
    canvas.set_stroke(INK)
    canvas.set_line_width(0.5)
    canvas.draw_path(
        Path().move_to(x, y + 9 * MM).line_to(x + 2.5 * MM, y).line_to(x, y + 2 * MM).close(),
        fill=True,
        stroke=True,
    )
    canvas.set_fill(INK)
    canvas.text(x, y + 10.5 * MM, "N", 9, anchor="middle", bold=True)


def _legend(canvas: Canvas, x: float, top: float, w: float, langs: Sequence[str]) -> None:
    rows: list[tuple[str, str, Color]] = [
        ("fill", "coverage", palette.over_white(palette.COVERAGE_FILL)),
        *[("fill", f"dori.{b}", palette.opaque(palette.DORI_LEGEND[b])) for b in DORI_LEVELS],
        ("fill", "intrusion", palette.over_white(palette.INTRUSION_FILL)),
        ("hatch", "blind", palette.opaque(palette.BLIND_HATCH)),
        ("fill", "collection", palette.over_white(palette.ZONE_FILL["collection"])),
        ("hatch", "private", palette.opaque(palette.ZONE_LINE["private"])),
        ("hatch", "exclude", palette.opaque(palette.ZONE_LINE["exclude"])),
        ("fill", "obstacle", palette.over_white(palette.OBSTACLE_FILL)),
        ("dot", "camera", palette.opaque(palette.CAMERA)),
        ("dot", "face", palette.opaque(palette.CAMERA_FACE)),
        ("dot", "sign", palette.opaque(palette.SIGN)),
    ]
    size = 6.0
    y = top - 4 * MM
    for how, key, color in rows:
        if how == "fill":
            canvas.set_fill(color)
            canvas.set_stroke((0.5, 0.5, 0.5))
            canvas.set_line_width(0.3)
            canvas.rect(x, y, 6 * MM, 3 * MM, fill=True, stroke=True)
        elif how == "hatch":
            _hatch(canvas, shapely.box(x, y, x + 6 * MM, y + 3 * MM), color, spacing=2.5)
            canvas.set_stroke((0.5, 0.5, 0.5))
            canvas.set_line_width(0.3)
            canvas.rect(x, y, 6 * MM, 3 * MM, fill=False, stroke=True)
        else:
            canvas.set_fill(color)
            canvas.set_stroke(INK)
            canvas.set_line_width(0.3)
            canvas.circle(x + 3 * MM, y + 1.5 * MM, 1.3 * MM, fill=True, stroke=True)
        canvas.set_fill(INK)
        lines = wrap(term(key, langs), size, w - 8 * MM)
        for i, line in enumerate(lines):
            canvas.text(x + 7.5 * MM, y + 0.6 * MM - i * size * 1.15, line, size)
        y -= 5 * MM + (len(lines) - 1) * size * 1.15


__all__ = [
    "SCALES",
    "DrawingInfo",
    "LabelPlacer",
    "Placed",
    "boxes_overlap",
    "choose_scale",
    "draw_level",
    "polygon_path",
    "term",
]
