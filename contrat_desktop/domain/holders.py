"""Holders (porteurs): associations, municipal services, bailleurs... that carry actions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.identifiers import postcode_problem, siret_problem, validate_rna

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class HolderKind(StrEnum):
    ASSOCIATION = "association"
    MUNICIPAL_SERVICE = "service_municipal"
    CCAS = "ccas"
    INTERCOMMUNALITY = "epci"
    SOCIAL_LANDLORD = "bailleur"
    PUBLIC_BODY = "etablissement_public"
    COMPANY = "entreprise"
    OTHER = "autre"

    @property
    def label(self) -> str:
        return {
            HolderKind.ASSOCIATION: "Association loi 1901",
            HolderKind.MUNICIPAL_SERVICE: "Service municipal",
            HolderKind.CCAS: "CCAS",
            HolderKind.INTERCOMMUNALITY: "EPT / EPCI",
            HolderKind.SOCIAL_LANDLORD: "Bailleur social",
            HolderKind.PUBLIC_BODY: "Établissement public",
            HolderKind.COMPANY: "Entreprise",
            HolderKind.OTHER: "Autre",
        }[self]


@dataclass(frozen=True, slots=True)
class Holder:
    """A holder (porteur): the organisation that carries actions."""

    legal_name: str
    kind: HolderKind = HolderKind.ASSOCIATION
    acronym: str = ""
    siret: str = ""
    rna: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    legal_representative: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    dauphin_account: str = ""
    notes: str = ""
    dissolved_on: date | None = None  # dissolved, or its activity ceased: no renewal
    id: int | None = None
    version: int = 1

    @property
    def display_name(self) -> str:
        return f"{self.legal_name} ({self.acronym})" if self.acronym else self.legal_name


def holder_problems(holder: Holder) -> list[ValidationError]:
    """Every rule the holder breaks, as French messages tied to a field."""
    problems: list[ValidationError] = []
    if not holder.legal_name.strip():
        problems.append(ValidationError("La raison sociale est obligatoire.", field="legal_name"))
    if holder.siret:
        message = siret_problem(holder.siret)
        if message:
            problems.append(ValidationError(message, field="siret"))
    if holder.postcode:
        message = postcode_problem(holder.postcode)
        if message:
            problems.append(ValidationError(message, field="postcode"))
    if holder.rna:
        try:
            validate_rna(holder.rna)
        except ValidationError as error:
            problems.append(error)
    if holder.contact_email and not _EMAIL.match(holder.contact_email):
        problems.append(
            ValidationError(
                f"L'adresse électronique « {holder.contact_email} » est invalide.",
                field="contact_email",
            )
        )
    return problems
