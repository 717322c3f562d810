"""Acts, the convention threshold, EJ numbers and bilan deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import (
    ActKind,
    FundingLine,
    act_problems,
    bilan_deadline,
    bilan_late,
    convention_required,
    normalise_ej,
    suggested_act_kind,
)


def test_the_convention_threshold_is_strictly_above_23_000_euros() -> None:
    assert not convention_required(2_300_000)
    assert convention_required(2_300_001)
    assert suggested_act_kind(2_300_000) is ActKind.DECREE
    assert suggested_act_kind(2_300_001) is ActKind.AGREEMENT
    assert convention_required(1_500_001, threshold_cents=1_500_000)  # a dossier's setting


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2103456789", "2103456789"),
        ("EJ 2103 456 789", "2103456789"),
        ("ej2103456789", "2103456789"),
        ("", ""),
    ],
)
def test_ej_numbers_are_normalised(typed: str, stored: str) -> None:
    assert normalise_ej(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "21034567890", "EJ-ABC", "2103 456 78X"])
def test_an_ej_of_the_wrong_shape_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError, match="10 chiffres") as caught:
        normalise_ej(typed)
    assert caught.value.field == "ej_number"


def test_act_problems() -> None:
    line = FundingLine(1, 2, granted_cents=100, decision_date=date(2026, 4, 28))
    assert act_problems(line) == []
    assert act_problems(FundingLine(1, 2, act_number="12"))[0].field == "act_kind"
    early = FundingLine(
        1,
        2,
        decision_date=date(2026, 4, 28),
        act_kind=ActKind.DECREE,
        act_signed_on=date(2026, 4, 1),
    )
    assert act_problems(early)[0].field == "act_signed_on"
    cpo = FundingLine(1, 2, act_kind=ActKind.MULTI_YEAR)
    assert act_problems(cpo)[0].field == "cpo_first_year"
    long = FundingLine(1, 2, act_kind=ActKind.MULTI_YEAR, cpo_first_year=2024, cpo_last_year=2029)
    assert "de 2 à 4 ans" in act_problems(long)[0].message
    outside = FundingLine(
        1, 2, act_kind=ActKind.MULTI_YEAR, cpo_first_year=2024, cpo_last_year=2026
    )
    assert act_problems(outside, 2026) == []
    assert "ne couvre pas" in act_problems(outside, 2027)[0].message
    assert act_problems(FundingLine(1, 2, ej_number="123"))[0].field == "ej_number"
    label = FundingLine(
        1,
        2,
        act_kind=ActKind.MULTI_YEAR,
        cpo_first_year=2026,
        cpo_last_year=2028,
        act_number="C-14",
        act_signed_on=date(2026, 5, 12),
    ).act_label()
    assert label == "CPO pluriannuelle 2026-2028 n° C-14 du 12/05/2026"


def test_bilan_deadline_across_the_year_change() -> None:
    assert bilan_deadline(2026) == date(2027, 6, 30)
    assert bilan_deadline(2026, "12-31") == date(2027, 12, 31)
    # the action ran in 2026: on 31/12/2026 and through the first half of 2027, not late
    assert not bilan_late(2026, None, date(2026, 12, 31))
    assert not bilan_late(2026, None, date(2027, 1, 1))
    assert not bilan_late(2026, None, date(2027, 6, 30))
    assert bilan_late(2026, None, date(2027, 7, 1))
    # received on the deadline is on time, the day after is late, whatever today is
    assert not bilan_late(2026, date(2027, 6, 30), date(2030, 1, 1))
    assert bilan_late(2026, date(2027, 7, 1), date(2027, 7, 1))
    # a leap-year setting: the 29th of February exists in 2028 only
    assert bilan_deadline(2027, "02-29") == date(2028, 2, 29)


@pytest.mark.parametrize("part", ["requested_cents", "proposed_cents", "granted_cents"])
def test_a_negative_amount_is_refused_naming_its_field(part: str) -> None:
    with pytest.raises(ValidationError, match="ne peut être négatif") as caught:
        FundingLine(1, 2, **{part: -1})
    assert caught.value.field == part
    assert FundingLine(1, 2, 0, None, 0).granted_cents == 0  # zero and blank amounts are fine
