"""A meeting edited as one sheet: created, changed, undone (written back), frozen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import FunderAmount
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.meetings import AgendaItem, FollowUp, Meeting, Presence
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.operations.meeting_context import meeting_context
from contrat_desktop.operations.meeting_sheet import (
    MeetingSheet,
    load_sheet,
    new_sheet,
    write_sheet,
)
from contrat_desktop.operations.meetings import examine_actions
from contrat_desktop.operations.minutes_validation import preview_validation, validate_minutes
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import ConflictError, DossierError
from contrat_desktop.storage.repositories import Repositories
from tests.operations.meeting_fixtures import Committee, make_committee


@pytest.fixture
def committee(dossier: Dossier, make_action: Callable[..., Action]) -> Committee:
    return make_committee(dossier, make_action)


def _edited(dossier: Dossier, committee: Committee) -> MeetingSheet:
    sheet = load_sheet(dossier, committee.meeting.id or 0)
    examined = examine_actions(
        dossier, sheet.meeting.id or 0, [a.id or 0 for a in committee.actions]
    )
    state = committee.funders[0].id or 0
    first = replace(
        examined[0],
        opinion=Opinion.FAVOURABLE,
        amounts=(FunderAmount(state, 9_000_00),),
        comment="Très bon bilan",
    )
    return replace(
        load_sheet(dossier, sheet.meeting.id or 0),
        meeting=replace(sheet.meeting, place="Salle des fêtes"),
        attendance=tuple(
            replace(a, presence=Presence.PRESENT) if n == 0 else a
            for n, a in enumerate(sheet.attendance)
        ),
        agenda=(
            AgendaItem(0, 0, "Accueil", "Le maire", 10),
            AgendaItem(0, 0, "Programmation 2015", "La cheffe de projet", 60, notes="Débat"),
        ),
        examined=(examined[1], first),  # reordered
        follow_ups=(FollowUp(0, "Service politique de la ville", "Notifier", date(2015, 5, 15)),),
    )


def test_new_sheet_convenes_the_members_and_writes_everything(
    dossier: Dossier, committee: Committee
) -> None:
    body_id = committee.meeting.body_id
    sheet = new_sheet(dossier, Meeting(body_id, datetime(2015, 10, 1, 14), 60, "Mairie"))
    assert {a.person_id for a in sheet.attendance} == {p.id for p in committee.persons}
    sheet = replace(sheet, agenda=(AgendaItem(0, 0, "Bilan", duration_minutes=30),))
    created = write_sheet(dossier, None, sheet)
    assert created is not None and created.meeting.id is not None
    assert len(created.attendance) == 3
    assert [i.title for i in created.agenda] == ["Bilan"]
    assert created.agenda[0].meeting_id == created.meeting.id


def test_write_applies_every_part_then_undo_puts_it_back(
    dossier: Dossier, committee: Committee
) -> None:
    before = load_sheet(dossier, committee.meeting.id or 0)
    wanted = _edited(dossier, committee)
    current = load_sheet(dossier, committee.meeting.id or 0)
    saved = write_sheet(dossier, current, wanted)
    assert saved is not None
    assert saved.meeting.place == "Salle des fêtes"
    assert [i.title for i in saved.agenda] == ["Accueil", "Programmation 2015"]
    assert [i.position for i in saved.agenda] == [1, 2]
    assert [e.action_id for e in saved.examined] == [
        committee.actions[1].id,
        committee.actions[0].id,
    ]
    assert saved.examined[1].amounts == (FunderAmount(committee.funders[0].id or 0, 9_000_00),)
    assert saved.attendance[0].presence is Presence.PRESENT
    assert saved.follow_ups[0].what == "Notifier"
    audit = history(dossier.db, "meeting", committee.meeting.id or 0)
    assert audit[-1].operation == "update" and audit[-1].new_value == "Salle des fêtes"
    # undo: the sheet as it was (examined actions put on the table meanwhile are removed too)
    back = write_sheet(dossier, saved, current)
    assert back is not None
    assert back.meeting.place == before.meeting.place
    assert back.agenda == () and back.follow_ups == ()
    assert [e.action_id for e in back.examined] == [e.action_id for e in current.examined]
    # redo: everything written again, on new rows
    again = write_sheet(dossier, back, saved)
    assert again is not None
    assert [i.title for i in again.agenda] == ["Accueil", "Programmation 2015"]
    assert again.examined[1].opinion is Opinion.FAVOURABLE


def test_a_refused_sheet_writes_nothing(dossier: Dossier, committee: Committee) -> None:
    current = load_sheet(dossier, committee.meeting.id or 0)
    wanted = replace(
        _edited(dossier, committee),
        follow_ups=(FollowUp(0, "Quelqu'un", " "),),
    )
    with pytest.raises(ValidationError, match="Suite à donner n° 1"):
        write_sheet(dossier, current, wanted)
    assert load_sheet(dossier, committee.meeting.id or 0).meeting.place == "Hôtel de ville"
    represented = replace(
        wanted,
        follow_ups=(),
        attendance=(replace(current.attendance[0], presence=Presence.REPRESENTED),),
    )
    with pytest.raises(ValidationError, match="représente"):
        write_sheet(dossier, current, represented)


def test_a_stale_sheet_is_refused_as_a_conflict(dossier: Dossier, committee: Committee) -> None:
    seen = load_sheet(dossier, committee.meeting.id or 0)
    other = replace(seen.meeting, place="Ailleurs")
    write_sheet(dossier, seen, replace(seen, meeting=other))
    with pytest.raises(ConflictError):
        write_sheet(dossier, seen, replace(seen, meeting=replace(seen.meeting, title="Mien")))
    assert load_sheet(dossier, committee.meeting.id or 0).meeting.place == "Ailleurs"


def test_validated_minutes_refuse_the_sheet(dossier: Dossier, committee: Committee) -> None:
    meeting_id = committee.meeting.id or 0
    validate_minutes(dossier, meeting_id, preview_validation(dossier, meeting_id))
    frozen = load_sheet(dossier, meeting_id)
    with pytest.raises((ValidationError, DossierError), match="validé"):
        write_sheet(dossier, frozen, replace(frozen, meeting=replace(frozen.meeting, title="X")))
    with pytest.raises((ValidationError, DossierError), match="validé"):
        write_sheet(dossier, frozen, None)
    assert Repositories(dossier).meetings.get(meeting_id).title == frozen.meeting.title


def test_deleting_a_draft_meeting_and_undoing_it(dossier: Dossier, committee: Committee) -> None:
    wanted = _edited(dossier, committee)
    saved = write_sheet(dossier, load_sheet(dossier, committee.meeting.id or 0), wanted)
    assert write_sheet(dossier, saved, None) is None
    assert Repositories(dossier).meetings.find(committee.meeting.id or 0) is None
    restored = write_sheet(dossier, None, saved)
    assert restored is not None
    assert len(restored.examined) == 2 and len(restored.agenda) == 2


def test_context_totals_follow_the_amounts_typed(dossier: Dossier, committee: Committee) -> None:
    wanted = _edited(dossier, committee)
    context = meeting_context(
        dossier, committee.meeting.body_id, 2015, [e.action_id for e in wanted.examined]
    )
    assert set(context.actions) == {a.id for a in committee.actions}
    assert context.actions[committee.actions[0].id or 0].requested
    checks = {c.funder_id: c for c in context.baseline.checks(wanted.examined)}
    state = committee.funders[0].id or 0
    assert checks[state].in_meeting_cents == 9_000_00 + 11_000_00


def _content(sheet: MeetingSheet) -> tuple[object, ...]:
    """What a user sees of a sheet: everything but the row versions."""
    meeting = replace(sheet.meeting, version=0)
    parts = (sheet.attendance, sheet.agenda, sheet.examined, sheet.follow_ups)
    return (meeting, *(tuple(replace(row, version=0) for row in part) for part in parts))


def test_two_saves_then_both_undone_back_to_the_start(
    dossier: Dossier, committee: Committee
) -> None:
    start = load_sheet(dossier, committee.meeting.id or 0)
    first = write_sheet(dossier, start, replace(start, meeting=replace(start.meeting, title="A")))
    assert first is not None
    second = write_sheet(
        dossier,
        first,
        replace(
            first,
            meeting=replace(first.meeting, title="B"),
            agenda=(AgendaItem(0, 0, "Point ajouté"),),
        ),
    )
    assert second is not None
    back_to_first = write_sheet(dossier, second, first)  # Ctrl+Z
    assert back_to_first is not None and back_to_first.meeting.title == "A"
    back_to_start = write_sheet(dossier, first, start)  # Ctrl+Z again: only versions moved on
    assert back_to_start is not None
    assert _content(back_to_start) == _content(start)


def test_a_deleted_meeting_comes_back_under_the_same_ids(
    dossier: Dossier, committee: Committee
) -> None:
    wanted = _edited(dossier, committee)  # puts actions on the table first
    saved = write_sheet(dossier, load_sheet(dossier, committee.meeting.id or 0), wanted)
    assert saved is not None
    assert write_sheet(dossier, saved, None) is None
    restored = write_sheet(dossier, None, saved)  # Ctrl+Z of the deletion
    assert restored is not None
    assert _content(restored) == _content(saved)
    assert [i.id for i in restored.agenda] == [i.id for i in saved.agenda]
    # an older step of the history still finds its meeting
    older = write_sheet(dossier, saved, replace(saved, meeting=replace(saved.meeting, title="X")))
    assert older is not None and older.meeting.id == saved.meeting.id
