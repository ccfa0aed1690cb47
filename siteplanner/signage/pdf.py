"""Print-ready sign PDFs: every sign at its true physical size, vector graphics, CJK font embedded.

Layouts:
- ``"page"``: one sign per page, centred, with crop marks.
- ``"sheet"``: as many signs per sheet as fit, with cut marks at every corner.
A sign larger than the printable area of the paper is tiled at true size over several pages
(no scaling, ``siteplanner.signage.tiling``): an assembly map, then tiles that overlap by 10 mm,
each with crop marks, its label, the grey glue strip the next tile laps over and registration
targets where that tile's edge goes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.pagesizes import A3, A4, letter

from siteplanner.analysis import Analysis
from siteplanner.compliance import load_pack
from siteplanner.compliance.legibility import (
    BORDER,
    PAD,
    TITLE_LEADING,
    pictogram_band,
    title_band,
    title_paragraphs,
)
from siteplanner.compliance.packs import RulePack
from siteplanner.drawing.canvas import MM, Anchor, Canvas, Color
from siteplanner.drawing.canvas import Path as DrawPath
from siteplanner.drawing.pdf import PdfCanvas
from siteplanner.drawing.qr import BORDER as QR_BORDER
from siteplanner.drawing.qr import QrError, check_qr, draw_qr, qr_matrix
from siteplanner.drawing.recording import InkBox, RecordingCanvas, ink_boxes
from siteplanner.drawing.text import Paragraphs, fit, lines_height, splits, string_width, wrap
from siteplanner.model import Plan, Sign
from siteplanner.signage.content import DEFAULT_LANGS, Row, SignContent, sign_content
from siteplanner.signage.legend import draw_legend
from siteplanner.signage.pictogram import UNIT, draw_camera
from siteplanner.signage.style import (
    BLACK,
    BLUE,
    CAPTION_H,
    GLUE,
    GREY,
    GUTTER,
    LABEL,
    MARGIN,
    MARK,
    MARK_GAP,
    RED,
    REGISTRATION,
    WHITE,
    YELLOW,
)
from siteplanner.signage.tiling import OVERLAP, Tile, tile_count, tiles

PAPERS: dict[str, tuple[float, float]] = {"A4": A4, "A3": A3, "letter": letter}
SIGN_PAPER = "sign"  # one page per sign at its own size plus BLEED, for the sign shop
BLEED = 3 * MM
CUT_SPOT = "CutContour"  # the spot colour sign-shop cutters take the dieline from
LAYOUTS = ("page", "sheet")


Lines = tuple[tuple[str, float], ...]  # (text, size in points) per line


class SignPdfError(ValueError):
    """A request that cannot be printed (unknown paper or layout, a URL no QR code can hold)."""


class NoticeUrlError(SignPdfError):
    """The privacy notice URL cannot be a QR code; the message names the plan field."""


@dataclass
class PlacedSign:
    """Where a sign (or one tile of it) was drawn, in points, for tests and the preview."""

    sign_id: str
    level_id: str
    page: int  # 1-based
    x: float  # lower-left corner of the whole sign on this page (may lie off a tile's page)
    y: float
    width: float  # drawn size of the whole sign: true size, no scaling
    height: float
    tile: tuple[int, int, int, int] | None = None  # (row, column, rows, columns) when tiled
    window: Tile | None = None  # which part of the sign the tile prints, when tiled


@dataclass
class SignPdfResult:
    path: Path | None
    pages: int
    paper: str
    layout: str
    placed: list[PlacedSign] = field(default_factory=list)
    legend_pages: list[int] = field(default_factory=list)
    assembly_pages: dict[str, int] = field(default_factory=dict)  # sign id: its map's page
    warnings: list[str] = field(default_factory=list)  # printable, but worth a look


def _text_lines(
    c: Canvas,
    lines: Iterable[tuple[str, float]],
    x: float,
    top: float,
    width: float,
    color: Color,
    align: str = "left",
    leading: float = 1.22,
    bold: bool = False,
) -> float:
    """Draw lines from ``top`` downwards; returns the y below the last line."""
    c.set_fill(color)
    anchor: Anchor = {"center": "middle", "right": "end"}.get(align, "start")
    tx = x + {"center": width / 2, "right": width}.get(align, 0.0)
    y = top
    for text, size in lines:
        y -= size * leading
        baseline = y + size * (leading - 1.0) / 2 + size * 0.18
        if text:
            c.text(tx, baseline, text, size, anchor=anchor, bold=bold)
    return y


# --- one sign -----------------------------------------------------------------------------------


PICTOGRAM = "pictogram"


def _pictogram(c: Canvas) -> str:
    """The camera pictogram as a symbol, defined on first use."""
    if not c.has_symbol(PICTOGRAM):
        c.define_symbol(PICTOGRAM, UNIT, UNIT, lambda cv: draw_camera(cv, BLACK))
    return PICTOGRAM


def _qr(c: Canvas, url: str) -> str:
    """The QR code of ``url`` as a symbol of the unit box, defined on first use."""
    name = "qr:" + url
    if not c.has_symbol(name):
        c.define_symbol(name, UNIT, UNIT, lambda cv: draw_qr(cv, url, UNIT))
    return name


def _place(c: Canvas, symbol: str, x: float, y: float, size: float) -> None:
    """A unit-box symbol drawn ``size`` wide with its lower-left corner at (x, y)."""
    c.save()
    c.translate(x, y)
    c.scale(size / UNIT, size / UNIT)
    c.draw_symbol(symbol)
    c.restore()


def draw_sign(c: Canvas, content: SignContent, x: float, y: float, w: float, h: float) -> None:
    """Draw one sign with its lower-left corner at (x, y), ``w`` x ``h`` points. The pictogram and
    the QR code are symbols: define them (``_pictogram``, ``_qr``) before drawing a sign into a
    symbol of its own."""
    m = min(w, h)
    border = BORDER * m
    pad = PAD * m
    c.save()
    # Black rounded outline, yellow field.
    c.set_fill(BLACK)
    c.rounded_rect(x, y, w, h, CORNER * m)
    c.set_fill(YELLOW)
    ix, iy, iw, ih = x + border, y + border, w - 2 * border, h - 2 * border
    c.rounded_rect(ix, iy, iw, ih, 0.03 * m)

    face = bool(content.face_notices)
    n_titles = len(content.titles)
    top = iy + ih
    # Vertical budget (fractions of the inner height), adjusted to what the sign carries.
    pict_h = ih * pictogram_band(face)
    title_h = ih * title_band(n_titles)
    face_h = ih * (0.06 + 0.035 * (len(content.face_notices) - 1)) if face else 0.0
    foot_h = ih * 0.055 if content.legal_basis else ih * 0.025

    # Pictogram, centred on the yellow field.
    pict = min(pict_h * 0.92, iw * 0.8)
    _place(c, _pictogram(c), ix + (iw - pict) / 2, top - pict_h + (pict_h - pict) / 2, pict)
    top -= pict_h

    # Title band: black with the titles in yellow, biggest first.
    c.set_fill(BLACK)
    c.rect(ix, top - title_h, iw, title_h)
    # The same fit as the legibility check's (siteplanner.compliance.legibility.printed_sizes).
    paras = title_paragraphs(content.titles)
    tpad = title_h * 0.08
    _, lines = fit(paras, iw - 2 * pad, title_h - 2 * tpad, title_h * 0.62, leading=TITLE_LEADING)
    used = lines_height(lines, TITLE_LEADING)
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
        c.set_fill(BLUE)
        c.rect(ix, top - face_h, iw, face_h)
        paras = tuple((t, 1.0 if i == 0 else 0.8) for i, t in enumerate(content.face_notices))
        fpad = face_h * 0.1
        _, lines = fit(paras, iw - 2 * pad, face_h - 2 * fpad, face_h * 0.5, leading=1.15)
        used = lines_height(lines, 1.15)
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
    c.set_fill(WHITE)
    c.rounded_rect(panel_x, panel_bottom, panel_w, panel_top - panel_bottom, 0.02 * m)
    qr = 0.0
    text_w = panel_w - 2 * pad * 0.6
    # The address is also printed as text, for those who cannot scan the code, and whole (an
    # address split over two lines cannot be typed from the sign): on a line of its own along
    # the bottom of the panel, where it does not shrink the caption under the code; on a sign
    # with no room for that line, under the code when it fits there. An address too long for
    # either is left to the code.
    url_line: Lines = ()
    if content.qr_url:
        qr = min(panel_w * 0.3, (panel_top - panel_bottom) * 0.62)
        text_w -= qr + pad * 0.6
        cap_size = max(qr * 0.09, MIN_TEXT_PT)
        url_w = panel_w - 2 * pad * 0.6
        unit = string_width(content.qr_url, 1.0)
        if unit * MIN_TEXT_PT <= url_w:
            url_line = ((content.qr_url, max(MIN_TEXT_PT, min(cap_size, url_w / unit))),)

    def body(rows: Sequence[Row], url: bool, label_rel: float) -> tuple[bool, float, float, Lines]:
        """Whether the rows fit at a readable size with every address and number whole; the
        bottom of their box, their base size and lines."""
        bottom = panel_bottom + (lines_height(url_line, 1.15) + 0.1 * pad if url else 0.0)
        avail = panel_top - bottom - 2 * pad * 0.5
        least = MIN_TEXT_PT / label_rel  # labels, the smallest body text, no smaller than 6 pt
        paras = _rows(rows, label_rel)
        base, lines = fit(paras, text_w, avail, max(0.05 * h, least), min_size=least)
        ok = lines_height(lines, 1.22) <= avail + 1e-6 and not splits(paras, base, text_w)
        return ok, bottom, base, lines

    # The whole notice with the address on its own line, then without that line; if it does not
    # fit readably, the short layout (operator and contact; the code leads to the rest) rather
    # than text below MIN_TEXT_PT or a split address; last, the short layout with its labels as
    # large as the values (told apart by colour), which lets the values go down to 6 pt.
    attempts = [
        (content.rows, True, LABEL_REL),
        (content.rows, False, LABEL_REL),
        (content.short_rows, False, LABEL_REL),
        (content.short_rows, False, 1.0),
    ]
    for rows, url, label_rel in attempts:
        if url and not url_line:
            continue
        ok, body_bottom, base, lines = body(rows, url, label_rel)
        if ok:
            break
    short = rows is content.short_rows
    if not url:
        url_line = ()
    yy = panel_top - pad * 0.5
    tx = panel_x + pad * 0.6
    for (text, size), is_label in zip(
        lines, _label_lines(rows, base, label_rel, text_w), strict=True
    ):
        yy = _text_lines(c, [(text, size)], tx, yy, text_w, LABEL if is_label else BLACK)
    if content.qr_url:
        qx = panel_x + panel_w - pad * 0.6 - qr
        cap_paras: Paragraphs = ((content.qr_caption, 1.0),)
        if not url_line and string_width(content.qr_url, MIN_TEXT_PT) <= qr:
            cap_paras += ((content.qr_url, 1.0),)
        cap_h = (panel_top - body_bottom) * 0.25
        # Never larger than the notice it points to; a line per language when that is readable
        # (no word or character left alone on a line of its own).
        cap_max = max(MIN_TEXT_PT, min(cap_size, base))
        one_line = 0.995 * min(  # a hair under the exact width: no rounding pushes a line over
            qr / (string_width(line, 1.0) or 1.0)
            for text, _ in cap_paras
            for line in text.split("\n")
        )
        if one_line >= MIN_TEXT_PT:
            cap_max = min(cap_max, one_line)
        _, cap = fit(cap_paras, qr, cap_h, cap_max, min_size=MIN_TEXT_PT, leading=1.15)
        if short or lines_height(cap, 1.15) > cap_h + 1e-6:
            cap = ()  # no room for a readable caption: the code speaks for itself
        cap_used = lines_height(cap, 1.15)
        block = qr + cap_used
        qy = body_bottom + (panel_top - body_bottom - block) / 2 + cap_used
        _place(c, _qr(c, content.qr_url), qx, qy, qr)
        content.qr_module_mm = qr / (len(qr_matrix(content.qr_url)) + 2 * QR_BORDER) / MM
        _text_lines(c, cap, qx, qy, qr, GREY, "center", 1.15)
        if url_line:
            url_line = ((content.qr_url, max(MIN_TEXT_PT, min(url_line[0][1], base))),)
            top_url = panel_bottom + 0.4 * pad + lines_height(url_line, 1.15)
            _text_lines(c, url_line, tx, top_url, url_w, GREY, "right", 1.15)

    # Footer: the legal basis (the sign's id goes in the print margin, not on the public face).
    if content.legal_basis and not short:
        # One paragraph per language.
        _, lines = fit(
            tuple((t, 1.0) for t in content.legal_basis),
            iw - 2 * pad,
            foot_h * 0.9,
            max(foot_h * 0.34, MIN_TEXT_PT),
            min_size=MIN_TEXT_PT,
            leading=1.12,
        )
        used = lines_height(lines, 1.12)
        if used <= foot_h * 0.9 + 1e-6:  # else left off rather than printed too small to read
            _text_lines(
                c, lines, ix + pad, iy + (foot_h + used) / 2, iw - 2 * pad, BLACK, leading=1.12
            )
    if content.draft:
        _draft_mark(c, x, y, w, h, content.langs)
    c.restore()


CORNER = 0.045  # corner radius of the sign's outline, as a fraction of its smaller side
MIN_QR_MODULE_MM = 0.5  # smaller modules do not scan reliably from a printed sign
MIN_TEXT_PT = 6.0  # no body text smaller than this: small signs switch to the short layout
LABEL_REL = 0.72  # a row's label, relative to its value


def _qr_warnings(contents: Sequence[SignContent]) -> list[str]:
    out = []
    for ct in contents:
        if ct.qr_module_mm is not None and ct.qr_module_mm < MIN_QR_MODULE_MM:
            out.append(
                f"sign {ct.sign_id}: QR modules print {ct.qr_module_mm:.2f} mm wide (under "
                f"{MIN_QR_MODULE_MM} mm: may not scan); shorten "
                "organization.privacy_notice_url or use a larger sign"
            )
    return out


def _rows(rows: Sequence[Row], label_rel: float = LABEL_REL) -> Paragraphs:
    """Rows as paragraphs: label (small) over value, a little space between rows."""
    out: list[tuple[str, float]] = []
    for i, row in enumerate(rows):
        if i:
            out.append(("\n", 0.3))
        out.append((row.label, label_rel))
        out.append((row.value, 1.0))
    return tuple(out)


def _label_lines(rows: Sequence[Row], base: float, label_rel: float, width: float) -> list[bool]:
    """Which of the lines ``fit`` made of ``_rows(rows, label_rel)`` at ``base`` are labels."""
    out: list[bool] = []
    for i, row in enumerate(rows):
        if i:
            out.append(False)  # the space between rows
        out += [True] * len(wrap(row.label, base * label_rel, width))
        out += [False] * len(wrap(row.value, base, width))
    return out


# The DRAFT mark in each sign language (a European sign carries no Chinese).
DRAFT_WORDS = {"zh": "草稿", "en": "DRAFT", "de": "ENTWURF", "fr": "BROUILLON"}


def draft_text(langs: Sequence[str]) -> str:
    return " ".join(dict.fromkeys(DRAFT_WORDS.get(lang, "DRAFT") for lang in langs)) or "DRAFT"


def _draft_mark(
    c: Canvas, x: float, y: float, w: float, h: float, langs: Sequence[str] = ("zh", "en")
) -> None:
    """A red diagonal DRAFT / 草稿 across the whole sign: a proof with an incomplete notice must
    not be mistaken for the sign to install."""
    angle = math.degrees(math.atan2(h, w))
    diag = math.hypot(w, h)
    text = draft_text(langs)
    size = 0.8 * diag / (string_width(text, 1.0) or 1.0)
    c.save()
    c.translate(x + w / 2, y + h / 2)
    c.rotate(angle)
    c.set_fill(RED)
    c.text(0, -size * 0.35, text, size, anchor="middle", bold=True)
    c.restore()


# --- marks and page furniture -------------------------------------------------------------------


def _cut_marks(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    c.save()
    c.set_stroke(REGISTRATION)
    c.set_line_width(0.3)
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            c.line(cx + dx * MARK_GAP, cy, cx + dx * (MARK_GAP + MARK), cy)
            c.line(cx, cy + dy * MARK_GAP, cx, cy + dy * (MARK_GAP + MARK))
    c.restore()


def _caption(c: Canvas, text: str, x: float, y: float, size: float = 6.5) -> None:
    c.save()
    c.set_fill(GREY)
    c.text(x, y, text, size)
    c.restore()


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


def check_notice_url(url: str | None) -> None:
    """``NoticeUrlError`` naming the plan field when the privacy notice URL cannot be printed as a
    QR code. Refused rather than printed without its code: the code is how people reach the full
    notice, and a sign that silently lacks it would look complete."""
    if not url:
        return
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        # A sign sends the public to this address: a web page only (never javascript:, file:).
        raise NoticeUrlError(
            f"organization.privacy_notice_url: must be an http:// or https:// address, "
            f"not {url[:40]!r}"
        )
    try:
        check_qr(url)
    except QrError as exc:
        raise NoticeUrlError(f"organization.privacy_notice_url: {exc}") from None


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
    draft: bool = False,
    analysis: Analysis | None = None,
) -> SignPdfResult:
    """Write the signs of ``plan`` (or the given (level id, sign) pairs) to ``out``. The
    ``analysis`` of the plan gives the legend's plan pages their walls (computed if absent)."""
    if paper not in PAPERS and paper != SIGN_PAPER:
        raise SignPdfError(
            f"unknown paper {paper!r} (available: {', '.join([*PAPERS, SIGN_PAPER])})"
        )
    out = Path(out)
    if paper == SIGN_PAPER:
        return _write_sign_size(plan, out, langs, signs, legend, pack, title, draft, analysis)
    c = PdfCanvas(
        out,
        title=title or f"Signs — {plan.name or 'SitePlanner plan'}",
        author=plan.organization.name or "",
        pagesize=PAPERS[paper],
        cmyk=True,
    )
    result = draw_signs(c, plan, PAPERS[paper], langs, layout, signs, legend, pack, draft, analysis)
    c.close()
    result.path = out
    result.paper = paper
    return result


def _write_sign_size(
    plan: Plan,
    out: Path,
    langs: Sequence[str],
    signs: Sequence[tuple[str, Sign]] | None,
    legend: bool,
    pack: RulePack | None,
    title: str | None,
    draft: bool,
    analysis: Analysis | None = None,
) -> SignPdfResult:
    """One page per sign at its true size plus ``BLEED`` on every side: TrimBox the sign,
    BleedBox the page, the black edge carried into the bleed, and the cut line (the rounded
    outline) as a hairline in the spot colour ``CUT_SPOT`` for the cutter. The legend follows on
    A4 pages."""
    pack = pack or load_pack(plan.rules)
    pairs = collect_signs(plan, signs)
    c = PdfCanvas(
        out,
        title=title or f"Signs — {plan.name or 'SitePlanner plan'}",
        author=plan.organization.name or "",
        pagesize=A4,
        cmyk=True,
    )
    rl = c.rl
    result = SignPdfResult(out, 0, SIGN_PAPER, "page")
    contents = [(lid, s, sign_content(plan, s, lid, langs, pack)) for lid, s in pairs]
    for url in {ct.qr_url for _, _, ct in contents if ct.qr_url}:
        check_notice_url(url)
    page, open_page = 0, False

    def new_page(size: tuple[float, float]) -> int:
        nonlocal page, open_page
        if open_page:
            c.end_page()
        c.begin_page(*size)
        page, open_page = page + 1, True
        return page

    cut = CMYKColorSep(0, 1, 0, 0, spotName=CUT_SPOT, density=1)
    for lid, s, content in contents:
        content.draft = draft
        w, h = s.width_m * 1000 * MM, s.height_m * 1000 * MM
        pw, ph = w + 2 * BLEED, h + 2 * BLEED
        n = new_page((pw, ph))
        rl.setTrimBox((BLEED, BLEED, BLEED + w, BLEED + h))
        rl.setBleedBox((0, 0, pw, ph))
        c.save()
        c.set_fill(BLACK)
        c.rect(0, 0, pw, ph)  # the black edge runs into the bleed: no white rim if cut off-line
        c.restore()
        draw_sign(c, content, BLEED, BLEED, w, h)
        rl.saveState()
        rl.setStrokeColor(cut)
        rl.setLineWidth(0.25)
        rl.roundRect(BLEED, BLEED, w, h, CORNER * min(w, h), stroke=1, fill=0)
        rl.restoreState()
        result.placed.append(PlacedSign(s.id, lid, n, BLEED, BLEED, w, h))
    if open_page:  # the boxes apply to the page being ended
        c.end_page()
        open_page = False
    # Legend pages are ordinary sheets: no trim or bleed box.
    rl.setTrimBox(None)
    rl.setBleedBox(None)
    if legend and pairs:
        result.legend_pages = draw_legend(
            c, plan, pairs, result.placed, A4, new_page, langs, analysis, pack
        )
    if page == 0:
        new_page(A4)
    if open_page:
        c.end_page()
    c.close()
    result.pages = page
    result.warnings = _qr_warnings([ct for _, _, ct in contents])
    return result


def draw_signs(
    c: Canvas,
    plan: Plan,
    paper: tuple[float, float],
    langs: Sequence[str] = DEFAULT_LANGS,
    layout: str = "page",
    signs: Sequence[tuple[str, Sign]] | None = None,
    legend: bool = True,
    pack: RulePack | None = None,
    draft: bool = False,
    analysis: Analysis | None = None,
) -> SignPdfResult:
    """Lay out and draw the signs on any ``Canvas`` (a PDF file, the editor's printer), page by
    page. ``paper`` is the sheet size in points; a page turns to landscape where a sign needs it.
    Raises ``NoticeUrlError``, before drawing anything, when the privacy notice URL cannot be a
    QR code."""
    if layout not in LAYOUTS:
        raise SignPdfError(f"unknown layout {layout!r} (available: {', '.join(LAYOUTS)})")
    pack = pack or load_pack(plan.rules)
    pairs = collect_signs(plan, signs)
    items = [
        _Item(
            s,
            lid,
            sign_content(plan, s, lid, langs, pack),
            s.width_m * 1000 * MM,
            s.height_m * 1000 * MM,
        )
        for lid, s in pairs
    ]
    for it in items:
        it.content.draft = draft
    for url in {it.content.qr_url for it in items if it.content.qr_url}:
        check_notice_url(url)
    pw, ph = paper
    result = SignPdfResult(None, 0, f"{pw:.0f}x{ph:.0f}pt", layout)
    page = 0

    def new_page(size: tuple[float, float]) -> int:
        nonlocal page
        if page:
            c.end_page()
        c.begin_page(*size)
        page += 1
        return page

    caption_h = CAPTION_H
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
            _tiled(c, it, (pw, ph), new_page, result, langs)
            continue
        if layout == "sheet":
            small.append(it)
            continue
        n = new_page(size)
        sx = (size[0] - it.w) / 2
        sy = (size[1] - it.h + caption_h) / 2
        draw_sign(c, it.content, sx, sy, it.w, it.h)
        _cut_marks(c, sx, sy, it.w, it.h)
        _caption(
            c,
            f"{it.sign.id} · {it.level_id} · {_size_label(it.sign)} · true size, trim at the marks",
            MARGIN,
            MARGIN * 0.6,
        )
        result.placed.append(PlacedSign(it.sign.id, it.level_id, n, sx, sy, it.w, it.h))
    if small:
        _sheets(c, small, (pw, ph), new_page, result)
    if legend and items:
        result.legend_pages = draw_legend(
            c, plan, pairs, result.placed, (pw, ph), new_page, langs, analysis, pack
        )
    if page == 0:
        new_page((pw, ph))
        _caption(c, "This plan has no signs.", MARGIN, ph - 2 * MARGIN, 12)
    c.end_page()
    result.pages = page
    result.warnings = _qr_warnings([it.content for it in items])
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
        if not _fits(w, h, pw, ph, CAPTION_H):
            return None
        if sheet >= 0 and x > 0 and x + w > usable_w + 1e-6:
            y += row_h + GUTTER  # next row
            x, row_h = 0.0, 0.0
        if sheet < 0 or top - y - h < MARGIN + CAPTION_H - 1e-6:
            sheet, x, y, row_h = sheet + 1, 0.0, 0.0, 0.0
        out.append((sheet, MARGIN + x, top - y - h))
        x += w + GUTTER
        row_h = max(row_h, h)
    return out


def _sheets(
    c: Canvas,
    items: list[_Item],
    paper: tuple[float, float],
    new_page: Callable[[tuple[float, float]], int],
    result: SignPdfResult,
) -> None:
    """Several signs per sheet, tallest first, each with cut marks; the sheet orientation that
    needs fewer sheets wins (signs that fit only one orientation get sheets of their own)."""
    portrait = (min(paper), max(paper))
    landscape = (portrait[1], portrait[0])
    fits_p = [_fits(it.w, it.h, *portrait, CAPTION_H) for it in items]
    fits_l = [_fits(it.w, it.h, *landscape, CAPTION_H) for it in items]
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
            draw_sign(c, it.content, sx, sy, it.w, it.h)
            _cut_marks(c, sx, sy, it.w, it.h)
            # The sign's id in the margin below it, between the cut marks.
            _caption(c, it.sign.id, sx + MARK_GAP + MARK, sy - MARK_GAP - 2.2 * MM, 5.5)
            result.placed.append(PlacedSign(it.sign.id, it.level_id, n, sx, sy, it.w, it.h))


def _target(c: Canvas, x: float, y: float) -> None:
    """A registration target (circle and cross) centred on (x, y)."""
    r = 1.6 * MM
    c.circle(x, y, r, fill=False, stroke=True)
    c.line(x - 1.6 * r, y, x + 1.6 * r, y)
    c.line(x, y - 1.6 * r, x, y + 1.6 * r)


def _glue_strip(
    c: Canvas, x: float, y: float, w: float, h: float, text: str, vertical: bool
) -> None:
    """The overlap strip of the tile that goes under: grey, hatched, saying so."""
    c.save()
    c.clip(DrawPath().rect(x, y, w, h))
    c.set_fill(GLUE)
    c.rect(x, y, w, h)
    c.set_stroke(GREY)
    c.set_line_width(0.3)
    hatch = DrawPath()
    step = 5 * MM
    k = -h
    while k < w:  # 45° hatching, one path
        hatch.move_to(x + k, y).line_to(x + k + h, y + h)
        k += step
    c.draw_path(hatch, fill=False, stroke=True)
    size = min(min(w, h) * 0.42, 9.0)
    c.set_fill(BLACK)
    c.translate(x + w / 2, y + h / 2)
    if vertical:
        c.rotate(90)
    c.text(0, -size * 0.35, text, size, anchor="middle")
    c.restore()


def _sign_obstacles(
    it: _Item,
) -> tuple[list[tuple[float, float, float, float]], list[InkBox]]:
    """The boxes of the sign's pictogram and QR code, and those of its texts' characters, in
    the sign's coordinates: where seams should not go."""
    rec = RecordingCanvas()
    draw_sign(rec, it.content, 0.0, 0.0, it.w, it.h)
    boxes = [b for b in ink_boxes(rec.calls, per_char=True) if b.upright]
    symbols = [(b.x0, b.y0, b.x1, b.y1) for b in boxes if b.kind != "char"]
    return symbols, [b for b in boxes if b.kind == "char"]


def _tiled(
    c: Canvas,
    it: _Item,
    paper: tuple[float, float],
    new_page: Callable[[tuple[float, float]], int],
    result: SignPdfResult,
    langs: Sequence[str] = DEFAULT_LANGS,
) -> None:
    """A sign larger than the paper: true size across several pages, drawn once as a symbol.
    An assembly map comes first, then the tiles row by row from the top, each with crop marks,
    its glue strips, registration targets where the next tile's edge goes, and its label."""

    def printable(size: tuple[float, float]) -> tuple[float, float]:
        return size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - CAPTION_H

    # Tile in the orientation that needs fewer pages (portrait on a tie).
    avoid, chars = _sign_obstacles(it)
    options = [(paper[0], paper[1]), (paper[1], paper[0])]
    counts = [
        tile_count(it.w, printable(s)[0]) * tile_count(it.h, printable(s)[1]) for s in options
    ]
    if counts[0] != counts[1]:  # the seams only for the orientation that needs fewer pages
        options = [options[counts.index(min(counts))]]
    layouts = [(size, tiles(it.w, it.h, printable(size), avoid, chars=chars)) for size in options]
    (pw, ph), grid = min(layouts, key=lambda o: len(o[1]))
    rows, cols = grid[0].rows, grid[0].cols
    # Shared pieces first: a symbol cannot be defined inside another one's definition.
    _pictogram(c)
    if it.content.qr_url:
        _qr(c, it.content.qr_url)
    name = f"sign:{it.level_id}/{it.sign.id}#{len(result.placed)}"
    c.define_symbol(name, it.w, it.h, lambda cv: draw_sign(cv, it.content, 0, 0, it.w, it.h))
    zh = "zh" in langs
    map_page = new_page((pw, ph))
    result.assembly_pages[it.sign.id] = map_page
    _assembly_map(c, it, name, grid, (pw, ph), map_page, zh)
    by_pos = {(t.row, t.col): t for t in grid}
    tw, th = printable((pw, ph))
    for t in grid:
        n = new_page((pw, ph))
        ww, wh = t.x1 - t.x0, t.y1 - t.y0
        # The window centred in the printable area.
        ox = MARGIN + (tw - ww) / 2
        oy = MARGIN + CAPTION_H + (th - wh) / 2
        sx, sy = ox - t.x0, oy - t.y0  # where the sign's lower-left corner lands
        c.save()
        c.clip(DrawPath().rect(ox, oy, ww, wh))
        c.translate(sx, sy)
        c.draw_symbol(name)
        c.restore()
        c.save()
        c.set_stroke(REGISTRATION)
        c.set_line_width(0.3)
        if t.glue_right:
            over = by_pos[(t.row, t.col + 1)].label
            text = f"glue here / 此处粘贴 · {over} on top" if zh else f"glue here · {over} on top"
            _glue_strip(c, ox + ww - OVERLAP, oy, OVERLAP, wh, text, vertical=True)
            seam = ox + ww - OVERLAP
            for ty in (oy - MARK_GAP - 2.5 * MM, oy + wh + MARK_GAP + 2.5 * MM):
                _target(c, seam, ty)
        if t.glue_top:
            over = by_pos[(t.row - 1, t.col)].label
            text = f"glue here / 此处粘贴 · {over} on top" if zh else f"glue here · {over} on top"
            _glue_strip(c, ox, oy + wh - OVERLAP, ww, OVERLAP, text, vertical=False)
            seam = oy + wh - OVERLAP
            for tx in (ox - MARK_GAP - 2.5 * MM, ox + ww + MARK_GAP + 2.5 * MM):
                _target(c, tx, seam)
        c.restore()
        _cut_marks(c, ox, oy, ww, wh)
        c.save()
        c.set_fill(BLACK)
        c.text(ox + MARK_GAP + MARK + 2 * MM, oy + wh + MARK_GAP, t.label, 9, bold=True)
        c.restore()
        _caption(
            c,
            f"{it.sign.id} · {_size_label(it.sign)} at true size · tile {t.label}: row "
            f"{t.row + 1}/{rows}, column {t.col + 1}/{cols} · trim at the marks, overlap "
            f"{OVERLAP / MM:.0f} mm · assembly map on page {map_page}",
            MARGIN,
            MARGIN * 0.6,
        )
        result.placed.append(
            PlacedSign(
                it.sign.id, it.level_id, n, sx, sy, it.w, it.h, (t.row, t.col, rows, cols), t
            )
        )


def _assembly_map(
    c: Canvas,
    it: _Item,
    symbol: str,
    grid: Sequence[Tile],
    page: tuple[float, float],
    first: int,
    zh: bool,
) -> None:
    """The sign in miniature with the tile grid: each tile's visible part outlined, with its
    label, its page and the order in which to put it up."""
    pw, ph = page
    rows, cols = grid[0].rows, grid[0].cols
    c.set_fill(BLACK)
    title = f"Assembly map · {it.sign.id} · {_size_label(it.sign)} · {rows} × {cols} tiles"
    if zh:
        title = f"拼装图 {title}"
    c.text(MARGIN, ph - MARGIN - 14, title, 14, bold=True)
    steps = [
        f"Trim each tile at its crop marks. Put the tiles up from the bottom row, left to right: "
        f"each tile laps {OVERLAP / MM:.0f} mm over the grey glue strips of the tiles to its "
        f"left and below, its edge on the edge of the strip and on the targets.",
    ]
    if zh:
        steps.append(
            f"沿裁切标记裁切每一块。从最下一行起，自左向右拼贴：每一块压在左侧和下方拼块的灰色"
            f"粘贴条上（重叠 {OVERLAP / MM:.0f} 毫米），边缘对齐粘贴条的边缘和对位标记。"
        )
    usable = pw - 2 * MARGIN
    _, lines = fit(tuple((s, 1.0) for s in steps), usable, 60, 9, min_size=7)
    c.set_fill(GREY)
    top = _text_lines(c, lines, MARGIN, ph - MARGIN - 22, usable, GREY)
    # The miniature, as large as the rest of the page allows.
    box_top, box_bottom = top - 6 * MM, MARGIN + CAPTION_H
    k = min(usable / it.w, (box_top - box_bottom) / it.h)
    mw, mh = it.w * k, it.h * k
    mx, my = MARGIN + (usable - mw) / 2, box_bottom + (box_top - box_bottom - mh) / 2
    c.save()
    c.translate(mx, my)
    c.scale(k, k)
    c.draw_symbol(symbol)
    c.restore()
    c.save()
    c.set_line_width(1.2)
    c.set_stroke(RED)
    for t in grid:
        x0, y0, x1, y1 = t.visible
        c.rect(mx + x0 * k, my + y0 * k, (x1 - x0) * k, (y1 - y0) * k, fill=False, stroke=True)
    size = max(8.0, min(16.0, min(mw / cols, mh / rows) * 0.12))
    for i, t in enumerate(grid):
        x0, y0, x1, y1 = t.visible
        cx, cy = mx + (x0 + x1) / 2 * k, my + (y0 + y1) / 2 * k
        order = (rows - 1 - t.row) * cols + t.col + 1
        texts = [(f"{order}. {t.label}", size), (f"page {first + 1 + i}", size * 0.7)]
        bw = max(string_width(s, z) for s, z in texts) + size
        bh = size * 2.4
        c.set_fill(WHITE)
        c.rect(cx - bw / 2, cy - bh / 2, bw, bh, fill=True, stroke=True)
        c.set_fill(BLACK)
        c.text(cx, cy + size * 0.15, texts[0][0], size, anchor="middle", bold=True)
        c.text(cx, cy - size * 0.85, texts[1][0], size * 0.7, anchor="middle")
    c.restore()
    _caption(
        c,
        f"{it.sign.id} · assembly map · the red lines are the seams; grey strips under them are "
        "glued over",
        MARGIN,
        MARGIN * 0.6,
    )


__all__ = [
    "LAYOUTS",
    "PAPERS",
    "SIGN_PAPER",
    "NoticeUrlError",
    "check_notice_url",
    "PlacedSign",
    "SignPdfError",
    "SignPdfResult",
    "draw_sign",
    "draw_signs",
    "write_signs_pdf",
]
