"""The rules of a payment (DOMAIN.md §3, §5): what is refused, what is only warned, and the
status moves the money asks for. Nothing here reads or writes: ``check_payment`` returns
a verdict that the operation shows, then applies as it is.

A payment is refused when its amount is not positive (a refund is a "reversement", entered
positive), when nothing was granted, when it goes beyond what is left to pay (the total paid
never exceeds granted), when a reversement returns more than was paid, or when it is dated
before the decision. A solde paid before the bilan, a versement unique after other
payments, or a payment with no act recorded are warnings: the user confirms knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from contrat_desktop.domain.action_money import ActionMoney, LineMoney, status_following_money
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import ActKind, Payment, PaymentKind
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import ActionStatus

S = ActionStatus
# Money may be paid once the grant is decided, until the action is closed.
PAYABLE = frozenset({S.GRANTED, S.NOTIFIED, S.RUNNING, S.REPORT_DUE, S.REPORT_RECEIVED, S.SETTLED})


@dataclass(frozen=True, slots=True)
class PaymentVerdict:
    errors: tuple[ValidationError, ...]
    warnings: tuple[str, ...]
    status_path: tuple[ActionStatus, ...]  # the moves the payment brings, in order

    @property
    def accepted(self) -> bool:
        return not self.errors


def _day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def check_payment(money: ActionMoney, payment: Payment, today: date) -> PaymentVerdict:
    """Judge ``payment`` against the action's money before it is recorded."""
    line = money.line(payment.funding_line_id)
    if line is None:
        error = ValidationError("Ce versement ne correspond à aucune ligne de financement.")
        return PaymentVerdict((error,), (), ())
    errors = _amount_errors(money, line, payment)
    decided = line.line.decision_date
    if decided is not None and payment.paid_on < decided:
        errors.append(
            ValidationError(
                f"La date du versement ({_day(payment.paid_on)}) précède la décision "
                f"d'attribution ({_day(decided)}).",
                field="paid_on",
            )
        )
    if errors:
        return PaymentVerdict(tuple(errors), (), ())
    after = money.with_line(replace(line, paid_cents=line.paid_cents + payment.signed_cents))
    return PaymentVerdict(
        (), tuple(_warnings(money, line, payment, today)), status_following_money(after)
    )


def _amount_errors(money: ActionMoney, line: LineMoney, payment: Payment) -> list[ValidationError]:
    amount = payment.amount_cents
    refund = payment.kind is PaymentKind.REFUND
    if amount < 0 and not refund:
        return [
            ValidationError(
                f"Montant négatif ({format_cents(amount)}) : un remboursement s'enregistre "
                "comme « Reversement », avec un montant positif.",
                field="amount_cents",
            )
        ]
    if amount <= 0:
        return [
            ValidationError(
                "Le montant doit être supérieur à zéro (un reversement se saisit aussi en "
                "positif).",
                field="amount_cents",
            )
        ]
    if refund:
        if amount > line.paid_cents:
            return [
                ValidationError(
                    f"Le reversement ({format_cents(amount)}) dépasse ce qui a été versé sur "
                    f"cette ligne ({format_cents(line.paid_cents)}).",
                    field="amount_cents",
                )
            ]
        return []
    if money.status not in PAYABLE or line.granted_cents == 0:
        return [
            ValidationError(
                f"Aucun versement possible : l'action est « {money.status.label} » et rien "
                "n'a été accordé par ce financeur."
                if line.granted_cents == 0
                else f"Aucun versement possible : l'action est « {money.status.label} ».",
                field="amount_cents",
            )
        ]
    if amount > line.left_cents:
        return [
            ValidationError(
                f"Le versement ({format_cents(amount)}) dépasse le reste à verser sur cette "
                f"ligne : {format_cents(line.left_cents)} (accordé "
                f"{format_cents(line.granted_cents)}, déjà versé "
                f"{format_cents(line.paid_cents)}).",
                field="amount_cents",
            )
        ]
    return []


def _warnings(money: ActionMoney, line: LineMoney, payment: Payment, today: date) -> list[str]:
    if payment.kind is PaymentKind.REFUND:
        return []
    found = []
    left_after = line.left_cents - payment.amount_cents
    if payment.kind is PaymentKind.BALANCE:
        if not money.bilan_received:
            found.append("Solde versé avant la réception du bilan de l'action.")
        if left_after > 0:
            found.append(f"Ce solde laisse {format_cents(left_after)} à verser sur la ligne.")
    if payment.kind is PaymentKind.SINGLE:
        if line.paid_cents:
            found.append("Versement unique alors que des versements existent déjà sur la ligne.")
        elif left_after > 0:
            found.append(
                f"Ce versement unique ne couvre pas tout l'accordé : "
                f"{format_cents(left_after)} resteront à verser."
            )
    if line.line.act_kind is None:
        found.append("Aucun acte attributif (arrêté, convention) n'est saisi pour cette ligne.")
    if payment.paid_on > today:
        found.append(f"Date de versement à venir ({_day(payment.paid_on)}).")
    return found


def check_payment_removal(line: LineMoney, payment: Payment) -> list[ValidationError]:
    """Removing a payment (a correction) must not leave more paid than granted."""
    after = line.paid_cents - payment.signed_cents
    if after < 0:
        return [
            ValidationError(
                "Supprimer ce versement laisserait un total versé négatif : supprimez "
                "d'abord le reversement qui le suit.",
                field="amount_cents",
            )
        ]
    if after > line.granted_cents:
        return [
            ValidationError(
                f"Supprimer ce reversement laisserait {format_cents(after)} versés pour "
                f"{format_cents(line.granted_cents)} accordés.",
                field="amount_cents",
            )
        ]
    return []


def suggested_kind(paid_cents: int, act: ActKind | None, bilan_received: bool) -> PaymentKind:
    """The usual next payment: the rest as the solde once something was paid, half as an
    advance under a convention, the whole grant in one go under an arrêté."""
    if paid_cents > 0:
        return PaymentKind.BALANCE
    if act is not None and act.is_agreement and not bilan_received:
        return PaymentKind.ADVANCE
    return PaymentKind.SINGLE


def suggested_payment(line: LineMoney, bilan_received: bool) -> tuple[PaymentKind, int]:
    """The usual next payment on a line and its amount (see ``suggested_kind``)."""
    left = line.left_cents
    kind = suggested_kind(line.paid_cents, line.line.act_kind, bilan_received)
    if kind is PaymentKind.ADVANCE:
        return kind, min(left, line.granted_cents // 2 // 100 * 100)
    return kind, left
