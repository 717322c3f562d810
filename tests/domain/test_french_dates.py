"""Dates read as a person types them into a date field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.french_dates import typed_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15032026", date(2026, 3, 15)),
        ("15/03/2026", date(2026, 3, 15)),
        ("1/3/2026", date(2026, 3, 1)),
        ("15.03.2026", date(2026, 3, 15)),
        ("15-3-2026", date(2026, 3, 15)),
    ],
)
def test_a_whole_date_is_read_while_typing(text: str, expected: date) -> None:
    assert typed_date(text).value == expected


@pytest.mark.parametrize("text", ["", "1", "15", "150", "1503", "15/", "15/3", "15/03/", "150320"])
def test_a_beginning_of_date_is_partial(text: str) -> None:
    assert typed_date(text).state == "partial"


@pytest.mark.parametrize(
    "text", ["32", "1513", "00", "31022026", "15/03/20266", "1/2/3/4", "ab", "/1"]
)
def test_what_no_key_can_make_a_date_is_wrong(text: str) -> None:
    assert typed_date(text).state == "wrong"


def test_a_two_digit_year_is_read_once_the_field_is_left() -> None:
    assert typed_date("150326").state == "partial"
    assert typed_date("150326", finished=True).value == date(2026, 3, 15)
    assert typed_date("15/3/26", finished=True).value == date(2026, 3, 15)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9999, 12, 31)))
def test_any_date_typed_digit_by_digit_reads_back(day: date) -> None:
    digits = day.strftime("%d%m%Y")
    for end in range(len(digits)):
        assert typed_date(digits[:end]).state == "partial"
    assert typed_date(digits).value == day
    assert typed_date(day.strftime("%d/%m/%Y")).value == day
    assert typed_date(f"{day.day}/{day.month}/{day.year:04d}").value == day
