"""Dates and times written the French way (« mardi 28 avril 2015 », « 14 h 30 »)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

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


@dataclass(frozen=True)
class TypedDate:
    """What a date typed so far in a field amounts to: ``complete`` (``value`` set),
    ``partial`` (more keys can still make a date) or ``wrong`` (no key can)."""

    state: Literal["complete", "partial", "wrong"]
    value: date | None = None


_TYPED_SEPARATORS = re.compile(r"[/.\- ]+")


def typed_date(text: str, *, finished: bool = False) -> TypedDate:
    """Read a date as a person types it: ``15032026``, ``15/03/2026``, ``1/3/2026``,
    ``15.03.2026``; once ``finished`` (the field left), also a two-digit year (``15/03/26``,
    ``150326`` → 2026). Day first, always."""
    text = text.strip()
    if not re.fullmatch(r"[\d/.\- ]*", text):
        return TypedDate("wrong")
    if _TYPED_SEPARATORS.search(text):
        parts = _TYPED_SEPARATORS.split(text)
        if len(parts) > 3 or parts[0] == "" or any(len(p) > 2 for p in parts[:2]):
            return TypedDate("wrong")
        day, month, year = [*parts, "", ""][:3]
    else:
        day, month, year = text[:2], text[2:4], text[4:]
    if len(year) > 4 or not _could_be(day, 31) or not _could_be(month, 12):
        return TypedDate("wrong")
    short_year = finished and len(year) == 2
    if not day or not month or not (len(year) == 4 or short_year):
        return TypedDate("partial")
    try:
        value = date(int(year) + (2000 if short_year else 0), int(month), int(day))
    except ValueError:
        return TypedDate("wrong")
    return TypedDate("complete", value)


def _could_be(part: str, highest: int) -> bool:
    """Whether the digits of a day or month typed so far can still make one (1..highest)."""
    return len(part) < 2 or 1 <= int(part) <= highest
