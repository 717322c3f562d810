"""Funders (financeurs) and their yearly envelopes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.identifiers import siret_problem


class FunderKind(StrEnum):
    """Mirrors the split of account 74 in the Cerfa budget."""

    STATE = "etat"
    REGION = "region"
    DEPARTMENT = "departement"
    INTERCOMMUNALITY = "epci"
    COMMUNE = "commune"
    SOCIAL_BODY = "organisme_social"
    EUROPEAN_FUNDS = "fonds_europeens"
    SOCIAL_LANDLORD = "bailleur"
    OTHER = "autre"

    @property
    def label(self) -> str:
        return {
            FunderKind.STATE: "État",
            FunderKind.REGION: "Région",
            FunderKind.DEPARTMENT: "Département",
            FunderKind.INTERCOMMUNALITY: "EPCI / EPT",
            FunderKind.COMMUNE: "Commune",
            FunderKind.SOCIAL_BODY: "Organisme social (CAF...)",
            FunderKind.EUROPEAN_FUNDS: "Fonds européens",
            FunderKind.SOCIAL_LANDLORD: "Bailleur social",
            FunderKind.OTHER: "Autre",
        }[self]


@dataclass(frozen=True, slots=True)
class Funder:
    """A funder of the contract (the State, the city, the department...)."""

    name: str
    kind: FunderKind
    short_name: str = ""
    instructing_service: str = ""
    contact: str = ""
    siret: str = ""  # the attribuant of its grants in the open data (SCDL)
    position: int = 0
    active: bool = True
    id: int | None = None
    version: int = 1

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class Envelope:
    """A funder's budget for one year; ``committed`` and ``paid`` come from the actions."""

    funder_id: int
    year: int
    amount_cents: int
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class EnvelopeUse:
    """How much of a funder's envelope is committed and paid."""

    envelope: Envelope
    committed_cents: int
    paid_cents: int

    @property
    def left_cents(self) -> int:
        return self.envelope.amount_cents - self.committed_cents

    @property
    def left_to_pay_cents(self) -> int:
        """Granted but not paid yet."""
        return self.committed_cents - self.paid_cents

    @property
    def over_committed(self) -> bool:
        return self.committed_cents > self.envelope.amount_cents


def funder_problems(funder: Funder, other_names: Collection[str] = ()) -> list[ValidationError]:
    """Every rule the funder breaks, as French messages tied to a field."""
    problems: list[ValidationError] = []
    name = funder.name.strip()
    if not name:
        problems.append(ValidationError("Le nom du financeur est obligatoire.", field="name"))
    elif name.casefold() in {other.casefold() for other in other_names}:
        problems.append(
            ValidationError(f"Un autre financeur s'appelle déjà « {name} ».", field="name")
        )
    if funder.siret:
        problem = siret_problem(funder.siret)
        if problem:
            problems.append(ValidationError(problem, field="siret"))
    return problems
