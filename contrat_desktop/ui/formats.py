"""French display of dates and numbers in the interface (money: ``domain.money``)."""

from __future__ import annotations

from datetime import date, datetime

NARROW_NBSP = "\u202f"


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%d/%m/%Y %H:%M")


def format_count(value: int) -> str:
    return f"{value:,}".replace(",", NARROW_NBSP)
