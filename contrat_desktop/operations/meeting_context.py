"""What the meeting editor shows around a sheet: the body and its members, the persons who
can be invited, the funders, the actions examined with their amounts so far, and the
envelopes the meeting's amounts are set against (live, as the user types)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.decisions import AmountKind, ExaminedAction, amount_kind
from contrat_desktop.domain.funders import Funder
from contrat_desktop.domain.minutes import ExaminedLine
from contrat_desktop.domain.persons import BodyMember, Person
from contrat_desktop.operations.meeting_overview import EnvelopeBaseline, envelope_baseline
from contrat_desktop.operations.meeting_record import examined_lines
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class MeetingContext:
    body: Body
    kind_label: str
    steering: bool
    amount_kind: AmountKind
    members: tuple[BodyMember, ...]
    persons: dict[int, Person]  # everyone who can be convened, by id
    funders: tuple[Funder, ...]  # in the order of the funders page
    actions: dict[int, ExaminedLine]  # the actions on the table, with their amounts so far
    baseline: EnvelopeBaseline
    year: int


def meeting_context(
    dossier: Dossier, body_id: int, year: int, action_ids: Iterable[int]
) -> MeetingContext:
    repos = Repositories(dossier)
    body = repos.bodies.get(body_id)
    kind = next((k for k in repos.bodies.kinds() if k.code == body.kind_code), None)
    wanted = list(dict.fromkeys(action_ids))
    lines = examined_lines(repos, [ExaminedAction(0, action_id) for action_id in wanted])
    return MeetingContext(
        body=body,
        kind_label=kind.label if kind else body.kind_code,
        steering=bool(kind and kind.steering),
        amount_kind=amount_kind(body.kind_code),
        members=tuple(repos.body_members.for_body(body_id)),
        persons={p.id: p for p in repos.persons.all() if p.id is not None},
        funders=tuple(sorted(repos.funders.all(), key=lambda f: (f.position, f.name))),
        actions={line.item.action_id: line for line in lines},
        baseline=envelope_baseline(dossier, year, wanted),
        year=year,
    )


def load_persons(dossier: Dossier) -> list[Person]:
    """Everyone the dossier knows (body members, invited contacts, council members)."""
    return Repositories(dossier).persons.all()


def load_person(dossier: Dossier, person_id: int) -> Person:
    return Repositories(dossier).persons.get(person_id)


def add_person(dossier: Dossier, person: Person) -> Person:
    """A new contact to invite to a meeting (audited)."""
    problems = person.problems()
    if problems:
        raise problems[0]
    return Repositories(dossier).persons.add(person)
