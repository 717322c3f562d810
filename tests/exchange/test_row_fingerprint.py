"""Row fingerprints fold only what readers spell differently for the same cell (an empty
cell, a whole number, a date at midnight); any difference a parser could see changes them."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from contrat_desktop.exchange.row_fingerprint import (
    ExportedRows,
    columns_fingerprint,
    row_fingerprint,
)

ROW: list[Any] = ["1:2016-CS-001", "Intitulé", 77.0, date(2016, 1, 1), 4500.5, "", "Non"]


@pytest.mark.parametrize(
    "same",
    [
        ["1:2016-CS-001", "Intitulé", 77, date(2016, 1, 1), 4500.5, None, "Non"],
        ["1:2016-CS-001", "Intitulé", 77.0, datetime(2016, 1, 1), 4500.5, "", "Non", "", None],
    ],
    ids=["int-and-none", "midnight-and-trailing-blanks"],
)
def test_the_same_cells_read_otherwise_hash_alike(same: list[Any]) -> None:
    assert row_fingerprint(same) == row_fingerprint(ROW)


@pytest.mark.parametrize(
    ("position", "other"),
    [
        (1, " Intitulé"),  # spaces are not folded
        (1, "intitulé"),
        (2, "77"),  # a number typed as text
        (2, True),
        (3, datetime(2016, 1, 1, 9, 30)),
        (3, 42370.0),  # the same day as a serial number
        (4, 4500.500000001),
        (5, "Défavorable"),
        (5, 0.0),
        (6, time(0, 0)),
    ],
)
def test_any_other_cell_changes_the_fingerprint(position: int, other: Any) -> None:
    edited = list(ROW)
    edited[position] = other
    assert row_fingerprint(edited) != row_fingerprint(ROW)


def test_cells_moved_change_the_fingerprint() -> None:
    assert row_fingerprint(["a", "", "b"]) != row_fingerprint(["a", "b", ""])


def test_a_row_is_told_as_exported_only_under_the_same_columns() -> None:
    keys = ["identifier", "title", "beneficiaries_total", "start_date", "total_cost_cents"]
    mapping = dict(enumerate(keys))
    exported = ExportedRows.of(
        columns_fingerprint(keys), {ROW[0]: row_fingerprint(ROW)}, mapping, [3]
    )
    assert exported is not None and exported(ROW)
    assert exported([*ROW[:4], 4500.0, *ROW[5:]]) is False
    assert exported(["1:2016-CS-001", "Intitulé", 77, datetime(2016, 1, 1), 4500.5, "", "Non"])
    assert exported(["2:2016-CS-002", *ROW[1:]]) is False  # no fingerprint for it
    moved = {**mapping, 1: "observations"}
    assert ExportedRows.of(columns_fingerprint(keys), {ROW[0]: ""}, moved) is None
