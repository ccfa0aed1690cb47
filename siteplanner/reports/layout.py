"""A flowing document on a ``Canvas``: headings, paragraphs and tables that break across pages.

Enough layout for a report of tables (the site report); every width comes from
``siteplanner.drawing.text`` so that the PDF and any other canvas receive the same calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from siteplanner.drawing.canvas import MM, Canvas, Color
from siteplanner.drawing.text import wrap

INK: Color = (0.12, 0.14, 0.18)
GREY: Color = (0.42, 0.45, 0.5)
RULE: Color = (0.75, 0.78, 0.82)
HEAD_BACK: Color = (0.90, 0.93, 0.97)
BLANK: Color = (0.75, 0.1, 0.1)  # text the operator must complete
LEADING = 1.3


@dataclass
class Column:
    title: str
    weight: float = 1.0
    align: str = "start"  # "start" or "end" (figures)


class Flow:
    """Writes top to bottom on pages of ``size``; a new page opens when the next block does not
    fit. ``footer(canvas, number)`` draws each page's furniture."""

    def __init__(
        self,
        canvas: Canvas,
        size: tuple[float, float],
        footer: Callable[[Canvas, int], None] | None = None,
        margin: float = 14 * MM,
    ) -> None:
        self.canvas = canvas
        self.size = size
        self.margin = margin
        self.footer = footer
        self.page = 0
        self.open = False
        self.y = 0.0

    @property
    def left(self) -> float:
        return self.margin

    @property
    def width(self) -> float:
        return self.size[0] - 2 * self.margin

    @property
    def bottom(self) -> float:
        return self.margin + 6 * MM

    def new_page(self, size: tuple[float, float] | None = None) -> None:
        self.finish_page()
        if size is not None:
            self.size = size
        self.canvas.begin_page(*self.size)
        self.page += 1
        self.open = True
        self.y = self.size[1] - self.margin

    def finish_page(self) -> None:
        if self.open:
            if self.footer is not None:
                self.footer(self.canvas, self.page)
            self.canvas.end_page()
            self.open = False

    def need(self, height: float) -> None:
        if not self.open or self.y - height < self.bottom:
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    def heading(self, text: str, size: float = 13.0) -> None:
        lines = wrap(text, size, self.width)
        self.need(len(lines) * size * LEADING + 60)  # keep a heading with what follows
        self.y -= 3
        for line in lines:
            self.y -= size * LEADING
            self.canvas.set_fill(INK)
            self.canvas.text(self.left, self.y + 0.25 * size, line, size, bold=True)
        self.canvas.set_stroke(RULE)
        self.canvas.set_line_width(0.6)
        self.canvas.line(self.left, self.y - 2, self.left + self.width, self.y - 2)
        self.y -= 6

    def paragraph(
        self, text: str, size: float = 8.5, color: Color = INK, indent: float = 0.0
    ) -> None:
        for line in wrap(text, size, self.width - indent):
            self.need(size * LEADING)
            self.y -= size * LEADING
            self.canvas.set_fill(color)
            self.canvas.text(self.left + indent, self.y + 0.25 * size, line, size)
        self.y -= size * 0.4

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        size: float = 7.0,
        highlight: Callable[[int, int], Color | None] | None = None,
        header: bool = True,
    ) -> None:
        """``rows`` under a header repeated on every page; cells wrap within their column."""
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        pad = 2.0
        line_h = size * LEADING

        def cells(values: Sequence[str], s: float) -> list[tuple[str, ...]]:
            return [
                wrap(str(v), s, max(w - 2 * pad, s)) or ("",)
                for v, w in zip(values, widths, strict=True)
            ]

        head = cells([c.title for c in columns], size)
        head_h = max(len(c) for c in head) * line_h + 2 * pad if header else 0.0

        def draw_row(lines: list[tuple[str, ...]], h: float, header: bool, r: int = -1) -> None:
            top = self.y
            if header:
                self.canvas.set_fill(HEAD_BACK)
                self.canvas.rect(self.left, top - h, self.width, h, fill=True)
            x = self.left
            for ci, (cell, w) in enumerate(zip(lines, widths, strict=True)):
                color = highlight(r, ci) if (highlight is not None and not header) else None
                self.canvas.set_fill(color or INK)
                for li, text in enumerate(cell):
                    baseline = top - pad - (li + 1) * line_h + 0.3 * size
                    if columns[ci].align == "end" and not header:
                        self.canvas.text(x + w - pad, baseline, text, size, anchor="end")
                    else:
                        self.canvas.text(x + pad, baseline, text, size, bold=header)
                x += w
            self.canvas.set_stroke(RULE)
            self.canvas.set_line_width(0.3)
            self.canvas.line(self.left, top - h, self.left + self.width, top - h)
            self.y = top - h

        def draw_header() -> None:
            if header:
                draw_row(head, head_h, True)

        self.need(head_h + line_h + 2 * pad)
        draw_header()
        for r, values in enumerate(rows):
            lines = cells(values, size)
            h = max(len(c) for c in lines) * line_h + 2 * pad
            if self.y - h < self.bottom:
                self.new_page()
                draw_header()
            draw_row(lines, h, False, r)
        self.y -= 6


__all__ = ["BLANK", "GREY", "INK", "Column", "Flow"]
