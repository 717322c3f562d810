"""Payments on funding lines: checked against the action's money, recorded with the status
moves the money asks for (one transaction, audited), corrected, and undone.

``check_new_payment`` is what the window shows before recording (errors, warnings, status
moves); ``record_payments`` records one or many payments all or nothing, and returns what
its undo needs; ``write_payment`` edits or removes one payment (a correction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from contrat_desktop.domain.action_money import ActionMoney, status_following_money
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import Payment
from contrat_desktop.domain.payment_rules import (
    PaymentVerdict,
    check_payment,
    check_payment_removal,
)
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.action_money import money_of_actions
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class RecordedPayments:
    """Payments recorded together, and what undoing them puts back."""

    payments: tuple[Payment, ...]
    moves: dict[int, tuple[ActionStatus, ...]]  # action id → statuses passed through
    previous: dict[int, tuple[ActionStatus, int]]  # action id → (status before, version after)


def _action_of_line(dossier: Dossier, line_ids: Sequence[int]) -> dict[int, int]:
    marks = ", ".join("?" for _ in line_ids)
    return dict(
        dossier.db.execute(
            f"SELECT id, action_id FROM funding_line WHERE id IN ({marks})", list(line_ids)
        ).fetchall()
    )


def check_new_payment(
    dossier: Dossier, payment: Payment, today: date | None = None
) -> PaymentVerdict:
    """The verdict on one payment before it is recorded."""
    action_id = _action_of_line(dossier, [payment.funding_line_id]).get(payment.funding_line_id)
    if action_id is None:
        error = ValidationError("Cette ligne de financement n'existe plus.")
        return PaymentVerdict((error,), (), ())
    money = money_of_actions(dossier, [action_id])[action_id]
    return check_payment(money, payment, today or date.today())


def check_payments(
    dossier: Dossier, payments: Sequence[Payment], today: date | None = None
) -> list[PaymentVerdict]:
    """The verdict on each of several payments, judged in order as if the ones before it
    were recorded (two payments on one line add up). Nothing is written."""
    return _plan(dossier, payments, today or date.today())[0]


def _plan(
    dossier: Dossier, payments: Sequence[Payment], today: date
) -> tuple[list[PaymentVerdict], dict[int, ActionMoney], dict[int, int]]:
    owners = _action_of_line(dossier, sorted({p.funding_line_id for p in payments}))
    money = money_of_actions(dossier, sorted(set(owners.values())))
    verdicts = []
    for payment in payments:
        action_id = owners.get(payment.funding_line_id)
        if action_id is None:
            error = ValidationError("Cette ligne de financement n'existe plus.")
            verdicts.append(PaymentVerdict((error,), (), ()))
            continue
        verdict = check_payment(money[action_id], payment, today)
        if verdict.accepted:
            money[action_id] = _after(money[action_id], payment)
        verdicts.append(verdict)
    return verdicts, money, owners


def record_payments(
    dossier: Dossier,
    payments: Sequence[Payment],
    *,
    today: date | None = None,
    comment: str = "",
) -> RecordedPayments:
    """Record ``payments`` in one transaction, all or nothing: the first refused payment
    raises ``ValidationError`` naming its action and funder, and nothing is written.
    Each action moves along the workflow as its money asks (first payment → "en cours";
    the last one after the bilan → "soldé"), dated, attributed and commented."""
    dossier.writer.check_writable()
    repos = Repositories(dossier)
    verdicts, money, owners = _plan(dossier, payments, today or date.today())
    for payment, verdict in zip(payments, verdicts, strict=True):
        if verdict.errors:
            action_id = owners.get(payment.funding_line_id)
            if action_id is None:
                raise verdict.errors[0]
            raise _named(repos, action_id, payment, verdict.errors[0])
    recorded: list[Payment] = []
    moves: dict[int, tuple[ActionStatus, ...]] = {}
    previous: dict[int, tuple[ActionStatus, int]] = {}
    with dossier.db.atomic():
        for payment in payments:
            recorded.append(repos.payments.add(replace(payment, id=None, version=1)))
        for action_id in dict.fromkeys(owners[p.funding_line_id] for p in payments):
            action = repos.actions.get(action_id)
            path = _moves_for(money[action_id], action.status)
            if not path:
                continue
            before = action.status
            note = comment or "Suit les versements enregistrés"
            for status in path:
                action = repos.actions.change_status(action, status, note)
            moves[action_id] = path
            previous[action_id] = (before, action.version)
    return RecordedPayments(tuple(recorded), moves, previous)


def _after(money: ActionMoney, payment: Payment) -> ActionMoney:
    line = money.line(payment.funding_line_id)
    assert line is not None
    return money.with_line(replace(line, paid_cents=line.paid_cents + payment.signed_cents))


def _moves_for(money: ActionMoney, status: ActionStatus) -> tuple[ActionStatus, ...]:
    return status_following_money(ActionMoney(status, money.lines, money.bilan_received))


def _named(
    repos: Repositories, action_id: int, payment: Payment, error: ValidationError
) -> ValidationError:
    action = repos.actions.get(action_id)
    line = repos.funding_lines.get(payment.funding_line_id)
    funder = repos.funders.get(line.funder_id).name
    return ValidationError(
        f"{action.reference} – {funder} : {error.message} Aucun versement n'a été enregistré.",
        field=error.field,
    )


def undo_payments(dossier: Dossier, recorded: RecordedPayments) -> None:
    """Remove the payments recorded together and put the statuses back (audited); refused
    (``ConflictError``) if one of them changed since."""
    repos = Repositories(dossier)
    with dossier.db.atomic():
        for payment in recorded.payments:
            repos.payments.delete(payment)
        for action_id, (status, version) in recorded.previous.items():
            repos.actions.correct_status(action_id, status, "Annulation (Ctrl+Z)", version)


def check_payment_edit(
    dossier: Dossier, current: Payment | None, wanted: Payment, today: date | None = None
) -> PaymentVerdict:
    """The verdict on a new payment (``current`` None) or on a correction of ``current``,
    judged against the line's money without the payment it replaces."""
    if current is None:
        return check_new_payment(dossier, wanted, today)
    action_id = _action_of_line(dossier, [current.funding_line_id]).get(current.funding_line_id)
    if action_id is None:
        return PaymentVerdict(
            (ValidationError("Cette ligne de financement n'existe plus."),), (), ()
        )
    money = money_of_actions(dossier, [action_id])[action_id]
    line = money.line(current.funding_line_id)
    assert line is not None
    without = money.with_line(replace(line, paid_cents=line.paid_cents - current.signed_cents))
    verdict = check_payment(
        without, replace(wanted, funding_line_id=current.funding_line_id), today or date.today()
    )
    return PaymentVerdict(verdict.errors, verdict.warnings, ())  # a correction moves nothing


def write_payment(
    dossier: Dossier, current: Payment | None, wanted: Payment | None
) -> Payment | None:
    """Correct (``wanted``) or remove (``wanted`` None) a recorded payment, or put a removed
    one back (``current`` None, the undo of a removal). Statuses do not move: a correction
    is checked against the line's money without the payment it replaces."""
    if current is not None:
        if wanted is None:
            action_id = _action_of_line(dossier, [current.funding_line_id])[current.funding_line_id]
            line = money_of_actions(dossier, [action_id])[action_id].line(current.funding_line_id)
            assert line is not None
            problems = check_payment_removal(line, current)
            if problems:
                raise problems[0]
        else:
            verdict = check_payment_edit(dossier, current, wanted)
            if verdict.errors:
                raise verdict.errors[0]
    return write_record(Repositories(dossier).payments, current, wanted)


def payments_of_action(dossier: Dossier, action_id: int) -> dict[int, list[Payment]]:
    """Funding line id → its payments, in date order."""
    repos = Repositories(dossier)
    return {
        line.id: repos.payments.for_line(line.id)
        for line in repos.funding_lines.for_action(action_id)
        if line.id is not None
    }


def find_payment(dossier: Dossier, payment_id: int) -> Payment | None:
    return Repositories(dossier).payments.find(payment_id)
