"""Participation of council members: counted per person over their mandate, real dossier."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.council import CitizenCouncil, College
from contrat_desktop.domain.meetings import Attendance, Meeting, Presence
from contrat_desktop.domain.participation import PresenceCounts
from contrat_desktop.domain.persons import Person
from contrat_desktop.operations.council import record_exit
from contrat_desktop.operations.council_participation import council_participation
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.conftest import MakeMember

P = Presence


def meeting(dossier: Dossier, body: str, day: date, presences: dict[int, Presence]) -> None:
    repos = Repositories(dossier)
    bodies = {b.name: b for b in repos.bodies.all()}
    if body not in bodies:
        bodies[body] = repos.bodies.add(Body("copil", body))
    held = repos.meetings.add(
        Meeting(bodies[body].id or 0, datetime.combine(day, datetime.min.time()), place="Mairie")
    )
    for person_id, presence in presences.items():
        proxy = "Une autre membre" if presence is P.REPRESENTED else ""
        repos.attendance.add(Attendance(held.id or 0, person_id, presence, proxy))


def test_counts_and_rates_per_member_and_for_the_council(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    awa = make_member("Awa Diallo").person_id
    paul = make_member("Paul Martin", college=College.LOCAL_ACTORS).person_id
    left = make_member("Zoé Bernard")
    record_exit(dossier, left.id or 0, date(2015, 6, 1), "Déménagement")
    outsider = Repositories(dossier).persons.add(Person("Élu sans mandat"))
    meeting(dossier, "COPIL", date(2015, 1, 10), {awa: P.PRESENT})  # before the council
    meeting(dossier, "COPIL", date(2015, 3, 1), {awa: P.PRESENT, paul: P.EXCUSED,
                                                  left.person_id: P.PRESENT})  # fmt: skip
    meeting(dossier, "Comité technique", date(2015, 4, 2), {awa: P.REPRESENTED, paul: P.ABSENT})
    meeting(dossier, "COPIL", date(2015, 9, 1), {awa: P.ABSENT, paul: P.PRESENT,
                                                  left.person_id: P.ABSENT,
                                                  outsider.id or 0: P.PRESENT})  # fmt: skip
    meeting(dossier, "COPIL", date(2016, 2, 1), {awa: P.PRESENT, paul: P.PRESENT})

    found = council_participation(dossier, council.id or 0, until=date(2015, 12, 31))
    by_name = {m.name: m for m in found.members}
    assert [m.name for m in found.members] == ["Awa Diallo", "Zoé Bernard", "Paul Martin"]
    assert by_name["Awa Diallo"].counts == PresenceCounts(1, 1, 0, 1)
    assert by_name["Awa Diallo"].counts.rate == pytest.approx(2 / 3)
    assert by_name["Awa Diallo"].counts.rate_label == "67\u00a0%"
    assert [m.body for m in by_name["Awa Diallo"].meetings] == [
        "COPIL",
        "Comité technique",
        "COPIL",
    ]
    assert by_name["Zoé Bernard"].counts == PresenceCounts(present=1)  # left in June
    assert by_name["Paul Martin"].counts == PresenceCounts(1, 0, 1, 1)
    assert found.total == PresenceCounts(3, 1, 1, 2)
    assert found.total.rate == pytest.approx(4 / 7)
    everything = council_participation(dossier, council.id or 0)
    assert everything.total.convened == 9


def test_a_member_never_convened_has_no_rate(
    dossier: Dossier, council: CitizenCouncil, make_member: MakeMember
) -> None:
    make_member("Awa Diallo")
    (only,) = council_participation(dossier, council.id or 0).members
    assert only.counts.convened == 0 and only.counts.rate is None and only.counts.rate_label == "—"
