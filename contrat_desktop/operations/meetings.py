"""Meeting use cases: create and edit, convene, attendance, agenda, actions examined, follow-ups.

Every write goes through the repositories (audited, versioned) and is refused once the
minutes are validated (storage checks it; see ``storage/meetings.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import ExaminedAction, amount_kind, starting_amounts
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.meetings import AgendaItem, Attendance, Meeting, MinutesStatus
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    id: int
    body: str
    starts_at: str
    place: str
    minutes_status: str
    examined_actions: int


def list_meetings(dossier: Dossier, campaign_id: int | None = None) -> list[MeetingSummary]:
    """Every meeting or, given a campaign, the meetings of its year and those that examined
    one of its actions (a comité held in December for next year's call), and the meetings
    no campaign holds (a year without a campaign, no action examined): never out of sight."""
    repos = Repositories(dossier)
    bodies = {b.id: b.name for b in repos.bodies.all()}
    counts = repos.examined_actions.counts_by_meeting()
    meetings = repos.meetings.all()
    if campaign_id is not None:
        campaign = repos.campaigns.get(campaign_id)
        examining = repos.examined_actions.meetings_for_campaign(campaign_id)
        years = set(repos.campaigns.years())
        meetings = [
            m
            for m in meetings
            if m.starts_at.year == campaign.year
            or m.id in examining
            or (m.starts_at.year not in years and not counts.get(m.id))
        ]
    return [
        MeetingSummary(
            id=m.id or 0,
            body=bodies.get(m.body_id, ""),
            starts_at=m.starts_at.isoformat(timespec="minutes"),
            place=m.place,
            minutes_status=MinutesStatus(m.minutes_status).label,
            examined_actions=counts.get(m.id, 0),
        )
        for m in meetings
    ]


def new_meeting_day(dossier: Dossier, campaign_id: int | None, now: datetime) -> datetime:
    """When a new meeting starts by default: now (at 14 h) in the campaign's own year, else
    the campaign's first committee date, else 1 March of its year; never in a year whose
    meetings the campaign's list would not show."""
    start = now.replace(hour=14, minute=0, second=0, microsecond=0)
    campaign = Repositories(dossier).campaigns.get(campaign_id) if campaign_id else None
    if campaign is None or campaign.year == now.year:
        return start
    dates = sorted(d for d in campaign.committee_dates if d.year == campaign.year)
    day = dates[0] if dates else date(campaign.year, 3, 1)
    return datetime.combine(day, time(14, 0))


def create_meeting(dossier: Dossier, meeting: Meeting, *, convene_members: bool = True) -> Meeting:
    """Create the meeting and, by default, convene every member of the body."""
    problems = meeting.problems()
    if problems:
        raise problems[0]
    repos = Repositories(dossier)
    with dossier.db.atomic():
        created = repos.meetings.add(replace(meeting, minutes_status=MinutesStatus.DRAFT))
        if convene_members:
            for member in repos.body_members.for_body(meeting.body_id):
                repos.attendance.add(Attendance(created.id or 0, member.person_id))
    return created


def set_attendance(dossier: Dossier, attendance: Attendance) -> Attendance:
    """Record one person's presence (adding them as an invitee if not convened yet)."""
    problems = attendance.problems()
    if problems:
        raise problems[0]
    repos = Repositories(dossier)
    current = {a.person_id: a for a in repos.attendance.for_meeting(attendance.meeting_id)}
    found = current.get(attendance.person_id)
    if found is None:
        return repos.attendance.add(attendance)
    return repos.attendance.update(replace(attendance, id=found.id, version=found.version))


def add_agenda_item(dossier: Dossier, item: AgendaItem) -> AgendaItem:
    repos = Repositories(dossier)
    items = repos.agenda_items.for_meeting(item.meeting_id)
    position = max((i.position for i in items), default=0) + 1
    return repos.agenda_items.add(replace(item, position=position))


def move_agenda_item(dossier: Dossier, item: AgendaItem, offset: int) -> list[AgendaItem]:
    """Move an item up (-1) or down (+1); positions are renumbered 1, 2, 3..."""
    repos = Repositories(dossier)
    items = repos.agenda_items.for_meeting(item.meeting_id)
    index = next(i for i, x in enumerate(items) if x.id == item.id)
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    with dossier.db.atomic():
        for position, moved in enumerate(items, start=1):
            if moved.position != position:
                repos.agenda_items.update(replace(moved, position=position))
    return repos.agenda_items.for_meeting(item.meeting_id)


def candidate_actions(
    dossier: Dossier,
    campaign_id: int,
    *,
    statuses: Collection[ActionStatus] = (),
    framework_node_ids: Collection[int] = (),
) -> list[Action]:
    """The campaign's actions to examine, filtered by status and pillar/theme (any level)."""
    repos = Repositories(dossier)
    tree = repos.framework.tree()
    found = []
    for action in repos.actions.for_campaign(campaign_id):
        if statuses and action.status not in statuses:
            continue
        if framework_node_ids and not _under(tree, action.framework_node_id, framework_node_ids):
            continue
        found.append(action)
    return found


def _under(tree: FrameworkTree, node_id: int | None, wanted: Collection[int]) -> bool:
    if node_id is None:
        return False
    return any(node.id in wanted for node in tree.ancestors(node_id))


def examine_actions(
    dossier: Dossier, meeting_id: int, action_ids: Iterable[int]
) -> list[ExaminedAction]:
    """Put actions on the meeting's table, amounts pre-filled from the latest decision of each
    funding line (``starting_amounts``). Already examined ones are kept."""
    repos = Repositories(dossier)
    meeting = repos.meetings.get(meeting_id)
    kind = amount_kind(repos.bodies.get(meeting.body_id).kind_code)
    existing = repos.examined_actions.for_meeting(meeting_id)
    known = {e.action_id for e in existing}
    position = max((e.position for e in existing), default=0)
    with dossier.db.atomic():
        for action_id in action_ids:
            if action_id in known:
                continue
            position += 1
            known.add(action_id)
            lines = repos.funding_lines.for_action(action_id)
            amounts = starting_amounts(
                kind,
                {ln.funder_id: ln.proposed_cents for ln in lines if ln.proposed_cents is not None},
                {ln.funder_id: ln.granted_cents for ln in lines if ln.granted_cents is not None},
            )
            repos.examined_actions.add(
                ExaminedAction(meeting_id, action_id, position=position, amounts=amounts)
            )
    return repos.examined_actions.for_meeting(meeting_id)


def set_decision(dossier: Dossier, examined: ExaminedAction) -> ExaminedAction:
    """Save the avis, amounts per funder, conditions and comment of one examined action."""
    problems = examined.problems()
    if problems:
        raise problems[0]
    if examined.id is None:
        raise ValidationError("Cette action n'est pas à l'ordre du jour de la réunion.")
    return Repositories(dossier).examined_actions.update(examined)
