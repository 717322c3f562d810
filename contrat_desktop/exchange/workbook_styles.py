"""The cell styles of every workbook this application writes, declared once for all formats.

A ``Style`` names what a cell is (a title, a header, an amount...); ``CELL_STYLES`` says how
it looks, in terms both writers understand (XlsxWriter formats, OpenDocument styles).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from contrat_desktop.exchange.layout import CellKind, Column

HEADER_FILL = "#DCE6F1"
BAND_FILL = "#B8CCE4"
PREFECTURE_FILL = "#FFF2CC"  # the columns the préfecture fills
FONT = "Arial"
FONT_SIZE = 9


class NumberFormat(Enum):
    """How a number cell reads: ``1 234,56 €``, ``31/12/2026``, ``1 234``, ``2026``."""

    EURO = '#,##0.00\\ "€"'
    DATE = "dd/mm/yyyy"
    DATETIME = "dd/mm/yyyy hh:mm"
    INTEGER = "#,##0"
    YEAR = "0"


class Style(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADER = "header"
    HEADER_PREFECTURE = "header_prefecture"
    BAND = "band"
    TEXT = "text"
    WRAPPED = "wrapped"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    YEAR = "year"
    TOTAL_LABEL = "total_label"
    TOTAL_MONEY = "total_money"
    TOTAL_BLANK = "total_blank"


@dataclass(frozen=True, slots=True)
class CellStyle:
    size: float = FONT_SIZE
    bold: bool = False
    italic: bool = False
    color: str = ""
    fill: str = ""
    border: bool = False  # a thin border all round
    top_rule: bool = False  # a medium rule above (totals)
    wrap: bool = False
    centred: bool = False
    left: bool = False
    middle: bool = False  # vertically centred (else top)
    number: NumberFormat | None = None


_HEADER = CellStyle(bold=True, wrap=True, border=True, middle=True, fill=HEADER_FILL)

CELL_STYLES: dict[Style, CellStyle] = {
    Style.TITLE: CellStyle(size=14, bold=True, middle=True),
    Style.SUBTITLE: CellStyle(italic=True, color="#595959"),
    Style.HEADER: _HEADER,
    Style.HEADER_PREFECTURE: CellStyle(
        bold=True, wrap=True, border=True, middle=True, fill=PREFECTURE_FILL
    ),
    Style.BAND: CellStyle(
        bold=True, wrap=True, border=True, middle=True, fill=BAND_FILL, centred=True
    ),
    Style.TEXT: CellStyle(),
    Style.WRAPPED: CellStyle(wrap=True),
    Style.MONEY: CellStyle(number=NumberFormat.EURO),
    Style.DATE: CellStyle(number=NumberFormat.DATE, left=True),
    Style.DATETIME: CellStyle(number=NumberFormat.DATETIME, left=True),
    Style.INTEGER: CellStyle(number=NumberFormat.INTEGER),
    Style.YEAR: CellStyle(number=NumberFormat.YEAR),
    Style.TOTAL_LABEL: CellStyle(bold=True, top_rule=True),
    Style.TOTAL_MONEY: CellStyle(bold=True, top_rule=True, number=NumberFormat.EURO),
    Style.TOTAL_BLANK: CellStyle(top_rule=True),
}

_BY_KIND = {
    CellKind.MONEY: Style.MONEY,
    CellKind.DATE: Style.DATE,
    CellKind.INTEGER: Style.INTEGER,
    CellKind.YEAR: Style.YEAR,
    CellKind.LONG_TEXT: Style.WRAPPED,
}


def style_for(column: Column) -> Style:
    """The style of a data cell of ``column``."""
    return _BY_KIND.get(column.kind, Style.TEXT)
