"""Status and money that contradict each other (issue 16 point 8), and the status moves the
money refuses or warns about.

``contradictions`` lists what is wrong with an action as it stands (granted while still
"en instruction" or "refusé", paid while not yet running, "soldé" with money left to pay...);
the action editor shows them, the programmation lists them, the reminders count them.
``check_move`` judges a status change before it is made: a move to refused, abandoned or not
admissible is refused while money was paid; any contradiction the move would create is a
warning the user confirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from contrat_desktop.domain.action_money import ActionMoney, LineMoney
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus

S = ActionStatus
BEFORE_DECISION = frozenset(
    {S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED}
)
TURNED_DOWN = frozenset({S.REFUSED, S.INADMISSIBLE, S.ABANDONED})
DECIDED = frozenset(MAIN_PATH[MAIN_PATH.index(S.GRANTED) :])
NOT_YET_PAID = BEFORE_DECISION | TURNED_DOWN | {S.GRANTED, S.NOTIFIED}
WITH_BILAN = frozenset({S.REPORT_RECEIVED, S.SETTLED, S.CLOSED})


@dataclass(frozen=True, slots=True)
class MoveVerdict:
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def contradictions(money: ActionMoney) -> list[str]:
    """French sentences, one per contradiction between the status and the amounts."""
    status, label = money.status, f"« {money.status.label} »"
    granted, paid = money.granted_cents, money.paid_cents
    found = []
    if granted > 0 and status in BEFORE_DECISION | TURNED_DOWN:
        found.append(f"{format_cents(granted)} accordés alors que l'action est {label}.")
    if paid > 0 and status in NOT_YET_PAID:
        found.append(f"{format_cents(paid)} versés alors que l'action est {label}.")
    if money.overpaid_cents > 0:
        found.append(f"Versé au-delà de l'accordé de {format_cents(money.overpaid_cents)}.")
    if granted == 0 and status in DECIDED:
        found.append(f"Action {label} sans aucun montant accordé.")
    if status is S.RUNNING and paid <= 0 and granted > 0:
        found.append(f"Action {label} sans aucun versement enregistré.")
    if status in (S.SETTLED, S.CLOSED) and money.left_cents > 0:
        found.append(f"Action {label} alors qu'il reste {format_cents(money.left_cents)} à verser.")
    if status in WITH_BILAN and money.bilan_received is False and granted > 0:
        found.append(f"Action {label} sans bilan saisi.")
    return found


def live_contradictions(
    status: ActionStatus,
    lines: Iterable[FundingLine],
    paid_by_funder: Mapping[int, int],
    bilan_received: bool | None,
) -> list[str]:
    """The contradictions of an action being edited: its lines as typed, what was paid."""
    money = tuple(LineMoney(line, paid_by_funder.get(line.funder_id, 0)) for line in lines)
    return contradictions(ActionMoney(status, money, bilan_received))


def check_move(
    money: ActionMoney, target: ActionStatus, *, act_recorded: bool = True
) -> MoveVerdict:
    """Refuse a move the money forbids; warn about the contradictions it would create."""
    if target in TURNED_DOWN and money.paid_cents > 0:
        return MoveVerdict(
            (
                f"L'action a reçu {format_cents(money.paid_cents)} : enregistrez d'abord le "
                f"reversement avant de la passer à « {target.label} ».",
            ),
            (),
        )
    before = set(contradictions(money))
    after = ActionMoney(target, money.lines, money.bilan_received)
    warnings = [text for text in contradictions(after) if text not in before]
    if target is S.NOTIFIED and money.granted_cents > 0 and not act_recorded:
        warnings.append("Aucun acte attributif (arrêté, convention) n'est saisi.")
    return MoveVerdict((), tuple(warnings))
