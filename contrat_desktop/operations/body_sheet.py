"""A body (instance) with its composition, edited as one sheet and written in one audited
transaction: the body's fields, its members (titular or substitute, in order) and the
organisation and role of each member's person. Undo writes the sheet before back."""

from __future__ import annotations

from dataclasses import dataclass, replace

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import BodyMember, Person
from contrat_desktop.operations.records import write_record
from contrat_desktop.operations.row_sync import sync_rows
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class BodySheet:
    body: Body
    members: tuple[BodyMember, ...] = ()
    persons: tuple[Person, ...] = ()  # the members' persons, as edited

    def problems(self) -> list[ValidationError]:
        found = list(self.body.problems())
        seen: set[int] = set()
        names = {p.id: p.name for p in self.persons}
        for member in self.members:
            if member.person_id in seen:
                found.append(
                    ValidationError(
                        f"{names.get(member.person_id, 'Une personne')} figure deux fois "
                        "dans la composition.",
                        field="members",
                    )
                )
            seen.add(member.person_id)
        for person in self.persons:
            found.extend(person.problems())
        return found


def load_bodies(dossier: Dossier) -> list[Body]:
    return Repositories(dossier).bodies.all()


def has_meetings(dossier: Dossier, body_id: int) -> bool:
    """Whether the body has met (or will): its kind can no longer change, nor can it go."""
    return bool(Repositories(dossier).meetings.for_body(body_id))


def load_body_sheet(dossier: Dossier, body_id: int) -> BodySheet:
    repos = Repositories(dossier)
    members = repos.body_members.for_body(body_id)
    persons = repos.persons.by_ids([m.person_id for m in members])
    return BodySheet(
        body=repos.bodies.get(body_id),
        members=tuple(members),
        persons=tuple(persons[m.person_id] for m in members if m.person_id in persons),
    )


def write_body_sheet(
    dossier: Dossier, current: BodySheet | None, wanted: BodySheet | None
) -> BodySheet | None:
    if wanted is not None:
        problems = wanted.problems()
        if problems:
            raise problems[0]
    repos = Repositories(dossier)
    with dossier.db.atomic():
        if wanted is None:
            if current is not None:
                if repos.meetings.for_body(current.body.id or 0):
                    raise ValidationError(
                        f"L'instance « {current.body.name} » a déjà des réunions : "
                        "elle ne peut pas être supprimée."
                    )
                write_record(repos.bodies, current.body, None)
            return None
        kind_changed = current is not None and current.body.kind_code != wanted.body.kind_code
        if kind_changed and current and repos.meetings.for_body(current.body.id or 0):
            raise ValidationError(
                f"Le type de l'instance « {current.body.name} » ne peut plus changer : elle "
                "a déjà des réunions, dont les montants sont proposés ou accordés selon ce type."
            )
        body = write_record(repos.bodies, current.body if current else None, wanted.body)
        assert body is not None and body.id is not None
        seen_persons = {p.id: p for p in current.persons} if current else {}
        for person in wanted.persons:
            before = seen_persons.get(person.id) or repos.persons.find(person.id or 0)
            if before is not None and before != person:
                write_record(repos.persons, before, person)
        members = [replace(m, position=n) for n, m in enumerate(wanted.members, start=1)]
        seen_members = current.members if current else ()
        stored = repos.body_members.for_body(body.id)
        sync_rows(repos.body_members, stored, seen_members, members, body_id=body.id)
    return load_body_sheet(dossier, body.id)
