"""Quorum, council presence, agenda times, decisions and the validation preview."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.decisions import (
    AmountKind,
    ExaminedAction,
    FunderAmount,
    envelope_checks,
    starting_amounts,
    target_status,
    totals_per_funder,
)
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.meetings import (
    AgendaItem,
    Attendance,
    Meeting,
    MinutesStatus,
    Presence,
    check_editable,
    expected_end,
)
from contrat_desktop.domain.minutes_preview import preview_changes, status_path
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.persons import BodyMember, Person, Seat
from contrat_desktop.domain.quorum import check_quorum, council_warning, quorum_required
from contrat_desktop.domain.workflow import ActionStatus as S

MEMBERS = [BodyMember(1, p, Seat.TITULAR) for p in range(1, 11)] + [
    BodyMember(1, 11, Seat.SUBSTITUTE)
]


def attending(present: list[int], represented: list[int] = ()) -> list[Attendance]:  # type: ignore[assignment]
    rows = [Attendance(1, p, Presence.PRESENT) for p in present]
    rows += [Attendance(1, p, Presence.REPRESENTED, "X") for p in represented]
    return rows


def test_quorum_by_count_and_by_fraction() -> None:
    assert quorum_required(Body("copil", "COPIL", quorum_count=4), 10) == 4
    assert quorum_required(Body("copil", "COPIL", quorum_fraction_percent=50), 9) == 5
    assert quorum_required(Body("copil", "COPIL"), 9) is None
    body = Body("copil", "COPIL", quorum_fraction_percent=50)
    assert not check_quorum(body, MEMBERS, attending([1, 2, 3, 4])).reached
    check = check_quorum(body, MEMBERS, attending([1, 2, 3, 4], represented=[5]))
    assert check.reached and check.counted == 5
    assert check.message == (
        "Quorum atteint : 5 titulaire(s) présent(s) ou représenté(s) sur 5 requis."
    )


def test_a_body_without_titulars_says_its_quorum_cannot_be_computed() -> None:
    body = Body("copil", "COPIL", quorum_fraction_percent=50)
    check = check_quorum(body, [BodyMember(1, 11, Seat.SUBSTITUTE)], attending([11]))
    assert check.message == "Quorum non calculable : l'instance n'a aucun membre titulaire."
    plain = check_quorum(Body("gt", "GT"), MEMBERS, attending([1, 2]))
    assert plain.message == "Pas de règle de quorum ; 2 titulaire(s) présent(s) ou représenté(s)."


def test_a_quorum_is_not_counted_before_any_presence_is_entered() -> None:
    """Everyone convened « Non renseigné » (a meeting just prepared): not a false 0 present."""
    body = Body("copil", "COPIL", quorum_count=3)
    convened = [Attendance(1, p) for p in range(1, 12)]
    check = check_quorum(body, MEMBERS, convened)
    assert not check.entered and "0 titulaire" not in check.message
    assert check.message == (
        "Quorum à vérifier : présences pas encore renseignées "
        "(3 titulaire(s) présent(s) ou représenté(s) requis)."
    )
    plain = check_quorum(Body("gt", "GT"), MEMBERS, convened)
    assert plain.message == "Pas de règle de quorum ; présences pas encore renseignées."
    convened[0] = Attendance(1, 1, Presence.PRESENT)
    convened[1] = Attendance(1, 2, Presence.EXCUSED)
    started = check_quorum(body, MEMBERS, convened)
    assert started.entered and started.counted == 1 and started.pending == 9
    assert started.message == (
        "Quorum non atteint : 1 titulaire(s) présent(s) ou représenté(s) "
        "(9 présence(s) de membre encore non renseignée(s)) sur 3 requis."
    )


def test_invitees_do_not_count_and_substitutes_never_exceed_titulars() -> None:
    body = Body("copil", "COPIL", quorum_count=3)
    assert check_quorum(body, MEMBERS, attending([50, 51, 52])).counted == 0
    assert check_quorum(body, MEMBERS, attending([1, 2, 11])).counted == 3
    assert check_quorum(body, MEMBERS, attending(list(range(1, 12)))).counted == 10


def test_council_presence_warning_for_steering_bodies() -> None:
    persons = {1: Person("Élue"), 2: Person("Habitante", council_member=True)}
    copil = Body("copil", "Comité de pilotage", council_required=True)
    assert council_warning(copil, True, attending([1]), persons) is not None
    assert council_warning(copil, True, attending([1, 2]), persons) is None
    excused = [Attendance(1, 2, Presence.EXCUSED)]
    assert council_warning(copil, True, excused, persons) is not None
    group = Body("groupe_technique", "Groupe technique")
    assert council_warning(group, False, attending([1]), persons) is None


def test_the_council_is_not_said_absent_before_the_meeting_or_its_presences() -> None:
    """QA walk, uxfix b: a new meeting used to mark everyone absent and warn at once."""
    persons = {1: Person("Élue"), 2: Person("Habitante", council_member=True)}
    copil = Body("copil", "Comité de pilotage", council_required=True)
    convened = [Attendance(1, 1), Attendance(1, 2)]
    assert convened[1].presence is Presence.UNKNOWN  # « non renseigné » until entered
    assert council_warning(copil, True, convened, persons) is None
    absent = [Attendance(1, 1, Presence.PRESENT), Attendance(1, 2, Presence.ABSENT)]
    assert council_warning(copil, True, absent, persons, held=False) is None  # to come
    assert "présent" in (council_warning(copil, True, absent, persons) or "")
    not_convened = council_warning(copil, True, [Attendance(1, 1)], persons, held=False)
    assert "convoqué" in (not_convened or "")  # said at once: nothing to wait for


def test_agenda_gives_the_expected_end_and_frozen_minutes_refuse_edits() -> None:
    start = datetime(2015, 4, 28, 18, 0)
    items = [
        AgendaItem(1, 1, "Ouverture", duration_minutes=10),
        AgendaItem(1, 2, "Vote", duration_minutes=50),
    ]
    assert expected_end(start, items) == datetime(2015, 4, 28, 19, 0)
    meeting = Meeting(1, start, place="Mairie", minutes_status=MinutesStatus.VALIDATED)
    with pytest.raises(ValidationError, match="validé"):
        check_editable(meeting)
    assert Attendance(1, 1, Presence.REPRESENTED).problems()


def test_decision_rules_and_totals_against_envelopes() -> None:
    assert target_status(Opinion.FAVOURABLE, AmountKind.GRANTED) is S.GRANTED
    assert target_status(Opinion.UNFAVOURABLE, AmountKind.GRANTED) is S.REFUSED
    assert target_status(Opinion.UNFAVOURABLE, AmountKind.PROPOSED) is S.PROPOSED
    assert target_status(Opinion.POSTPONED, AmountKind.PROPOSED) is S.POSTPONED
    assert ExaminedAction(1, 1, opinion=Opinion.FAVOURABLE_WITH_CONDITIONS).problems()
    assert ExaminedAction(
        1, 1, opinion=Opinion.UNFAVOURABLE, amounts=(FunderAmount(1, 500),)
    ).problems()
    examined = [
        ExaminedAction(1, 1, amounts=(FunderAmount(1, 1_000_00), FunderAmount(2, 500_00))),
        ExaminedAction(1, 2, amounts=(FunderAmount(1, 2_000_00),)),
    ]
    totals = totals_per_funder(examined)
    assert totals == {1: 3_000_00, 2: 500_00}
    (state, town) = envelope_checks(totals, {1: 5_000_00, 2: 400_00}, {1: 1_500_00})
    assert state.left_cents == 500_00 and not state.over
    assert town.left_cents == -100_00 and town.over


def test_status_path_uses_the_workflow() -> None:
    assert status_path(S.UNDER_REVIEW, S.GRANTED) == (S.PROPOSED, S.GRANTED)
    assert status_path(S.PROPOSED, S.PROPOSED) == ()
    assert status_path(S.CLOSED, S.GRANTED) is None
    assert status_path(S.DRAFT, S.GRANTED) is None  # too far: not examined that way


def test_preview_lists_each_field_old_and_new() -> None:
    action = Action("2015-CS-001", "Atelier", 1, 1, status=S.PROPOSED, id=7)
    lines = [FundingLine(7, 1, 1_000_00, proposed_cents=900_00, id=3)]
    item = ExaminedAction(
        1, 7, opinion=Opinion.FAVOURABLE, amounts=(FunderAmount(1, 800_00), FunderAmount(2, 100_00))
    )
    (change,) = preview_changes(
        AmountKind.GRANTED, date(2015, 4, 28), [item], {7: action}, {7: lines}
    )
    assert change.status_path == (S.GRANTED,)
    fields = {(c.funder_id, c.field): (c.old, c.new, c.line_id) for c in change.line_changes}
    assert fields[(1, "granted_cents")] == (None, 800_00, 3)
    assert fields[(2, "granted_cents")] == (None, 100_00, None)
    assert fields[(1, "decision_date")] == (None, date(2015, 4, 28), 3)
    closed = Action("2015-CS-002", "Fini", 1, 1, status=S.CLOSED, id=8)
    (kept,) = preview_changes(
        AmountKind.GRANTED,
        date(2015, 4, 28),
        [ExaminedAction(1, 8, opinion=Opinion.FAVOURABLE)],
        {8: closed},
        {},
    )
    assert kept.empty and "conservé" in kept.warning


def test_a_meeting_starts_from_the_latest_decision_never_from_the_request() -> None:
    proposed, granted = {1: 5_700_00, 2: 0}, {2: 1_000_00, 3: 2_000_00}
    assert starting_amounts(AmountKind.PROPOSED, proposed, granted) == (
        FunderAmount(1, 5_700_00),
        FunderAmount(2, 0),
    )  # funder 4, only requested, stays empty
    assert starting_amounts(AmountKind.GRANTED, proposed, granted) == (
        FunderAmount(1, 5_700_00),
        FunderAmount(2, 1_000_00),
        FunderAmount(3, 2_000_00),
    )
    assert starting_amounts(AmountKind.PROPOSED, {}, {}) == ()
