"""Print-ready sign PDFs: every sign at its true physical size, vector graphics, CJK font embedded.

Layouts:
- ``"page"``: one sign per page, centred, with crop marks.
- ``"sheet"``: as many signs per sheet as fit, with cut marks at every corner.
A sign larger than the printable area of the paper is tiled at true size over several pages
(no scaling): each tile carries trim marks and its place in the grid, to be joined edge to edge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A3, A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from siteplanner.compliance import load_pack
from siteplanner.compliance.packs import RulePack
from siteplanner.model import Plan, Sign
from siteplanner.resources import resource
from siteplanner.signage.content import DEFAULT_LANGS, SignContent, sign_content
from siteplanner.signage.pictogram import UNIT, draw_camera

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "A3": A3, "letter": letter}
LAYOUTS = ("page", "sheet")
FONT = "SitePlannerCJK"
MARGIN = 10 * mm  # unprinted border most printers need
GUTTER = 10 * mm  # between signs on a sheet: room for the cut marks
MARK = 5 * mm  # length of a cut mark
MARK_GAP = 2 * mm  # gap between a mark and the sign's edge

YELLOW = (1.0, 0.8, 0.0)
BLACK = (0.07, 0.07, 0.07)
RED = (0.80, 0.06, 0.12)
WHITE = (1.0, 1.0, 1.0)
GREY = (0.35, 0.35, 0.35)
LABEL = (0.38, 0.3, 0.0)  # dark ochre: labels read as labels next to black values


class SignPdfError(ValueError):
    """A request that cannot be printed (unknown paper or layout)."""


@dataclass
class PlacedSign:
    """Where a sign (or one tile of it) was drawn, in PDF points, for tests and the preview."""

    sign_id: str
    level_id: str
    page: int  # 1-based
    x: float  # lower-left corner of the whole sign on this page (may lie off a tile's page)
    y: float
    width: float  # drawn size of the whole sign: true size, no scaling
    height: float
    tile: tuple[int, int, int, int] | None = None  # (row, column, rows, columns) when tiled


@dataclass
class SignPdfResult:
    path: Path | None
    pages: int
    paper: str
    layout: str
    placed: list[PlacedSign] = field(default_factory=list)
    legend_pages: list[int] = field(default_factory=list)


def register_fonts() -> str:
    """Register the bundled CJK font once (it also carries Latin glyphs) and return its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        path = resource("fonts", "wqy-microhei.ttc")
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


# --- text fitting -------------------------------------------------------------------------------


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or o >= 0x20000


def _tokens(text: str) -> list[str]:
    """Break points: after every CJK character and after every space."""
    out: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            out.append(word + " ")
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


# CJK punctuation that must not start a line (kinsoku).
_NO_START = set("，。、；：！？）》」』】,.;:!?)")


@lru_cache(maxsize=4096)
def wrap(text: str, size: float, width: float) -> tuple[str, ...]:
    """Greedy line breaking at ``size`` points within ``width``; a too-long word is split."""
    font = register_fonts()
    lines: list[str] = []
    line = ""
    for tok in _tokens(text):
        trial = line + tok
        if (
            line
            and pdfmetrics.stringWidth(trial.rstrip(), font, size) > width
            and (tok[0] not in _NO_START)
        ):
            lines.append(line.rstrip())
            line = tok.lstrip()
        else:
            line = trial
        while pdfmetrics.stringWidth(line.rstrip(), font, size) > width and len(line) > 1:
            # A single word wider than the box (a long e-mail address): split it by characters.
            cut = len(line) - 1
            while cut > 1 and pdfmetrics.stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return tuple(lines)


@lru_cache(maxsize=4096)
def fit(
    paragraphs: tuple[tuple[str, float], ...],
    width: float,
    height: float,
    max_size: float,
    min_size: float = 4.0,
    leading: float = 1.22,
) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The largest base size (≤ ``max_size``) at which the paragraphs, each with a relative size,
    fit the box; returns it and the lines as (text, size). Below ``min_size`` it stops shrinking."""
    size = max_size
    while True:
        lines: list[tuple[str, float]] = []
        for text, rel in paragraphs:
            s = size * rel
            # A paragraph of just "\n" is vertical space of its relative size.
            lines += [("", s)] if text == "\n" else [(ln, s) for ln in wrap(text, s, width)]
        total = sum(s * leading for _, s in lines)
        if total <= height or size <= min_size:
            return size, tuple(lines)
        size = max(min_size, size * min(0.93, math.sqrt(height / total)))


def _text_lines(
    c: Canvas,
    lines: Iterable[tuple[str, float]],
    x: float,
    top: float,
    width: float,
    color: tuple[float, float, float],
    align: str = "left",
    leading: float = 1.22,
    bold: bool = False,
) -> float:
    """Draw lines from ``top`` downwards; returns the y below the last line."""
    c.setFillColorRGB(*color)
    y = top
    for text, size in lines:
        y -= size * leading
        baseline = y + size * (leading - 1.0) / 2 + size * 0.18
        t = c.beginText()
        t.setFont(FONT, size)
        if bold:
            # The bundled face has one weight: stroke the glyph outlines to embolden titles.
            c.setStrokeColorRGB(*color)
            c.setLineWidth(size * 0.035)
            t.setTextRenderMode(2)
        if align == "center":
            w = pdfmetrics.stringWidth(text, FONT, size)
            t.setTextOrigin(x + (width - w) / 2, baseline)
        else:
            t.setTextOrigin(x, baseline)
        if text:
            t.textOut(text)
            if bold:
                # The render mode is graphics state: reset it or it leaks into later text.
                t.setTextRenderMode(0)
            c.drawText(t)
    return y


# --- one sign -----------------------------------------------------------------------------------


class _Forms:
    """Shared vector pieces (pictogram, QR codes) defined once per document and reused."""

    def __init__(self, c: Canvas) -> None:
        self.c = c
        self.names: dict[str, str] = {}

    def pictogram(self) -> str:
        if "pict" not in self.names:
            self.c.beginForm("pict", 0, 0, UNIT, UNIT)
            draw_camera(self.c, BLACK)
            self.c.endForm()
            self.names["pict"] = "pict"
        return "pict"

    def qr(self, url: str) -> str:
        key = "qr:" + url
        if key not in self.names:
            name = f"qr{len(self.names)}"
            widget = QrCodeWidget(url, barLevel="M", barBorder=2)
            x0, y0, x1, y1 = widget.getBounds()
            self.c.beginForm(name, 0, 0, UNIT, UNIT)
            self.c.setFillColorRGB(*WHITE)
            self.c.rect(0, 0, UNIT, UNIT, stroke=0, fill=1)
            self.c.scale(UNIT / (x1 - x0), UNIT / (y1 - y0))
            self.c.translate(-x0, -y0)
            # The widget's modules as plain filled rectangles: no renderer state (fonts) leaks
            # into the page.
            self.c.setFillColorRGB(0, 0, 0)
            for shape in _rects(widget.draw()):
                if shape.fillColor is not None and shape.fillColor.red < 0.5:
                    self.c.rect(shape.x, shape.y, shape.width, shape.height, stroke=0, fill=1)
            self.c.endForm()
            self.names[key] = name
        return self.names[key]


def _rects(group) -> list:
    out = []
    for shape in getattr(group, "contents", []):
        if hasattr(shape, "contents"):
            out += _rects(shape)
        elif hasattr(shape, "width") and hasattr(shape, "x"):
            out.append(shape)
    return out


def _place_form(c: Canvas, name: str, x: float, y: float, size: float) -> None:
    c.saveState()
    c.translate(x, y)
    c.scale(size / UNIT, size / UNIT)
    c.doForm(name)
    c.restoreState()


def draw_sign(
    c: Canvas, content: SignContent, x: float, y: float, w: float, h: float, forms: _Forms
) -> None:
    """Draw one sign with its lower-left corner at (x, y), ``w`` x ``h`` points."""
    m = min(w, h)
    border = 0.028 * m
    pad = 0.045 * m
    c.saveState()
    # Black rounded outline, yellow field.
    c.setFillColorRGB(*BLACK)
    c.roundRect(x, y, w, h, 0.045 * m, stroke=0, fill=1)
    c.setFillColorRGB(*YELLOW)
    ix, iy, iw, ih = x + border, y + border, w - 2 * border, h - 2 * border
    c.roundRect(ix, iy, iw, ih, 0.03 * m, stroke=0, fill=1)

    face = bool(content.face_notices)
    n_titles = len(content.titles)
    top = iy + ih
    # Vertical budget (fractions of the inner height), adjusted to what the sign carries.
    pict_h = ih * (0.25 if face else 0.28)
    title_h = ih * (0.13 + 0.06 * (n_titles - 1))
    face_h = ih * (0.06 + 0.035 * (len(content.face_notices) - 1)) if face else 0.0
    foot_h = ih * 0.055 if content.legal_basis else ih * 0.025

    # Pictogram, centred on the yellow field.
    pict = min(pict_h * 0.92, iw * 0.8)
    _place_form(
        c, forms.pictogram(), ix + (iw - pict) / 2, top - pict_h + (pict_h - pict) / 2, pict
    )
    top -= pict_h

    # Title band: black with the titles in yellow, biggest first.
    c.setFillColorRGB(*BLACK)
    c.rect(ix, top - title_h, iw, title_h, stroke=0, fill=1)
    rel = [1.0] + [0.62] * (n_titles - 1)
    paras = tuple(zip(content.titles, rel, strict=True))
    tpad = title_h * 0.08
    _, lines = fit(paras, iw - 2 * pad, title_h - 2 * tpad, title_h * 0.62, leading=1.18)
    used = sum(s * 1.18 for _, s in lines)
    _text_lines(
        c,
        lines,
        ix + pad,
        top - (title_h - used) / 2,
        iw - 2 * pad,
        YELLOW,
        "center",
        1.18,
        bold=True,
    )
    top -= title_h

    if face:
        c.setFillColorRGB(*RED)
        c.rect(ix, top - face_h, iw, face_h, stroke=0, fill=1)
        paras = tuple((t, 1.0 if i == 0 else 0.8) for i, t in enumerate(content.face_notices))
        fpad = face_h * 0.1
        _, lines = fit(paras, iw - 2 * pad, face_h - 2 * fpad, face_h * 0.5, leading=1.15)
        used = sum(s * 1.15 for _, s in lines)
        _text_lines(
            c,
            lines,
            ix + pad,
            top - (face_h - used) / 2,
            iw - 2 * pad,
            WHITE,
            "center",
            1.15,
            bold=True,
        )
        top -= face_h

    # Small print on a white panel: label (grey, small) over value (black).
    panel_x, panel_w = ix + pad * 0.6, iw - 1.2 * pad
    panel_bottom = iy + foot_h
    panel_top = top - pad * 0.6
    c.setFillColorRGB(*WHITE)
    c.roundRect(
        panel_x, panel_bottom, panel_w, panel_top - panel_bottom, 0.02 * m, stroke=0, fill=1
    )
    qr = 0.0
    text_w = panel_w - 2 * pad * 0.6
    if content.qr_url:
        qr = min(panel_w * 0.3, (panel_top - panel_bottom) * 0.62)
        text_w -= qr + pad * 0.6
    paras_l: list[tuple[str, float]] = []
    for i, row in enumerate(content.rows):
        if i:
            paras_l.append(("\n", 0.3))
        paras_l.append((row.label, 0.72))
        paras_l.append((row.value, 1.0))
    avail_h = panel_top - panel_bottom - 2 * pad * 0.5
    base, lines = fit(tuple(paras_l), text_w, avail_h, 0.05 * h, min_size=3.0)
    yy = panel_top - pad * 0.5
    tx = panel_x + pad * 0.6
    for text, size in lines:
        color = LABEL if abs(size - base * 0.72) < 1e-6 else BLACK
        yy = _text_lines(c, [(text, size)], tx, yy, text_w, color)
    if content.qr_url:
        qx = panel_x + panel_w - pad * 0.6 - qr
        cap_paras = ((content.qr_caption, 1.0),)
        cap_h = (panel_top - panel_bottom) * 0.25
        _, cap = fit(cap_paras, qr, cap_h, qr * 0.09, min_size=3.0, leading=1.15)
        cap_used = sum(s * 1.15 for _, s in cap)
        block = qr + cap_used
        qy = panel_bottom + (panel_top - panel_bottom - block) / 2 + cap_used
        _place_form(c, forms.qr(content.qr_url), qx, qy, qr)
        _text_lines(c, cap, qx, qy, qr, GREY, "center", 1.15)

    # Footer: legal basis and the sign's id (matches the legend).
    if content.legal_basis:
        text = "  ".join(content.legal_basis)
        ident = f"{content.sign_id}"
        id_w = pdfmetrics.stringWidth(ident, FONT, foot_h * 0.38) + pad
        _, lines = fit(
            ((text, 1.0),),
            iw - 2 * pad - id_w,
            foot_h * 0.9,
            foot_h * 0.34,
            min_size=2.5,
            leading=1.12,
        )
        used = sum(s * 1.12 for _, s in lines)
        _text_lines(
            c, lines, ix + pad, iy + (foot_h + used) / 2, iw - 2 * pad - id_w, BLACK, leading=1.12
        )
        c.setFillColorRGB(*BLACK)
        c.setFont(FONT, foot_h * 0.38)
        c.drawRightString(ix + iw - pad, iy + foot_h * 0.36, ident)
    c.restoreState()


# --- marks and page furniture -------------------------------------------------------------------


def _cut_marks(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.3)
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            c.line(cx + dx * MARK_GAP, cy, cx + dx * (MARK_GAP + MARK), cy)
            c.line(cx, cy + dy * MARK_GAP, cx, cy + dy * (MARK_GAP + MARK))
    c.restoreState()


def _caption(c: Canvas, text: str, x: float, y: float, size: float = 6.5) -> None:
    c.saveState()
    c.setFillColorRGB(*GREY)
    c.setFont(FONT, size)
    c.drawString(x, y, text)
    c.restoreState()


def _size_label(sign: Sign) -> str:
    return f"{sign.width_m * 1000:.0f} × {sign.height_m * 1000:.0f} mm"


# --- documents ----------------------------------------------------------------------------------


@dataclass
class _Item:
    sign: Sign
    level_id: str
    content: SignContent
    w: float
    h: float


def _fits(w: float, h: float, pw: float, ph: float, reserve: float = 0.0) -> bool:
    return w <= pw - 2 * MARGIN + 1e-6 and h <= ph - 2 * MARGIN - reserve + 1e-6


def collect_signs(plan: Plan, signs: Sequence[tuple[str, Sign]] | None = None):
    """(level id, sign) pairs: the given ones or every sign of the plan, in plan order."""
    if signs is not None:
        return list(signs)
    return [(lv.id, s) for lv in plan.levels for s in lv.signs]


def write_signs_pdf(
    plan: Plan,
    out: str | Path,
    paper: str = "A4",
    langs: Sequence[str] = DEFAULT_LANGS,
    layout: str = "page",
    signs: Sequence[tuple[str, Sign]] | None = None,
    legend: bool = True,
    pack: RulePack | None = None,
    title: str | None = None,
) -> SignPdfResult:
    """Write the signs of ``plan`` (or the given (level id, sign) pairs) to ``out``."""
    if paper not in PAPERS:
        raise SignPdfError(f"unknown paper {paper!r} (available: {', '.join(PAPERS)})")
    register_fonts()
    out = Path(out)
    c = Canvas(str(out), pagesize=PAPERS[paper], pageCompression=1, initialFontName=FONT)
    c.setTitle(title or f"Signs — {plan.name or 'SitePlanner plan'}")
    c.setCreator("SitePlanner")
    c.setAuthor(plan.organization.name or "")
    result = draw_signs(c, plan, PAPERS[paper], langs, layout, signs, legend, pack)
    c.showPage()
    # Binary (not ASCII85) streams: smaller, and much faster without ReportLab's C accelerator.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        c.save()
    finally:
        rl_config.useA85 = saved
    result.path = out
    result.paper = paper
    return result


def draw_signs(
    c,
    plan: Plan,
    paper: tuple[float, float],
    langs: Sequence[str] = DEFAULT_LANGS,
    layout: str = "page",
    signs: Sequence[tuple[str, Sign]] | None = None,
    legend: bool = True,
    pack: RulePack | None = None,
) -> SignPdfResult:
    """Lay out and draw the signs on ``c``: a ReportLab canvas or anything with the same drawing
    calls (the editor's print preview draws through a QPainter adapter). ``paper`` is the sheet
    size in points; pages start with ``c.setPageSize`` and end with ``c.showPage`` (except the
    last, which the caller closes)."""
    if layout not in LAYOUTS:
        raise SignPdfError(f"unknown layout {layout!r} (available: {', '.join(LAYOUTS)})")
    register_fonts()
    pack = pack or load_pack(plan.rules)
    pairs = collect_signs(plan, signs)
    items = [
        _Item(
            s,
            lid,
            sign_content(plan, s, lid, langs, pack),
            s.width_m * 1000 * mm,
            s.height_m * 1000 * mm,
        )
        for lid, s in pairs
    ]
    pw, ph = paper
    forms = _Forms(c)
    result = SignPdfResult(None, 0, f"{pw:.0f}x{ph:.0f}pt", layout)
    page = 0

    def new_page(size: tuple[float, float]) -> int:
        nonlocal page
        if page:
            c.showPage()
        c.setPageSize(size)
        page += 1
        return page

    caption_h = 6 * mm
    small: list[_Item] = []
    for it in items:
        # Each sign keeps its true size; the page turns to landscape when that lets it fit.
        portrait = (pw, ph)
        landscape = (ph, pw)
        if _fits(it.w, it.h, *portrait, caption_h):
            size = portrait
        elif _fits(it.w, it.h, *landscape, caption_h):
            size = landscape
        else:
            _tiled(c, it, (pw, ph), new_page, result, forms)
            continue
        if layout == "sheet":
            small.append(it)
            continue
        n = new_page(size)
        sx = (size[0] - it.w) / 2
        sy = (size[1] - it.h + caption_h) / 2
        draw_sign(c, it.content, sx, sy, it.w, it.h, forms)
        _cut_marks(c, sx, sy, it.w, it.h)
        _caption(
            c,
            f"{it.sign.id} · {it.level_id} · {_size_label(it.sign)} · true size, trim at the marks",
            MARGIN,
            MARGIN * 0.6,
        )
        result.placed.append(PlacedSign(it.sign.id, it.level_id, n, sx, sy, it.w, it.h))
    if small:
        _sheets(c, small, (pw, ph), new_page, result, forms)
    if legend and items:
        from siteplanner.signage.legend import draw_legend

        result.legend_pages = draw_legend(c, plan, pairs, result, (pw, ph), new_page, langs)
    if page == 0:
        new_page((pw, ph))
        _caption(c, "This plan has no signs.", MARGIN, ph - 2 * MARGIN, 12)
    result.pages = page
    return result


def pack_sheets(
    sizes: Sequence[tuple[float, float]], page: tuple[float, float]
) -> list[tuple[int, float, float]] | None:
    """Shelf packing of (w, h) boxes in the given order onto pages of size ``page``:
    (sheet index, x, y of the lower-left corner) per box, or None when a box cannot fit."""
    pw, ph = page
    usable_w, top = pw - 2 * MARGIN, ph - MARGIN
    out: list[tuple[int, float, float]] = []
    sheet, x, y, row_h = -1, 0.0, 0.0, 0.0
    for w, h in sizes:
        if not _fits(w, h, pw, ph, 6 * mm):
            return None
        if sheet >= 0 and x > 0 and x + w > usable_w + 1e-6:
            y += row_h + GUTTER  # next row
            x, row_h = 0.0, 0.0
        if sheet < 0 or top - y - h < MARGIN + 6 * mm - 1e-6:
            sheet, x, y, row_h = sheet + 1, 0.0, 0.0, 0.0
        out.append((sheet, MARGIN + x, top - y - h))
        x += w + GUTTER
        row_h = max(row_h, h)
    return out


def _sheets(c, items: list[_Item], paper, new_page, result: SignPdfResult, forms) -> None:
    """Several signs per sheet, tallest first, each with cut marks; the sheet orientation that
    needs fewer sheets wins (signs that fit only one orientation get sheets of their own)."""
    portrait = (min(paper), max(paper))
    landscape = (portrait[1], portrait[0])
    fits_p = [_fits(it.w, it.h, *portrait, 6 * mm) for it in items]
    fits_l = [_fits(it.w, it.h, *landscape, 6 * mm) for it in items]
    # Signs that fit only one orientation are packed apart from those that fit both.
    groups = [
        [it for it, p, q in zip(items, fits_p, fits_l, strict=True) if p and not q],
        [it for it, p, q in zip(items, fits_p, fits_l, strict=True) if q and not p],
        [it for it, p, q in zip(items, fits_p, fits_l, strict=True) if p and q],
    ]
    for group in groups:
        if not group:
            continue
        group.sort(key=lambda it: (-it.h, -it.w))
        sizes = [(it.w, it.h) for it in group]
        options = []
        for page in (portrait, landscape):
            packed = pack_sheets(sizes, page)
            if packed is not None:
                options.append((packed[-1][0], page, packed))
        _, page, packed = min(options, key=lambda o: o[0])
        current, n = -1, 0
        for it, (sheet, sx, sy) in zip(group, packed, strict=True):
            if sheet != current:
                current = sheet
                n = new_page(page)
                _caption(
                    c, f"Signs at true size · cut at the marks · sheet {n}", MARGIN, MARGIN * 0.6
                )
            draw_sign(c, it.content, sx, sy, it.w, it.h, forms)
            _cut_marks(c, sx, sy, it.w, it.h)
            result.placed.append(PlacedSign(it.sign.id, it.level_id, n, sx, sy, it.w, it.h))


def _tiled(c, it: _Item, paper, new_page, result: SignPdfResult, forms: _Forms) -> None:
    """A sign larger than the paper: true size across several pages, drawn once as a form."""

    def grid(size: tuple[float, float]) -> tuple[int, int]:
        tw, th = size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 6 * mm
        return math.ceil(it.w / tw - 1e-9), math.ceil(it.h / th - 1e-9)

    # Tile in the orientation that needs fewer pages.
    options = [paper, (paper[1], paper[0])]
    pw, ph = min(options, key=lambda s: grid(s)[0] * grid(s)[1])
    cols, rows = grid((pw, ph))
    tw, th = pw - 2 * MARGIN, ph - 2 * MARGIN - 6 * mm
    # Shared pieces first: forms cannot be defined inside another form.
    forms.pictogram()
    if it.content.qr_url:
        forms.qr(it.content.qr_url)
    name = f"sign{len(forms.names)}"
    forms.names[name] = name
    c.beginForm(name, 0, 0, it.w, it.h)
    draw_sign(c, it.content, 0, 0, it.w, it.h, forms)
    c.endForm()
    for r in range(rows):
        for col in range(cols):
            n = new_page((pw, ph))
            # Tile (r, col) shows the part of the sign from its top-left corner.
            x0 = col * tw
            y_top = r * th
            cw = min(tw, it.w - x0)
            ch = min(th, it.h - y_top)
            ox, oy = MARGIN, ph - MARGIN - ch  # where the tile's lower-left lands on the page
            sx = ox - x0
            sy = oy - (it.h - y_top - ch)
            c.saveState()
            p = c.beginPath()
            p.rect(ox, oy, cw, ch)
            c.clipPath(p, stroke=0, fill=0)
            c.translate(sx, sy)
            c.doForm(name)
            c.restoreState()
            _cut_marks(c, ox, oy, cw, ch)
            _caption(
                c,
                f"{it.sign.id} · {_size_label(it.sign)} at true size · tile row {r + 1}/{rows}, "
                f"column {col + 1}/{cols} · trim at the marks and join edge to edge",
                MARGIN,
                MARGIN * 0.6,
            )
            result.placed.append(
                PlacedSign(it.sign.id, it.level_id, n, sx, sy, it.w, it.h, (r, col, rows, cols))
            )


__all__ = [
    "LAYOUTS",
    "PAPERS",
    "PlacedSign",
    "SignPdfError",
    "SignPdfResult",
    "draw_sign",
    "draw_signs",
    "register_fonts",
    "write_signs_pdf",
]
