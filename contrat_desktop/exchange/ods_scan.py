"""What python-calamine does not say about an OpenDocument sheet: its merged cells near the top
(group titles over the header, or a header merged by mistake) and its formulas saved without
a computed value (written by a program, never opened: they would read as empty).

``content.xml`` is streamed from the zip in chunks cut at row ends and scanned with regular
expressions: a 5 000-row sheet costs a few tens of milliseconds, a huge one no memory.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from contrat_desktop.exchange.cell_address import cell_name

CHUNK = 4 * 1024 * 1024
_TABLE = re.compile(rb"<table:table\s([^>]*)>")
_TABLE_END = b"</table:table>"
_NAME = re.compile(rb'table:name="([^"]*)"')
_ROW = re.compile(rb"<table:table-row\b([^>]*)>")
_ROW_END = b"</table:table-row>"
_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)/?>")
_FORMULA = b"table:formula="
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_REPEAT_COLUMNS = re.compile(rb'table:number-columns-repeated="(\d+)"')
_SPAN_COLUMNS = re.compile(rb'table:number-columns-spanned="(\d+)"')
_SPAN_ROWS = re.compile(rb'table:number-rows-spanned="(\d+)"')
_VALUE_TYPE = re.compile(rb'office:value-type="([a-z]+)"')
_VALUE_OF = {
    b"float": b"office:value=",
    b"percentage": b"office:value=",
    b"currency": b"office:value=",
    b"date": b"office:date-value=",
    b"time": b"office:time-value=",
    b"boolean": b"office:boolean-value=",
}

Range = tuple[tuple[int, int], tuple[int, int]]  # (first row, col), (last row, col), 0-based


def merged_ranges(path: Path, sheet: str, rows: int) -> list[Range]:
    """The merged cells that start in the first ``rows`` rows of ``sheet``."""
    found: list[Range] = []
    row = 0
    for fragment in _table_rows(path, sheet):
        for match in _ROW.finditer(fragment):
            if row >= rows:
                return found
            end = fragment.find(_ROW_END, match.end())
            column = 0
            for cell in _CELL.finditer(fragment, match.end(), end):
                attributes = cell.group(1)
                span = _number(_SPAN_COLUMNS, attributes)
                height = _number(_SPAN_ROWS, attributes)
                if span > 1 or height > 1:
                    found.append(((row, column), (row + height - 1, column + span - 1)))
                column += _number(_REPEAT_COLUMNS, attributes)
            row += _number(_REPEAT_ROWS, match.group(1))
    return found


def uncached_formulas(path: Path, sheet: str) -> Iterator[tuple[int, int, str]]:
    """Each formula cell of ``sheet`` without a computed value: (row, 1-based; column,
    0-based; ``B5``), as ``formulas.uncached_formulas`` gives them for an .xlsx."""
    row = 0
    for fragment in _table_rows(path, sheet):
        if _FORMULA not in fragment:
            row += _rows_in(fragment, 0, len(fragment))
            continue
        position = 0
        for match in _ROW.finditer(fragment):
            row += _rows_in(fragment, position, match.start())
            position = match.start()
            end = fragment.find(_ROW_END, match.end())
            if fragment.find(_FORMULA, match.end(), end) < 0:
                continue
            column = 0
            for cell in _CELL.finditer(fragment, match.end(), end):
                attributes = cell.group(1)
                if _FORMULA in attributes and not _has_value(attributes):
                    yield row + 1, column, cell_name(row, column)
                column += _number(_REPEAT_COLUMNS, attributes)
        row += _rows_in(fragment, position, len(fragment))


def _has_value(attributes: bytes) -> bool:
    kind = _VALUE_TYPE.search(attributes)
    if kind is None:
        return False
    needed = _VALUE_OF.get(kind.group(1))
    return needed is None or needed in attributes


def _rows_in(fragment: bytes, start: int, end: int) -> int:
    """Rows whose start tag lies in ``fragment[start:end]``, repeats counted."""
    count = 0
    for match in _ROW.finditer(fragment, start, end):
        count += _number(_REPEAT_ROWS, match.group(1))
    return count


def _number(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found.group(1)) if found else 1


def _table_rows(path: Path, sheet: str) -> Iterator[bytes]:
    """Fragments of ``sheet``'s XML, each ending at a row end, from its first row to its end."""
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        carry, inside = b"", False
        while True:
            chunk = stream.read(CHUNK)
            data = carry + chunk
            if not inside:
                start = _start_of(data, sheet)
                if start is None:
                    if not chunk:
                        return
                    cut = data.rfind(b"<")  # a table tag may straddle two chunks
                    carry = data[cut:] if cut >= 0 else b""
                    continue
                data, inside = data[start:], True
            end = data.find(_TABLE_END)
            if end >= 0:
                yield data[:end]
                return
            if not chunk:
                yield data
                return
            cut = data.rfind(_ROW_END)
            cut = cut + len(_ROW_END) if cut >= 0 else 0
            if cut:
                yield data[:cut]
            carry = data[cut:]


def _start_of(data: bytes, sheet: str) -> int | None:
    for match in _TABLE.finditer(data):
        name = _NAME.search(match.group(1))
        if name and html.unescape(name.group(1).decode()) == sheet:
            return match.end()
    return None
