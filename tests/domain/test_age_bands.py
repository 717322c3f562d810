"""The council's age bands: every age in exactly one, labelled in years without ambiguity,
the same labels for the composition, the roster and what a quota accepts."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.council import (
    AGE_BANDS,
    AgeBand,
    College,
    Member,
    age_band_label,
    band_rank,
    composition_on,
)
from contrat_desktop.domain.quotas import Dimension, Quota, age_quota_bands


@given(st.integers(min_value=0, max_value=120))
def test_every_age_falls_in_exactly_one_band(age: int) -> None:
    assert sum(band.holds(age) for band in AGE_BANDS) == 1


def test_the_labels_say_years_and_where_24_25_and_26_fall() -> None:
    assert [band.display for band in AGE_BANDS] == [
        "moins de 26 ans",
        "26-39 ans",
        "40-59 ans",
        "60 ans et plus",
    ]
    assert age_band_label(2001, 2025) == age_band_label(2000, 2025) == "moins de 26 ans"
    assert age_band_label(1999, 2025) == "26-39 ans"
    assert age_band_label(None, 2025) == "non renseigné"


def test_a_label_as_shown_reads_back_as_its_band_and_as_a_quota() -> None:
    for band in AGE_BANDS:
        assert AgeBand.parse(band.display) == band
    assert AgeBand.parse("18-29 ans") == AgeBand(18, 29)
    assert Quota.parse("age:60 ans et plus:2:") == Quota(Dimension.AGE, "60+", 2)
    quotas = (Quota(Dimension.SEX, "F", 3), Quota(Dimension.AGE, "18-29", 2))
    assert age_quota_bands(quotas) == (AgeBand(18, 29),)


def test_the_composition_counts_and_orders_with_the_same_labels() -> None:
    day = date(2025, 6, 1)
    members = [
        Member(1, n, College.RESIDENTS, date(2024, 1, 1), birth_year=year)
        for n, year in enumerate((2001, 1999, 1960, 1950, None), start=1)
    ]
    counts = composition_on(members, day)
    assert counts.by_age_band == {
        "moins de 26 ans": 1,
        "26-39 ans": 1,
        "60 ans et plus": 2,
        "non renseigné": 1,
    }
    ordered = sorted(counts.by_age_band, key=band_rank)
    assert ordered == ["moins de 26 ans", "26-39 ans", "60 ans et plus", "non renseigné"]
