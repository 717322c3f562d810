"""A ``Document`` as an OpenDocument text (.odt) the team finishes in LibreOffice or Word:
real headings (for the table of contents), paragraphs, excerpts set apart, and tables.
Charts are left to the PDF; the editable version gives their figures as tables."""

from __future__ import annotations

import io
from datetime import datetime

from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

from contrat_desktop.domain.document_blocks import (
    ChartBlock,
    Document,
    Heading,
    Paragraph,
    TableBlock,
    is_figure,
    xml_safe,
)

ACCENT = "#1f4e79"
LIGHT = "#e8eef5"


def document_odt(document: Document, created: datetime) -> bytes:
    odt = OpenDocumentText()
    styles = _styles(odt)
    odt.meta.addElement(dc.Title(text=xml_safe(document.title)))
    odt.meta.addElement(dc.Creator(text=xml_safe(document.organisation) or "contrat_desktop"))
    odt.meta.addElement(meta.CreationDate(text=created.strftime("%Y-%m-%dT%H:%M:%S")))
    text = odt.text
    if document.organisation:
        text.addElement(P(stylename=styles["small"], text=xml_safe(document.organisation)))
    text.addElement(P(stylename=styles["title"], text=xml_safe(document.title)))
    text.addElement(P(stylename=styles["subtitle"], text=xml_safe(document.subtitle)))
    tables = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 2)
            text.addElement(
                H(outlinelevel=level, stylename=styles[f"h{level}"], text=xml_safe(block.text))
            )
        elif isinstance(block, Paragraph):
            name = "quote" if block.quote else "small" if block.note else "body"
            for line in block.text.split("\n"):
                text.addElement(P(stylename=styles[name], text=xml_safe(line)))
        elif isinstance(block, TableBlock):
            tables += 1
            text.addElement(_table(odt, block, styles, tables))
        elif isinstance(block, ChartBlock):
            text.addElement(P(stylename=styles["small"], text=xml_safe(block.as_text())))
    buffer = io.BytesIO()
    odt.write(buffer)
    return buffer.getvalue()


def _styles(odt: OpenDocumentText) -> dict[str, Style]:
    def add(name: str, family: str = "paragraph", **props: dict[str, str]) -> Style:
        style = Style(name=name, family=family)
        if "text" in props:
            style.addElement(TextProperties(**props["text"]))
        if "paragraph" in props:
            style.addElement(ParagraphProperties(**props["paragraph"]))
        odt.styles.addElement(style)
        return style

    body = {"fontsize": "10pt", "fontname": "Liberation Sans"}
    return {
        "title": add(
            "Titre du bilan", text={"fontsize": "18pt", "fontweight": "bold", "color": ACCENT}
        ),
        "subtitle": add(
            "Sous-titre du bilan",
            text={"fontsize": "11pt", "fontstyle": "italic"},
            paragraph={"marginbottom": "0.3cm"},
        ),
        "h1": add(
            "Heading_20_1",
            text={"fontsize": "14pt", "fontweight": "bold", "color": ACCENT},
            paragraph={"margintop": "0.4cm", "marginbottom": "0.2cm"},
        ),
        "h2": add(
            "Heading_20_2",
            text={"fontsize": "11pt", "fontweight": "bold"},
            paragraph={"margintop": "0.3cm", "marginbottom": "0.1cm"},
        ),
        "body": add("Corps du bilan", text=body, paragraph={"marginbottom": "0.15cm"}),
        "quote": add(
            "Extrait de bilan",
            text={**body, "fontstyle": "italic"},
            paragraph={"marginleft": "0.8cm", "marginbottom": "0.15cm"},
        ),
        "small": add("Note du bilan", text={"fontsize": "8.5pt", "color": "#555555"}),
        "cell": add("Cellule du bilan", text={"fontsize": "9pt"}),
        "cell_figure": add(
            "Montant du bilan", text={"fontsize": "9pt"}, paragraph={"textalign": "end"}
        ),
        "cell_bold": add("En-tête du bilan", text={"fontsize": "9pt", "fontweight": "bold"}),
    }


def _table(
    odt: OpenDocumentText, block: TableBlock, styles: dict[str, Style], number: int
) -> Table:
    table = Table(name=f"Tableau{number}")
    shares = block.widths or tuple(1 / len(block.header) for _ in block.header)
    for column, share in enumerate(shares):
        style = Style(name=f"T{number}C{column}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{17 * share:.2f}cm"))
        odt.automaticstyles.addElement(style)
        table.addElement(TableColumn(stylename=style))
    shaded = Style(name=f"T{number}H", family="table-cell")
    shaded.addElement(
        TableCellProperties(backgroundcolor=LIGHT, border="0.5pt solid #9aa8b8", padding="0.05cm")
    )
    plain = Style(name=f"T{number}B", family="table-cell")
    plain.addElement(TableCellProperties(border="0.5pt solid #9aa8b8", padding="0.05cm"))
    odt.automaticstyles.addElement(shaded)
    odt.automaticstyles.addElement(plain)
    rows = ([block.header] if any(block.header) else []) + list(block.rows)
    for index, values in enumerate(rows):
        header = index == 0 and any(block.header)
        total = block.total and index == len(rows) - 1
        row = TableRow()
        for column, value in enumerate(values):
            cell = TableCell(stylename=shaded if header or total else plain, valuetype="string")
            name = "cell_bold" if header else "cell"
            if column and not header and is_figure(str(value)):
                name = "cell_figure"
            for line in str(value).split("\n"):
                cell.addElement(P(stylename=styles[name], text=xml_safe(line)))
            row.addElement(cell)
        table.addElement(row)
    return table
