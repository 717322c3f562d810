"""The money of one action as the rules see it: per funding line, granted and paid, and
whether its bilan was received. Built by storage or operations, read by the rules of
payments, bilans, status moves and reminders."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.funding import FundingLine, left_to_pay_cents
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus


@dataclass(frozen=True, slots=True)
class LineMoney:
    """A funding line and what has been paid on it (refunds subtracted)."""

    line: FundingLine
    paid_cents: int = 0

    @property
    def granted_cents(self) -> int:
        return self.line.granted_cents or 0

    @property
    def left_cents(self) -> int:
        return left_to_pay_cents(self.line, self.paid_cents)

    @property
    def overpaid_cents(self) -> int:
        return max(self.paid_cents - self.granted_cents, 0)


@dataclass(frozen=True, slots=True)
class ActionMoney:
    """An action's status and the money on each of its funding lines."""

    status: ActionStatus
    lines: tuple[LineMoney, ...] = ()
    bilan_received: bool | None = None  # None: not known where the facts were read

    @property
    def granted_cents(self) -> int:
        return sum(line.granted_cents for line in self.lines)

    @property
    def paid_cents(self) -> int:
        return sum(line.paid_cents for line in self.lines)

    @property
    def left_cents(self) -> int:
        return sum(line.left_cents for line in self.lines)

    @property
    def overpaid_cents(self) -> int:
        return sum(line.overpaid_cents for line in self.lines)

    @property
    def fully_paid(self) -> bool:
        """Something was granted and nothing is left to pay on any line."""
        return self.granted_cents > 0 and self.left_cents == 0

    def line(self, line_id: int | None) -> LineMoney | None:
        return next((m for m in self.lines if m.line.id == line_id), None)

    def with_line(self, changed: LineMoney) -> ActionMoney:
        lines = tuple(changed if m.line.id == changed.line.id else m for m in self.lines)
        return ActionMoney(self.status, lines, self.bilan_received)


def forward_path(current: ActionStatus, target: ActionStatus) -> tuple[ActionStatus, ...]:
    """The statuses from ``current`` (excluded) to ``target`` along the main path, or ``()``
    when ``target`` is not ahead of ``current`` on it."""
    if current not in MAIN_PATH or target not in MAIN_PATH:
        return ()
    start, end = MAIN_PATH.index(current), MAIN_PATH.index(target)
    return tuple(MAIN_PATH[start + 1 : end + 1]) if end > start else ()


def status_following_money(money: ActionMoney) -> tuple[ActionStatus, ...]:
    """The moves the money asks for: a first payment on a granted or notified action makes it
    "en cours"; a received bilan with nothing left to pay makes it "soldé"."""
    status = money.status
    if status in (ActionStatus.GRANTED, ActionStatus.NOTIFIED) and money.paid_cents > 0:
        return forward_path(status, ActionStatus.RUNNING)
    if status is ActionStatus.REPORT_RECEIVED and money.fully_paid:
        return (ActionStatus.SETTLED,)
    return ()
