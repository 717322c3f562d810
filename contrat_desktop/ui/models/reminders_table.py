"""The reminders table ("À faire"): due date, kind, what it concerns, what is due.

Each sentence is written when a row is painted (``Reminder.text``), not for the whole list;
the « Détail » column takes the room left and its tooltip gives the whole sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.reminders import Reminder
from contrat_desktop.ui.models.columns import Column, RowTableModel

REMINDER_COLUMNS: list[Column[Reminder]] = [
    Column(
        "due",
        "Échéance",
        lambda r: f"{r.due_on:%d/%m/%Y}" if r.due_on else "—",
        lambda r: r.due_on or date.max,
        width=90,
    ),
    Column("kind", "À faire", lambda r: r.kind_label, width=205),
    Column(
        "concerns", "Concerne", lambda r: r.concerns, lambda r: r.concerns.casefold(), width=225
    ),
    Column("text", "Détail", lambda r: r.text, width=520),
    Column("year", "Campagne", lambda r: str(r.year or ""), lambda r: r.year or 0, width=75),
    Column(
        "amount",
        "Montant",
        lambda r: format_cents(r.amount_cents) if r.amount_cents is not None else "",
        lambda r: r.amount_cents or 0,
        numeric=True,
        width=110,
    ),
]


class ReminderTableModel(RowTableModel[Reminder]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(REMINDER_COLUMNS, parent)
