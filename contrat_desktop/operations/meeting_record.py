"""Gather everything a meeting's documents print into one ``MeetingRecord`` (read only)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from contrat_desktop.domain.decisions import ExaminedAction, amount_kind
from contrat_desktop.domain.minutes import AttendeeLine, ExaminedLine, MeetingRecord
from contrat_desktop.domain.quorum import check_quorum, council_warning
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def load_meeting_record(dossier: Dossier, meeting_id: int) -> MeetingRecord:
    repos = Repositories(dossier)
    meeting = repos.meetings.get(meeting_id)
    body = repos.bodies.get(meeting.body_id)
    kinds = {k.code: k for k in repos.bodies.kinds()}
    kind = kinds.get(body.kind_code)
    members = repos.body_members.for_body(body.id or 0)
    attendance = repos.attendance.for_meeting(meeting_id)
    persons = repos.persons.by_ids([a.person_id for a in attendance])
    seats = {m.person_id: m.seat for m in members}
    attendees = tuple(
        AttendeeLine(
            person=persons[a.person_id],
            presence=a.presence,
            represented_by=a.represented_by,
            invited=a.invited,
            seat=seats.get(a.person_id),
        )
        for a in sorted(attendance, key=lambda a: persons[a.person_id].name)
    )
    examined = repos.examined_actions.for_meeting(meeting_id)
    lines = examined_lines(repos, examined)
    funder_ids = {
        funder_id
        for line in lines
        for funder_id in (*line.requested, *line.proposed, *line.granted)
    } | {a.funder_id for item in examined for a in item.amounts}
    funders = tuple(f for f in repos.funders.all() if f.id in funder_ids)
    return MeetingRecord(
        meeting=meeting,
        body=body,
        body_kind_label=kind.label if kind else body.kind_code,
        amount_kind=amount_kind(body.kind_code),
        attendees=attendees,
        agenda=tuple(repos.agenda_items.for_meeting(meeting_id)),
        examined=tuple(lines),
        funders=funders,
        follow_ups=tuple(repos.follow_ups.for_meeting(meeting_id)),
        quorum=check_quorum(body, members, attendance),
        council_warning=council_warning(
            body,
            bool(kind and kind.steering),
            attendance,
            persons,
            held=meeting.starts_at <= datetime.now(),
        ),
        settings=load_document_settings(dossier),
    )


def examined_lines(repos: Repositories, examined: list[ExaminedAction]) -> list[ExaminedLine]:
    holders = {h.id: h for h in repos.holders.all()}
    result = []
    for item in examined:
        action = repos.actions.get(item.action_id)
        stages: dict[str, dict[int, int]] = defaultdict(dict)
        for line in repos.funding_lines.for_action(item.action_id):
            stages["requested"][line.funder_id] = line.requested_cents
            if line.proposed_cents is not None:
                stages["proposed"][line.funder_id] = line.proposed_cents
            if line.granted_cents is not None:
                stages["granted"][line.funder_id] = line.granted_cents
        holder = holders.get(action.holder_id)
        result.append(
            ExaminedLine(
                item=item,
                reference=action.reference,
                title=action.title,
                holder=holder.legal_name if holder else "",
                requested=stages["requested"],
                proposed=stages["proposed"],
                granted=stages["granted"],
            )
        )
    return result
