"""« Bilan attendu au plus tard le »: a day that exists every year is accepted, any other
refused in French; a bad value already stored is read without a crash."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.deadline_setting import (
    month_day_problem,
    stored_value_notice,
)
from contrat_desktop.domain.funding import bilan_deadline, bilan_late
from contrat_desktop.domain.settings import RuleSettings


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("02-31", "le 31/02 n'existe pas ; ce mois a au plus 28 jours"),
        ("04-31", "le 31/04 n'existe pas ; ce mois a au plus 30 jours"),
        ("06-31", "le 31/06 n'existe pas"),
        ("02-29", "le 29/02 n'existe pas chaque année"),
        ("13-01", "n'est pas un jour et un mois"),
        ("juin", "n'est pas un jour et un mois"),
    ],
)
def test_an_impossible_day_is_refused_naming_the_setting(typed: str, said: str) -> None:
    problem = month_day_problem(typed)
    assert problem is not None and said in problem
    assert problem.startswith("« Bilan attendu au plus tard le »")
    (error,) = RuleSettings(bilan_deadline_month_day=typed).problems()
    assert error.field == "bilan_deadline" and said in error.message


@pytest.mark.parametrize("typed", ["06-30", "12-31", "02-28", "03-01", "01-01", "04-30"])
def test_days_of_every_year_are_accepted(typed: str) -> None:
    assert month_day_problem(typed) is None
    assert RuleSettings(bilan_deadline_month_day=typed).problems() == []
    assert stored_value_notice(typed) is None


def test_a_stored_impossible_day_reads_as_the_month_s_last_day() -> None:
    assert bilan_deadline(2026, "02-31") == date(2027, 2, 28)
    assert bilan_deadline(2027, "02-31") == date(2028, 2, 29)
    assert bilan_deadline(2026, "04-31") == date(2027, 4, 30)
    assert bilan_deadline(2026, "02-29") == date(2027, 2, 28)
    assert bilan_deadline(2026, "n'importe quoi") == date(2027, 6, 30)
    assert bilan_late(2026, None, date(2027, 3, 1), "02-31")
    assert not bilan_late(2026, None, date(2027, 2, 28), "02-31")
    notice = stored_value_notice("02-31")
    assert notice is not None and "Paramètres › Règles" in notice and "31/02" in notice


@given(
    st.integers(1900, 2200),
    st.integers(1, 12),
    st.integers(1, 31),
)
def test_any_stored_day_gives_a_deadline_in_its_month(year: int, month: int, day: int) -> None:
    deadline = bilan_deadline(year, f"{month:02d}-{day:02d}")
    assert (deadline.year, deadline.month) == (year + 1, month)
    assert deadline.day == min(day, calendar.monthrange(year + 1, month)[1])
    accepted = month_day_problem(f"{month:02d}-{day:02d}") is None
    assert accepted == (day <= calendar.monthrange(2027, month)[1])
