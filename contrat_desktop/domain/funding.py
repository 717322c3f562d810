"""Co-financing: one funding line per action and funder, its attributive act, and the
payments made against it (DOMAIN.md §3)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from contrat_desktop.domain.deadline_setting import deadline_day
from contrat_desktop.domain.errors import ValidationError

# Décret 2001-495: a convention is required above 23 000 € per holder and funder in a year.
CONVENTION_THRESHOLD_CENTS = 2_300_000
_EJ = re.compile(r"^(?:EJ)?(\d{10})$", re.IGNORECASE)


class ActKind(StrEnum):
    """The attributive act that notifies a grant."""

    DECREE = "arrete"
    AGREEMENT = "convention"
    MULTI_YEAR = "cpo"  # convention pluriannuelle d'objectifs

    @property
    def label(self) -> str:
        return ACT_LABELS[self]

    @property
    def is_agreement(self) -> bool:
        """A convention, single-year or multi-year (what décret 2001-495 asks for)."""
        return self is not ActKind.DECREE


ACT_LABELS = {
    ActKind.DECREE: "Arrêté",
    ActKind.AGREEMENT: "Convention",
    ActKind.MULTI_YEAR: "CPO pluriannuelle",
}


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
    """Money paid on a funding line; the amount is positive, a refund counts negatively."""

    funding_line_id: int
    kind: PaymentKind
    amount_cents: int
    paid_on: date
    accounting_reference: str = ""  # mandate or Chorus reference of the payment
    id: int | None = None
    version: int = 1

    @property
    def signed_cents(self) -> int:
        """A refund (reversement) comes back: it counts negatively."""
        return -self.amount_cents if self.kind is PaymentKind.REFUND else self.amount_cents


@dataclass(frozen=True, slots=True)
class FundingLine:
    """Per action × funder: requested, proposed (comité technique), granted (COPIL / funder),
    and the attributive act of the grant (kind, number, signature, EJ, years of a CPO)."""

    action_id: int
    funder_id: int
    requested_cents: int = 0
    proposed_cents: int | None = None
    granted_cents: int | None = None
    decision_reference: str = ""
    decision_date: date | None = None
    act_kind: ActKind | None = None
    act_number: str = ""
    act_signed_on: date | None = None
    ej_number: str = ""  # engagement juridique in Chorus (State funders): 10 digits
    cpo_first_year: int | None = None
    cpo_last_year: int | None = None
    id: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        if min(self.requested_cents or 0, self.proposed_cents or 0, self.granted_cents or 0) >= 0:
            return  # the usual case (thousands of lines read), no amount looked up by name
        for name in ("requested_cents", "proposed_cents", "granted_cents"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValidationError("Un montant de financement ne peut être négatif.", field=name)

    @property
    def act_signed(self) -> bool:
        return self.act_kind is not None and self.act_signed_on is not None

    def act_label(self) -> str:
        """« Convention n° 2026-14 du 12/05/2026 », or "" when no act is recorded."""
        return act_label(
            self.act_kind, self.act_number, self.act_signed_on, self.cpo_first_year,
            self.cpo_last_year,
        )  # fmt: skip


class ActLine(Protocol):
    """What an act's text is made of, on a ``FundingLine`` or a line read for an export."""

    @property
    def funder_id(self) -> int: ...
    @property
    def granted_cents(self) -> int | None: ...
    @property
    def act_kind(self) -> ActKind | None: ...
    def act_label(self) -> str: ...


def act_label(
    kind: ActKind | None,
    number: str,
    signed_on: date | None,
    first_year: int | None,
    last_year: int | None,
) -> str:
    """« Convention n° 2026-14 du 12/05/2026 », or "" when no act is recorded."""
    if kind is None:
        return ""
    text = kind.label
    if kind is ActKind.MULTI_YEAR and first_year and last_year:
        text += f" {first_year}-{last_year}"
    if number:
        text += f" n° {number}"
    if signed_on:
        text += f" du {signed_on:%d/%m/%Y}"
    return text


def paid_cents(payments: Iterable[Payment]) -> int:
    return sum(payment.signed_cents for payment in payments)


def left_to_pay_cents(line: ActLine, paid: int) -> int:
    """What is still to be paid on a line (never negative)."""
    return max((line.granted_cents or 0) - paid, 0)


def convention_required(
    granted_by_holder_funder_year_cents: int, threshold_cents: int = CONVENTION_THRESHOLD_CENTS
) -> bool:
    """True above the threshold (23 000 €) granted to one holder by one funder in one year."""
    return granted_by_holder_funder_year_cents > threshold_cents


def suggested_act_kind(
    granted_by_holder_funder_year_cents: int, threshold_cents: int = CONVENTION_THRESHOLD_CENTS
) -> ActKind:
    if convention_required(granted_by_holder_funder_year_cents, threshold_cents):
        return ActKind.AGREEMENT
    return ActKind.DECREE


def normalise_ej(text: str) -> str:
    """``EJ 2100 123 456`` → ``2100123456``; raises ``ValidationError`` on another shape."""
    compact = re.sub(r"[\s\u00a0\u202f.\-/]", "", text or "")
    if not compact:
        return ""
    match = _EJ.match(compact)
    if match is None:
        raise ValidationError(
            f"L'EJ Chorus « {text.strip()} » doit compter exactement 10 chiffres (ex. 2103456789).",
            field="ej_number",
        )
    return match.group(1)


def act_problems(line: FundingLine, campaign_year: int | None = None) -> list[ValidationError]:
    """What is wrong with the act recorded on a line, as French messages tied to a field."""
    found: list[ValidationError] = []
    if line.ej_number:
        try:
            normalise_ej(line.ej_number)
        except ValidationError as error:
            found.append(error)
    if line.act_kind is None:
        if line.act_number or line.act_signed_on:
            found.append(
                ValidationError(
                    "Choisissez le type d'acte (arrêté, convention, CPO) avant son numéro "
                    "ou sa date de signature.",
                    field="act_kind",
                )
            )
        return found
    if line.act_signed_on and line.decision_date and line.act_signed_on < line.decision_date:
        found.append(
            ValidationError(
                f"La date de signature de l'acte ({line.act_signed_on:%d/%m/%Y}) précède "
                f"la décision ({line.decision_date:%d/%m/%Y}).",
                field="act_signed_on",
            )
        )
    if line.act_kind is ActKind.MULTI_YEAR:
        first, last = line.cpo_first_year, line.cpo_last_year
        if first is None or last is None:
            found.append(
                ValidationError(
                    "Une CPO pluriannuelle indique sa première et sa dernière année.",
                    field="cpo_first_year",
                )
            )
        elif not 2 <= last - first + 1 <= 4:
            found.append(
                ValidationError(
                    f"Une CPO couvre de 2 à 4 ans : {first}-{last} ne convient pas.",
                    field="cpo_last_year",
                )
            )
        elif campaign_year is not None and not first <= campaign_year <= last:
            found.append(
                ValidationError(
                    f"La CPO {first}-{last} ne couvre pas l'année de l'action ({campaign_year}).",
                    field="cpo_first_year",
                )
            )
    elif line.cpo_first_year or line.cpo_last_year:
        found.append(
            ValidationError(
                "Les années de convention ne valent que pour une CPO pluriannuelle.",
                field="cpo_first_year",
            )
        )
    return found


def bilan_deadline(campaign_year: int, month_day: str = "06-30") -> date:
    """The holder's bilan is due within six months of the year's end: 30 June N+1 (the
    month and day are a dossier setting)."""
    month, day = deadline_day(campaign_year + 1, month_day)
    return date(campaign_year + 1, month, day)


def bilan_late(
    campaign_year: int, received_on: date | None, today: date, month_day: str = "06-30"
) -> bool:
    deadline = bilan_deadline(campaign_year, month_day)
    if received_on is not None:
        return received_on > deadline
    return today > deadline
