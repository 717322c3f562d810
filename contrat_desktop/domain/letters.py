"""What the letters to holders say, gathered as plain values: the notification of the
decision (amounts per funder, conditions, the act, the bilan's due date) and the reminder
of a late bilan. One letter per holder, for one or several of its actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.funding import ActKind


class LetterKind(StrEnum):
    NOTIFICATION = "notification"
    REMINDER = "relance"

    @property
    def label(self) -> str:
        return {"notification": "Notification de subvention", "relance": "Relance de bilan"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class Recipient:
    """The holder as an address block."""

    name: str
    representative: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""

    def lines(self) -> list[str]:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        shown = [self.name]
        if self.representative:
            shown.append(f"À l'attention de {self.representative}")
        return shown + [part for part in (self.address, town) if part]


@dataclass(frozen=True, slots=True)
class GrantLine:
    """One funder's grant to one action."""

    funder: str
    amount_cents: int
    act_kind: ActKind | None = None


@dataclass(frozen=True, slots=True)
class LetterAction:
    action_id: int
    reference: str
    title: str
    year: int
    grants: tuple[GrantLine, ...] = ()
    conditions: str = ""
    bilan_due: date | None = None

    @property
    def granted_cents(self) -> int:
        return sum(grant.amount_cents for grant in self.grants)


@dataclass(frozen=True, slots=True)
class HolderLetter:
    kind: LetterKind
    holder_id: int
    recipient: Recipient
    actions: tuple[LetterAction, ...]
    bilan_due: date  # the deadline of the bilan (of the first action's year)
    year: int
    agreement_needed: bool = False  # a convention (or CPO) is the act for one of the grants

    @property
    def granted_cents(self) -> int:
        return sum(action.granted_cents for action in self.actions)


@dataclass(frozen=True, slots=True)
class LetterBatch:
    kind: LetterKind
    year: int | None
    letters: tuple[HolderLetter, ...]
    place: str = ""  # « Villiers-sur-Marne, le … »
    written_on: date = field(default_factory=date.today)
