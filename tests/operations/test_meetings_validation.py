"""Meetings end to end: decisions written back exactly, nothing when refused, frozen minutes,
audited reopening, the stored PDF exported again to the byte."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import FunderAmount
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.meetings import AgendaItem, FollowUp, Presence
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.meeting_documents import minutes_bytes
from contrat_desktop.operations.meetings import (
    add_agenda_item,
    candidate_actions,
    examine_actions,
    list_meetings,
    move_agenda_item,
    new_meeting_day,
    set_attendance,
    set_decision,
)
from contrat_desktop.operations.minutes_validation import (
    preview_validation,
    reopen_minutes,
    validate_minutes,
)
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.meeting_fixtures import Committee, make_committee


@pytest.fixture
def committee(dossier: Dossier, make_action: Callable[..., Action]) -> Committee:
    return make_committee(dossier, make_action)


def _decide(dossier: Dossier, committee: Committee) -> None:
    meeting_id = committee.meeting.id or 0
    examined = examine_actions(dossier, meeting_id, [a.id or 0 for a in committee.actions])
    state, town = (f.id or 0 for f in committee.funders)
    set_decision(
        dossier,
        replace(
            examined[0],
            opinion=Opinion.FAVOURABLE_WITH_CONDITIONS,
            conditions="Budget équilibré",
            amounts=(FunderAmount(state, 10_500_00), FunderAmount(town, 3_000_00)),
        ),
    )
    set_decision(
        dossier,
        replace(
            examined[1],
            opinion=Opinion.UNFAVOURABLE,
            amounts=(FunderAmount(state, 0), FunderAmount(town, 0)),
        ),
    )


def test_meeting_setup_attendance_agenda_and_candidates(
    dossier: Dossier, committee: Committee
) -> None:
    repos = Repositories(dossier)
    meeting_id = committee.meeting.id or 0
    assert len(repos.attendance.for_meeting(meeting_id)) == 3  # the members are convened
    first = repos.attendance.for_meeting(meeting_id)[0]
    set_attendance(dossier, replace(first, presence=Presence.PRESENT))
    assert repos.attendance.get(first.id or 0).presence is Presence.PRESENT
    one = add_agenda_item(dossier, AgendaItem(meeting_id, 0, "Ouverture", duration_minutes=10))
    add_agenda_item(dossier, AgendaItem(meeting_id, 0, "Programmation", duration_minutes=60))
    moved = move_agenda_item(dossier, one, +1)
    assert [i.title for i in moved] == ["Programmation", "Ouverture"]
    campaign = committee.actions[0].campaign_id
    found = candidate_actions(dossier, campaign, statuses={ActionStatus.PROPOSED})
    assert [a.id for a in found] == [a.id for a in committee.actions]
    assert candidate_actions(dossier, campaign, statuses={ActionStatus.GRANTED}) == []
    (summary,) = list_meetings(dossier)
    assert summary.minutes_status == "Brouillon" and summary.body == "Comité de pilotage"


def test_meetings_of_a_campaign_by_their_date_or_the_actions_they_examine(
    dossier: Dossier, committee: Committee, make_campaign: Callable[..., Any]
) -> None:
    meeting_id = committee.meeting.id or 0  # held in 2015, actions of the 2026 campaign
    held = make_campaign(2015).id
    examined = committee.actions[0].campaign_id
    unrelated = make_campaign(2020).id
    assert [m.id for m in list_meetings(dossier, held)] == [meeting_id]
    assert list_meetings(dossier, examined) == []
    examine_actions(dossier, meeting_id, [committee.actions[0].id or 0])
    assert [m.id for m in list_meetings(dossier, examined)] == [meeting_id]
    assert list_meetings(dossier, unrelated) == []
    assert [m.id for m in list_meetings(dossier)] == [meeting_id]


def test_a_meeting_of_a_year_without_campaign_is_listed_under_every_campaign(
    dossier: Dossier, committee: Committee, make_campaign: Callable[..., Any]
) -> None:
    held = committee.meeting  # 2015: no 2015 campaign, no action examined yet
    other = make_campaign(2020).id
    assert [m.id for m in list_meetings(dossier, other)] == [held.id]  # never out of sight
    make_campaign(2015)
    assert list_meetings(dossier, other) == []  # now under its own campaign only


def test_a_new_meeting_starts_in_the_campaign_chosen(
    dossier: Dossier, make_campaign: Callable[..., Any]
) -> None:
    now = datetime(2026, 12, 4, 9, 37)
    assert new_meeting_day(dossier, None, now) == datetime(2026, 12, 4, 14, 0)
    this_year = make_campaign(2026).id
    assert new_meeting_day(dossier, this_year, now) == datetime(2026, 12, 4, 14, 0)
    past = make_campaign(2016, committee_dates=(date(2016, 4, 28), date(2016, 3, 20))).id
    assert new_meeting_day(dossier, past, now) == datetime(2016, 3, 20, 14, 0)
    bare = make_campaign(2018).id
    assert new_meeting_day(dossier, bare, now) == datetime(2018, 3, 1, 14, 0)


def test_validation_writes_exactly_the_previewed_decisions(
    dossier: Dossier, committee: Committee
) -> None:
    repos = Repositories(dossier)
    _decide(dossier, committee)
    meeting_id = committee.meeting.id or 0
    plan = preview_validation(dossier, meeting_id)
    assert [c.status_path for c in plan] == [(ActionStatus.GRANTED,), (ActionStatus.REFUSED,)]
    audit_before = dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]

    stored = validate_minutes(dossier, meeting_id, plan)

    granted, refused = (repos.actions.get(a.id or 0) for a in committee.actions)
    assert granted.status is ActionStatus.GRANTED and refused.status is ActionStatus.REFUSED
    lines = {line.funder_id: line for line in repos.funding_lines.for_action(granted.id or 0)}
    state, town = (f.id or 0 for f in committee.funders)
    assert (lines[state].granted_cents, lines[town].granted_cents) == (10_500_00, 3_000_00)
    assert lines[state].proposed_cents == 11_000_00  # untouched by a COPIL
    assert str(lines[state].decision_date) == "2015-04-28"
    assert {line.granted_cents for line in repos.funding_lines.for_action(refused.id or 0)} == {0}
    line_audit = history(dossier.db, "funding_line", lines[state].id or 0)
    assert [
        (e.field, e.old_value, e.new_value) for e in line_audit if e.field == "granted_cents"
    ] == [("granted_cents", None, "1050000")]
    assert repos.actions.status_history(granted.id or 0)[-1].target is ActionStatus.GRANTED
    assert dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0] > audit_before
    meeting_audit = history(dossier.db, "meeting", meeting_id)
    assert any(e.operation == "minutes_valide" for e in meeting_audit)
    # stored with its checksum and exported again to the byte
    content = minutes_bytes(dossier, meeting_id)
    assert hashlib.sha256(content).hexdigest() == stored.sha256
    assert minutes_bytes(dossier, meeting_id) == content
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Jeanne Dupont" in text and "Défavorable" in text and "Budget équilibré" in text
    assert "10\u00a0500\u00a0€" in text or "10 500 €" in text


def test_nothing_is_written_when_the_preview_is_stale_or_refused(
    dossier: Dossier, committee: Committee
) -> None:
    repos = Repositories(dossier)
    _decide(dossier, committee)
    meeting_id = committee.meeting.id or 0
    plan = preview_validation(dossier, meeting_id)
    action = repos.actions.get(committee.actions[0].id or 0)
    repos.actions.change_status(action, ActionStatus.POSTPONED)  # someone moved it meanwhile
    audit_before = dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(ValidationError, match="aperçu"):
        validate_minutes(dossier, meeting_id, plan)
    assert dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_before
    assert repos.meetings.get(meeting_id).minutes_status.value == "brouillon"
    assert {line.granted_cents for line in repos.funding_lines.all()} == {None}
    assert repos.minutes_documents.latest(meeting_id) is None


def test_validated_minutes_are_frozen_until_reopened(
    dossier: Dossier, committee: Committee
) -> None:
    repos = Repositories(dossier)
    _decide(dossier, committee)
    meeting_id = committee.meeting.id or 0
    validate_minutes(dossier, meeting_id, preview_validation(dossier, meeting_id))
    examined = repos.examined_actions.for_meeting(meeting_id)[0]
    with pytest.raises(ValidationError, match="validé"):
        set_decision(dossier, replace(examined, comment="Trop tard"))
    with pytest.raises(ValidationError):
        repos.follow_ups.add(FollowUp(meeting_id, "Paul", "Relancer"))
    with pytest.raises(ValidationError):
        repos.meetings.update(replace(repos.meetings.get(meeting_id), place="Ailleurs"))
    with pytest.raises(ValidationError, match="pourquoi"):
        reopen_minutes(dossier, meeting_id, " ")
    reopen_minutes(dossier, meeting_id, "Erreur de montant")
    assert any(
        e.new_value == "Réouverture : Erreur de montant"
        for e in history(dossier.db, "meeting", meeting_id)
    )
    set_decision(dossier, replace(examined, comment="Corrigé"))
    again = preview_validation(dossier, meeting_id)
    assert all(change.empty for change in again)  # already written: nothing more to change
