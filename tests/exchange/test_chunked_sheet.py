"""A long sheet read a slice of rows at a time gives the cells, start, height and merged
cells python-calamine gives reading it whole (forced here on small workbooks); a row is only
as wide as its slice's, which the reader pads."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrat_desktop.exchange import chunked_sheet
from contrat_desktop.exchange.chunked_sheet import long_sheet


@pytest.fixture(autouse=True)
def small_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunked_sheet, "SLICE_ROWS", 3)
    monkeypatch.setattr(chunked_sheet, "LONG_SHEET_BYTES", 0)
    monkeypatch.setattr(chunked_sheet, "CHUNK", 97)  # tags cut between chunks, too


def whole(path: Path, name: str) -> python_calamine.CalamineSheet:
    return python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name)


def cells(rows: object) -> list[list[object]]:
    """Rows without their trailing empty cells (a slice is as wide as its own rows)."""
    found = []
    for row in rows:  # type: ignore[attr-defined]
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        found.append(row)
    return found


def test_rows_dates_shared_strings_and_merged_band(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Retour"
    sheet["B2"] = "Programmation – exercice 2023"
    sheet.merge_cells("D3:F3")
    sheet["D3"] = "État BOP 147"
    sheet.append([None, "Référence", "Intitulé", "Demandé", "Proposé", "Accordé", "Début"])
    for n in range(1, 17):
        if n in (5, 6, 11):
            sheet.append([])  # blank rows, one across a slice boundary
            continue
        sheet.append(
            [None, f"2023-CS-{n:03d}", "Atelier", 1500.5 * n, None, n, datetime(2023, 1, n)]
        )
    sheet["H20"] = "tout à droite"
    path = tmp_path / "long.xlsx"
    book.save(path)
    expected = whole(path, "Retour")
    read = long_sheet(path, "Retour")
    assert read is not None
    assert read.start == expected.start and read.height == expected.height
    assert sorted(read.merged_cell_ranges) == sorted(expected.merged_cell_ranges)
    assert cells(read.iter_rows()) == cells(expected.iter_rows())
    assert cells(read.iter_rows()) == cells(expected.iter_rows())  # read again, the same


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(-5, 5), st.text("ab é", max_size=3)), max_size=5),
        min_size=1,
        max_size=14,
    )
)
def test_any_sheet_reads_the_same(tmp_path: Path, rows: list[list[object]]) -> None:
    assert_read_like_calamine(tmp_path / "any.xlsx", rows)


@pytest.mark.parametrize(
    "rows",
    [
        [[None], [None], [None], [0, 0, 0]],  # a first slice of empty rows only
        [[None], [None], [None], [""], [0]],
        [[None] * 4, [0, 0]],
    ],
)
def test_a_first_slice_of_empty_rows_is_not_read_twice(
    tmp_path: Path, rows: list[list[object]]
) -> None:
    assert_read_like_calamine(tmp_path / "blank-top.xlsx", rows)


def assert_read_like_calamine(path: Path, rows: list[list[object]]) -> None:
    """``rows`` saved by openpyxl read in slices give what calamine gives reading them whole,
    twice in a row."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    expected = whole(path, book.active.title)
    read = long_sheet(path, book.active.title)
    assert read is not None
    if expected.start is None:
        assert read.start is None and list(read.iter_rows()) == []
        return
    assert (read.start, read.height) == (expected.start, expected.height)
    assert cells(read.iter_rows()) == cells(expected.iter_rows())
    assert cells(read.iter_rows()) == cells(expected.iter_rows())  # read again, the same
