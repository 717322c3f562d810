"""A meeting's amounts per funder set against the funders' envelopes for the year
(over-commitment in red); shown on the meetings page and, live, in the meeting editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget

from contrat_desktop.domain.decisions import EnvelopeCheck
from contrat_desktop.domain.money import format_cents
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table

HEADERS = ["Financeur", "Dans la réunion", "Accordé ailleurs", "Enveloppe", "Reste"]
OVER = QBrush(QColor("#b71c1c"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def envelope_row(name: str, check: EnvelopeCheck) -> list[str]:
    def money(cents: int | None) -> str:
        return "(aucune)" if cents is None else format_cents(cents)

    left = money(check.left_cents) + (" — dépassement" if check.over else "")
    return [
        name,
        money(check.in_meeting_cents),
        money(check.committed_elsewhere_cents),
        money(check.envelope_cents),
        left,
    ]


def envelope_table() -> QTableWidget:
    table = read_only_table(HEADERS, "Montants de la réunion et enveloppes")
    table.verticalHeader().setDefaultSectionSize(24)
    return table


def show_checks(table: QTableWidget, checks: Sequence[tuple[str, EnvelopeCheck]]) -> None:
    fill(table, [envelope_row(name, check) for name, check in checks])
    for row, (_name, check) in enumerate(checks):
        for column in range(1, len(HEADERS)):  # amounts align right
            table.item(row, column).setTextAlignment(RIGHT)
        if check.over:
            for column in range(len(HEADERS)):
                table.item(row, column).setForeground(OVER)
