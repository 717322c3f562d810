"""The list of the conseil citoyen's members on one day, as the préfecture needs it for the
arrêté that recognises the council's composition (DOMAIN.md §8.9).

What it holds follows data minimisation: the préfecture checks the two colleges, the draw,
parity and the spread of ages and districts, so each line gives civility and name, sex, age
band (never the birth year), district code, designation, the designating structure (local
actors) and the entry date; no address, e-mail or phone. Lines are sorted by college, then
by name as typed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.council import (
    UNKNOWN,
    CitizenCouncil,
    College,
    CompositionCounts,
    Designation,
    Member,
    Sex,
    age_band_label,
    band_rank,
)
from contrat_desktop.domain.french_dates import long_date, short_date

CIVILITY = {Sex.FEMALE: "Mme", Sex.MALE: "M."}


@dataclass(frozen=True, slots=True)
class RosterLine:
    college: College
    name: str
    sex: Sex | None
    age_band: str  # « 26-39 ans », « 60 ans et plus » or « non renseigné »
    district: str
    designation: Designation
    organisation: str
    entry_date: date
    steering_representative: bool = False

    @classmethod
    def of(cls, member: Member, name: str, day: date) -> RosterLine:
        return cls(
            member.college,
            name,
            member.sex,
            age_band_label(member.birth_year, day.year),
            member.district,
            member.designation,
            member.organisation,
            member.entry_date,
            member.steering_representative,
        )

    @property
    def civility(self) -> str:
        return CIVILITY.get(self.sex, "") if self.sex else ""

    @property
    def sex_label(self) -> str:
        return self.sex.label if self.sex else UNKNOWN


@dataclass(frozen=True, slots=True)
class CouncilRoster:
    council: CitizenCouncil
    day: date
    organisation_name: str
    districts: tuple[str, ...]  # "QP094043 – Les Portes de Paris – Les Hautes-Noues"
    lines: tuple[RosterLine, ...]
    counts: CompositionCounts

    @property
    def title(self) -> str:
        return f"Composition du conseil citoyen au {short_date(self.day)}"

    def facts(self) -> list[tuple[str, str]]:
        council = self.council
        act = council.recognition_act_number or "à prendre"
        if council.recognition_act_date:
            act += f" du {short_date(council.recognition_act_date)}"
        return [
            ("Organisation", self.organisation_name or "—"),
            ("Conseil citoyen", council.name),
            ("Quartiers", " ; ".join(self.districts) or "—"),
            ("Arrêté préfectoral", act),
            ("Structure porteuse", council.host_structure or "—"),
            ("Installé le", short_date(council.installed_on) or "—"),
            ("Membres en fonction le", long_date(self.day)),
        ]

    def college(self, college: College) -> list[RosterLine]:
        return [line for line in self.lines if line.college is college]

    def count_rows(self) -> list[tuple[str, int]]:
        """The counts the préfecture checks, labelled in French, in a fixed order."""
        residents = self.college(College.RESIDENTS)
        designations = Counter(line.designation for line in residents)
        rows = [("Membres", self.counts.total)]
        rows += [(f"Collège « {c.label} »", len(self.college(c))) for c in College]
        rows += [(f"Habitants : {s.label.lower()}s", self.counts.residents_by_sex.get(s.label, 0))
                 for s in Sex]  # fmt: skip
        rows += [
            ("Habitants tirés au sort", designations[Designation.DRAW]),
            ("Habitants volontaires", designations[Designation.VOLUNTEER]),
        ]
        bands = sorted(self.counts.by_age_band.items(), key=lambda item: band_rank(item[0]))
        rows += [(f"Tranche d'âge {band}", count) for band, count in bands]
        rows.append(("Représentants aux instances de pilotage",
                     sum(1 for line in self.lines if line.steering_representative)))  # fmt: skip
        return rows
