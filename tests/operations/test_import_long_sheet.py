"""A long workbook (read a slice of rows at a time to stay in memory bounds) is previewed
exactly as a short one: same rows, values, changes and errors (slices forced small here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contrat_desktop.exchange import chunked_sheet
from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.operations.imports import plan_import
from contrat_desktop.storage.database import Dossier
from tests.operations.conftest import edited_export


def described(plan: ImportPlan) -> list[Any]:
    return [
        (row.row, row.kind, row.label, dict(row.values), [(c.key, c.new) for c in row.changes],
         [(e.column, e.value, e.message) for e in row.errors])
        for row in plan.rows
    ]  # fmt: skip


def test_sliced_reading_plans_the_same(
    demo: Dossier, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited_export(
        exported,
        tmp_path / "retour.xlsx",
        {(6, "Avis"): "Défavorable", (9, "Début"): "31/02/2016", (12, "SIRET"): "123"},
    )
    short = plan_import(demo, path)
    monkeypatch.setattr(chunked_sheet, "LONG_SHEET_BYTES", 0)
    monkeypatch.setattr(chunked_sheet, "SLICE_ROWS", 7)
    assert chunked_sheet.long_sheet(path, "Programmation") is not None
    long = plan_import(demo, path)
    assert described(long) == described(short)
    assert (long.header_row, long.mapping, long.blank_rows) == (
        short.header_row,
        short.mapping,
        short.blank_rows,
    )
    assert len(short.errors) == 2 and len(short.of_kind(short.rows[0].kind)) > 1
