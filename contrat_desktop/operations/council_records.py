"""The conseil citoyen's records as its editors and lists read and write them: councils,
a mandate with its person (``MemberFile``), the members of a council with their names, one
person's mandates, and the draws kept for a council.

Writes go through ``write_record`` (audited, guarded by the row version), so that the undo
stack can write the state before back the same way."""

from __future__ import annotations

from dataclasses import dataclass

from contrat_desktop.domain.council import CitizenCouncil, Member
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council import add_member
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories


def load_councils(dossier: Dossier) -> list[CitizenCouncil]:
    return Repositories(dossier).councils.all()


def load_council(dossier: Dossier, council_id: int) -> CitizenCouncil:
    return Repositories(dossier).councils.get(council_id)


def find_council(dossier: Dossier, council_id: int) -> CitizenCouncil | None:
    return Repositories(dossier).councils.find(council_id)


def write_council(
    dossier: Dossier, current: CitizenCouncil | None, wanted: CitizenCouncil | None
) -> CitizenCouncil | None:
    """Create, update or (undoing a creation) delete a council, its rules checked first."""
    if wanted is not None and wanted.problems():
        raise wanted.problems()[0]
    return write_record(Repositories(dossier).councils, current, wanted)


def write_mandate(dossier: Dossier, current: Member | None, wanted: Member | None) -> Member | None:
    """Bring a mandate from ``current`` to ``wanted`` (an exit recorded, or undone)."""
    return write_record(Repositories(dossier).council_members, current, wanted)


@dataclass(frozen=True, slots=True)
class MemberFile:
    """A mandate with its person: what the member editor edits in one go."""

    person: Person
    member: Member


def load_member_file(dossier: Dossier, member_id: int) -> MemberFile:
    repos = Repositories(dossier)
    member = repos.council_members.get(member_id)
    return MemberFile(repos.persons.get(member.person_id), member)


def find_member_file(dossier: Dossier, member_id: int) -> MemberFile | None:
    """The mandate and its person as stored now; None when the mandate is gone."""
    repos = Repositories(dossier)
    member = repos.council_members.find(member_id)
    if member is None:
        return None
    return MemberFile(repos.persons.get(member.person_id), member)


def write_member_file(
    dossier: Dossier, current: MemberFile | None, wanted: MemberFile | None
) -> MemberFile | None:
    """Create (person and mandate), or update both in one transaction; never delete."""
    if wanted is None:
        raise DossierError(
            "Un membre du conseil citoyen n'est jamais supprimé : enregistrez sa sortie."
        )
    repos = Repositories(dossier)
    if current is None:
        created = add_member(dossier, wanted.person, wanted.member)
        return MemberFile(repos.persons.get(created.person_id), created)
    with dossier.db.atomic():
        person = write_record(repos.persons, current.person, wanted.person)
        member = write_record(repos.council_members, current.member, wanted.member)
    assert person is not None and member is not None
    return MemberFile(person, member)


def council_members(dossier: Dossier, council_id: int) -> list[Member]:
    """Every mandate of the council, past ones included, by entry date."""
    return Repositories(dossier).council_members.for_council(council_id)


def members_and_names(dossier: Dossier, council_id: int) -> tuple[list[Member], dict[int, str]]:
    """The council's mandates and the names of their persons (by person id)."""
    repos = Repositories(dossier)
    members = repos.council_members.for_council(council_id)
    persons = repos.persons.by_ids([m.person_id for m in members])
    return members, {person_id: person.name for person_id, person in persons.items()}


def person_name(dossier: Dossier, person_id: int) -> str:
    return Repositories(dossier).persons.get(person_id).name


def mandates_of_person(dossier: Dossier, person_id: int) -> list[Member]:
    """Every mandate a person has held, on any council."""
    return Repositories(dossier).council_members.for_person(person_id)


def any_mandate(dossier: Dossier) -> Member | None:
    """The first mandate of the dossier (the dialogs' previews)."""
    members = Repositories(dossier).council_members.all()
    return members[0] if members else None


def draws_of_council(dossier: Dossier, council_id: int) -> list[DrawRecord]:
    return Repositories(dossier).draws.for_council(council_id)


def load_draw(dossier: Dossier, draw_id: int) -> DrawRecord:
    return Repositories(dossier).draws.get(draw_id)
