"""Shared cell formats for the workbooks this application writes (XlsxWriter)."""

from __future__ import annotations

from typing import Any

from contrat_desktop.exchange.layout import CellKind, Column

EURO = '#,##0.00\\ "€"'
DATE = "dd/mm/yyyy"
HEADER_FILL = "#DCE6F1"
BAND_FILL = "#B8CCE4"
PREFECTURE_FILL = "#FFF2CC"  # the columns the préfecture fills


class Styles:
    """The formats of one XlsxWriter workbook, created once."""

    def __init__(self, workbook: Any) -> None:
        add = workbook.add_format
        base = {"font_name": "Arial", "font_size": 9, "valign": "top"}
        self.title = add({**base, "bold": True, "font_size": 14, "valign": "vcenter"})
        self.subtitle = add({**base, "italic": True, "font_color": "#595959"})
        header = {**base, "bold": True, "text_wrap": True, "border": 1, "valign": "vcenter"}
        self.header = add({**header, "bg_color": HEADER_FILL})
        self.header_prefecture = add({**header, "bg_color": PREFECTURE_FILL})
        self.band = add({**header, "bg_color": BAND_FILL, "align": "center"})
        self.text = add(base)
        self.wrapped = add({**base, "text_wrap": True})
        self.money = add({**base, "num_format": EURO})
        self.date = add({**base, "num_format": DATE, "align": "left"})
        self.integer = add({**base, "num_format": "#,##0"})
        self.total_label = add({**base, "bold": True, "top": 2})
        self.total_money = add({**base, "bold": True, "top": 2, "num_format": EURO})
        self.total_blank = add({**base, "top": 2})

    def for_column(self, column: Column) -> Any:
        return {
            CellKind.MONEY: self.money,
            CellKind.DATE: self.date,
            CellKind.INTEGER: self.integer,
            CellKind.LONG_TEXT: self.wrapped,
        }.get(column.kind, self.text)
