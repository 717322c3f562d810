"""A council member list built from plain domain objects: ``residents`` + ``actors`` lines."""

from __future__ import annotations

from datetime import date

from contrat_desktop.domain.council import (
    CitizenCouncil,
    College,
    Designation,
    Member,
    Sex,
    composition_on,
)
from contrat_desktop.domain.council_roster import CouncilRoster, RosterLine

DAY = date(2016, 6, 1)


def make_roster(residents: int = 14, actors: int = 9) -> CouncilRoster:
    council = CitizenCouncil(
        "Conseil citoyen des Hautes-Noues",
        district_codes=("QP094043",),
        recognition_act_number="2015-DRCT-0412",
        recognition_act_date=date(2015, 6, 2),
        host_structure="Centre social Les Portes de Paris",
        installed_on=date(2015, 2, 5),
        id=1,
    )
    members = []
    for n in range(residents + actors):
        resident = n < residents
        members.append(
            Member(
                council_id=1,
                person_id=n + 1,
                college=College.RESIDENTS if resident else College.LOCAL_ACTORS,
                entry_date=date(2015, 2, 5),
                sex=Sex.FEMALE if n % 2 else Sex.MALE,
                birth_year=1950 + 3 * n if resident else None,
                district="QP094043",
                designation=(
                    (Designation.DRAW if n % 3 else Designation.VOLUNTEER)
                    if resident
                    else Designation.ASSOCIATION
                ),
                organisation="" if resident else f"Association n° {n}",
                steering_representative=n in (1, residents),
            )
        )
    lines = tuple(RosterLine.of(m, f"Membre{m.person_id:02d} Nom{m.person_id:02d}", DAY)
                  for m in members)  # fmt: skip
    return CouncilRoster(
        council,
        DAY,
        "Ville de Villiers-sur-Marne",
        ("QP094043 – Les Portes de Paris – Les Hautes-Noues",),
        lines,
        composition_on(members, DAY),
    )
