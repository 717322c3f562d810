"""The bilan workbook: written pre-filled, filled by a holder, read back through the import
(preview cell by cell, all or nothing, journal), and its bad rows refused by row and column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.bilans_exchange import export_bilans
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import ImportBlocked, apply_import, plan_import
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

YEAR = 2015  # the demo's first campaign: actions running, bilans due, received, settled


def _columns(sheet: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, int]:
    """Header (with the funder band above it) → 1-based column."""
    found = {}
    band = ""
    for cell in sheet[4]:
        above = sheet.cell(3, cell.column).value
        band = above or (band if cell.value == "Subvention reçue" else "")
        name = f"{band} {cell.value}" if cell.value == "Subvention reçue" else cell.value
        found[str(name)] = cell.column
    return found


def _row_of(sheet: openpyxl.worksheet.worksheet.Worksheet, reference: str) -> int:
    return next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 2).value == reference)


def test_the_exported_workbook_comes_back_unchanged(demo: Dossier, tmp_path: Path) -> None:
    exported = export_bilans(demo, YEAR, tmp_path / "bilans.xlsx")
    assert exported.actions > 10 and exported.filled > 5
    plan = plan_import(demo, exported.path)
    assert plan.layout == "bilans"
    assert plan.of_kind(RowKind.ERROR) == [] and plan.of_kind(RowKind.CHANGED) == []
    assert len(plan.of_kind(RowKind.UNCHANGED)) == exported.actions


def test_a_filled_row_becomes_the_bilan_and_moves_the_status(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    due = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.REPORT_DUE and repos.reports.for_action(a.id or 0) is None
    )
    path = export_bilans(demo, YEAR, tmp_path / "bilans.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.active
    columns = _columns(sheet)
    row = _row_of(sheet, due.reference)
    sheet.cell(row, columns["Bilan reçu le"]).value = datetime(2016, 5, 20)
    sheet.cell(row, columns["Total des charges réalisées"]).value = 12_500
    sheet.cell(row, columns["Bénéficiaires (total)"]).value = 48
    sheet.cell(row, columns["Dont femmes"]).value = 30
    sheet.cell(row, columns["Objectifs atteints"]).value = "Partiellement"
    hostile = sheet.cell(row, columns["Appréciation qualitative"])
    hostile.value = '=HYPERLINK("http://x")'
    hostile.data_type = "s"  # typed as text, as a holder would
    state = next(k for k in columns if k.startswith("État BOP 147"))
    sheet.cell(row, columns[state]).value = "1 000,50"
    book.save(path)
    plan = plan_import(demo, path)
    (changed,) = plan.of_kind(RowKind.CHANGED)
    assert changed.target_id == due.id and changed.label == due.reference
    shown = {c.column: (c.old, c.new) for c in changed.changes}
    assert shown["Bilan reçu le"] == ("(vide)", "20/05/2016")
    assert shown["Objectifs atteints"] == ("(vide)", "Partiellement")
    assert shown["État BOP 147 – Subvention reçue"] == ("(vide)", "1\u202f000,50\u00a0€")
    result = apply_import(demo, plan)
    assert result.updated == 1
    report = repos.reports.for_action(due.id or 0)
    assert report is not None and report.received_on == date(2016, 5, 20)
    assert report.realised_cost_cents == 1_250_000 and report.beneficiaries.women == 30
    assert report.assessment == '=HYPERLINK("http://x")'  # text stays text
    assert [p.amount_cents for p in report.funding] == [100_050]
    assert repos.actions.get(due.id or 0).status is ActionStatus.REPORT_RECEIVED
    again = plan_import(demo, path)
    assert again.of_kind(RowKind.CHANGED) == []


def test_bad_rows_are_named_and_nothing_is_written(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    never = next(a for a in repos.actions.all() if a.status is ActionStatus.UNDER_REVIEW)
    path = export_bilans(demo, YEAR, tmp_path / "bilans.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.active
    columns = _columns(sheet)
    first = 5
    sheet.cell(first, 1).value = None  # the hidden identifier cleared: the reference speaks
    sheet.cell(first, 2).value = "2015-ZZ-999"
    sheet.cell(first, 3).value = None  # nor a Dauphin number
    sheet.cell(first, columns["Bilan reçu le"]).value = datetime(2016, 5, 2)
    sheet.cell(first + 1, columns["Bilan reçu le"]).value = datetime(2014, 12, 31)
    extra = sheet.max_row + 1
    sheet.cell(extra, 2).value = never.reference
    sheet.cell(extra, columns["Bilan reçu le"]).value = datetime(2016, 5, 2)
    book.save(path)
    before = demo.path.read_bytes()
    plan = plan_import(demo, path)
    errors = {(issue.row, issue.column): issue.message for issue in plan.errors}
    assert "Action inconnue" in errors[(first, "Référence")]
    assert "antérieure à l'année de l'action" in errors[(first + 1, "Bilan reçu le")]
    assert "rien ne lui a été accordé" in errors[(extra, "Référence")]
    with pytest.raises(ImportBlocked):
        apply_import(demo, plan)
    assert demo.path.read_bytes() == before
