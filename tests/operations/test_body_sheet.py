"""Bodies and their composition edited as one sheet: created, changed, undone, refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.persons import BodyMember, Person, Seat
from contrat_desktop.domain.quorum import check_quorum
from contrat_desktop.operations.body_sheet import BodySheet, load_body_sheet, write_body_sheet
from contrat_desktop.operations.meeting_context import add_person
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def _sheet(dossier: Dossier) -> BodySheet:
    persons = [
        add_person(dossier, Person("Jeanne Dupont", "Ville", "Maire")),
        add_person(dossier, Person("Paul Martin", "Préfecture", "Délégué du préfet")),
        add_person(
            dossier, Person("Awa Koné", "Conseil citoyen", "Habitante", council_member=True)
        ),
    ]
    return BodySheet(
        body=Body("copil", "Comité de pilotage", chairs="Le maire et le préfet", quorum_count=2),
        members=tuple(
            BodyMember(0, p.id or 0, Seat.SUBSTITUTE if n == 2 else Seat.TITULAR)
            for n, p in enumerate(persons)
        ),
        persons=tuple(persons),
    )


def test_a_body_is_created_with_its_composition(dossier: Dossier) -> None:
    created = write_body_sheet(dossier, None, _sheet(dossier))
    assert created is not None and created.body.id is not None
    assert [m.position for m in created.members] == [1, 2, 3]
    assert [m.seat for m in created.members] == [Seat.TITULAR, Seat.TITULAR, Seat.SUBSTITUTE]
    assert check_quorum(created.body, created.members, []).required == 2


def test_edits_of_members_and_persons_are_written_then_undone(dossier: Dossier) -> None:
    created = write_body_sheet(dossier, None, _sheet(dossier))
    assert created is not None
    martin = created.persons[1]
    wanted = replace(
        created,
        body=replace(created.body, quorum_count=None, quorum_fraction_percent=50),
        members=(created.members[2], created.members[0]),  # Paul Martin leaves, order changes
        persons=(created.persons[2], replace(created.persons[0], role="Maire honoraire")),
    )
    saved = write_body_sheet(dossier, created, wanted)
    assert saved is not None
    assert [p.name for p in saved.persons] == ["Awa Koné", "Jeanne Dupont"]
    assert saved.persons[1].role == "Maire honoraire"
    assert saved.body.quorum_fraction_percent == 50
    assert Repositories(dossier).persons.get(martin.id or 0).name == "Paul Martin"  # kept
    back = write_body_sheet(dossier, saved, created)
    assert back is not None
    assert [p.name for p in back.persons] == ["Jeanne Dupont", "Paul Martin", "Awa Koné"]
    assert back.persons[0].role == "Maire"
    assert back.body.quorum_count == 2 and back.body.quorum_fraction_percent is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "nom de l'instance"),
        ({"quorum_fraction_percent": 50}, "pas les deux"),
        ({"quorum_count": None, "quorum_fraction_percent": 150}, "entre 1 et 100"),
        ({"quorum_count": 0}, "au moins un membre"),
    ],
)
def test_wrong_bodies_are_refused_and_nothing_is_written(
    dossier: Dossier, change: dict[str, object], message: str
) -> None:
    sheet = _sheet(dossier)
    before = Repositories(dossier).bodies.count()
    with pytest.raises(ValidationError, match=message):
        write_body_sheet(dossier, None, replace(sheet, body=replace(sheet.body, **change)))
    assert Repositories(dossier).bodies.count() == before


def test_a_person_twice_in_the_composition_is_refused(dossier: Dossier) -> None:
    sheet = _sheet(dossier)
    twice = replace(sheet, members=(*sheet.members, sheet.members[0]))
    with pytest.raises(ValidationError, match="Jeanne Dupont figure deux fois"):
        write_body_sheet(dossier, None, twice)


def test_a_body_with_meetings_cannot_be_deleted(dossier: Dossier) -> None:
    from datetime import datetime

    from contrat_desktop.domain.meetings import Meeting
    from contrat_desktop.operations.meetings import create_meeting

    created = write_body_sheet(dossier, None, _sheet(dossier))
    assert created is not None
    empty = write_body_sheet(dossier, None, replace(_sheet(dossier), body=Body("autre", "GT")))
    assert empty is not None
    assert write_body_sheet(dossier, empty, None) is None  # no meeting: deleted
    create_meeting(dossier, Meeting(created.body.id or 0, datetime(2026, 3, 1, 14), 60, "Mairie"))
    with pytest.raises(ValidationError, match="a déjà des réunions"):
        write_body_sheet(dossier, created, None)
    assert load_body_sheet(dossier, created.body.id or 0).body.name == "Comité de pilotage"
