"""The importer skips what the export wrote for people: the totals row (formulas that a tool
which does not recalculate saves without values), the synthesis and lists sheets; a formula
without value in a cell that the import reads is still refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.imports import plan_import
from contrat_desktop.storage.database import Dossier


@pytest.fixture
def resaved(exported: Path, tmp_path: Path) -> Path:
    """The export saved again by a program that keeps formulas but does not compute them."""
    book = openpyxl.load_workbook(exported)
    path = tmp_path / "enregistre-par-un-script.xlsx"
    book.save(path)
    return path


def test_totals_row_saved_without_values_is_skipped(demo: Dossier, resaved: Path) -> None:
    sheet = openpyxl.load_workbook(resaved)["Programmation"]
    totals = [c.value for c in sheet[sheet.max_row] if isinstance(c.value, str)]
    assert any(v.startswith("=SUBTOTAL") for v in totals)  # the formulas are still there
    plan = plan_import(demo, resaved)
    assert plan.counts()["unchanged"] == 50 and not plan.errors
    assert plan.counts()["new"] == 0  # the totals row is not a new action


def test_formula_without_value_in_a_read_cell_is_still_refused(
    demo: Dossier, resaved: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(resaved)
    sheet = book["Programmation"]
    observations = next(c.column for c in sheet[4] if c.value == "Observations")
    sheet.cell(row=6, column=observations).value = '=CONCATENATE("a","b")'
    path = tmp_path / "formule-dans-une-cellule.xlsx"
    book.save(path)
    before = hashlib.sha256(demo.path.read_bytes()).hexdigest()
    cell = f"{openpyxl.utils.get_column_letter(observations)}6"
    with pytest.raises(WorkbookRefused, match=f"sans valeur calculée \\(cellule {cell}\\)"):
        plan_import(demo, path)
    assert hashlib.sha256(demo.path.read_bytes()).hexdigest() == before


def test_formula_in_an_unread_column_or_another_sheet_is_ignored(
    demo: Dossier, resaved: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(resaved)
    sheet = book["Programmation"]
    beyond = sheet.max_column + 2  # no header: the import does not read this column
    sheet.cell(row=6, column=beyond).value = "=1+1"
    book["Synthèse"]["B40"] = "=SUM(B1:B3)"
    path = tmp_path / "formules-ailleurs.xlsx"
    book.save(path)
    plan = plan_import(demo, path)
    assert plan.counts()["unchanged"] == 50 and not plan.errors
