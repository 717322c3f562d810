"""A ``Document`` as a Word text (.docx, python-docx) the team finishes in Word or
LibreOffice: the same blocks as the OpenDocument text, laid out with Word's own styles
(« Titre 1 » and « Titre 2 » for the headings, so that the navigation pane and a table of
contents find them), excerpts set apart, tables with their header repeated on each page,
an A4 page in French with the footer and the page number. Charts are left to the PDF; their
figures are given in a line, as in the .odt."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from docx import Document as new_word_document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from contrat_desktop.domain.document_blocks import (
    ChartBlock,
    Document,
    Heading,
    Paragraph,
    TableBlock,
    is_figure,
    xml_safe,
)

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
LIGHT = "E8EEF5"
TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins


def document_docx(document: Document, created: datetime) -> bytes:
    word = new_word_document()
    _page(word, document.footer)
    _styles(word)
    properties = word.core_properties
    properties.title = xml_safe(document.title)
    properties.author = xml_safe(document.organisation) or "contrat_desktop"
    properties.last_modified_by = properties.author
    properties.language = "fr-FR"
    properties.created = properties.modified = created
    properties.revision = 1
    if document.organisation:
        word.add_paragraph(xml_safe(document.organisation), style="Note du bilan")
    word.add_paragraph(xml_safe(document.title), style="Title")
    word.add_paragraph(xml_safe(document.subtitle), style="Subtitle")
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(xml_safe(block.text), level=min(block.level, 2))
        elif isinstance(block, Paragraph):
            style = "Quote" if block.quote else "Note du bilan" if block.note else "Normal"
            for line in block.text.split("\n"):
                word.add_paragraph(xml_safe(line), style=style)
        elif isinstance(block, TableBlock):
            _table(word, block)
            word.add_paragraph("", style="Note du bilan")  # a gap before what follows
        elif isinstance(block, ChartBlock):
            word.add_paragraph(xml_safe(block.as_text()), style="Note du bilan")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page(word: Any, footer: str) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    line = section.footer.paragraphs[0]
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.add_run(f"{xml_safe(footer)} – page " if footer else "Page ").font.size = Pt(8)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    line._p.append(field)


def _styles(word: Any) -> None:
    styles = word.styles
    # the whole document in French (spelling, hyphenation), in a font every system has
    defaults = styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), "fr-FR")
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    for name, size, colour in (
        ("Title", 18, ACCENT),
        ("Heading 1", 14, ACCENT),
        ("Heading 2", 11, RGBColor(0, 0, 0)),
    ):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = colour
    styles["Subtitle"].font.size = Pt(11)
    styles["Quote"].paragraph_format.left_indent = Cm(0.8)
    note = styles.add_style("Note du bilan", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = Pt(8.5)
    note.font.color.rgb = GREY
    cell = styles.add_style("Cellule du bilan", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(9)
    cell.paragraph_format.space_before = Pt(1.5)  # rows that breathe, text off the lines
    cell.paragraph_format.space_after = Pt(1.5)


def _table(word: Any, block: TableBlock) -> None:
    shares = block.widths or tuple(1 / len(block.header) for _ in block.header)
    widths = [Cm(TEXT_WIDTH_CM * share) for share in shares]
    has_header = any(block.header)
    rows = ([block.header] if has_header else []) + list(block.rows)
    table = word.add_table(rows=0, cols=len(shares))
    table.style = "Table Grid"
    table.autofit = False
    _narrow_margins(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for index, values in enumerate(rows):
        header = has_header and index == 0
        shaded = header or (block.total and index == len(rows) - 1)
        row = table.add_row()
        if header:  # repeated at the top of each page the table runs on
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(mark)
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = widths[column]
            if shaded or (not has_header and column == 0):
                _shade(cell)
            lines = str(value).split("\n")
            first = cell.paragraphs[0]
            first.style = "Cellule du bilan"
            if column and not header and is_figure(str(value)):
                first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            first.add_run(xml_safe(lines[0])).bold = header
            for line in lines[1:]:
                cell.add_paragraph(xml_safe(line), style="Cellule du bilan").runs[0].bold = header


def _narrow_margins(table: Any) -> None:
    """Cells padded 1 mm left and right (Word's default is 1.9 mm): amounts stay on a line."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "57")  # twentieths of a point
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _shade(cell: Any) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LIGHT)
    cell._tc.get_or_add_tcPr().append(shading)
