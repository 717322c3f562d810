"""Residents' personal data (RGPD): the retention rule, and what is held on one person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.council import Member
from contrat_desktop.domain.draw import Candidate
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import Person

ANONYMOUS = "Personne anonymisée"


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    """How long personal data is kept (the defaults are seeded from ``defaults.json``)."""

    member_months: int  # after a member's last mandate ends, before anonymisation
    list_months: int  # after the last draw from a candidate list, before its purge

    def problems(self) -> list[ValidationError]:
        found = []
        if not 1 <= self.member_months <= 120:
            found.append(
                ValidationError(
                    "La durée de conservation après la sortie d'un membre doit aller de 1 à "
                    "120 mois.",
                    field="member_months",
                )
            )
        if not 0 <= self.list_months <= 120:
            found.append(
                ValidationError(
                    "La durée de conservation des listes de candidats après le tirage doit "
                    "aller de 0 à 120 mois.",
                    field="list_months",
                )
            )
        return found


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def retention_due(members: Iterable[Member], today: date, months: int) -> list[int]:
    """Person ids to anonymise: every mandate ended ``months`` or more ago, none still running."""
    by_person: dict[int, list[Member]] = {}
    for member in members:
        by_person.setdefault(member.person_id, []).append(member)
    due = []
    for person_id, mandates in by_person.items():
        if any(m.anonymised_on for m in mandates):
            continue
        exits = [m.exit_date for m in mandates]
        if all(e is not None and months_after(e, months) <= today for e in exits):
            due.append(person_id)
    return sorted(due)


@dataclass(frozen=True, slots=True)
class PersonFile:
    """Everything the dossier holds on one person (the RGPD right of access)."""

    person: Person
    mandates: tuple[Member, ...] = ()
    attendance: tuple[tuple[str, str, str], ...] = ()  # date, body, presence
    candidate_lines: tuple[Candidate, ...] = ()  # on imported lists
    drawn_in: tuple[str, ...] = ()  # draws naming the person (result or reserve)
    audit: tuple[tuple[str, str, str, str, str, str], ...] = ()  # at, who, what, field, old, new
