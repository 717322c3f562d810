"""Dates and times written the French way (« mardi 28 avril 2015 », « 14 h 30 »)."""

from __future__ import annotations

from datetime import date, datetime

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def long_date(day: date) -> str:
    number = "1er" if day.day == 1 else str(day.day)
    return f"{DAYS[day.weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def clock(at: datetime) -> str:
    return f"{at.hour}\u00a0h\u00a0{at.minute:02d}"


def moment(at: str | datetime) -> str:
    """``2026-12-04T15:55:39`` → ``04/12/2026 à 15 h 55``."""
    when = datetime.fromisoformat(at) if isinstance(at, str) else at
    return f"{short_date(when)} à {clock(when)}"
