"""The « Bilan attendu au plus tard le » setting: a day and month that must exist every
year. A bad value is refused when entered; one already stored (an old file, a hand edit)
is read as the month's last day, with a French message saying so, never a crash."""

from __future__ import annotations

import calendar
from functools import lru_cache

DEFAULT_MONTH_DAY = "06-30"
LABEL = "« Bilan attendu au plus tard le »"
_NON_LEAP_YEAR = 2027  # the days every year has are those of a common year


def _parts(month_day: str) -> tuple[int, int] | None:
    try:
        month, day = (int(part) for part in str(month_day).split("-"))
    except ValueError:
        return None
    return (month, day) if 1 <= month <= 12 and day >= 1 else None


def month_and_day(month_day: str) -> tuple[int, int]:
    """The (month, day) as stored, not corrected (what the settings page shows to be fixed);
    30/06 when unreadable."""
    parts = _parts(month_day) or _parts(DEFAULT_MONTH_DAY)
    assert parts is not None
    return parts


def month_day_problem(month_day: str) -> str | None:
    """Why ``month_day`` (``MM-DD``) is no day of every year, in French; None when fine."""
    parts = _parts(month_day)
    if parts is None:
        return f"{LABEL} : « {month_day} » n'est pas un jour et un mois (jj/mm)."
    month, day = parts
    last = calendar.monthrange(_NON_LEAP_YEAR, month)[1]
    if day <= last:
        return None
    if (month, day) == (2, 29):
        return f"{LABEL} : le 29/02 n'existe pas chaque année ; choisissez le 28/02 ou le 01/03."
    return f"{LABEL} : le {day:02d}/{month:02d} n'existe pas ; ce mois a au plus {last} jours."


@lru_cache(maxsize=256)  # read once per reminder row: parsed once per year
def deadline_day(year: int, month_day: str) -> tuple[int, int]:
    """The (month, day) of the deadline in ``year``: a stored impossible day is read as the
    month's last day (31/04 as 30/04, 31/02 as 28/02 or 29/02), an unreadable value as 30/06."""
    month, day = month_and_day(month_day)
    return month, min(day, calendar.monthrange(year, month)[1])


def stored_value_notice(month_day: str) -> str | None:
    """The French notice shown where deadlines are read while the stored value is bad."""
    problem = month_day_problem(month_day)
    if problem is None:
        return None
    return (
        f"Réglage à corriger dans Paramètres › Règles — {problem} "
        "En attendant, le dernier jour du mois est retenu."
    )
