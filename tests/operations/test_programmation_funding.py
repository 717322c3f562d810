"""The funding-cycle columns of the programmation table (act, EJ, paid, left to pay, bilan
received) written by the export and read back by the import."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from contrat_desktop.domain.funding import ActKind, Payment, PaymentKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.import_plan import RowKind
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.operations.payments import record_payments
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.test_programmation_exchange import header_index

YEAR = 2016


def _row(sheet: openpyxl.worksheet.worksheet.Worksheet, reference: str) -> int:
    return next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 2).value == reference)


def test_the_new_columns_come_back_unchanged(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    notified = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.NOTIFIED and a.reference.startswith("2016")
    )
    line = repos.funding_lines.for_action(notified.id or 0)[0]
    record_payments(
        demo,
        [Payment(line.id or 0, PaymentKind.ADVANCE, 100_000, date(2016, 6, 1))],
        today=date(2016, 7, 1),
    )
    path = export_programmation(demo, YEAR, tmp_path / "programmation.xlsx").path
    sheet = openpyxl.load_workbook(path).active
    row = _row(sheet, notified.reference)
    assert sheet.cell(row, header_index(sheet, "Versé")).value == 1000
    left = sheet.cell(row, header_index(sheet, "Reste à verser")).value
    assert (
        left
        == (
            sum(g.granted_cents or 0 for g in repos.funding_lines.for_action(notified.id or 0))
            - 100_000
        )
        / 100
    )
    plan = plan_import(demo, path)
    assert plan.of_kind(RowKind.ERROR) == [] and plan.of_kind(RowKind.CHANGED) == []
    assert not [w for w in plan.all_warnings if "dans le classeur" in w.message]


def test_act_bilan_and_ej_typed_in_the_workbook_are_written(demo: Dossier, tmp_path: Path) -> None:
    repos = Repositories(demo)
    granted = [
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.GRANTED and a.reference.startswith("2016")
    ]
    first, second = granted[0], granted[1]
    path = export_programmation(demo, YEAR, tmp_path / "programmation.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.active
    act, bilan = (
        header_index(sheet, "Acte (arrêté / convention)"),
        header_index(sheet, "Bilan reçu"),
    )
    paid = header_index(sheet, "Versé")
    sheet.cell(_row(sheet, first.reference), act).value = "Convention n° C-2016-7 du 12/05/2016"
    sheet.cell(_row(sheet, first.reference), paid).value = 999  # not how money moves
    sheet.cell(_row(sheet, second.reference), bilan).value = datetime(2017, 5, 20)
    sheet.cell(
        _row(sheet, second.reference), header_index(sheet, "EJ Chorus")
    ).value = "EJ 2103 456 789"
    book.save(path)
    payments = repos.payments.count()
    plan = plan_import(demo, path)
    changed = {row.target_id: row for row in plan.of_kind(RowKind.CHANGED)}
    assert {first.id, second.id} <= changed.keys()
    assert [c.new for c in changed[first.id].changes if c.key == "act"] == [
        "Convention n° C-2016-7 du 12/05/2016"
    ]
    assert any(
        "999,00" in w.message and "dans le dossier" in w.message for w in changed[first.id].warnings
    )
    apply_import(demo, plan)
    acts = {
        (line.act_kind, line.act_number, line.act_signed_on)
        for line in repos.funding_lines.for_action(first.id or 0)
        if line.granted_cents
    }
    assert acts == {(ActKind.AGREEMENT, "C-2016-7", date(2016, 5, 12))}
    report = repos.reports.for_action(second.id or 0)
    assert report is not None and report.received_on == date(2017, 5, 20)
    assert repos.actions.get(second.id or 0).status is ActionStatus.REPORT_RECEIVED
    assert repos.payments.count() == payments  # the import invents no payment
    state = repos.funders.all()[0]
    ejs = {
        g.ej_number
        for g in repos.funding_lines.for_action(second.id or 0)
        if g.funder_id == state.id
    }
    assert ejs == {"2103456789"}
    again = openpyxl.load_workbook(
        export_programmation(demo, YEAR, tmp_path / "again.xlsx").path
    ).active
    assert (
        again.cell(_row(again, second.reference), header_index(again, "EJ Chorus")).value
        == "2103456789"
    )
    assert again.cell(_row(again, second.reference), bilan).value == "Oui, le 20/05/2017"


def test_a_bad_act_or_a_bilan_of_an_action_never_granted_is_a_row_error(
    demo: Dossier, tmp_path: Path
) -> None:
    repos = Repositories(demo)
    granted = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.GRANTED and a.reference.startswith("2016")
    )
    review = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.UNDER_REVIEW and a.reference.startswith("2016")
    )
    path = export_programmation(demo, YEAR, tmp_path / "programmation.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.cell(
        _row(sheet, granted.reference), header_index(sheet, "Acte (arrêté / convention)")
    ).value = "Délibération 12"
    sheet.cell(
        _row(sheet, review.reference), header_index(sheet, "Bilan reçu")
    ).value = "Oui, le 20/05/2017"
    book.save(path)
    before = demo.path.read_bytes()
    plan = plan_import(demo, path)
    errors = {(e.row, e.column): e.message for e in plan.errors}
    assert (
        "Acte illisible" in errors[(_row(sheet, granted.reference), "Acte (arrêté / convention)")]
    )
    assert "rien ne lui a été accordé" in errors[(_row(sheet, review.reference), "Bilan reçu")]
    assert demo.path.read_bytes() == before
