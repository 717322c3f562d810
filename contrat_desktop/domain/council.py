"""The conseil citoyen and its members (DOMAIN.md §3): who sits, since when, who left and why.

A member's record is never overwritten by a departure: leaving sets the exit date and reason,
and a later return is a new record. Counts are always taken at a given date.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError


class College(StrEnum):
    RESIDENTS = "habitants"
    LOCAL_ACTORS = "acteurs_locaux"

    @property
    def label(self) -> str:
        return {
            College.RESIDENTS: "Habitants",
            College.LOCAL_ACTORS: "Associations et acteurs locaux",
        }[self]


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"

    @property
    def label(self) -> str:
        return {Sex.FEMALE: "Femme", Sex.MALE: "Homme"}[self]


class Designation(StrEnum):
    DRAW = "tirage_au_sort"
    VOLUNTEER = "volontaire"
    ASSOCIATION = "designe_association"

    @property
    def label(self) -> str:
        return {
            Designation.DRAW: "Tiré(e) au sort",
            Designation.VOLUNTEER: "Volontaire",
            Designation.ASSOCIATION: "Désigné(e) par une association",
        }[self]


@dataclass(frozen=True, slots=True)
class AgeBand:
    """Ages ``low`` to ``high`` included (``high`` None: and over)."""

    low: int
    high: int | None = None

    @classmethod
    def parse(cls, text: str) -> AgeBand:
        """``"18-29"``, ``"60+"`` or what ``display`` writes (« 26-39 ans », « 60 ans et
        plus », « moins de 26 ans ») → a band; a French ``ValidationError`` otherwise."""
        cleaned = text.strip().lower().replace(" ", "").replace("\u00a0", "").replace("–", "-")
        if cleaned.endswith("ansetplus"):
            cleaned = cleaned.removesuffix("ansetplus") + "+"
        cleaned = cleaned.removesuffix("ans")
        if cleaned.startswith("moinsde") and cleaned[7:].isdigit():
            cleaned = f"0-{int(cleaned[7:]) - 1}"
        try:
            if cleaned.endswith("+"):
                return cls(int(cleaned[:-1]))
            low, high = cleaned.split("-")
            band = cls(int(low), int(high))
        except ValueError:
            raise ValidationError(
                f"Tranche d'âge « {text} » illisible : écrivez par exemple « 18-29 » ou « 60+ ».",
                field="age_band",
            ) from None
        if band.high is not None and band.high < band.low:
            raise ValidationError(f"La tranche d'âge « {text} » est inversée.", field="age_band")
        return band

    @property
    def label(self) -> str:
        """The short form a quota holds (« 18-29 », « 60+ »)."""
        return f"{self.low}+" if self.high is None else f"{self.low}-{self.high}"

    @property
    def display(self) -> str:
        """What tables and documents read: « moins de 26 ans », « 26-39 ans », « 60 ans et
        plus » (no band reads as two: bounds included, written in years)."""
        if self.high is None:
            return f"{self.low} ans et plus"
        if self.low == 0:
            return f"moins de {self.high + 1} ans"
        return f"{self.low}-{self.high} ans"

    def holds(self, age: int) -> bool:
        return age >= self.low and (self.high is None or age <= self.high)


# The council's age bands (DOMAIN.md names none): they never overlap and cover every age, so
# that a person aged 25 is counted once, in « moins de 26 ans »; the composition, the members'
# table and roster, and a draw's result all count with them.
AGE_BANDS = (AgeBand(0, 25), AgeBand(26, 39), AgeBand(40, 59), AgeBand(60))
UNKNOWN = "non renseigné"


def age_band_label(birth_year: int | None, year: int, bands: Iterable[AgeBand] = AGE_BANDS) -> str:
    """The ``display`` of the first of ``bands`` that holds the age reached in ``year``."""
    if birth_year is None:
        return UNKNOWN
    age = year - birth_year
    return next((band.display for band in bands if band.holds(age)), UNKNOWN)


def band_rank(label: str) -> int:
    """The place of a ``display`` label among ``AGE_BANDS`` (« non renseigné » last)."""
    shown = [band.display for band in AGE_BANDS]
    return shown.index(label) if label in shown else len(shown)


@dataclass(frozen=True, slots=True)
class CitizenCouncil:
    name: str
    district_codes: tuple[str, ...] = ()
    recognition_act_number: str = ""  # arrêté préfectoral
    recognition_act_date: date | None = None
    host_structure: str = ""
    internal_rules: str = ""
    installed_on: date | None = None
    renewal_due_on: date | None = None
    id: int | None = None
    version: int = 1

    def problems(self) -> list[ValidationError]:
        found = []
        if not self.name.strip():
            found.append(
                ValidationError("Le nom du conseil citoyen est obligatoire.", field="name")
            )
        if not self.district_codes:
            found.append(
                ValidationError("Indiquez au moins un quartier couvert.", field="district_codes")
            )
        if self.installed_on and self.renewal_due_on and self.renewal_due_on < self.installed_on:
            found.append(
                ValidationError(
                    "Le renouvellement ne peut précéder l'installation.", field="renewal_due_on"
                )
            )
        return found


@dataclass(frozen=True, slots=True)
class Member:
    """One mandate of a person on the council; the name and contact live in ``Person``."""

    council_id: int
    person_id: int
    college: College
    entry_date: date
    sex: Sex | None = None
    birth_year: int | None = None
    district: str = ""  # QPV code of residence
    designation: Designation = Designation.VOLUNTEER
    draw_list: str = ""  # the named list a drawn resident came from
    draw_id: int | None = None
    organisation: str = ""  # the association that designated a local actor
    exit_date: date | None = None
    exit_reason: str = ""
    steering_representative: bool = False  # sits for the council in steering bodies
    official: bool = False  # elected official, State representative or agent: not allowed
    consent_date: date | None = None
    consent_purpose: str = ""
    anonymised_on: date | None = None
    id: int | None = None
    version: int = 1

    def active_on(self, day: date) -> bool:
        return self.entry_date <= day and (self.exit_date is None or self.exit_date > day)

    def problems(self) -> list[ValidationError]:
        found = []
        if self.exit_date is not None and self.exit_date < self.entry_date:
            found.append(
                ValidationError("La date de sortie précède la date d'entrée.", field="exit_date")
            )
        if self.designation is Designation.DRAW and not self.draw_list.strip():
            found.append(
                ValidationError(
                    "Indiquez la liste dont ce membre a été tiré au sort.", field="draw_list"
                )
            )
        if self.birth_year is not None and not 1900 <= self.birth_year <= self.entry_date.year:
            found.append(
                ValidationError(
                    f"Année de naissance invraisemblable : {self.birth_year}.", field="birth_year"
                )
            )
        return found


def leave(member: Member, on: date, reason: str) -> Member:
    """The member with an exit recorded; the record itself stays (history)."""
    if member.exit_date is not None:
        raise ValidationError("Ce membre a déjà quitté le conseil.", field="exit_date")
    if on < member.entry_date:
        raise ValidationError("La date de sortie précède la date d'entrée.", field="exit_date")
    if not reason.strip():
        raise ValidationError("Indiquez le motif de sortie.", field="exit_reason")
    return dataclasses.replace(member, exit_date=on, exit_reason=reason.strip())


def active_members(members: Iterable[Member], day: date) -> list[Member]:
    return [m for m in members if m.active_on(day)]


@dataclass(frozen=True, slots=True)
class CompositionCounts:
    """The council on one day: counts by college, sex (all and residents), age band, district."""

    day: date
    total: int
    by_college: dict[str, int]
    by_sex: dict[str, int]
    residents_by_sex: dict[str, int]
    by_age_band: dict[str, int]
    by_district: dict[str, int]


def composition_on(members: Iterable[Member], day: date) -> CompositionCounts:
    present = active_members(members, day)
    residents = [m for m in present if m.college is College.RESIDENTS]

    def sexes(group: list[Member]) -> dict[str, int]:
        return dict(Counter(m.sex.label if m.sex else UNKNOWN for m in group))

    return CompositionCounts(
        day=day,
        total=len(present),
        by_college=dict(Counter(m.college.label for m in present)),
        by_sex=sexes(present),
        residents_by_sex=sexes(residents),
        by_age_band=dict(Counter(age_band_label(m.birth_year, day.year) for m in present)),
        by_district=dict(Counter(m.district or UNKNOWN for m in present)),
    )


def composition_over_time(
    members: Iterable[Member], days: Iterable[date]
) -> list[CompositionCounts]:
    listed = list(members)
    return [composition_on(listed, day) for day in days]
