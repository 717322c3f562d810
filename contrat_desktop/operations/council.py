"""Conseil citoyen use cases: the council, its members (entries and exits), the composition
panel (counts and rule warnings), candidate lists, the draw and replacement from the reserve.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from contrat_desktop.domain.council import (
    CitizenCouncil,
    College,
    CompositionCounts,
    Designation,
    Member,
    active_members,
    composition_on,
    leave,
)
from contrat_desktop.domain.council_rules import CouncilWarning, composition_warnings, term_warning
from contrat_desktop.domain.draw import (
    Candidate,
    CandidateList,
    DrawRequest,
    draw,
    identity,
    normalised_name,
    replacement,
)
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.settings import load_rules
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

if TYPE_CHECKING:  # the workbook readers load with a list read, not with the home page
    from contrat_desktop.exchange.candidate_lists import CandidateReading


def _raise_first(problems: list[ValidationError]) -> None:
    if problems:
        raise problems[0]


def save_council(dossier: Dossier, council: CitizenCouncil) -> CitizenCouncil:
    _raise_first(council.problems())
    councils = Repositories(dossier).councils
    return councils.add(council) if council.id is None else councils.update(council)


def add_member(dossier: Dossier, person: Person, member: Member) -> Member:
    """Create the person (marked as a council member) and their mandate."""
    _raise_first(person.problems())
    repos = Repositories(dossier)
    with dossier.db.atomic():
        stored = repos.persons.add(replace(person, council_member=True))
        wanted = replace(member, person_id=stored.id or 0)
        _raise_first(wanted.problems())
        return repos.council_members.add(wanted)


def record_exit(dossier: Dossier, member_id: int, on: date, reason: str) -> Member:
    members = Repositories(dossier).council_members
    return members.update(leave(members.get(member_id), on, reason))


@dataclass(frozen=True, slots=True)
class CouncilOverview:
    council: CitizenCouncil
    counts: CompositionCounts
    warnings: tuple[CouncilWarning, ...]


def council_overview(dossier: Dossier, council_id: int, day: date) -> CouncilOverview:
    """The composition panel on ``day``: counts, the council's term (over, or ending soon)
    and the warnings of the enabled rules."""
    repos = Repositories(dossier)
    members = repos.council_members.for_council(council_id)
    persons = repos.persons.by_ids([m.person_id for m in members])
    names = {person_id: p.name for person_id, p in persons.items()}
    representatives = {
        m.person_id for m in active_members(members, day) if m.steering_representative
    }
    steering = {k.code for k in repos.bodies.kinds() if k.steering}
    lacking = [
        body.name
        for body in repos.bodies.all()
        if body.kind_code in steering
        and not representatives & {s.person_id for s in repos.body_members.for_body(body.id or 0)}
    ]
    warnings = composition_warnings(
        members,
        load_rules(dossier).council,
        day,
        names=names,
        steering_bodies_without_representative=lacking,
    )
    council = repos.councils.get(council_id)
    term = term_warning(council, day)
    return CouncilOverview(
        council, composition_on(members, day), (*([term] if term else []), *warnings)
    )


def import_candidate_list(
    dossier: Dossier,
    path: str | Path,
    *,
    name: str | None = None,
    council_id: int | None = None,
    keep: bool = False,
) -> tuple[CandidateList, CandidateReading]:
    """Read a list file and store it with its checksums; rows in error are left out."""
    from contrat_desktop.exchange.candidate_lists import read_candidate_list

    reading = read_candidate_list(path, name=name)
    wanted = replace(reading.candidates, council_id=council_id, keep=keep)
    return Repositories(dossier).candidate_lists.add(wanted), reading


def run_draw(
    dossier: Dossier,
    request: DrawRequest,
    *,
    drawn_at: datetime,
    place: str = "",
    witnesses: tuple[str, ...] = (),
    council_id: int | None = None,
) -> DrawRecord:
    """Draw (feasibility first) and keep its record in the dossier."""
    result = draw(request)
    record = DrawRecord.of(
        request, result, drawn_at=drawn_at, place=place, witnesses=witnesses, council_id=council_id
    )
    return Repositories(dossier).draws.add(record)


def council_name_of(dossier: Dossier, record: DrawRecord) -> str:
    """The name of the council a draw was made for ("" when none)."""
    if record.council_id is None:
        return ""
    council = Repositories(dossier).councils.find(record.council_id)
    return council.name if council else ""


def write_draw_record(dossier: Dossier, record: DrawRecord, target: str | Path) -> Path:
    """The draw's procès-verbal as a PDF at ``target`` (a temporary file renamed at the end)."""
    from contrat_desktop.exchange.atomic_file import replaced_atomically
    from contrat_desktop.exchange.file_format import PDF, file_format
    from contrat_desktop.operations.settings import load_document_settings
    from contrat_desktop.reports.draw_record import draw_record_pdf

    file_format(target, PDF)
    settings = load_document_settings(dossier)
    content = draw_record_pdf(record, settings, council_name_of(dossier, record))
    with replaced_atomically(target) as temporary:
        temporary.write_bytes(content)
    return Path(target)


def reserve_replacement(
    dossier: Dossier, draw_id: int, leaving_id: int, on: date
) -> Candidate | None:
    """Who would take the leaving member's seat (nothing written): the first reserve
    candidate who keeps the draw's quotas, or None."""
    repos = Repositories(dossier)
    record = repos.draws.get(draw_id)
    leaving = repos.council_members.get(leaving_id)
    seated = [
        m
        for m in repos.council_members.for_council(leaving.council_id)
        if m.draw_id == draw_id and (m.active_on(on) or m.id == leaving_id)
    ]
    persons = repos.persons.by_ids([m.person_id for m in seated])
    names = {person_id: p.name for person_id, p in persons.items()}
    as_candidates = {m.id: _as_candidate(m, names.get(m.person_id, "")) for m in seated}
    return replacement(
        list(as_candidates.values()),
        as_candidates[leaving_id],
        record.reserve,
        record.quotas,
        record.reference_year,
        used=(*record.selected, *_drawn_before(repos, draw_id)),
    )


def replace_from_reserve(
    dossier: Dossier, draw_id: int, leaving_id: int, on: date, reason: str
) -> Member | None:
    """Record the exit of a drawn member and seat the first reserve candidate who keeps the
    draw's quotas; None (the exit still recorded) when nobody on the reserve does."""
    repos = Repositories(dossier)
    leaving = repos.council_members.get(leaving_id)
    with dossier.db.atomic():
        chosen = reserve_replacement(dossier, draw_id, leaving_id, on)
        record_exit(dossier, leaving_id, on, reason)
        if chosen is None:
            return None
        return add_member(
            dossier,
            Person(chosen.name, role="Habitant(e)"),
            Member(
                council_id=leaving.council_id,
                person_id=0,
                college=leaving.college,
                entry_date=on,
                sex=chosen.sex,
                birth_year=chosen.birth_year,
                district=chosen.district,
                designation=Designation.DRAW,
                draw_list=chosen.list_name,
                draw_id=draw_id,
            ),
        )


def seat_drawn(dossier: Dossier, record: DrawRecord, council_id: int, on: date) -> list[Member]:
    """The drawn residents become members of the habitants college on ``on``; those who
    already sit on the council (same name and birth year) keep their mandate."""
    repos = Repositories(dossier)
    sitting = [m for m in repos.council_members.for_council(council_id) if m.active_on(on)]
    persons = repos.persons.by_ids([m.person_id for m in sitting])
    seated_people = {
        (normalised_name(persons[m.person_id].name), m.birth_year)
        for m in sitting
        if m.person_id in persons
    }
    with dossier.db.atomic():
        return [
            add_member(
                dossier,
                Person(candidate.name, role="Habitant(e) tiré(e) au sort"),
                Member(
                    council_id=council_id,
                    person_id=0,
                    college=College.RESIDENTS,
                    entry_date=on,
                    sex=candidate.sex,
                    birth_year=candidate.birth_year,
                    district=candidate.district,
                    designation=Designation.DRAW,
                    draw_list=candidate.list_name,
                    draw_id=record.id,
                ),
            )
            for candidate in record.selected
            if identity(candidate) not in seated_people
        ]


def _as_candidate(member: Member, name: str) -> Candidate:
    return Candidate(str(member.id), name, member.sex, member.birth_year, member.district)


def _drawn_before(repos: Repositories, draw_id: int) -> list[Candidate]:
    """Everyone already seated from this draw, past replacements included."""
    members = [m for m in repos.council_members.all() if m.draw_id == draw_id]
    persons = repos.persons.by_ids([m.person_id for m in members])
    return [_as_candidate(m, persons[m.person_id].name) for m in members if m.person_id in persons]
