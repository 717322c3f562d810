"""Actions examined in a meeting: the avis, the amounts per funder, conditions and comment."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus


class AmountKind(StrEnum):
    """Which amount a body decides: a comité technique proposes, a COPIL grants."""

    PROPOSED = "proposed"
    GRANTED = "granted"

    @property
    def label(self) -> str:
        return {AmountKind.PROPOSED: "proposé", AmountKind.GRANTED: "accordé"}[self]


DECIDING_KINDS = {"copil": AmountKind.GRANTED}


def amount_kind(body_kind_code: str) -> AmountKind:
    return DECIDING_KINDS.get(body_kind_code, AmountKind.PROPOSED)


@dataclass(frozen=True, slots=True)
class FunderAmount:
    funder_id: int
    amount_cents: int

    def __post_init__(self) -> None:
        if self.amount_cents < 0:
            raise ValidationError("Un montant ne peut être négatif.", field="amount")


@dataclass(frozen=True, slots=True)
class ExaminedAction:
    meeting_id: int
    action_id: int
    position: int = 0
    opinion: Opinion | None = None
    conditions: str = ""
    comment: str = ""
    amounts: tuple[FunderAmount, ...] = ()
    id: int | None = None
    version: int = 1

    def amount_for(self, funder_id: int) -> int | None:
        for amount in self.amounts:
            if amount.funder_id == funder_id:
                return amount.amount_cents
        return None

    def problems(self) -> list[ValidationError]:
        found = []
        if self.opinion is Opinion.FAVOURABLE_WITH_CONDITIONS and not self.conditions.strip():
            found.append(
                ValidationError(
                    "Un avis favorable sous réserve doit préciser ses conditions.",
                    field="conditions",
                )
            )
        if self.opinion in {Opinion.UNFAVOURABLE, Opinion.POSTPONED} and any(
            a.amount_cents for a in self.amounts
        ):
            found.append(
                ValidationError(
                    "Un avis défavorable ou ajourné ne peut pas porter de montant.",
                    field="amounts",
                )
            )
        return found


def target_status(opinion: Opinion | None, kind: AmountKind) -> ActionStatus | None:
    """The status an examined action should reach once the minutes are validated."""
    if opinion is None:
        return None
    if kind is AmountKind.PROPOSED:
        return ActionStatus.POSTPONED if opinion is Opinion.POSTPONED else ActionStatus.PROPOSED
    return {
        Opinion.FAVOURABLE: ActionStatus.GRANTED,
        Opinion.FAVOURABLE_WITH_CONDITIONS: ActionStatus.GRANTED,
        Opinion.POSTPONED: ActionStatus.POSTPONED,
        Opinion.UNFAVOURABLE: ActionStatus.REFUSED,
    }[opinion]


def starting_amounts(
    kind: AmountKind, proposed: Mapping[int, int], granted: Mapping[int, int]
) -> tuple[FunderAmount, ...]:
    """The amounts an action put on a meeting's table starts from: for a comité technique,
    the latest amount proposed to each funder; for a COPIL, the amount already granted, else
    the latest proposed. A funder with neither stays empty: never the amount requested, so
    that validating without typing writes nothing the meeting did not decide (the amount
    requested is shown beside it)."""
    start = dict(proposed)
    if kind is AmountKind.GRANTED:
        start.update(granted)
    return tuple(FunderAmount(funder_id, cents) for funder_id, cents in sorted(start.items()))


def totals_per_funder(examined: Iterable[ExaminedAction]) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for item in examined:
        for amount in item.amounts:
            totals[amount.funder_id] += amount.amount_cents
    return dict(totals)


@dataclass(frozen=True, slots=True)
class EnvelopeCheck:
    """One funder's total in the meeting set against its envelope for the year."""

    funder_id: int
    in_meeting_cents: int
    committed_elsewhere_cents: int
    envelope_cents: int | None  # None: no envelope recorded

    @property
    def left_cents(self) -> int | None:
        if self.envelope_cents is None:
            return None
        return self.envelope_cents - self.committed_elsewhere_cents - self.in_meeting_cents

    @property
    def over(self) -> bool:
        left = self.left_cents
        return left is not None and left < 0


def envelope_checks(
    totals: Mapping[int, int],
    envelopes: Mapping[int, int],
    committed_elsewhere: Mapping[int, int],
) -> list[EnvelopeCheck]:
    return [
        EnvelopeCheck(
            funder_id, cents, committed_elsewhere.get(funder_id, 0), envelopes.get(funder_id)
        )
        for funder_id, cents in sorted(totals.items())
    ]
