"""Participation of the conseil citoyen's members in meetings (see ``domain.participation``
for what counts and how the rate is taken)."""

from __future__ import annotations

from datetime import date, datetime

from contrat_desktop.domain.council import College, Member
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.domain.meetings import Presence
from contrat_desktop.domain.participation import (
    ConvenedMeeting,
    CouncilParticipation,
    MemberParticipation,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.privacy import attendance_of
from contrat_desktop.storage.repositories import Repositories

COLLEGE_ORDER = {College.RESIDENTS: 0, College.LOCAL_ACTORS: 1}


def council_participation(
    dossier: Dossier, council_id: int, until: date | None = None
) -> CouncilParticipation:
    """Each person who sat on the council, with the meetings they were convened to while a
    member (up to ``until`` included, all when None) and their presence at each."""
    repos = Repositories(dossier)
    mandates: dict[int, list[Member]] = {}
    for member in repos.council_members.for_council(council_id):
        mandates.setdefault(member.person_id, []).append(member)
    persons = repos.persons.by_ids(list(mandates))
    found = []
    for person_id, held in mandates.items():
        meetings = []
        for starts_at, body, presence in attendance_of(dossier.db, person_id):
            at = datetime.fromisoformat(starts_at)
            if until is not None and at.date() > until:
                continue
            if any(m.active_on(at.date()) for m in held):
                meetings.append(ConvenedMeeting(at, body, Presence(presence)))
        name = persons[person_id].name if person_id in persons else f"Personne n° {person_id}"
        found.append(MemberParticipation(person_id, name, held[-1].college, tuple(meetings)))
    found.sort(key=lambda p: (COLLEGE_ORDER[p.college], fold(p.name), p.person_id))
    return CouncilParticipation(council_id, tuple(found))
