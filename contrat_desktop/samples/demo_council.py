"""The demo's conseil citoyen: the council of the seed QPV, the public draw of January 2015
that chose ten residents (stored lists, seed, quotas, reserve), volunteers, local actors, the
two representatives who already sit on the COPIL and the comité technique, and three
departures in 2016, one replaced from the reserve. Deterministic, like the rest of the demo."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime

from contrat_desktop.domain.council import CitizenCouncil, College, Designation, Member, Sex
from contrat_desktop.domain.draw import Candidate, CandidateList, DrawRequest
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.persons import Person
from contrat_desktop.domain.quotas import Dimension, Quota
from contrat_desktop.operations.council import (
    add_member,
    record_exit,
    replace_from_reserve,
    run_draw,
    save_council,
)
from contrat_desktop.samples import demo_council_content as content
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

QUOTAS = (
    Quota(Dimension.SEX, "F", 5, 5),
    Quota(Dimension.SEX, "M", 5, 5),
    Quota(Dimension.AGE, "18-29", 2),
    Quota(Dimension.AGE, "30-59", 4),
    Quota(Dimension.AGE, "60+", 2),
)
SEATS = 10


def build_demo_council(dossier: Dossier, district_code: str) -> CitizenCouncil:
    """Add the council to a demo dossier whose governance (persons, meetings) is built."""
    council = save_council(
        dossier,
        CitizenCouncil(
            content.COUNCIL_NAME,
            district_codes=(district_code,),
            recognition_act_number="2015/1187",
            recognition_act_date=date(2015, 5, 12),
            host_structure=content.HOST,
            internal_rules=content.INTERNAL_RULES,
            installed_on=content.INSTALLED,
            renewal_due_on=date(2018, 2, 5),
        ),
    )
    council_id = council.id or 0
    record = _draw(dossier, council_id, district_code)
    drawn = [_seat_drawn(dossier, council_id, record, c) for c in record.selected]
    names = {p.name: p for p in Repositories(dossier).persons.all()}
    for name, sex, year, representative in content.VOLUNTEERS:
        _seat(dossier, names.get(name) or Person(name), College.RESIDENTS, Sex(sex), year,
              district=district_code, council_id=council_id,
              steering_representative=representative)  # fmt: skip
    for name, sex, year, structure, role in content.LOCAL_ACTORS:
        person = names.get(name) or Person(name, structure, role)
        _seat(dossier, person, College.LOCAL_ACTORS, Sex(sex), year, council_id=council_id,
              designation=Designation.ASSOCIATION, organisation=structure)  # fmt: skip
    _departures(dossier, council_id, record, drawn)
    return council


def _draw(dossier: Dossier, council_id: int, district: str) -> DrawRecord:
    rng = random.Random(content.DRAW_SEED)
    lists = []
    people: list[Candidate] = []
    for name, source, prefix, size in content.LISTS:
        fresh = [_candidate(rng, f"{prefix}-{n:04d}", district) for n in range(1, size + 1)]
        if people:  # a few tenants are also on the electoral roll
            fresh[: content.SHARED] = [
                replace(c, key=f"{prefix}-{n:04d}")
                for n, c in enumerate(people[: content.SHARED], start=1)
            ]
        people += fresh
        stored = Repositories(dossier).candidate_lists.add(
            CandidateList(name, source, tuple(fresh), council_id=council_id)
        )
        lists.append(stored)
    request = DrawRequest(tuple(lists), SEATS, content.DRAW_SEED, 2015, QUOTAS, reserve_size=SEATS)
    return run_draw(
        dossier,
        request,
        drawn_at=datetime(2015, 1, 15, 18, 30),
        place=content.DRAW_PLACE,
        witnesses=content.DRAW_WITNESSES,
        council_id=council_id,
    )


def _candidate(rng: random.Random, key: str, district: str) -> Candidate:
    sex = rng.choice((Sex.FEMALE, Sex.MALE))
    first = rng.choice(content.FEMALE if sex is Sex.FEMALE else content.MALE)
    return Candidate(
        key, f"{first} {rng.choice(content.SURNAMES)}", sex, rng.randint(1935, 1997), district
    )


def _seat_drawn(dossier: Dossier, council_id: int, record: DrawRecord, drawn: Candidate) -> Member:
    return _seat(dossier, Person(drawn.name), College.RESIDENTS, drawn.sex, drawn.birth_year,
                 district=drawn.district, council_id=council_id, designation=Designation.DRAW,
                 draw_list=drawn.list_name, draw_id=record.id)  # fmt: skip


def _seat(
    dossier: Dossier,
    person: Person,
    college: College,
    sex: Sex | None,
    birth_year: int | None,
    **fields: object,
) -> Member:
    member = Member(
        college=college,
        sex=sex,
        birth_year=birth_year,
        entry_date=content.INSTALLED,
        consent_date=content.INSTALLED,
        consent_purpose=content.CONSENT,
        person_id=person.id or 0,
        **fields,  # type: ignore[arg-type]
    )
    if person.id is not None:  # already a contact of the bodies (demo_meetings)
        return Repositories(dossier).council_members.add(member)
    if college is College.RESIDENTS:
        role = "Habitante" if sex is Sex.FEMALE else "Habitant"
        person = replace(person, organisation=content.COUNCIL_NAME, role=role)
    return add_member(dossier, person, member)


def _departures(dossier: Dossier, council_id: int, record: DrawRecord, drawn: list[Member]) -> None:
    repos = Repositories(dossier)
    leaving = next(m for m in drawn if m.sex is Sex.MALE)
    on, reason = content.DRAWN_LEAVING
    seated = replace_from_reserve(dossier, record.id or 0, leaving.id or 0, on, reason)
    assert seated is not None, "the demo's reserve must hold a replacement"
    repos.council_members.update(replace(seated, consent_date=on, consent_purpose=content.CONSENT))
    person = repos.persons.get(seated.person_id)
    role = "Habitante" if seated.sex is Sex.FEMALE else "Habitant"
    repos.persons.update(replace(person, organisation=content.COUNCIL_NAME, role=role))
    by_name = {repos.persons.get(m.person_id).name: m for m in
               repos.council_members.for_council(council_id)}  # fmt: skip
    for name, day, why in content.LEAVING:
        record_exit(dossier, by_name[name].id or 0, day, why)
