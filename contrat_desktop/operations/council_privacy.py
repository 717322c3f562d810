"""Residents' personal data (RGPD): erase one person, export what is held on them, and the
retention rule (former members anonymised N months after leaving; candidate lists purged
M months after the last draw made from them, unless kept on purpose), previewed before it
is applied. N and M are dossier settings seeded from ``resources/reference/defaults.json``
(24 and 2 months: a member's data stays available for the council's follow-up for two years;
a list stays two months, the time to check or contest the draw, then only its checksum and
size remain in the draw's record).

Erasure rewrites the person's values everywhere in the file (records, draws, candidate
lists, the audit trail's old and new values, the stored PDF of validated minutes that name
the person, rebuilt with a new checksum), then runs ``VACUUM``: SQLite leaves deleted or
overwritten bytes in freed pages and cells, and ``VACUUM`` rebuilds the file without them.
(``PRAGMA secure_delete`` would zero deleted cells on every write of every dossier, but
not the old versions of cells moved by a page split; the rare erasure pays the cost instead.)
The dossier's backups (``DOSSIER.sauvegardes/``) are purged at erasure when the user asks
(``privacy_backups.py``); the retention rule leaves them to their rotation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from contrat_desktop.domain.draw import identity, normalised_name
from contrat_desktop.domain.field_labels import field_label
from contrat_desktop.domain.field_values import display_value, readable_snapshot
from contrat_desktop.domain.journal import ACT_LABELS, RECORD_LABELS
from contrat_desktop.domain.privacy import (
    ANONYMOUS,
    PersonFile,
    RetentionSettings,
    months_after,
    retention_due,
)
from contrat_desktop.exchange.person_export import write_person_workbook
from contrat_desktop.operations.settings import setting
from contrat_desktop.storage import privacy
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

RETENTION_KEY = "council.retention_months"
LIST_RETENTION_KEY = "council.candidate_lists_retention_months"


def load_retention(dossier: Dossier) -> RetentionSettings:
    return RetentionSettings(
        int(setting(dossier, RETENTION_KEY)), int(setting(dossier, LIST_RETENTION_KEY))
    )


def save_retention(dossier: Dossier, wanted: RetentionSettings) -> None:
    problems = wanted.problems()
    if problems:
        raise problems[0]
    settings = Repositories(dossier).settings
    with dossier.db.atomic():
        settings.set(RETENTION_KEY, wanted.member_months)
        settings.set(LIST_RETENTION_KEY, wanted.list_months)


@dataclass(frozen=True, slots=True)
class ErasureTarget:
    """Who is erased, read before the erasure: what to replace in the dossier, and what to
    look for in copies of it (its backups) afterwards."""

    person_id: int
    name: str
    label: str  # « Personne anonymisée n° 12 »
    people: frozenset[tuple[str, int | None]]  # normalised name, birth year
    secrets: tuple[str, ...]  # name, e-mail, phone: replaced in every text column
    forms: tuple[str, ...]  # and the spellings on candidate lists: searched in copies


def erasure_target(dossier: Dossier, person_id: int) -> ErasureTarget:
    repos = Repositories(dossier)
    person = repos.persons.get(person_id)
    mandates = repos.council_members.for_person(person_id)
    people = {(normalised_name(person.name), m.birth_year) for m in mandates} or {
        (normalised_name(person.name), None)
    }
    secrets = tuple(s for s in (person.name, person.email, person.phone) if s.strip())
    listed = privacy.candidate_names(dossier.db, people)
    return ErasureTarget(
        person_id,
        person.name,
        f"{ANONYMOUS} n° {person_id}",
        frozenset(people),
        secrets,
        tuple(dict.fromkeys((*secrets, *listed))),
    )


def anonymise_person(dossier: Dossier, person_id: int, today: date) -> int:
    """Erase one person's name, birth year, contact and list identifiers; the counts (and the
    district, a QPV code) stay. Rows touched."""
    return erase_in(dossier, erasure_target(dossier, person_id), today)


def erase_in(dossier: Dossier, target: ErasureTarget, today: date) -> int:
    """The erasure in one transaction, then ``VACUUM``; in the dossier or in a copy of it
    (a backup), where the person's record may be missing. Rows touched."""
    with dossier.db.atomic():
        touched = _erase(dossier, target, today)
    privacy.wipe_free_pages(dossier.db)
    return touched


def _erase(dossier: Dossier, target: ErasureTarget, today: date) -> int:
    """The erasure itself, inside the caller's transaction (``VACUUM`` comes after)."""
    repos = Repositories(dossier)
    person_id, label = target.person_id, target.label
    person = repos.persons.find(person_id)
    mandates = repos.council_members.for_person(person_id)
    if person is not None:
        repos.persons.update(replace(person, name=label, email="", phone="", organisation=""))
    for mandate in mandates:
        repos.council_members.update(replace(mandate, birth_year=None, anonymised_on=today))
    touched = privacy.scrub_people(dossier.db, target.people, label)
    privacy.scrub_member_audit(dossier.db, [m.id or 0 for m in mandates])
    touched += privacy.scrub_text(dossier.db, target.secrets, label)
    touched += _rewrite_stored_minutes(dossier, person_id, label)
    dossier.writer.note("person", person_id, "anonymisation", {"mandats": len(mandates)})
    return touched


def _rewrite_stored_minutes(dossier: Dossier, person_id: int, label: str) -> int:
    """Validated minutes keep their PDF in the dossier: those naming the person are built
    again from the anonymised records and replace the stored copies (new checksum)."""
    from contrat_desktop.operations.meeting_record import load_meeting_record
    from contrat_desktop.reports.minutes import minutes_pdf

    repos = Repositories(dossier)
    meetings = {a.meeting_id for a in repos.attendance.all() if a.person_id == person_id}
    rewritten = 0
    for meeting_id in sorted(meetings):
        if repos.minutes_documents.latest(meeting_id) is None:
            continue
        content = minutes_pdf(load_meeting_record(dossier, meeting_id))
        reason = f"Compte rendu refait sans les données de la personne ({label})"
        rewritten += repos.minutes_documents.rewrite(meeting_id, content, reason)
    return rewritten


def person_file(dossier: Dossier, person_id: int) -> PersonFile:
    repos = Repositories(dossier)
    person = repos.persons.get(person_id)
    mandates = tuple(repos.council_members.for_person(person_id))
    wanted = {(normalised_name(person.name), m.birth_year) for m in mandates}
    lines = tuple(
        c for lst in repos.candidate_lists.all() for c in lst.candidates if identity(c) in wanted
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
        tuple(
            _readable(entry)
            for entry in privacy.audit_of(dossier.db, person_id, [m.id or 0 for m in mandates])
        ),
    )


def _readable(entry: tuple[str, ...]) -> tuple[str, str, str, str, str, str]:
    """An audit row in French: « Membre du conseil citoyen – Modification », field label..."""
    at, who, entity, operation, field, old, new = entry
    what = f"{RECORD_LABELS.get(entity, entity)} – {ACT_LABELS.get(operation, operation)}"
    when = at[:16].replace("T", " ")
    if field:  # one field changed: its values
        shown = (display_value(field, value, {}, entity) for value in (old, new))
        return (when, who, what, field_label(field, entity), *shown)  # type: ignore[return-value]
    return (when, who, what, "", readable_snapshot(old, entity), readable_snapshot(new, entity))


def export_person(dossier: Dossier, person_id: int, target: str | Path) -> PersonFile:
    found = person_file(dossier, person_id)
    write_person_workbook(found, target)
    return found


@dataclass(frozen=True, slots=True)
class RetentionPlan:
    months: int
    persons: tuple[tuple[int, str], ...]  # id, name: to anonymise
    lists: tuple[tuple[int, str, int], ...]  # id, name, size: candidates to purge
    list_months: int = 0
    draws: tuple[tuple[int, str], ...] = ()  # id, label: result and reserve to purge

    @property
    def empty(self) -> bool:
        return not self.persons and not self.lists and not self.draws


def retention_preview(
    dossier: Dossier, today: date, months: int | None = None, list_months: int | None = None
) -> RetentionPlan:
    """What the retention rule would erase on ``today``; the months default to the dossier's
    settings (``load_retention``)."""
    repos = Repositories(dossier)
    configured = load_retention(dossier)
    months = configured.member_months if months is None else months
    list_months = configured.list_months if list_months is None else list_months
    due = retention_due(repos.council_members.all(), today, months)
    names = repos.persons.by_ids(due)
    last_draw: dict[str, date] = {}
    for record in repos.draws.all():
        for summary in record.lists:
            day = record.drawn_at.date()
            last_draw[summary.checksum] = max(day, last_draw.get(summary.checksum, day))
    lists = tuple(
        (lst.id or 0, lst.name, lst.size)
        for lst in repos.candidate_lists.all()
        if lst.checksum in last_draw
        and months_after(last_draw[lst.checksum], list_months) <= today
        and not lst.keep
        and not lst.purged_on
    )
    return RetentionPlan(
        months,
        tuple((p, names[p].name) for p in due if p in names),
        lists,
        list_months,
        _draws_due(repos, today),
    )


def _draws_due(repos: Repositories, today: date) -> tuple[tuple[int, str], ...]:
    """Draws whose council's term is over (renewal date passed): the reserve served its
    purpose, the names of the result and the reserve go (the members keep their own)."""
    councils = {c.id: c for c in repos.councils.all()}
    due = []
    for record in repos.draws.all():
        council = councils.get(record.council_id)
        renewal = council.renewal_due_on if council else None
        named = any(
            not c.name.startswith(privacy.DRAW_RANK_LABELS)
            for c in (*record.selected, *record.reserve)
        )
        if renewal is not None and renewal <= today and named:
            due.append((record.id or 0, f"Tirage du {record.drawn_at:%d/%m/%Y}"))
    return tuple(due)


def apply_retention(dossier: Dossier, plan: RetentionPlan, today: date) -> None:
    """Everything the plan lists, all or nothing, then one ``VACUUM``."""
    repos = Repositories(dossier)
    with dossier.db.atomic():
        for list_id, _, _ in plan.lists:
            repos.candidate_lists.purge(repos.candidate_lists.get(list_id), today.isoformat())
        for draw_id, label in plan.draws:
            privacy.purge_draw_people(dossier.db, draw_id)
            dossier.writer.note("council_draw", draw_id, "purge", f"{label} : noms effacés")
        for person_id, _ in plan.persons:
            _erase(dossier, erasure_target(dossier, person_id), today)
    privacy.wipe_free_pages(dossier.db)
