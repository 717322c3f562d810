"""The contract, its territory (communes, districts) and its yearly campaigns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Commune:
    """A commune of the contract, by its INSEE code."""

    insee_code: str
    name: str
    contract_id: int | None = None
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class District:
    """A quartier prioritaire (QPV): ``QP094xxx`` (2015) or ``QN09401M``-like (2024)."""

    code: str
    name: str
    generation: int = 2015
    population: int | None = None
    commune_codes: tuple[str, ...] = ()
    contract_id: int | None = None
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Contract:
    """The contract a dossier holds: its name, years and signatories."""

    name: str
    code: str
    start_year: int
    end_year: int
    epci: str = ""
    signatories: tuple[str, ...] = ()
    communes: tuple[Commune, ...] = ()
    id: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("Le nom du contrat est obligatoire.", field="name")
        if self.end_year < self.start_year:
            raise ValidationError(
                f"La période du contrat est inversée ({self.start_year}–{self.end_year}).",
                field="end_year",
            )


@dataclass(frozen=True, slots=True)
class Campaign:
    """One budget year of programmation (appel à projets)."""

    year: int
    contract_id: int | None = None
    launch_date: date | None = None
    filing_deadline: date | None = None
    committee_dates: tuple[date, ...] = ()
    priorities: str = ""
    closed: bool = False  # no renewal into it any more
    id: int | None = None
    version: int = 1

    @property
    def label(self) -> str:
        return f"Campagne {self.year}"
