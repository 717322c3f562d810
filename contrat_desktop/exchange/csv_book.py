"""A CSV file read as a one-sheet workbook for the import: the State publishes its yearly
lists (adultes-relais, FONJEP, subsidies) on data.gouv.fr as CSV. The separator (comma,
semicolon, tab) and the encoding (UTF-8, else Windows-1252 as Excel writes it) are found;
every cell is text (a SIRET keeps its leading zeros, « =... » is never a formula)."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contrat_desktop.exchange.refusal import WorkbookRefused

SEPARATORS = ",;\t|"
SNIFF_BYTES = 64 * 1024


@dataclass
class CsvSheet:
    """What the sheet reader asks of a sheet: its rows, height, start and merged cells."""

    rows: list[list[str]]
    start: tuple[int, int] | None = None
    merged_cell_ranges: list[Any] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.rows)

    def iter_rows(self) -> Iterator[list[Any]]:
        return iter(self.rows)


@dataclass
class CsvBook:
    name: str
    sheet: CsvSheet

    def get_sheet_by_name(self, name: str) -> CsvSheet:
        if name != self.name:
            raise KeyError(name)
        return self.sheet


def read_csv(path: Path, data: bytes) -> tuple[str, CsvBook]:
    """The file's checksum and its rows as a one-sheet book named after the file."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise WorkbookRefused(
            f"Le fichier « {path.name} » n'est pas un fichier CSV (texte) : exportez la liste "
            "en CSV ou enregistrez-la en .xlsx ou .ods."
        )
    text = _decoded(data)
    sample = text[:SNIFF_BYTES]
    try:  # the separator only: quoting is always the standard one ("" inside quotes)
        separator = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, SEPARATORS).delimiter
    except csv.Error:
        separator = ","  # one column, or a separator the sniffer could not tell
    rows = list(csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=separator))
    if not any(any(cell.strip() for cell in row) for row in rows):
        raise WorkbookRefused(f"Le fichier « {path.name} » est vide.")
    return hashlib.sha256(data).hexdigest(), CsvBook(path.stem, CsvSheet(rows))


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
