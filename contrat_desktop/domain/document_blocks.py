"""A document as plain blocks (headings, paragraphs, tables, charts), built once and laid out
by each writer: the PDF (ReportLab) and the editable texts (OpenDocument, Word)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a cell holding a figure (amount, count, share) or « — »: aligned right by the writers
_FIGURE = re.compile(r"[−-]?\d[\d\u00a0\u202f ]*(?:,\d+)?(?:[\u00a0\u202f ]?[€%])?|—")

# characters XML 1.0 refuses (a text pasted from elsewhere may hold some)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_figure(text: str) -> bool:
    """A table cell the writers align right: « 1 234,56 € », « 12 », « 40 % », « — »."""
    return _FIGURE.fullmatch(text.strip()) is not None


def xml_safe(text: str) -> str:
    """``text`` without the characters the editable formats (XML) cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1  # 1: a part, 2: a section within it


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    quote: bool = False  # an excerpt of a holder's bilan, set apart
    note: bool = False  # a remark in smaller print (« non renseigné »…)


@dataclass(frozen=True, slots=True)
class TableBlock:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # shares of the page width; equal when empty
    total: bool = False  # the last row is a total line


# the charts' colours, one per series or part: the same in the window and in the documents
PALETTE = (
    "#1f4e79",
    "#7fa7d1",
    "#e07b39",
    "#6aa84f",
    "#a64d79",
    "#f1c232",
    "#76a5af",
    "#999999",
    "#cc4125",
    "#3d85c6",
)


@dataclass(frozen=True, slots=True)
class ChartBlock:
    """Bars (one group per label, one colour per series) or a pie (one series)."""

    kind: str  # "bars" or "pie"
    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    unit: str = ""

    def as_text(self) -> str:
        """The chart's figures in a line, for the editable versions (which leave charts to
        the PDF): « [Graphique du PDF – title (unit) : label : value; …] »."""
        values = self.series[0][1] if self.series else ()
        pairs = "; ".join(
            f"{label} : {value:,.0f}".replace(",", "\u00a0")
            for label, value in zip(self.labels, values, strict=False)
        )
        unit = f" ({self.unit})" if self.unit else ""
        return f"[Graphique du PDF – {self.title}{unit} : {pairs}]"


Block = Heading | Paragraph | TableBlock | ChartBlock


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    subtitle: str
    organisation: str
    footer: str
    blocks: tuple[Block, ...]
