"""A document as plain blocks (headings, paragraphs, tables, charts), built once and laid out
by each writer: the PDF (ReportLab) and the editable text (OpenDocument)."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True, slots=True)
class ChartBlock:
    """Bars (one group per label, one colour per series) or a pie (one series)."""

    kind: str  # "bars" or "pie"
    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    unit: str = ""


Block = Heading | Paragraph | TableBlock | ChartBlock


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    subtitle: str
    organisation: str
    footer: str
    blocks: tuple[Block, ...]
