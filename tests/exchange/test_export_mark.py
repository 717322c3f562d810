"""The export's mark packs its rows a few hundred to a cell (format 2): every cell stays
under a spreadsheet's limit, and the rows come back exactly, whatever their identifiers
hold, from an .xlsx and from an .ods alike."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.exchange.export_mark import (
    CELL_CHARACTERS,
    EXPORT_SHEET,
    ExportMark,
    RowVersions,
    _rows,
    read_export_mark,
    write_export_mark,
)
from contrat_desktop.exchange.workbook_file import open_workbook
from contrat_desktop.exchange.workbook_writer import write_workbook

ODD = ['guillemets "doubles"', "barre \\ oblique", "accents é à ç", "tab\tulation", "« » ; , :"]


def _mark(rows: int, odd: list[str] = ODD) -> ExportMark:
    identifiers = [f"{n}:2026-CS-{n:05d} {odd[n % len(odd)]}" for n in range(1, rows + 1)]
    return ExportMark(
        "2026-12-05T12:00:00",
        42,
        2026,
        {i: RowVersions(n % 7 + 1, {1: n % 3 + 1, 12: 2} if n % 2 else {}) for n, i in
         enumerate(identifiers)},
        "2db35beccc583770dd3f",
        {i: f"{n:020x}" for n, i in enumerate(identifiers)},
    )  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_packed_mark_reads_back_the_same(tmp_path: Path, suffix: str) -> None:
    mark = _mark(3_000)
    path = tmp_path / f"marque{suffix}"
    with write_workbook(path) as book:
        book.add_sheet("Données").row(0, ["a"])
        write_export_mark(book, mark)
    read = read_export_mark(open_workbook(path))
    assert read is not None
    assert (read.exported_at, read.journal_mark, read.year, read.columns) == (
        mark.exported_at, mark.journal_mark, mark.year, mark.columns,
    )  # fmt: skip
    assert dict(read.rows.items()) == dict(mark.rows.items())
    assert dict(read.fingerprints) == dict(mark.fingerprints)
    if suffix == ".xlsx":
        cells = [c.value for c in openpyxl.load_workbook(path)[EXPORT_SHEET]["A"] if c.value]
        packed = [text for text in cells if text.startswith("[")]
        assert len(packed) > 5  # a few hundred rows to a cell, not one sheet row per row
        assert all(len(text) <= CELL_CHARACTERS for text in packed)


def test_packed_rows_are_written_as_json_dumps_writes_each_row() -> None:
    """The records are spelled out by hand (no list built per row): byte for byte what
    ``json.dumps`` of ``[identifier, action version, line versions, fingerprint]`` gives."""
    mark = _mark(2_000, [*ODD, "hors du plan de base \U0001f600", "contrôle \x01 et \u2028"])
    cells = [row[0] for row in _rows(mark) if row[0].startswith("[")]
    expected = [
        json.dumps([i, v.action, " ".join(f"{f}={n}" for f, n in v.lines.items()),
                    mark.fingerprints[i]])
        for i, v in mark.rows.items()
    ]  # fmt: skip
    assert ",".join(cell[1:-1] for cell in cells) == ",".join(expected)
    assert all(len(cell) <= CELL_CHARACTERS for cell in cells) and len(cells) > 5
