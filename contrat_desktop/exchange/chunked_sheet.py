"""A long .xlsx sheet read a slice of rows at a time, so that a 100 000-row workbook never
sits in memory whole.

python-calamine reads a sheet at once (about 260 MB for 100 000 rows of 70 columns). Here the
sheet's XML is streamed from the zip and cut between rows into slices of ``SLICE_ROWS``; each
slice becomes a small workbook in memory (the same styles and shared strings, one sheet) that
calamine reads like any other, so dates, shared strings and numbers come back exactly as for
a short sheet. The rows keep their places: a slice's rows are aligned on the sheet's first
column, and rows missing between slices come back empty. The merged cells (written after the
rows) and the sheet's last row are found by a first, cheap pass over the XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import python_calamine

from contrat_desktop.exchange.formulas import sheet_part

SLICE_ROWS = 2_500
CHUNK = 4 * 1024 * 1024
LONG_SHEET_BYTES = 24 * 1024 * 1024  # uncompressed sheet XML above which slices are read
Range = tuple[tuple[int, int], tuple[int, int]]
Slice = tuple[int, tuple[int, int], list[list[Any]]]

_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.styles+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/styles" Target="styles.xml"/>'
    b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_EMPTY_STRINGS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" '
    b'uniqueCount="0"/>'
)
_EMPTY_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
)


def long_sheet(path: Path, name: str) -> ChunkedSheet | None:
    """A ``ChunkedSheet`` for sheet ``name`` of the .xlsx at ``path`` when it is long."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, name)
            if part is None or part not in archive.namelist():
                return None
            if archive.getinfo(part).file_size <= LONG_SHEET_BYTES:
                return None
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return ChunkedSheet(path, part)


class ChunkedSheet:
    """What the sheet reader asks of a calamine sheet: ``start``, ``height``, the merged
    cells and the rows, in order."""

    def __init__(self, path: Path, part: str) -> None:
        self.path = path
        self.part = part
        self.start: tuple[int, int] | None = None
        self.height = 0
        self.merged_cell_ranges: list[Range] = []
        self._first = next(self._read_slices(), None)  # kept: the header is read twice
        if self._first is None:
            return
        _number, (row, column), _rows = self._first
        left = _left_of(column)  # a filled cell left of the first slice's, further down?
        merged: set[Range] = set()
        last = 0
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            tail = b""
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                data = tail + chunk
                last = max(last, _last_filled_row(data))
                merged.update(_merge(m) for m in _MERGE.finditer(data))
                if left is not None:
                    column = min([column, *(_column(m.group(1)) for m in left.finditer(data))])
                tail = data[-512:]  # a tag cut between two chunks is read with the next one
        self.merged_cell_ranges = sorted(merged)
        self.start = (row, column)
        self.height = max(last - row, 0)

    def iter_rows(self) -> Iterator[list[Any]]:
        """The rows as calamine's ``iter_rows`` gives them: from the sheet's first row (empty
        rows above its first filled one included) to its last, cells from its first filled
        column."""
        if self.start is None:
            return
        next_row, column = 0, self.start[1]
        first = self._first
        if first is None:  # released by a whole reading before: read it again
            slices = self._read_slices()
            first = next(slices, None)
        else:  # from the slice after it (slices of empty rows only, before it, never given)
            slices = self._read_slices(skip=first[0] + 1)
        if first is None:
            return
        for number, (_, (row, first_column), rows) in enumerate(_chain(first, slices)):
            if number == 1:  # read past the first slice: a whole reading, keep it no longer
                self._first = first = None
            while next_row < row:
                yield []
                next_row += 1
            shift = first_column - column
            for cells in rows:
                if shift:  # align on the sheet's first column
                    cells = [*([""] * shift), *cells] if shift > 0 else cells[-shift:]
                yield cells
                next_row += 1

    def _read_slices(self, skip: int = 0) -> Iterator[Slice]:
        """Each slice holding a value: its number, its start (row, column) and its rows from
        there, read when asked for (from slice number ``skip``)."""
        with zipfile.ZipFile(self.path) as archive:
            shared = _read(archive, "xl/sharedStrings.xml", _EMPTY_STRINGS)
            styles = _read(archive, "xl/styles.xml", _EMPTY_STYLES)
            with archive.open(self.part) as stream:
                for number, xml in enumerate(_row_slices(stream)):
                    if number < skip:
                        continue
                    data = io.BytesIO(_small_workbook(xml, styles, shared))
                    sheet = python_calamine.CalamineWorkbook.from_filelike(data).get_sheet_by_name(
                        "S"
                    )
                    start = sheet.start
                    if start is not None:
                        rows = sheet.to_python(skip_empty_area=True)
                        del sheet  # the slice's cells are the rows now
                        yield number, (start[0], start[1]), rows


def _row_slices(stream: Any) -> Iterator[bytes]:
    """The sheet XML cut between rows into complete worksheets of about ``SLICE_ROWS`` rows."""
    head = b""
    while b"<sheetData" not in head:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        head += chunk
    opening = head.index(b"<sheetData")
    close = head.index(b">", opening) + 1
    if head[close - 2 : close] == b"/>":
        return  # no rows at all
    prefix = _DIMENSION.sub(b"", head[:close])
    pending = head[close:]
    gathered: list[bytes] = []
    count = 0
    while True:
        stop = pending.find(b"</sheetData>")
        end = pending.rfind(b"</row>") if stop < 0 else stop - len(b"</row>")
        body = pending[:stop] if stop >= 0 else pending[: end + len(b"</row>")] if end >= 0 else b""
        pending = pending[len(body) :]
        gathered.append(body)
        count += body.count(b"<row")
        chunk = b"" if stop >= 0 else stream.read(CHUNK)
        done = stop >= 0 or not chunk
        if (done or count >= SLICE_ROWS) and count:
            yield prefix + b"".join(gathered) + b"</sheetData></worksheet>"
            gathered, count = [], 0
        if done:
            return
        pending += chunk


def _last_filled_row(data: bytes) -> int:
    """The number (1-based) of the last row of ``data`` holding a value, 0 if none."""
    found = max(data.rfind(b"<v>"), data.rfind(b"<is>"))
    if found < 0:
        return 0
    row = _ROW_NUMBER.match(data, max(data.rfind(b"<row", 0, found), 0))
    return int(row.group(1)) if row else 0


def _left_of(column: int) -> re.Pattern[bytes] | None:
    """Cells holding a value in a column left of ``column``."""
    if column == 0:
        return None
    letters = b"|".join(_letters(n) for n in range(column))
    return re.compile(
        rb'<c r="(' + letters + rb')\d+"[^>]*?(?<!/)>(?:(?!</c>).){0,400}?<(?:v>|is>)', re.S
    )


def _letters(column: int) -> bytes:
    name = b""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = bytes([65 + rest]) + name
    return name


def _small_workbook(sheet: bytes, styles: bytes, shared: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", styles)
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def _chain(first: Slice, rest: Iterator[Slice]) -> Iterator[Slice]:
    yield first
    yield from rest


def _read(archive: zipfile.ZipFile, name: str, missing: bytes) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        return missing


def _merge(match: re.Match[bytes]) -> Range:
    first_column, first_row, last_column, last_row = match.groups()
    return (
        (int(first_row) - 1, _column(first_column)),
        (int(last_row) - 1, _column(last_column)),
    )


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number - 1
