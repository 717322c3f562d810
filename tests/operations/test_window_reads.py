"""The small reads and writes the window makes through operations (directory, bodies,
persons, actions, backups, audit trail): what they return, and None once a record is gone."""

from __future__ import annotations

from dataclasses import replace

from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.workflow import allowed_transitions
from contrat_desktop.operations.audit_trail import record_history
from contrat_desktop.operations.body_sheet import (
    has_meetings,
    load_bodies,
    load_body_sheet,
    write_body_sheet,
)
from contrat_desktop.operations.dossiers import back_up_now, backup_folder, backups_of
from contrat_desktop.operations.funders import (
    envelopes_of,
    find_envelope,
    find_funder,
    load_funder,
    save_funder,
)
from contrat_desktop.operations.holders import find_holder, load_holders
from contrat_desktop.operations.meeting_context import add_person, load_person, load_persons
from contrat_desktop.operations.meetings import list_meetings
from contrat_desktop.operations.programmation import change_statuses, find_action, status_history
from contrat_desktop.operations.settings import load_districts
from contrat_desktop.storage.database import Dossier


def test_directory_reads_follow_the_writes(demo: Dossier) -> None:
    holder = load_holders(demo)[0].holder
    assert find_holder(demo, holder.id or 0) == holder
    funder = load_funder(demo, 1)
    assert find_funder(demo, 1) == funder
    envelopes = envelopes_of(demo, 1)
    assert envelopes and find_envelope(demo, envelopes[0].id or 0) == envelopes[0]
    created = save_funder(demo, None, replace(funder, id=None, name="Fondation Test", version=1))
    assert created is not None and find_funder(demo, created.id or 0) == created
    save_funder(demo, created, None)
    assert find_funder(demo, created.id or 0) is None
    assert [e.operation for e in record_history(demo, "funder", created.id or 0)] == [
        "create",
        "delete",
    ]
    assert {d.code for d in load_districts(demo)}


def test_bodies_and_persons(demo: Dossier) -> None:
    bodies = load_bodies(demo)
    met = {m.body for m in list_meetings(demo)}
    assert [has_meetings(demo, b.id or 0) for b in bodies] == [b.name in met for b in bodies]
    unmet = next(b for b in bodies if b.name not in met)
    write_body_sheet(demo, load_body_sheet(demo, unmet.id or 0), None)
    assert unmet.id not in {b.id for b in load_bodies(demo)}
    person = add_person(demo, Person("Léa Roux", organisation="Centre social"))
    assert load_person(demo, person.id or 0) == person
    assert person in load_persons(demo)


def test_an_action_and_its_status_history(demo: Dossier) -> None:
    assert find_action(demo, 10_000) is None
    action = find_action(demo, 1)
    assert action is not None
    before = len(status_history(demo, 1))
    target = sorted(allowed_transitions(action.status))[0]
    change_statuses(demo, [1], target, "Porteur dissous")
    changes = status_history(demo, 1)
    assert len(changes) == before + 1
    assert changes[-1].target is target and changes[-1].comment == "Porteur dissous"


def test_backups_made_and_listed_in_their_folder(dossier: Dossier) -> None:
    folder = backup_folder(dossier.path)
    assert folder.name == "essai.sauvegardes"
    first = back_up_now(dossier)
    second = back_up_now(dossier)
    assert first.path.parent == folder and first.reason == "manuelle"
    assert {b.path for b in backups_of(dossier.path)} == {second.path, first.path}
