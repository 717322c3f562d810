"""Read one sheet into parsed rows: choose the sheet, find the header row, map and parse cells.

Blank rows and a totals row are skipped; each unusable cell becomes a ``RowIssue`` with the
sheet, row, column, value and a French reason. Values are parsed the French way
(``cells.py``); text is stripped of surrounding spaces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import fsum
from operator import itemgetter
from typing import Any

from contrat_desktop.exchange.export_mark import EXPORT_SHEET, ExportMark, read_export_mark
from contrat_desktop.exchange.headers import (
    HEADER_SCAN_ROWS,
    effective_headers,
    find_header_row,
    header_key,
    match_columns,
    source_signature,
)
from contrat_desktop.exchange.layout import CellKind, Layout
from contrat_desktop.exchange.programmation_layout import parse_funder_key
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.exchange.row_fingerprint import KEPT_KEYS, ExportedRows
from contrat_desktop.exchange.row_parser import TOTALS, RowParser
from contrat_desktop.exchange.row_parser import ParsedRow as ParsedRow
from contrat_desktop.exchange.row_parser import RowIssue as RowIssue
from contrat_desktop.exchange.sheet_checks import (
    SheetPlace,
    field_twice,
    refuse_merged_header,
)
from contrat_desktop.exchange.workbook_file import MAX_ROWS, WorkbookFile
from contrat_desktop.exchange.workbook_writer import LISTS_SHEET

MIN_HEADER_MATCHES = 2
OWN_SHEETS = frozenset({EXPORT_SHEET, LISTS_SHEET})  # what the export writes for itself
PROGRESS_EVERY = 500  # rows between two progress reports
SHARE_FROM_ROWS = 20_000  # a longer sheet keeps one object per distinct value of a column

Progress = Callable[[int, int], None]  # (rows read, rows in the sheet); may raise to stop


@dataclass(slots=True)
class SheetReading:
    layout: Layout
    sheet: str
    header_row: int  # 1-based
    headers: list[tuple[str, str]]  # (band above, header) for each sheet column
    mapping: dict[int, str]  # sheet column index → column key
    rows: list[ParsedRow]
    blank_rows: int = 0
    hidden_sheets_skipped: tuple[str, ...] = ()
    notes: list[RowIssue] = field(default_factory=list)  # about the reading as a whole
    total_rows: list[int] = field(default_factory=list)  # skipped: a totals row, not data
    title_lines: list[str] = field(default_factory=list)  # the text of the rows above the header
    first_column: int = 0  # 0-based column of the sheet where ``headers`` start
    book: WorkbookFile | None = None  # the workbook read (its other sheets, if asked)
    mark: ExportMark | None = None  # what the export that wrote the sheet says, if it did

    def reads_cell(self, row: int, column: int) -> bool:
        """Whether the cell at (row 1-based, sheet column 0-based) is read as data."""
        return (
            row > self.header_row
            and row not in self.total_rows
            and column - self.first_column in self.mapping
        )

    @property
    def signature(self) -> str:
        return source_signature(self.headers)

    def header_label(self, index: int) -> str:
        band, text = self.headers[index]
        return f"{band} – {text}" if band else text


@dataclass(slots=True)
class _Candidate:
    layout: Layout
    sheet: str
    rows: list[list[Any]]
    origin: tuple[int, int]
    merged: list[tuple[tuple[int, int], tuple[int, int]]]
    header_index: int
    score: int
    height: int
    sheet_object: Any = None


def read_sheet(
    book: WorkbookFile,
    layouts: Sequence[Layout],
    *,
    sheet: str | None = None,
    include_hidden: bool = False,
    mapping: Mapping[int, str | None] | None = None,
    header_row: int | None = None,
    saved_mapping: Callable[[Layout, str], Mapping[int, str] | None] | None = None,
    progress: Progress | None = None,
    still_named: Callable[[Iterable[str]], set[str]] | None = None,
) -> SheetReading:
    """Parse the best sheet for the best layout (or the ones asked for).

    ``still_named(identifiers)``: of the hidden identifiers an export wrote, those that
    still name their action; only their rows, if unedited, are read in part (``KEPT_KEYS``
    and the amounts), the others wholly. Without it every row is read wholly.

    ``mapping`` (sheet column index → column key) replaces the detected one; otherwise
    ``saved_mapping(layout, signature)`` may offer the one confirmed for the same headers.
    ``progress(done, total)`` is called every few hundred rows; an exception it raises
    (a cancel) stops the reading.
    """
    names = [
        s.name for s in book.sheets if (include_hidden or not s.hidden) and s.name not in OWN_SHEETS
    ]
    hidden = tuple(s.name for s in book.sheets if s.hidden and not include_hidden)
    if sheet is not None:
        if sheet not in [s.name for s in book.sheets]:
            listed = ", ".join(f"« {s.name} »" for s in book.sheets)
            raise WorkbookRefused(
                f"Le classeur « {book.name} » n'a pas de feuille « {sheet} » (feuilles : {listed})."
            )
        names = [sheet]
    if not names:
        raise WorkbookRefused(f"Le classeur « {book.name} » n'a aucune feuille visible.")
    best: _Candidate | None = None
    for name in names:
        for candidate in _candidates(book, name, layouts, header_row):
            if best is None or candidate.score > best.score:
                best = candidate
    assert best is not None
    if best.height == 0:
        raise WorkbookRefused(f"La feuille « {best.sheet} » du classeur « {book.name} » est vide.")
    if best.score < MIN_HEADER_MATCHES and not mapping:
        expected = ", ".join(f"« {c.header} »" for c in layouts[0].columns[:8] if not c.hidden)
        raise WorkbookRefused(
            f"Aucune ligne d'en-tête reconnue dans la feuille « {best.sheet} » du classeur "
            f"« {book.name} » : les colonnes attendues s'appellent par exemple {expected}."
        )
    data_rows = best.height - best.header_index - 1
    if data_rows > MAX_ROWS:
        raise WorkbookRefused(
            f"La feuille « {best.sheet} » du classeur « {book.name} » compte {data_rows:_} "
            "lignes : la limite est de "
            f"{MAX_ROWS:_} lignes. Découpez le fichier.".replace("_", "\u202f")
        )
    top = (best.origin[0] + best.header_index, best.origin[1])  # the header's first cell
    refuse_merged_header(book.name, best.sheet, top[0], best.merged)
    header = best.rows[best.header_index] if best.header_index >= 0 else []
    where = SheetPlace(book.name, best.sheet, top, header)
    notes = []
    if mapping is not None:
        problem = field_twice(where, best.layout, mapping)
        if problem:
            raise WorkbookRefused(
                f"Dans la correspondance choisie, {problem} : une seule colonne par champ. "
                "Corrigez la correspondance des colonnes, puis importez à nouveau."
            )
    elif saved_mapping is not None:
        headers = _band_headers(best.rows, best.header_index, best.merged, best.origin)
        mapping = saved_mapping(best.layout, source_signature(headers))
        problem = field_twice(where, best.layout, mapping) if mapping is not None else ""
        if problem:  # refusing would leave no way to correct it: it is set aside, and said
            mapping = None
            notes.append(
                RowIssue(
                    best.sheet,
                    top[0] + 1,
                    "",
                    "",
                    f"Dans la correspondance enregistrée pour ce modèle de classeur, {problem} : "
                    "elle est ignorée et les colonnes sont reconnues par leurs intitulés ; "
                    "vérifiez-les, l'import confirmé enregistrera la nouvelle correspondance.",
                )
            )
    reading = _parse(book, best, mapping, hidden, progress, still_named)
    reading.notes = notes
    return reading


def _candidates(
    book: WorkbookFile, name: str, layouts: Sequence[Layout], header_row: int | None
) -> list[_Candidate]:
    sheet = book.sheet(name)
    origin = sheet.start or (0, 0)
    head: list[list[Any]] = []
    for row in sheet.iter_rows():
        head.append(row)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    merged = book.merged_ranges(sheet, name)
    found = []
    for layout in layouts:
        keys = [column.match_keys() for column in layout.columns]
        if header_row is not None:
            index = header_row - 1 - origin[0]
            score = sum(1 for cell in head[index] if header_key(cell) in set().union(*keys))
        else:
            index, score = find_header_row(head, keys)
            band = _band_headers(head, index, merged, origin)
            matched = match_columns(band, {c.key: c.match_keys() for c in layout.columns})
            score = max(score, len(matched))
        found.append(
            _Candidate(layout, name, head, origin, merged, index, score, sheet.height, sheet)
        )
    return found


def _band_headers(
    head: list[list[Any]],
    index: int,
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    origin: tuple[int, int],
) -> list[tuple[str, str]]:
    if index < 0:
        return []
    band = head[index - 1] if index > 0 else None
    absolute = origin[0] + index - 1
    spans = [
        (start[1] - origin[1], end[1] - origin[1])
        for start, end in merged
        if start[0] <= absolute <= end[0]
    ]
    return effective_headers(head[index], band, spans)


def _parse(
    book: WorkbookFile,
    chosen: _Candidate,
    mapping: Mapping[int, str | None] | None,
    hidden: tuple[str, ...],
    progress: Progress | None = None,
    still_named: Callable[[Iterable[str]], set[str]] | None = None,
) -> SheetReading:
    layout = chosen.layout
    headers = _band_headers(chosen.rows, chosen.header_index, chosen.merged, chosen.origin)
    columns = {c.key: c for c in layout.columns}
    if mapping is None:
        mapped = match_columns(headers, {c.key: c.match_keys() for c in layout.columns})
    else:
        mapped = {int(i): key for i, key in mapping.items() if key in columns}
    reading = SheetReading(
        layout, chosen.sheet, chosen.origin[0] + chosen.header_index + 1, headers, mapped, []
    )
    reading.hidden_sheets_skipped = hidden
    reading.first_column = chosen.origin[1]
    reading.book = book
    reading.title_lines = [
        " ".join(str(cell).strip() for cell in row if cell is not None and str(cell).strip())
        for row in chosen.rows[: max(chosen.header_index, 0)]
    ]
    parser = RowParser(
        chosen.sheet,
        [(index, columns[key], reading.header_label(index)) for index, key in mapped.items()],
        share_values=chosen.height > SHARE_FROM_ROWS,
    )
    if "identifier" in mapped.values():  # perhaps our export: its rows may come back as written
        reading.mark = read_export_mark(book)
    mark = reading.mark
    exported, light = None, None
    if mark is not None and still_named is not None:
        named = still_named(mark.fingerprints)
        fingerprints = {k: v for k, v in mark.fingerprints.items() if k in named}
        dates = [i for i, key in mapped.items() if columns[key].kind is CellKind.DATE]
        exported = ExportedRows.of(mark.columns, fingerprints, mapped, dates)
        light = _PartReader(
            RowParser(
                chosen.sheet,
                [
                    (index, columns[key], reading.header_label(index))
                    for index, key in mapped.items()
                    if key in KEPT_KEYS
                ],
                share_values=chosen.height > SHARE_FROM_ROWS,
            ),
            [index for index, key in mapped.items() if parse_funder_key(key)],
        )
    sheet = chosen.sheet_object
    chosen.sheet_object = None  # the rows are parsed as they stream: keep no second copy
    first = chosen.origin[0] + 1
    total = chosen.height
    batch: list[tuple[int, list[Any]]] = []
    for position, cells in enumerate(sheet.iter_rows()):
        if position % PROGRESS_EVERY == 0:
            _take(reading, _parsed(parser, light, exported, batch), batch)
            batch = []
            if progress is not None:
                progress(position, total)
        if position > chosen.header_index:
            batch.append((first + position, cells))
    _take(reading, _parsed(parser, light, exported, batch), batch)
    if progress is not None:
        progress(total, total)
    return reading


class _PartReader:
    """Reads a row still as exported in part: the keys of ``KEPT_KEYS``, and the sum of its
    amounts (cents written by the export as exact euros)."""

    def __init__(self, parser: RowParser, amounts: list[int]) -> None:
        self.parser = parser
        self.width = max(amounts, default=-1) + 1
        self.amounts = itemgetter(*amounts) if len(amounts) > 1 else None
        self.single = amounts

    def parse_batch(self, batch: list[tuple[int, list[Any]]]) -> list[ParsedRow | None]:
        rows = self.parser.parse_batch(batch)
        for row, (_number, cells) in zip(rows, batch, strict=True):
            if row is not None and row is not TOTALS:
                row.as_exported = True
                row.amount_cents = self._cents(cells)
        return rows

    def _cents(self, cells: list[Any]) -> int:
        if len(cells) < self.width:
            cells = [*cells, *([""] * (self.width - len(cells)))]
        picked = self.amounts(cells) if self.amounts else [cells[i] for i in self.single]
        try:  # euros the export wrote (exact cents) or empty cells: summed exactly
            return round(fsum(filter(None, picked)) * 100)
        except TypeError:  # text where an amount goes: not as exported, but never mind
            return sum(round(v * 100) for v in picked if type(v) is float)


def _parsed(
    parser: RowParser,
    part: _PartReader | None,
    exported: ExportedRows | None,
    batch: list[tuple[int, list[Any]]],
) -> list[ParsedRow | None]:
    """The batch parsed: rows still as exported read in part, the others wholly by
    ``parser``, in the batch's order."""
    if exported is None or part is None:
        return parser.parse_batch(batch)
    kept = [exported(cells) for _, cells in batch]
    whole = iter(parser.parse_batch([b for b, k in zip(batch, kept, strict=True) if not k]))
    some = iter(part.parse_batch([b for b, k in zip(batch, kept, strict=True) if k]))
    return [next(some) if k else next(whole) for k in kept]


def _take(
    reading: SheetReading, parsed: list[ParsedRow | None], batch: list[tuple[int, list[Any]]]
) -> None:
    for row, (number, _cells) in zip(parsed, batch, strict=True):
        if row is TOTALS:
            reading.total_rows.append(number)
        elif row is None:
            reading.blank_rows += 1
        else:
            reading.rows.append(row)
