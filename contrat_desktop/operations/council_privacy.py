"""Residents' personal data (RGPD): erase one person, export what is held on them, and the
retention rule (former members anonymised N months after leaving; candidate lists purged
once drawn from, unless kept on purpose), previewed before it is applied.

Erasure rewrites the person's values everywhere in the file (records, draws, candidate
lists, the audit trail's old and new values), then runs ``VACUUM``: SQLite leaves deleted or
overwritten bytes in freed pages and cells, and ``VACUUM`` rebuilds the file without them.
(``PRAGMA secure_delete`` would zero deleted cells on every write of every dossier, but
not the old versions of cells moved by a page split; the rare erasure pays the cost instead.)
Older backups (``DOSSIER.sauvegardes/``) still hold the data until their rotation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from contrat_desktop.domain.draw import identity, normalised_name
from contrat_desktop.domain.privacy import (
    ANONYMOUS,
    DEFAULT_RETENTION_MONTHS,
    PersonFile,
    retention_due,
)
from contrat_desktop.exchange.person_export import write_person_workbook
from contrat_desktop.storage import privacy
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

RETENTION_KEY = "council.retention_months"


def anonymise_person(dossier: Dossier, person_id: int, today: date) -> int:
    """Erase one person's name, birth year, contact and district; counts stay. Rows touched."""
    repos = Repositories(dossier)
    person = repos.persons.get(person_id)
    mandates = repos.council_members.for_person(person_id)
    label = f"{ANONYMOUS} n° {person_id}"
    people = {(normalised_name(person.name), m.birth_year) for m in mandates} or {
        (normalised_name(person.name), None)
    }
    secrets = [person.name, person.email, person.phone]
    with dossier.db.atomic():
        repos.persons.update(replace(person, name=label, email="", phone="", organisation=""))
        for mandate in mandates:
            repos.council_members.update(
                replace(mandate, birth_year=None, district="", anonymised_on=today)
            )
        touched = privacy.scrub_people(dossier.db, people, label)
        privacy.scrub_member_audit(dossier.db, [m.id or 0 for m in mandates])
        touched += privacy.scrub_text(dossier.db, secrets, label)
        dossier.writer.note("person", person_id, "anonymisation", {"mandats": len(mandates)})
    privacy.wipe_free_pages(dossier.db)
    return touched


def person_file(dossier: Dossier, person_id: int) -> PersonFile:
    repos = Repositories(dossier)
    person = repos.persons.get(person_id)
    mandates = tuple(repos.council_members.for_person(person_id))
    wanted = {(normalised_name(person.name), m.birth_year) for m in mandates}
    lines = tuple(
        c
        for lst in repos.candidate_lists.all()
        for c in lst.candidates
        if identity(c) in wanted or (normalised_name(c.name), None) in wanted
    )
    draws = tuple(
        f"Tirage du {d.drawn_at:%d/%m/%Y} ({'tiré(e) au sort' if c in d.selected else 'réserve'})"
        for d in repos.draws.all()
        for c in (*d.selected, *d.reserve)
        if identity(c) in wanted
    )
    return PersonFile(
        person,
        mandates,
        tuple(privacy.attendance_of(dossier.db, person_id)),
        lines,
        draws,
        tuple(privacy.audit_of(dossier.db, person_id, [m.id or 0 for m in mandates])),
    )


def export_person(dossier: Dossier, person_id: int, target: str | Path) -> PersonFile:
    found = person_file(dossier, person_id)
    write_person_workbook(found, target)
    return found


@dataclass(frozen=True, slots=True)
class RetentionPlan:
    months: int
    persons: tuple[tuple[int, str], ...]  # id, name: to anonymise
    lists: tuple[tuple[int, str, int], ...]  # id, name, size: candidates to purge

    @property
    def empty(self) -> bool:
        return not self.persons and not self.lists


def retention_preview(dossier: Dossier, today: date, months: int | None = None) -> RetentionPlan:
    repos = Repositories(dossier)
    if months is None:
        months = int(repos.settings.get(RETENTION_KEY, DEFAULT_RETENTION_MONTHS))
    due = retention_due(repos.council_members.all(), today, months)
    names = repos.persons.by_ids(due)
    drawn = {s.checksum for d in repos.draws.all() for s in d.lists}
    lists = tuple(
        (lst.id or 0, lst.name, lst.size)
        for lst in repos.candidate_lists.all()
        if lst.checksum in drawn and not lst.keep and not lst.purged_on
    )
    return RetentionPlan(months, tuple((p, names[p].name) for p in due if p in names), lists)


def apply_retention(dossier: Dossier, plan: RetentionPlan, today: date) -> None:
    repos = Repositories(dossier)
    for list_id, _, _ in plan.lists:
        repos.candidate_lists.purge(repos.candidate_lists.get(list_id), today.isoformat())
    for person_id, _ in plan.persons:
        anonymise_person(dossier, person_id, today)
    if plan.lists and not plan.persons:
        privacy.wipe_free_pages(dossier.db)
