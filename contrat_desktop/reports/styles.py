"""Shared look of every PDF: the embedded font, paragraph and table styles, the page frame.

The font is Bitstream Vera, shipped inside the reportlab package and embedded in each PDF,
so accents, « », € and no-break spaces print the same everywhere. Vera has no narrow no-break
space (U+202F, used between thousands): it is printed as a no-break space (U+00A0), which
keeps amounts on one line. Documents are reproducible: ReportLab's ``invariant`` mode and a
creation date taken from the meeting give the same bytes for the same meeting.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

FONT = "Vera"
BOLD = "VeraBd"
MARGIN = 18 * mm
ACCENT = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#9aa8b8")


@cache
def register_fonts() -> None:
    folder = Path(reportlab.__file__).parent / "fonts"
    faces = {"Vera": "Vera.ttf", "VeraBd": "VeraBd.ttf", "VeraIt": "VeraIt.ttf"}
    faces["VeraBI"] = "VeraBI.ttf"
    for name, file_name in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic="VeraIt", boldItalic="VeraBI"
    )


def clean(text: str) -> str:
    """Plain text → Paragraph markup: escaped, line breaks kept, U+202F printable."""
    return escape(text.replace("\u202f", "\u00a0")).replace("\n", "<br/>")


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=3)
    h2 = ParagraphStyle(
        "h2",
        base,
        fontName=BOLD,
        fontSize=11.5,
        leading=15,
        textColor=ACCENT,
        spaceBefore=9,
        spaceAfter=4,
        keepWithNext=1,
    )
    return {
        "base": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9, spaceAfter=0),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=9.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=BOLD, fontSize=8, leading=9.5),
        "amount": ParagraphStyle(
            "amount", base, fontSize=7.5, leading=9, alignment=TA_RIGHT, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=16, leading=20, textColor=ACCENT, spaceAfter=6
        ),
        "h2": h2,
        # a heading a long table may leave alone at a page's foot (no blank half page)
        "h2_loose": ParagraphStyle("h2_loose", h2, keepWithNext=0),
        "h3": ParagraphStyle(
            "h3", base, fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=4, keepWithNext=1
        ),
        "warning": ParagraphStyle("warning", base, textColor=colors.HexColor("#9c2a00")),
    }


def heading(text: str) -> list[Flowable]:
    """A section title kept with what follows (at least a few lines) without glueing it to
    a whole long table, which would push the table to the next page."""
    return [CondPageBreak(90), Paragraph(clean(text), styles()["h2_loose"])]


def para(text: str, style: str = "base") -> Paragraph:
    return Paragraph(clean(text), styles()[style])


# what ``table_style`` sets on every cell (ReportLab's cell style attributes)
CELL_LOOK: dict[str, Any] = {
    "fontname": FONT,
    "fontsize": 8,
    "valign": "TOP",
    "leftPadding": 3,
    "rightPadding": 3,
}


def table_style(*extra: tuple[Any, ...], grid: bool = True, cells: bool = True) -> TableStyle:
    """A grid with a tinted header row (repeated on each page by ``repeatRows``).
    ``cells=False`` leaves out the commands that set each cell's font and paddings: a
    large table gets them once, from looks its cells share (``cell_look``)."""
    lines = [("GRID", (0, 0), (-1, -1), 0.4, GRID)] if grid else []
    every = (0, 0), (-1, -1)
    return TableStyle(
        [
            *([("FONTNAME", *every, FONT), ("FONTSIZE", *every, 8)] if cells else []),
            *lines,
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            *(
                [("VALIGN", *every, "TOP"), ("LEFTPADDING", *every, 3), ("RIGHTPADDING", *every, 3)]
                if cells
                else []
            ),
            *extra,
        ]
    )


def cell_look(**changes: Any) -> CellStyle:
    """The look ``table_style`` gives a cell, with ``changes``, to be shared by the cells of
    a large table (``Table(..., cellStyles=...)`` with ``table_style(cells=False)``):
    ReportLab otherwise makes one look per cell and applies every command cell by cell,
    work the minutes' table of actions paid for its 2 000 cells (issue 11)."""
    look = CellStyle("shared")
    for name, value in {**CELL_LOOK, **changes}.items():
        setattr(look, name, value)
    return look


def _pdf_date(at: datetime) -> Callable[..., str]:
    stamp = at.strftime("D:%Y%m%d%H%M%S+00'00'")
    return lambda *_: stamp


def _numbered_canvas(footer: str, created: datetime) -> type[canvas.Canvas]:
    """A canvas that prints « footer · page X sur Y » once the page count is known."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc.setDateFormatter(_pdf_date(created))
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(FONT, 7.5)
                self.setFillColor(colors.grey)
                self.drawString(MARGIN, 10 * mm, footer.replace("\u202f", "\u00a0"))
                self.drawRightString(width - MARGIN, 10 * mm, f"Page {number} sur {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def _footer_canvas(footer: str, created: datetime) -> type[canvas.Canvas]:
    """A canvas that prints « footer » on each page as it goes (letters: no page count
    across a batch of letters, and no page kept in memory)."""

    class FooterCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc.setDateFormatter(_pdf_date(created))

        def showPage(self) -> None:
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.grey)
            self.drawString(MARGIN, 10 * mm, footer.replace("\u202f", "\u00a0"))
            super().showPage()

    return FooterCanvas


def page_template(name: str, size: tuple[float, float]) -> PageTemplate:
    width, height = size
    frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id=name, showBoundary=0)
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def frame_width(size: tuple[float, float] = A4) -> float:
    return size[0] - 2 * MARGIN - 12  # the frame's own padding


def build_pdf(
    flowables: Sequence[Flowable],
    *,
    title: str,
    author: str,
    footer: str,
    created: datetime,
    templates: Sequence[PageTemplate] = (),
    numbered: bool = True,
) -> bytes:
    """Lay out ``flowables`` on A4 pages and return the PDF bytes (reproducible); the
    footer says « page X sur Y » unless ``numbered`` is False (a batch of letters)."""
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=author,
        creator="contrat_desktop",
        subject=title,
        invariant=1,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    document.addPageTemplates(list(templates) or [page_template("portrait", A4)])
    maker = _numbered_canvas if numbered else _footer_canvas
    document.build(list(flowables), canvasmaker=maker(footer, created))
    return buffer.getvalue()
