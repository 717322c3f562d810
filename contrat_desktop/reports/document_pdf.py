"""A ``Document`` (headings, paragraphs, tables, charts) laid out as a PDF in the look of
the minutes: the same fonts, styles, header and page footer; charts drawn with
reportlab.graphics."""

from __future__ import annotations

from datetime import datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus import Paragraph as RLParagraph

from contrat_desktop.domain.document_blocks import (
    PALETTE,
    ChartBlock,
    Document,
    Heading,
    Paragraph,
    TableBlock,
)
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.header import document_header
from contrat_desktop.reports.styles import (
    BOLD,
    FONT,
    LIGHT,
    build_pdf,
    clean,
    frame_width,
    heading,
    para,
    styles,
    table_style,
)


def document_pdf(document: Document, settings: DocumentSettings, created: datetime) -> bytes:
    story: list[Flowable] = [*document_header(settings, document.title)]
    story.append(para(document.subtitle, "h3"))
    story.append(Spacer(1, 6))
    for block in document.blocks:
        if isinstance(block, Heading):
            story += heading(block.text) if block.level == 1 else [para(block.text, "h3")]
        elif isinstance(block, Paragraph):
            if block.quote:
                story.append(RLParagraph(clean(block.text), _quote_style()))
            else:
                story.append(para(block.text, "small" if block.note else "base"))
        elif isinstance(block, TableBlock):
            story.append(_table(block))
            story.append(Spacer(1, 4))
        elif isinstance(block, ChartBlock):
            story.append(_chart(block))
    return build_pdf(
        story,
        title=document.title,
        author=document.organisation,
        footer=document.footer,
        created=created,
    )


def _quote_style() -> ParagraphStyle:
    return ParagraphStyle("quote", styles()["base"], fontName="VeraIt", leftIndent=16)


def _table(block: TableBlock) -> Table:
    width = frame_width()
    shares = block.widths or tuple(1 / len(block.header) for _ in block.header)
    header = [para(text, "cell_bold") for text in block.header]
    rows = [[para(value, "cell") for value in row] for row in block.rows]
    has_header = any(block.header)
    table = Table(
        ([header] if has_header else []) + rows,
        colWidths=[width * share for share in shares],
        repeatRows=1 if has_header else 0,
    )
    extra: list[tuple[object, ...]] = []
    if not has_header:
        extra.append(("BACKGROUND", (0, 0), (-1, 0), None))
        extra.append(("BACKGROUND", (0, 0), (0, -1), LIGHT))
    if block.total:
        extra.append(("BACKGROUND", (0, -1), (-1, -1), LIGHT))
    table.setStyle(table_style(*extra))
    return table


def _chart(block: ChartBlock) -> Drawing:
    width = frame_width()
    if block.kind == "pie":
        return _pie(block, width)
    labels = block.labels
    height = 40 + 18 * len(labels) * len(block.series)
    drawing = Drawing(width, height + 20)
    drawing.add(String(0, height + 6, block.title, fontName=BOLD, fontSize=9))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 24
    chart.width, chart.height = width - 170, height - 30
    chart.data = [tuple(reversed(values)) for _, values in block.series]
    chart.categoryAxis.categoryNames = [_short(label) for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda value: f"{value:,.0f}".replace(",", "\u00a0")
    for number in range(len(block.series)):
        chart.bars[number].fillColor = colors.HexColor(PALETTE[number % len(PALETTE)])
    drawing.add(chart)
    if block.unit:
        drawing.add(String(width - 20, 4, block.unit, fontName=FONT, fontSize=7, textAnchor="end"))
    return drawing


def _pie(block: ChartBlock, width: float) -> Drawing:
    values = block.series[0][1] if block.series else ()
    drawing = Drawing(width, 170)
    drawing.add(String(0, 158, block.title, fontName=BOLD, fontSize=9))
    if not any(values):
        drawing.add(String(0, 130, "Aucun montant accordé.", fontName=FONT, fontSize=8))
        return drawing
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 10, 10, 130, 130
    pie.data = [max(v, 0) for v in values]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    total = sum(values)
    for number in range(len(values)):
        pie.slices[number].fillColor = colors.HexColor(PALETTE[number % len(PALETTE)])
    drawing.add(pie)
    for number, (label, value) in enumerate(zip(block.labels, values, strict=True)):
        y = 130 - number * 14
        colour = colors.HexColor(PALETTE[number % len(PALETTE)])
        drawing.add(Rect(170, y - 1, 8, 8, fillColor=colour, strokeColor=colour))
        share = round(100 * value / total) if total else 0
        drawing.add(String(182, y, f"{share} % – {_short(label, 60)}", fontName=FONT, fontSize=8))
    return drawing


def _short(text: str, length: int = 30) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
