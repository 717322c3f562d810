"""Recording payments: all or nothing, the status following the money, undo, corrections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import Payment, PaymentKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.bilans import save_bilan, undo_bilan
from contrat_desktop.operations.payments import (
    check_new_payment,
    record_payments,
    undo_payments,
    write_payment,
)
from contrat_desktop.operations.programmation import ActionState, load_action, save_action
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.funding_fixtures import Granted, grant

S = ActionStatus
TODAY = date(2027, 9, 1)


@pytest.fixture
def granted(repos: Repositories, make_action: Callable[..., Action]) -> Granted:
    return grant(repos, make_action())


def statuses(repos: Repositories, action_id: int) -> list[tuple[str | None, str]]:
    return [
        (c.source.value if c.source else None, c.target.value)
        for c in repos.actions.status_history(action_id)
    ]


def test_a_first_payment_moves_a_granted_action_to_running_with_history(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    advance = Payment(granted.state_line.id or 0, PaymentKind.ADVANCE, 500_000, date(2026, 6, 1))
    verdict = check_new_payment(dossier, advance, TODAY)
    assert verdict.accepted and verdict.status_path == (S.NOTIFIED, S.RUNNING)
    done = record_payments(dossier, [advance], today=TODAY)
    action = repos.actions.get(granted.action.id or 0)
    assert action.status is S.RUNNING
    assert statuses(repos, action.id or 0)[-2:] == [("accorde", "notifie"), ("notifie", "en_cours")]
    assert done.previous == {action.id: (S.GRANTED, action.version)}
    audit = dossier.db.execute(
        "SELECT operation, entity FROM audit WHERE entity = 'payment'"
    ).fetchall()
    assert audit == [("create", "payment")]
    undo_payments(dossier, done)
    assert repos.actions.get(action.id or 0).status is S.GRANTED
    assert repos.payments.count() == 0


def test_bulk_payments_are_all_or_nothing_and_name_the_refused_line(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    first = grant(repos, make_action())
    second = grant(repos, make_action())
    before = dossier.path.read_bytes()
    good = Payment(first.state_line.id or 0, PaymentKind.SINGLE, 1_000_000, date(2026, 6, 1))
    too_much = Payment(second.town_line.id or 0, PaymentKind.SINGLE, 400_001, date(2026, 6, 1))
    with pytest.raises(ValidationError) as caught:
        record_payments(dossier, [good, too_much], today=TODAY)
    assert second.action.reference in caught.value.message
    assert "Ville" in caught.value.message and "Aucun versement" in caught.value.message
    assert repos.payments.count() == 0
    assert dossier.path.read_bytes() == before
    twice = Payment(first.state_line.id or 0, PaymentKind.ADVANCE, 600_000, date(2026, 6, 1))
    with pytest.raises(ValidationError, match="dépasse le reste"):
        record_payments(dossier, [twice, twice], today=TODAY)  # 1 200 000 > 1 000 000
    assert repos.payments.count() == 0


def test_the_last_payment_after_the_bilan_settles_the_action(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    state, town = granted.state_line.id or 0, granted.town_line.id or 0
    record_payments(
        dossier,
        [
            Payment(state, PaymentKind.ADVANCE, 500_000, date(2026, 6, 1)),
            Payment(town, PaymentKind.SINGLE, 400_000, date(2026, 6, 1)),
        ],
        today=TODAY,
    )
    action_id = granted.action.id or 0
    saved = save_bilan(dossier, None, Report(action_id, date(2027, 5, 2)), today=TODAY)
    assert saved.moves == (S.REPORT_DUE, S.REPORT_RECEIVED)
    assert repos.actions.get(action_id).status is S.REPORT_RECEIVED
    solde = Payment(state, PaymentKind.BALANCE, 500_000, date(2027, 7, 10))
    assert check_new_payment(dossier, solde, TODAY).warnings == ()
    done = record_payments(dossier, [solde], today=TODAY)
    assert done.moves == {action_id: (S.SETTLED,)}
    assert repos.actions.get(action_id).status is S.SETTLED
    undo_payments(dossier, done)
    assert repos.actions.get(action_id).status is S.REPORT_RECEIVED


def test_a_bilan_for_a_fully_paid_action_settles_it_and_undo_puts_all_back(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    record_payments(
        dossier,
        [
            Payment(granted.state_line.id or 0, PaymentKind.SINGLE, 1_000_000, date(2026, 6, 1)),
            Payment(granted.town_line.id or 0, PaymentKind.SINGLE, 400_000, date(2026, 6, 1)),
        ],
        today=TODAY,
    )
    action_id = granted.action.id or 0
    saved = save_bilan(dossier, None, Report(action_id, date(2027, 6, 2)), today=TODAY)
    assert saved.moves == (S.REPORT_DUE, S.REPORT_RECEIVED, S.SETTLED)
    undo_bilan(dossier, saved)
    assert repos.reports.for_action(action_id) is None
    assert repos.actions.get(action_id).status is S.RUNNING


def test_a_bilan_is_refused_for_an_action_never_granted(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    before = dossier.path.read_bytes()
    with pytest.raises(ValidationError, match="rien ne lui a été accordé") as caught:
        save_bilan(dossier, None, Report(action.id or 0, date(2027, 5, 2)), today=TODAY)
    assert caught.value.field == "action"
    assert repos.reports.count() == 0
    assert dossier.path.read_bytes() == before


def test_a_payment_correction_and_removal_are_checked(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    line = granted.state_line.id or 0
    done = record_payments(
        dossier,
        [
            Payment(line, PaymentKind.ADVANCE, 600_000, date(2026, 6, 1)),
            Payment(line, PaymentKind.REFUND, 100_000, date(2026, 9, 1)),
        ],
        today=TODAY,
    )
    advance, refund = done.payments
    with pytest.raises(ValidationError, match="dépasse le reste"):
        write_payment(dossier, advance, replace(advance, amount_cents=1_200_000))
    fixed = write_payment(dossier, advance, replace(advance, accounting_reference="M-2026-77"))
    assert fixed is not None and fixed.accounting_reference == "M-2026-77"
    with pytest.raises(ValidationError, match="négatif"):
        write_payment(dossier, fixed, None)  # the refund would return more than was paid
    write_payment(dossier, refund, None)
    assert [p.kind for p in repos.payments.for_line(line)] == [PaymentKind.ADVANCE]


def test_the_editor_cannot_grant_less_than_paid_nor_remove_a_paid_funder(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    record_payments(
        dossier,
        [Payment(granted.state_line.id or 0, PaymentKind.ADVANCE, 600_000, date(2026, 6, 1))],
        today=TODAY,
    )
    seen = load_action(dossier, granted.action.id or 0)
    lower = tuple(
        replace(line, granted_cents=500_000) if line.funder_id == granted.state.id else line
        for line in seen.lines
    )
    with pytest.raises(ValidationError, match="inférieur au déjà versé"):
        save_action(dossier, seen, ActionState(seen.action, lower))
    without = tuple(line for line in seen.lines if line.funder_id != granted.state.id)
    with pytest.raises(ValidationError, match="déjà versé 6"):
        save_action(dossier, seen, ActionState(seen.action, without))
    bad_ej = tuple(replace(line, ej_number="12AB") for line in seen.lines)
    with pytest.raises(ValidationError, match="10 chiffres"):
        save_action(dossier, seen, ActionState(seen.action, bad_ej))
    good_ej = tuple(replace(line, ej_number="EJ 2103 456 789") for line in seen.lines)
    saved = save_action(dossier, seen, ActionState(seen.action, good_ej))
    assert {line.ej_number for line in saved.lines} == {"2103456789"}


def test_a_status_move_the_money_forbids_is_refused_and_others_warned(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    from contrat_desktop.operations.programmation import change_statuses, status_move_warnings

    paid = grant(repos, make_action(), ActionStatus.NOTIFIED)
    # money recorded outside the rules (an old file, a script): the status did not follow
    repos.payments.add(
        Payment(paid.state_line.id or 0, PaymentKind.ADVANCE, 100_000, date(2026, 6, 1))
    )
    quiet = grant(repos, make_action(), ActionStatus.NOTIFIED)
    ids = [paid.action.id or 0, quiet.action.id or 0]
    result = change_statuses(dossier, ids, ActionStatus.ABANDONED)
    assert result.changed == [quiet.action.id]
    ((reference, why),) = result.refused
    assert reference == paid.action.reference and "reversement" in why
    proposed = grant(repos, make_action(), S.PROPOSED).action
    warnings = status_move_warnings(dossier, [proposed.id or 0], S.REFUSED)
    assert warnings == [
        (proposed.reference, "14\u202f000,00\u00a0€ accordés alors que l'action est « Refusé ».")
    ]


def test_payments_and_the_bilan_show_in_the_action_history(
    dossier: Dossier, repos: Repositories, granted: Granted
) -> None:
    from contrat_desktop.operations.programmation import history

    action_id = granted.action.id or 0
    record_payments(
        dossier,
        [Payment(granted.state_line.id or 0, PaymentKind.ADVANCE, 100_000, date(2026, 6, 1))],
        today=TODAY,
    )
    save_bilan(dossier, None, Report(action_id, date(2027, 5, 2)), today=TODAY)
    entities = {entry.entity for entry in history(dossier, action_id)}
    assert {"action", "funding_line", "payment", "report"} <= entities
    other = grant(repos, make_other_action(repos, granted))
    assert not {e.entity for e in history(dossier, other.action.id or 0)} & {"payment", "report"}


def make_other_action(repos: Repositories, granted: Granted) -> Action:
    return repos.actions.add(
        replace(granted.action, id=None, version=1, reference="2026-CS-900", status=S.DRAFT)
    )
