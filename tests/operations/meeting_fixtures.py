"""A small committee to test meetings on: a COPIL, three persons, two funders, two actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.meetings import Meeting
from contrat_desktop.domain.persons import BodyMember, Person
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.meetings import create_meeting
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


@dataclass
class Committee:
    meeting: Meeting
    actions: list[Action]
    funders: list[Funder]
    persons: list[Person]


def make_committee(
    dossier: Dossier, make_action: Callable[..., Action], kind: str = "copil"
) -> Committee:
    repos = Repositories(dossier)
    body = repos.bodies.add(Body(kind, "Comité de pilotage", chairs="Le maire", quorum_count=2))
    persons = [
        repos.persons.add(Person("Jeanne Dupont", "Ville de Villiers-sur-Marne", "Maire")),
        repos.persons.add(Person("Paul Martin", "Préfecture du Val-de-Marne", "Délégué du préfet")),
        repos.persons.add(Person("Awa Koné", "Conseil citoyen", "Habitante", council_member=True)),
    ]
    for person in persons:
        repos.body_members.add(BodyMember(body.id or 0, person.id or 0))
    funders = [
        repos.funders.add(Funder("État – BOP 147", FunderKind.STATE, short_name="État")),
        repos.funders.add(
            Funder("Ville de Villiers-sur-Marne", FunderKind.COMMUNE, short_name="Ville")
        ),
    ]
    actions = []
    for title in ("Atelier sociolinguistique", "Médiation sociale"):
        action = make_action(title=title, status=ActionStatus.DRAFT)
        for status in (ActionStatus.FILED, ActionStatus.ADMISSIBLE, ActionStatus.UNDER_REVIEW):
            action = repos.actions.change_status(action, status)
        action = repos.actions.change_status(action, ActionStatus.PROPOSED)
        for funder, requested in zip(funders, (12_000_00, 5_000_00), strict=True):
            repos.funding_lines.add(
                FundingLine(
                    action.id or 0, funder.id or 0, requested, proposed_cents=requested - 1_000_00
                )
            )
        actions.append(action)
    meeting = create_meeting(
        dossier, Meeting(body.id or 0, datetime(2015, 4, 28, 18, 0), 90, "Hôtel de ville")
    )
    return Committee(meeting, actions, funders, persons)
