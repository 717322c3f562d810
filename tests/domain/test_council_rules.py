"""Council members, history, counts and each composition rule on its edge cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from contrat_desktop.domain.council import (
    CitizenCouncil,
    College,
    Designation,
    Member,
    Sex,
    composition_on,
    leave,
)
from contrat_desktop.domain.council_rules import composition_warnings, term_warning
from contrat_desktop.domain.errors import ValidationError

DAY = date(2026, 3, 1)
ENTRY = date(2025, 1, 15)


def resident(n: int, sex: Sex, **changes: object) -> Member:
    member = Member(
        council_id=1,
        person_id=n,
        college=College.RESIDENTS,
        entry_date=ENTRY,
        sex=sex,
        birth_year=1980,
        district="QP094017",
        designation=Designation.DRAW,
        draw_list="Électeurs",
        steering_representative=n == 1,
    )
    return replace(member, **changes)  # type: ignore[arg-type]


def actor(n: int, **changes: object) -> Member:
    member = Member(1, n, College.LOCAL_ACTORS, ENTRY, organisation="ALEF")
    return replace(member, **changes)  # type: ignore[arg-type]


def council(women: int = 5, men: int = 5, actors: int = 6) -> list[Member]:
    people = [resident(n, Sex.FEMALE) for n in range(1, women + 1)]
    people += [resident(100 + n, Sex.MALE) for n in range(men)]
    return people + [actor(200 + n) for n in range(actors)]


def rules_found(members: list[Member], rules: dict | None = None, **kw: object) -> list[str]:
    return [w.rule for w in composition_warnings(members, rules or {}, DAY, **kw)]  # type: ignore[arg-type]


def test_a_balanced_council_has_no_warning() -> None:
    assert rules_found(council()) == []


def test_parity_with_tolerance() -> None:
    assert rules_found(council(6, 5)) == []  # gap 1, tolerated by default
    assert rules_found(council(7, 5)) == ["parity_residents"]
    assert rules_found(council(7, 5), {"parity_residents": {"tolerance": 2}}) == []
    assert rules_found(council(8, 2), {"parity_residents": {"enabled": False}}) == []
    unknown = [*council(), replace(resident(50, Sex.FEMALE), sex=None)]
    assert "non renseigné" in composition_warnings(unknown, {}, DAY)[0].message


def test_residents_share_boundary() -> None:
    assert rules_found(council(4, 4, 8)) == []  # exactly 50 %
    found = composition_warnings(council(4, 4, 9), {}, DAY)
    assert [w.rule for w in found] == ["residents_share"]
    assert "47 %" in found[0].message and "8 sur 17" in found[0].message
    assert rules_found(council(4, 4, 9), {"residents_share": {"min_percent": 40}}) == []


def test_size_range() -> None:
    assert rules_found(council(4, 4, 6)) == ["size_range"]  # 14 < 15
    assert rules_found(council(4, 4, 7)) == []
    assert rules_found(council(4, 4, 6), {"size_range": {"min": 10, "max": 20}}) == []
    assert rules_found(council(26, 26, 0)) == ["size_range"]  # 52 > 50


def test_officials_are_named() -> None:
    members = [*council(), actor(300, official=True)]
    found = composition_warnings(members, {}, DAY, names={300: "M. le Maire-adjoint"})
    assert [w.rule for w in found] == ["no_officials"]
    assert "M. le Maire-adjoint" in found[0].message


def test_draw_required_and_representatives() -> None:
    volunteers = [replace(m, designation=Designation.VOLUNTEER) for m in council()]
    assert rules_found(volunteers) == ["draw_required"]
    nobody = [replace(m, steering_representative=False) for m in council()]
    assert rules_found(nobody) == ["steering_representatives"]
    found = rules_found(council(), steering_bodies_without_representative=["COPIL"])
    assert found == ["steering_representatives"]


def test_exits_keep_history_and_counts_follow_the_date() -> None:
    members = council()
    gone = leave(members[0], date(2026, 1, 31), "Déménagement")
    assert gone.exit_reason == "Déménagement" and gone.entry_date == ENTRY
    with pytest.raises(ValidationError, match="déjà quitté"):
        leave(gone, date(2026, 2, 1), "Autre")
    with pytest.raises(ValidationError, match="précède"):
        leave(members[1], date(2020, 1, 1), "Erreur")
    members[0] = gone
    before, after = composition_on(members, date(2026, 1, 1)), composition_on(members, DAY)
    assert (before.total, after.total) == (16, 15)
    assert after.residents_by_sex == {"Femme": 4, "Homme": 5}
    assert after.by_college == {"Habitants": 9, "Associations et acteurs locaux": 6}
    assert after.by_age_band == {"40-59 ans": 9, "non renseigné": 6}
    assert after.by_district == {"QP094017": 9, "non renseigné": 6}
    # 4 women and 5 men: gap 1 tolerated; but the representative (person 1) has left
    assert rules_found(members) == ["steering_representatives"]


# the council's term: always checked, whatever rules are switched on -------------------------
def test_a_term_over_is_a_warning_that_says_since_when() -> None:
    council = CitizenCouncil(
        "Conseil", installed_on=date(2015, 2, 5), renewal_due_on=date(2018, 2, 5)
    )
    warning = term_warning(council, date(2026, 12, 4))
    assert warning is not None and warning.rule == "term"
    assert "échu" in warning.message and "05/02/2018" in warning.message
    assert "il y a 8 ans et 9 mois" in warning.message


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2018, 2, 5), "dans 0 jour(s)"),  # the due day itself: still in office
        (date(2018, 1, 1), "dans 35 jour(s)"),
        (date(2017, 11, 7), "dans 90 jour(s)"),
        (date(2017, 11, 6), None),  # more than 90 days ahead: nothing to say yet
        (date(2018, 2, 6), "il y a 1 jour(s)"),
        (date(2019, 2, 5), "il y a 1 an)"),
        (date(2018, 5, 4), "il y a 2 mois"),
    ],
)
def test_the_term_on_its_edges(day: date, expected: str | None) -> None:
    council = CitizenCouncil("Conseil", renewal_due_on=date(2018, 2, 5))
    warning = term_warning(council, day)
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning.message


def test_no_renewal_date_no_term_warning() -> None:
    assert term_warning(CitizenCouncil("Conseil"), DAY) is None
