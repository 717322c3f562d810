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
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus

if TYPE_CHECKING:  # the action's money line by line: its editor and status moves, not the list
    from contrat_desktop.domain.action_money import ActionMoney
    from contrat_desktop.domain.funding import FundingLine

S = ActionStatus
BEFORE_DECISION = frozenset(
    {S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED}
)
TURNED_DOWN = frozenset({S.REFUSED, S.INADMISSIBLE, S.ABANDONED})
DECIDED = frozenset(MAIN_PATH[MAIN_PATH.index(S.GRANTED) :])
NOT_YET_PAID = BEFORE_DECISION | TURNED_DOWN | {S.GRANTED, S.NOTIFIED}
WITH_BILAN = frozenset({S.REPORT_RECEIVED, S.SETTLED, S.CLOSED})


class MoneyFacts(Protocol):
    """What the contradictions read of an action's money: ``ActionMoney`` (line by line) or
    ``MoneyTotals`` (summed by a query)."""

    @property
    def status(self) -> ActionStatus: ...

    @property
    def granted_cents(self) -> int: ...

    @property
    def paid_cents(self) -> int: ...

    @property
    def left_cents(self) -> int: ...

    @property
    def overpaid_cents(self) -> int: ...

    @property
    def bilan_received(self) -> bool | None: ...


@dataclass(frozen=True, slots=True)
class MoneyTotals:
    """An action's status and money totals, as the status/amount rules read them."""

    status: ActionStatus
    granted_cents: int
    paid_cents: int
    left_cents: int
    overpaid_cents: int
    bilan_received: bool | None = None


@dataclass(frozen=True, slots=True)
class MoveVerdict:
    """What moving an action to a status would break (errors) or question (warnings)."""

    errors: tuple[str, ...]
    warnings: tuple[str, ...]


class Condition(StrEnum):
    """What the amounts must show for a rule to apply (with the status)."""

    GRANTED = "granted"  # something granted
    PAID = "paid"  # something paid
    OVERPAID = "overpaid"  # paid beyond granted on a line
    NOTHING_GRANTED = "nothing_granted"
    NOTHING_PAID = "nothing_paid"  # granted, nothing paid
    LEFT_TO_PAY = "left_to_pay"
    NO_BILAN = "no_bilan"  # granted, no bilan received


@dataclass(frozen=True, slots=True)
class Rule:
    """A contradiction: ``condition`` on the amounts while the status is in ``statuses``
    (``None``: whatever the status). ``message`` may use {amount} and {status}."""

    statuses: frozenset[ActionStatus] | None
    condition: Condition
    message: str


# Declared once: the action editor, the programmation and the reminders read them, and the
# reminders' query pre-selects the actions with them (storage.reminder_queries).
RUNNING_ONLY = frozenset({S.RUNNING})
SETTLED = frozenset({S.SETTLED, S.CLOSED})
RULES: tuple[Rule, ...] = (
    Rule(
        BEFORE_DECISION | TURNED_DOWN,
        Condition.GRANTED,
        "{amount} accordés alors que l'action est {status}.",
    ),
    Rule(NOT_YET_PAID, Condition.PAID, "{amount} versés alors que l'action est {status}."),
    Rule(None, Condition.OVERPAID, "Versé au-delà de l'accordé de {amount}."),
    Rule(DECIDED, Condition.NOTHING_GRANTED, "Action {status} sans aucun montant accordé."),
    Rule(RUNNING_ONLY, Condition.NOTHING_PAID, "Action {status} sans aucun versement enregistré."),
    Rule(SETTLED, Condition.LEFT_TO_PAY, "Action {status} alors qu'il reste {amount} à verser."),
    Rule(WITH_BILAN, Condition.NO_BILAN, "Action {status} sans bilan saisi."),
)


def _amount(money: MoneyFacts, condition: Condition) -> int | None:
    """The amount the condition speaks of when it holds, 0 when it holds without one,
    ``None`` when it does not hold."""
    granted, paid = money.granted_cents, money.paid_cents
    holds = {
        Condition.GRANTED: granted if granted > 0 else None,
        Condition.PAID: paid if paid > 0 else None,
        Condition.OVERPAID: money.overpaid_cents if money.overpaid_cents > 0 else None,
        Condition.NOTHING_GRANTED: 0 if granted == 0 else None,
        Condition.NOTHING_PAID: 0 if granted > 0 and paid <= 0 else None,
        Condition.LEFT_TO_PAY: money.left_cents if money.left_cents > 0 else None,
        Condition.NO_BILAN: 0 if granted > 0 and money.bilan_received is False else None,
    }
    return holds[condition]


def contradictions(money: MoneyFacts) -> list[str]:
    """French sentences, one per contradiction between the status and the amounts."""
    found = []
    for rule in RULES:
        if rule.statuses is not None and money.status not in rule.statuses:
            continue
        amount = _amount(money, rule.condition)
        if amount is not None:
            found.append(
                rule.message.format(amount=format_cents(amount), status=f"« {money.status.label} »")
            )
    return found


def live_contradictions(
    status: ActionStatus,
    lines: Iterable[FundingLine],
    paid_by_funder: Mapping[int, int],
    bilan_received: bool | None,
) -> list[str]:
    """The contradictions of an action being edited: its lines as typed, what was paid."""
    from contrat_desktop.domain.action_money import ActionMoney, LineMoney

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
    from contrat_desktop.domain.action_money import ActionMoney

    before = set(contradictions(money))
    after = ActionMoney(target, money.lines, money.bilan_received)
    warnings = [text for text in contradictions(after) if text not in before]
    if target is S.NOTIFIED and money.granted_cents > 0 and not act_recorded:
        warnings.append("Aucun acte attributif (arrêté, convention) n'est saisi.")
    return MoveVerdict((), tuple(warnings))
