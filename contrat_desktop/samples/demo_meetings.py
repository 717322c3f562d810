"""The demo's governance: members of the four kinds of bodies, the comité technique of
March 2015 and the COPIL of April 2015, whose decisions match the 2015 amounts of the demo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import FunderAmount
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.meetings import AgendaItem, FollowUp, Meeting, Presence
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.persons import BodyMember, Person, Seat
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.meetings import create_meeting, examine_actions, set_attendance
from contrat_desktop.operations.minutes_validation import preview_validation, validate_minutes
from contrat_desktop.samples import demo_meetings_content as content
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

Agenda = list[tuple[str, str, int, str, str]]
FollowUps = list[tuple[str, str, tuple[int, int]]]


def build_demo_meetings(dossier: Dossier) -> None:
    repos = Repositories(dossier)
    bodies = repos.bodies.all()
    persons = _members(repos, [b.id or 0 for b in bodies])
    campaign = repos.campaigns.by_year(2015)
    assert campaign is not None
    actions = repos.actions.for_campaign(campaign.id or 0)
    lines = {a.id: repos.funding_lines.for_action(a.id or 0) for a in actions}
    proposed = [a for a in actions if any(x.proposed_cents is not None for x in lines[a.id])]
    decided = [a for a in proposed if any(x.granted_cents is not None for x in lines[a.id])]
    _technical = _meeting(
        dossier,
        Meeting(bodies[1].id or 0, datetime(2015, 3, 20, 14, 0), 100, "Hôtel de ville, salle 204"),
        persons,
        content.CT_ABSENT,
        content.CT_AGENDA,
        content.CT_FOLLOW_UPS,
        "Comité de pilotage politique du 28 avril 2015, 18 h, hôtel de ville.",
    )
    _decide(dossier, _technical, proposed, lines, stage="proposed")
    copil = _meeting(
        dossier,
        Meeting(
            bodies[0].id or 0,
            datetime(2015, 4, 28, 18, 0),
            85,
            "Hôtel de ville, salle du conseil municipal",
        ),
        persons,
        content.COPIL_ABSENT,
        content.COPIL_AGENDA,
        content.COPIL_FOLLOW_UPS,
        "Comité de pilotage de l'automne 2015 : date à fixer avec la préfecture.",
    )
    _decide(dossier, copil, decided, lines, stage="granted")
    # Only the COPIL is validated: validating the March committee now would move today's
    # statuses back (an action postponed in April would return to "proposé en comité").
    # Its draft minutes let the user try the editing and the validation preview.
    validate_minutes(dossier, copil, preview_validation(dossier, copil))


def _members(repos: Repositories, body_ids: list[int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, (name, organisation, role, council, seats) in enumerate(content.PERSONS):
        person = repos.persons.add(Person(name, organisation, role, council_member=council))
        found[name] = person.id or 0
        for seat in seats.split():
            substitute = seat.endswith("~")
            repos.body_members.add(
                BodyMember(
                    body_ids[int(seat.rstrip("~"))],
                    found[name],
                    Seat.SUBSTITUTE if substitute else Seat.TITULAR,
                    position,
                )
            )
    return found


def _meeting(
    dossier: Dossier,
    meeting: Meeting,
    persons: dict[str, int],
    absent: dict[str, tuple[str, str]],
    agenda: Agenda,
    follow_ups: FollowUps,
    next_meeting: str,
) -> int:
    repos = Repositories(dossier)
    created = create_meeting(
        dossier, replace(meeting, author="Sarah Benhamou", next_meeting=next_meeting)
    )
    meeting_id = created.id or 0
    names = {v: k for k, v in persons.items()}
    for attendance in repos.attendance.for_meeting(meeting_id):
        presence, proxy = absent.get(names[attendance.person_id], ("present", ""))
        set_attendance(
            dossier, replace(attendance, presence=Presence(presence), represented_by=proxy)
        )
    for position, (title, presenter, minutes, notes, decision) in enumerate(agenda, start=1):
        repos.agenda_items.add(
            AgendaItem(meeting_id, position, title, presenter, minutes, notes, decision)
        )
    year = meeting.starts_at.year
    for who, what, (month, day) in follow_ups:
        repos.follow_ups.add(FollowUp(meeting_id, who, what, date(year, month, day)))
    return meeting_id


def _decide(
    dossier: Dossier,
    meeting_id: int,
    actions: list[Action],
    lines: dict[int | None, list[FundingLine]],
    *,
    stage: str,
) -> None:
    """Avis and amounts as the demo's funding lines already hold them."""
    repos = Repositories(dossier)
    examined = examine_actions(dossier, meeting_id, [a.id or 0 for a in actions])
    status = {a.id: a.status for a in actions}
    for index, item in enumerate(examined):
        amounts = tuple(
            FunderAmount(line.funder_id, getattr(line, f"{stage}_cents"))
            for line in lines[item.action_id]
            if getattr(line, f"{stage}_cents") is not None
        )
        opinion, conditions = Opinion.FAVOURABLE, ""
        if stage == "granted" and status[item.action_id] is ActionStatus.REFUSED:
            opinion = Opinion.UNFAVOURABLE
        elif stage == "granted" and status[item.action_id] is ActionStatus.POSTPONED:
            opinion = Opinion.POSTPONED
        elif index % 7 == 3:
            opinion = Opinion.FAVOURABLE_WITH_CONDITIONS
            conditions = content.CONDITIONS[index % len(content.CONDITIONS)]
        repos.examined_actions.update(
            replace(item, opinion=opinion, conditions=conditions, amounts=amounts)
        )
