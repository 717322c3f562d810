"""The OpenDocument side of ``workbook_styles``: named cell styles, number formats in French,
column widths, row heights, page layouts and the view settings (frozen panes), built with
odfpy. Imported only when an .ods is written.
"""

from __future__ import annotations

from typing import Any

from odf import config, number, style
from odf.opendocument import OpenDocumentSpreadsheet
from odf.text import Date, P, PageCount, PageNumber

from contrat_desktop.exchange.workbook_styles import (
    CELL_STYLES,
    FONT,
    CellStyle,
    NumberFormat,
    Style,
)
from contrat_desktop.exchange.workbook_writer import PageSetup

PAPER_CM = {"A4": (21.0, 29.7), "A3": (29.7, 42.0)}
DISPLAY_NAMES = {
    Style.TITLE: "Titre",
    Style.SUBTITLE: "Sous-titre",
    Style.HEADER: "En-tête",
    Style.HEADER_PREFECTURE: "En-tête à compléter",
    Style.BAND: "Bandeau",
    Style.TEXT: "Texte",
    Style.WRAPPED: "Texte long",
    Style.MONEY: "Montant",
    Style.DATE: "Date",
    Style.DATETIME: "Date et heure",
    Style.INTEGER: "Nombre",
    Style.YEAR: "Année",
    Style.TOTAL_LABEL: "Total",
    Style.TOTAL_MONEY: "Montant total",
    Style.TOTAL_BLANK: "Total (vide)",
}


def cell_style_name(name: Style) -> str:
    return f"cd-{name.value}"


def column_width(characters: float) -> str:
    """A width in characters, as XlsxWriter counts them (Calibri 11), in inches."""
    pixels = int(characters * 12 + 0.5) if characters < 1 else int(characters * 7 + 0.5) + 5
    return f"{pixels / 96:.4f}in"


def add_document_styles(doc: OpenDocumentSpreadsheet) -> None:
    """The font, French number formats and one named cell style per ``Style``."""
    doc.fontfacedecls.addElement(
        style.FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss")
    )
    default = style.DefaultStyle(family="table-cell")
    default.addElement(
        style.TextProperties(fontname=FONT, fontsize="9pt", language="fr", country="FR")
    )
    doc.styles.addElement(default)
    for data_style in _number_styles():
        doc.styles.addElement(data_style)
    for name, spec in CELL_STYLES.items():
        doc.styles.addElement(_cell_style(name, spec))


def _number_styles() -> list[Any]:
    euro = number.NumberStyle(name="n-euro", language="fr", country="FR")
    euro.addElement(number.Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    euro.addElement(number.Text(text="\u00a0€"))
    integer = number.NumberStyle(name="n-integer", language="fr", country="FR")
    integer.addElement(number.Number(decimalplaces="0", minintegerdigits="1", grouping="true"))
    year = number.NumberStyle(name="n-year", language="fr", country="FR")
    year.addElement(number.Number(decimalplaces="0", minintegerdigits="1", grouping="false"))
    day = number.DateStyle(name="n-date", language="fr", country="FR")
    for part in (number.Day, "/", number.Month, "/", number.Year):
        day.addElement(number.Text(text=part) if isinstance(part, str) else part(style="long"))
    moment = number.DateStyle(name="n-datetime", language="fr", country="FR")
    parts = (number.Day, "/", number.Month, "/", number.Year, " ", number.Hours, ":")
    for part in (*parts, number.Minutes):
        moment.addElement(number.Text(text=part) if isinstance(part, str) else part(style="long"))
    return [euro, integer, year, day, moment]


_DATA_STYLES = {
    NumberFormat.EURO: "n-euro",
    NumberFormat.INTEGER: "n-integer",
    NumberFormat.YEAR: "n-year",
    NumberFormat.DATE: "n-date",
    NumberFormat.DATETIME: "n-datetime",
}


def _cell_style(name: Style, spec: CellStyle) -> Any:
    options: dict[str, Any] = {"name": cell_style_name(name), "family": "table-cell"}
    options["displayname"] = DISPLAY_NAMES[name]
    if spec.number is not None:
        options["datastylename"] = _DATA_STYLES[spec.number]
    cell = style.Style(**options)
    text: dict[str, Any] = {"fontname": FONT, "fontsize": f"{spec.size:g}pt"}
    if spec.bold:
        text["fontweight"] = "bold"
    if spec.italic:
        text["fontstyle"] = "italic"
    if spec.color:
        text["color"] = spec.color
    cell.addElement(style.TextProperties(**text))
    props: dict[str, Any] = {"verticalalign": "middle" if spec.middle else "top"}
    if spec.fill:
        props["backgroundcolor"] = spec.fill
    if spec.border:
        props["border"] = "0.5pt solid #000000"
    if spec.top_rule:
        props["bordertop"] = "1.5pt solid #000000"
    if spec.wrap:
        props["wrapoption"] = "wrap"
    cell.addElement(style.TableCellProperties(**props))
    if spec.centred or spec.left:
        cell.addElement(style.ParagraphProperties(textalign="center" if spec.centred else "start"))
    return cell


def column_style(doc: OpenDocumentSpreadsheet, width: float, cache: dict[str, str]) -> str:
    """The name of an automatic column style of this width (one per distinct width)."""
    measure = column_width(width)
    properties = {"columnwidth": measure, "breakbefore": "auto"}
    return _sized(doc, cache, ("co", measure), style.TableColumnProperties, properties)


def row_style(doc: OpenDocumentSpreadsheet, points: float, cache: dict[str, str]) -> str:
    """The name of an automatic row style of this height, in points."""
    measure = f"{points / 72:.4f}in"
    properties = {"rowheight": measure, "useoptimalrowheight": "false"}
    return _sized(doc, cache, ("ro", measure), style.TableRowProperties, properties)


def _sized(
    doc: OpenDocumentSpreadsheet,
    cache: dict[str, str],
    key: tuple[str, str],
    kind: Any,
    properties: dict[str, str],
) -> str:
    prefix, measure = key
    if f"{prefix}{measure}" not in cache:
        name = f"{prefix}{sum(1 for k in cache if k.startswith(prefix)) + 1}"
        cache[f"{prefix}{measure}"] = name
        family = "table-column" if prefix == "co" else "table-row"
        automatic = style.Style(name=name, family=family)
        automatic.addElement(kind(**properties))
        doc.automaticstyles.addElement(automatic)
    return cache[f"{prefix}{measure}"]


def table_style(
    doc: OpenDocumentSpreadsheet, number_: int, hidden: bool, page: PageSetup | None
) -> str:
    """An automatic table style: shown or hidden, and its page (size, header, footer)."""
    master = _master_page(doc, number_, page or PageSetup(fit_width=False))
    name = f"ta{number_}"
    table = style.Style(name=name, family="table", masterpagename=master)
    table.addElement(style.TableProperties(display="false" if hidden else "true"))
    doc.automaticstyles.addElement(table)
    return name


def _master_page(doc: OpenDocumentSpreadsheet, number_: int, page: PageSetup) -> str:
    width, height = PAPER_CM.get(page.paper, PAPER_CM["A4"])
    if page.landscape:
        width, height = height, width
    props: dict[str, Any] = {
        "pagewidth": f"{width}cm",
        "pageheight": f"{height}cm",
        "printorientation": "landscape" if page.landscape else "portrait",
    }
    if page.margins is not None:
        for side, inches in zip(("left", "right", "top", "bottom"), page.margins, strict=True):
            props[f"margin{side}"] = f"{inches}in"
    layout = style.PageLayout(name=f"pm{number_}")
    properties = style.PageLayoutProperties(**props)
    if page.fit_width:
        properties.setAttrNS(_LOEXT, "scale-to-X", "1")
        properties.setAttrNS(_LOEXT, "scale-to-Y", "0")
    layout.addElement(properties)
    for part, side in ((style.HeaderStyle, "bottom"), (style.FooterStyle, "top")):
        spacing = style.HeaderFooterProperties(minheight="0.25in", **{f"margin{side}": "0.1in"})
        holder = part()
        holder.addElement(spacing)
        layout.addElement(holder)
    doc.automaticstyles.addElement(layout)
    master = style.MasterPage(name=f"page{number_}", pagelayoutname=layout)
    if page.header:
        header = style.Header()
        left, right = style.RegionLeft(), style.RegionRight()
        left.addElement(P(text=page.header[:200]))
        today = P()
        today.addElement(Date(datastylename="n-date"))
        right.addElement(today)
        header.addElement(left)
        header.addElement(right)
        master.addElement(header)
    if page.page_numbers:
        footer = style.Footer()
        line = P(text="Page ")
        line.addElement(PageNumber(selectpage="current"))
        line.addText(" / ")
        line.addElement(PageCount())
        footer.addElement(line)
        master.addElement(footer)
    doc.masterstyles.addElement(master)
    return master.getAttribute("name")  # type: ignore[no-any-return]


_LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"


def add_view_settings(
    doc: OpenDocumentSpreadsheet, frozen: dict[str, tuple[int, int]], active: str
) -> None:
    """Frozen panes, per sheet: rows above and columns left of the split stay in view."""
    view = config.ConfigItemSet(name="ooo:view-settings")
    views = config.ConfigItemMapIndexed(name="Views")
    entry = config.ConfigItemMapEntry()
    entry.addElement(_item("ViewId", "string", "view1"))
    tables = config.ConfigItemMapNamed(name="Tables")
    for sheet, (row, column) in frozen.items():
        table = config.ConfigItemMapEntry(name=sheet)
        for item, kind, value in (
            ("HorizontalSplitMode", "short", 2 if column else 0),
            ("VerticalSplitMode", "short", 2 if row else 0),
            ("HorizontalSplitPosition", "int", column),
            ("VerticalSplitPosition", "int", row),
            ("ActiveSplitRange", "short", 2),
            ("PositionLeft", "int", 0),
            ("PositionRight", "int", column),
            ("PositionTop", "int", 0),
            ("PositionBottom", "int", row),
        ):
            table.addElement(_item(item, kind, str(value)))
        tables.addElement(table)
    entry.addElement(tables)
    entry.addElement(_item("ActiveTable", "string", active))
    views.addElement(entry)
    view.addElement(views)
    doc.settings.addElement(view)


def _item(name: str, kind: str, value: str) -> Any:
    item = config.ConfigItem(name=name, type=kind)
    item.addText(value)
    return item
