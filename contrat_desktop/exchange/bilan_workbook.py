"""Write the bilan workbook for holders and services to fill: a title, the band of funder
names, the header (yellow where they write), one row per granted action pre-filled with
what the dossier already holds. Written through ``workbook_writer`` (.xlsx or .ods by the
extension), read back by the import like any workbook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from contrat_desktop.exchange.cells import cell_value
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.programmation_workbook import (
    BAND_ROW,
    FIRST_DATA_ROW,
    HEADER_ROW,
    SUBTITLE_ROW,
    TITLE_ROW,
    _lists,
    _write_header,
)
from contrat_desktop.exchange.workbook_styles import Style, style_for
from contrat_desktop.exchange.workbook_writer import (
    BookProperties,
    ColumnSpec,
    PageSetup,
    write_workbook,
)


def write_bilan_workbook(
    layout: Layout,
    title: str,
    subtitle: str,
    rows: Sequence[Mapping[str, Any]],
    path: str | Path,
    author: str = "",
) -> Path:
    """``rows`` map column keys to domain values (cents, dates, codes)."""
    path = Path(path)
    columns = layout.columns
    with write_workbook(path) as book:
        sheet = book.add_sheet(
            "Bilans",
            [ColumnSpec(c.width, hidden=c.hidden) for c in columns],
            lists=_lists(columns),
        )
        sheet.row(TITLE_ROW, [title], Style.TITLE, first_column=1, height=22)
        sheet.row(SUBTITLE_ROW, [subtitle], Style.SUBTITLE, first_column=1)
        _write_header(sheet, columns)
        styles = [style_for(column) for column in columns]
        for index, row in enumerate(rows, start=FIRST_DATA_ROW):
            sheet.row(index, [cell_value(c, row.get(c.key)) for c in columns], styles)
        last = FIRST_DATA_ROW + max(len(rows) - 1, 0)
        sheet.freeze(FIRST_DATA_ROW, 3)
        sheet.autofilter(HEADER_ROW, 0, last, len(columns) - 1)
        sheet.page(
            PageSetup(
                landscape=True,
                paper="A3",
                repeat_rows=(BAND_ROW, HEADER_ROW),
                header=title,
                page_numbers=True,
            )
        )
        book.properties(
            BookProperties(
                title=title,
                subject="Bilans des actions du contrat de ville",
                author=author,
                comments="Exporté par contrat_desktop. Remplissez les colonnes en jaune ; ne "
                "modifiez pas la colonne cachée « Identifiant » : elle permet de réimporter "
                "le classeur.",
            )
        )
    return path
