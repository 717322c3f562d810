"""What an export records of itself, to tell at import what changed in the dossier since.

A hidden sheet « Export » (written through the one workbook writer, so .xlsx and .ods alike,
and read back through the same reader as the data) holds when the export was made, how far
the dossier's journal went then, the campaign, and the version of each exported action and
of its funding lines. An import of an older export can then show, instead of silently
reverting them, the values changed in the dossier after it.

It also holds the fingerprint of each exported row and of the columns they were written in
(``row_fingerprint.py``): a returned row whose cells still hash to it was not edited, and the
import takes it as it is without reading it further. Marks of earlier exports have neither.

Format 2 packs the rows' versions and fingerprints as JSON lists, a few hundred rows to a
cell (under a spreadsheet's 32 767 characters): read back as a few long texts, 5 000 rows
cost the reader a few milliseconds instead of 20 000 cells (a fifth of reading the data
sheet itself). Marks of format 1 (one sheet row per exported row) are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from contrat_desktop.exchange.workbook_writer import BookWriter, ColumnSpec

if TYPE_CHECKING:  # an export loads no reader (its whole process is timed: ``make bench``)
    from contrat_desktop.exchange.workbook_file import WorkbookFile

EXPORT_SHEET = "Export"
SIGNATURE = "contrat_desktop : export de la programmation"
FORMAT = "2"  # rows packed as JSON lists [identifier, action version, « funder=version »
# pairs, fingerprint] (``_PACKED``); "1": one sheet row per exported row
_json_text = json.encoder.encode_basestring_ascii  # a text as ``json.dumps`` writes it
CELL_CHARACTERS = 32_000  # a packed cell's most (a spreadsheet keeps 32 767)
_EXPORTED_AT, _JOURNAL, _YEAR = "Exporté le", "Journal jusqu'à l'entrée", "Campagne"
_COLUMNS = "Empreinte des colonnes"
_PACKED = "Lignes exportées (identifiant, version de l'action, versions des lignes, empreinte)"
_VERSIONS = (
    "Identifiant",
    "Version de l'action",
    "Versions des lignes de financement",
    "Empreinte de la ligne",
)


@dataclass(frozen=True, slots=True)
class RowVersions:
    action: int
    lines: Mapping[int, int] = field(default_factory=dict)  # funder id → line version


@dataclass(frozen=True, slots=True)
class ExportMark:
    exported_at: str  # ISO, as the journal writes its times
    journal_mark: int  # the last journal entry when exporting
    year: int
    rows: Mapping[str, RowVersions] = field(default_factory=dict)  # by hidden identifier
    columns: str = ""  # the fingerprint of the exported columns' keys ("" if none)
    fingerprints: Mapping[str, str] = field(default_factory=dict)  # each row's, by identifier


def write_export_mark(book: BookWriter, mark: ExportMark) -> None:
    sheet = book.add_sheet(
        EXPORT_SHEET, [ColumnSpec(22), ColumnSpec(20), ColumnSpec(40)], hidden=True
    )
    for index, values in enumerate(_rows(mark)):
        sheet.row(index, values)


def _rows(mark: ExportMark) -> Iterator[list[str]]:
    yield [SIGNATURE, FORMAT]
    yield [_EXPORTED_AT, mark.exported_at]
    yield [_JOURNAL, str(mark.journal_mark)]
    yield [_YEAR, str(mark.year)]
    if mark.columns:
        yield [_COLUMNS, mark.columns]
    yield [_PACKED]
    fingerprints = mark.fingerprints
    packed: list[str] = []
    size = 0
    for identifier, versions in mark.rows.items():
        lines = " ".join(f"{funder}={version}" for funder, version in versions.lines.items())
        record = (  # as ``json.dumps`` of the list writes it, without building the list
            f"[{_json_text(identifier)}, {int(versions.action)}, {_json_text(lines)}, "
            f"{_json_text(fingerprints.get(identifier, ''))}]"
        )
        if packed and size + len(record) + 2 > CELL_CHARACTERS:
            yield [f"[{','.join(packed)}]"]
            packed, size = [], 0
        packed.append(record)
        size += len(record) + 1
    if packed:
        yield [f"[{','.join(packed)}]"]


def read_export_mark(book: WorkbookFile) -> ExportMark | None:
    """The mark of a workbook this application exported; ``None`` for any other workbook
    (or one whose mark was damaged: then nothing is known of what it exported)."""
    if EXPORT_SHEET not in {sheet.name for sheet in book.sheets}:
        return None
    try:
        rows = book.book.get_sheet_by_name(EXPORT_SHEET).to_python(skip_empty_area=False)
        return _parse(rows)
    except (ValueError, IndexError, TypeError, KeyError, StopIteration):  # JSON's too
        return None


def _parse(rows: list[list[Any]]) -> ExportMark | None:
    if not rows or _text(rows[0][0]) != SIGNATURE:
        return None
    form = _text(rows[0][1])
    if form not in ("1", FORMAT):
        return None
    first = _PACKED if form == FORMAT else _VERSIONS[0]
    start = next(n for n, row in enumerate(rows) if _text(row[0]) == first)
    header = {_text(row[0]): _text(row[1]) for row in rows[1:start]}
    columns = header.get(_COLUMNS, "")
    if form == FORMAT:
        body = [record for row in rows[start + 1 :] if row[0] for record in json.loads(row[0])]
        shapes = {(type(r), len(r)) for r in body} - {(list, 4)}
        if shapes or {(type(r[0]), type(r[2]), type(r[3])) for r in body} - {(str, str, str)}:
            return None  # JSON, but not what the export writes
        versions = _Versions({r[0].strip(): (r[1], r[2]) for r in body})
        fingerprints = {r[0].strip(): r[3].strip() for r in body} if columns else {}
    else:
        body = [row for row in rows[start + 1 :] if row[0]]
        versions = _Versions({_text(row[0]): (row[1], row[2]) for row in body})
        fingerprints = (
            {_text(row[0]): _text(row[3]) for row in body if len(row) > 3} if columns else {}
        )
    return ExportMark(
        header[_EXPORTED_AT],
        int(header[_JOURNAL]),
        int(header[_YEAR]),
        versions,
        columns,
        fingerprints,
    )


class _Versions(Mapping[str, RowVersions]):
    """The exported versions by identifier, each read when asked for (an import asks only
    for the rows it would change)."""

    def __init__(self, cells: dict[str, tuple[Any, Any]]) -> None:
        self._cells = cells

    def __getitem__(self, identifier: str) -> RowVersions:
        action, lines = self._cells[identifier]
        pairs = (pair.partition("=") for pair in _text(lines).split())
        return RowVersions(
            int(_text(action)), {int(funder): int(version) for funder, _, version in pairs}
        )

    def get(self, identifier: str, default: Any = None) -> Any:
        try:
            return self[identifier]
        except (KeyError, ValueError):
            return default

    def __iter__(self) -> Iterator[str]:
        return iter(self._cells)

    def __len__(self) -> int:
        return len(self._cells)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()
