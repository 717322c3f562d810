"""The list of meetings of every body (``MeetingSummary`` rows)."""

from __future__ import annotations

from typing import Any

from contrat_desktop.operations.meetings import MeetingSummary
from contrat_desktop.ui.formats import format_datetime
from contrat_desktop.ui.models.columns import Column, RowTableModel


def meeting_columns() -> list[Column[MeetingSummary]]:
    return [
        Column("id", "N°", lambda m: str(m.id), lambda m: m.id, numeric=True, width=50),
        Column(
            "date", "Date", lambda m: format_datetime(m.starts_at), lambda m: m.starts_at, width=140
        ),
        Column("body", "Instance", lambda m: m.body, width=300),
        Column("place", "Lieu", lambda m: m.place, width=260),
        Column("minutes", "Compte rendu", lambda m: m.minutes_status),
        Column(
            "examined",
            "Actions examinées",
            lambda m: str(m.examined_actions),
            lambda m: m.examined_actions,
            numeric=True,
            width=130,
        ),
    ]


class MeetingTableModel(RowTableModel[MeetingSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(meeting_columns(), parent)
