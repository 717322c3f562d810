"""Co-financing: one funding line per action and funder, and the payments made against it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError

# Décret 2001-495: a convention is required above 23 000 € per holder and funder in a year.
CONVENTION_THRESHOLD_CENTS = 2_300_000


class ActKind(StrEnum):
    DECREE = "arrete"
    AGREEMENT = "convention"

    @property
    def label(self) -> str:
        return {ActKind.DECREE: "Arrêté", ActKind.AGREEMENT: "Convention"}[self]


class PaymentKind(StrEnum):
    ADVANCE = "avance"
    INSTALMENT = "acompte"
    BALANCE = "solde"
    SINGLE = "versement_unique"
    REFUND = "reversement"

    @property
    def label(self) -> str:
        return {
            PaymentKind.ADVANCE: "Avance",
            PaymentKind.INSTALMENT: "Acompte",
            PaymentKind.BALANCE: "Solde",
            PaymentKind.SINGLE: "Versement unique",
            PaymentKind.REFUND: "Reversement",
        }[self]


@dataclass(frozen=True, slots=True)
class Payment:
    funding_line_id: int
    kind: PaymentKind
    amount_cents: int
    paid_on: date
    accounting_reference: str = ""  # Chorus EJ for the State
    id: int | None = None
    version: int = 1

    @property
    def signed_cents(self) -> int:
        """A refund (reversement) comes back: it counts negatively."""
        return -self.amount_cents if self.kind is PaymentKind.REFUND else self.amount_cents


@dataclass(frozen=True, slots=True)
class FundingLine:
    """Per action × funder: requested, proposed (comité technique), granted (COPIL / funder)."""

    action_id: int
    funder_id: int
    requested_cents: int = 0
    proposed_cents: int | None = None
    granted_cents: int | None = None
    decision_reference: str = ""
    decision_date: date | None = None
    act_kind: ActKind | None = None
    multi_year_agreement: bool = False  # CPO
    id: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        for name in ("requested_cents", "proposed_cents", "granted_cents"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValidationError("Un montant de financement ne peut être négatif.", field=name)


def paid_cents(payments: Iterable[Payment]) -> int:
    return sum(payment.signed_cents for payment in payments)


def convention_required(granted_by_holder_funder_year_cents: int) -> bool:
    """True above 23 000 € granted to one holder by one funder in one year."""
    return granted_by_holder_funder_year_cents > CONVENTION_THRESHOLD_CENTS


def suggested_act_kind(granted_by_holder_funder_year_cents: int) -> ActKind:
    if convention_required(granted_by_holder_funder_year_cents):
        return ActKind.AGREEMENT
    return ActKind.DECREE


def bilan_deadline(campaign_year: int) -> date:
    """The holder's bilan is due within six months of the year's end: 30 June N+1."""
    return date(campaign_year + 1, 6, 30)


def bilan_late(campaign_year: int, received_on: date | None, today: date) -> bool:
    deadline = bilan_deadline(campaign_year)
    if received_on is not None:
        return received_on > deadline
    return today > deadline
