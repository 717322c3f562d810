"""The programmation exported as an OpenDocument spreadsheet: the same cells as the .xlsx
export (read back with python-calamine), and the same sheet furniture (hidden column, widths,
drop-down lists, filter, frozen panes, page setup) in the OpenDocument markup."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from tests.operations.conftest import DEMO_YEAR


def _values(path: Path, sheet: str) -> list[list[Any]]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [[_plain(cell) for cell in row] for row in rows]


def _plain(cell: Any) -> Any:
    if isinstance(cell, datetime):
        return cell.date()
    return cell


def test_ods_holds_the_cells_of_the_xlsx(demo: Dossier, tmp_path: Path) -> None:
    xlsx = export_programmation(demo, DEMO_YEAR, tmp_path / "p.xlsx").path
    ods = export_programmation(demo, DEMO_YEAR, tmp_path / "p.ods").path
    with zipfile.ZipFile(ods) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    for sheet in ("Programmation", "Synthèse"):
        expected, found = _values(xlsx, sheet), _values(ods, sheet)
        width = max(len(row) for row in expected)
        assert [row + [""] * (width - len(row)) for row in found][: len(expected)] == [
            row + [""] * (width - len(row)) for row in expected
        ]
    rows = _values(ods, "Programmation")
    assert any(isinstance(cell, date) for cell in rows[5])
    book = CalamineWorkbook.from_path(str(ods))
    shown = {m.name: m.visible == SheetVisibleEnum.Visible for m in book.sheets_metadata}
    assert shown == {"Programmation": True, "Synthèse": True, "Export": False, "Listes": False}


def test_ods_keeps_the_sheet_furniture(demo: Dossier, tmp_path: Path) -> None:
    ods = export_programmation(demo, DEMO_YEAR, tmp_path / "p.ods").path
    with zipfile.ZipFile(ods) as archive:
        content = archive.read("content.xml").decode()
        settings = archive.read("settings.xml").decode()
        styles = archive.read("styles.xml").decode()
    programmation = content[content.index('table:name="Programmation"') :]
    columns = re.findall(r"<table:table-column [^>]*/>", programmation)
    assert 'table:visibility="collapse"' in columns[0]  # the identifier
    assert not any("collapse" in column for column in columns[1:])
    widths = set(re.findall(r'style:column-width="([0-9.]+)in"', content))
    assert len(widths) >= 5  # the declared widths, not one default
    lists = re.findall(r'table:condition="of:cell-content-is-in-list\(([^)]*)\)"', content)
    assert len(lists) == 2  # status and opinion
    assert content.count('table:content-validation-name="val1"') > 50  # every data row
    assert 'table:display-filter-buttons="true"' in content
    assert "Programmation'.A4:" in content  # the filter's range starts at the header row
    assert "<table:table-header-rows>" in programmation  # band and header printed on each page
    assert 'table:formula="of:=SUBTOTAL(9;' in programmation
    assert re.search(r'"VerticalSplitPosition" config:type="int">4<', settings)
    assert re.search(r'"HorizontalSplitPosition" config:type="int">3<', settings)
    assert 'style:print-orientation="landscape"' in styles
    assert 'number:language="fr"' in styles and "€" in styles
    year_style = re.search(
        r'<number:number-style style:name="n-year".*?</number:number-style>', styles
    )
    assert year_style and 'number:grouping="false"' in year_style.group()  # 2016, not 2 016
    assert programmation.count('table:style-name="cd-year"') >= 50  # the Exercice cells
