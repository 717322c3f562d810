"""The bad inputs of the funding cycle, from outside: each refused with a French message
naming the field (and the row and column of a workbook), and the dossier file unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import Payment, PaymentKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.imports import ImportBlocked, apply_import, plan_import
from contrat_desktop.operations.payments import record_payments
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.test_programmation_exchange import header_index


def _row(sheet: openpyxl.worksheet.worksheet.Worksheet, reference: str) -> int:
    return next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 2).value == reference)


def _granted_line(demo: Dossier) -> tuple[int, date]:
    repos = Repositories(demo)
    action = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.NOTIFIED and a.reference.startswith("2016")
    )
    line = next(f for f in repos.funding_lines.for_action(action.id or 0) if f.granted_cents)
    assert line.id is not None and line.decision_date is not None
    return line.id, line.decision_date


@pytest.mark.parametrize(
    ("kind", "amount", "day_offset", "said", "field"),
    [
        (PaymentKind.ADVANCE, 100_000, -1, "précède la décision", "paid_on"),
        (PaymentKind.ADVANCE, -100_000, 1, "Montant négatif", "amount_cents"),
        (PaymentKind.BALANCE, -1, 1, "« Reversement »", "amount_cents"),
    ],
)
def test_a_bad_payment_is_refused_and_nothing_written(
    demo: Dossier,
    kind: PaymentKind,
    amount: int,
    day_offset: int,
    said: str,
    field: str,
) -> None:
    line_id, decided = _granted_line(demo)
    good = Payment(line_id, PaymentKind.ADVANCE, 1_000, date(2016, 6, 1))
    bad = Payment(line_id, kind, amount, date.fromordinal(decided.toordinal() + day_offset))
    before = demo.path.read_bytes()
    with pytest.raises(ValidationError, match=said) as caught:
        record_payments(demo, [good, bad], today=date(2016, 7, 1))  # all or nothing
    assert caught.value.field == field
    assert demo.path.read_bytes() == before
    assert Repositories(demo).payments.for_line(line_id) == []


def test_an_ej_of_the_wrong_shape_in_the_workbook_names_row_and_column(
    demo: Dossier, tmp_path: Path
) -> None:
    repos = Repositories(demo)
    granted = next(
        a
        for a in repos.actions.all()
        if a.status is ActionStatus.GRANTED and a.reference.startswith("2016")
    )
    path = export_programmation(demo, 2016, tmp_path / "programmation.xlsx").path
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = _row(sheet, granted.reference)
    sheet.cell(row, header_index(sheet, "EJ Chorus")).value = "EJ 2103-45"
    book.save(path)
    before = demo.path.read_bytes()
    plan = plan_import(demo, path)
    errors = {(issue.row, issue.column): issue.message for issue in plan.errors}
    assert "10 chiffres" in errors[(row, "EJ Chorus")], errors
    with pytest.raises(ImportBlocked):
        apply_import(demo, plan)
    assert demo.path.read_bytes() == before
