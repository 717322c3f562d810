"""Persons (contacts) and their seats on governance bodies (titular or substitute)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Person:
    """A contact; one person can sit on several bodies."""

    name: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    council_member: bool = False  # member of the conseil citoyen
    id: int | None = None
    version: int = 1

    def problems(self) -> list[ValidationError]:
        found = []
        if not self.name.strip():
            found.append(ValidationError("Le nom de la personne est obligatoire.", field="name"))
        if self.email and "@" not in self.email:
            found.append(
                ValidationError(f"L'adresse « {self.email} » n'est pas valide.", field="email")
            )
        return found


class Seat(StrEnum):
    TITULAR = "titulaire"
    SUBSTITUTE = "suppleant"

    @property
    def label(self) -> str:
        return {Seat.TITULAR: "Titulaire", Seat.SUBSTITUTE: "Suppléant(e)"}[self]


@dataclass(frozen=True, slots=True)
class BodyMember:
    """A person's seat on a body."""

    body_id: int
    person_id: int
    seat: Seat = Seat.TITULAR
    position: int = 0
    id: int | None = None
    version: int = 1
