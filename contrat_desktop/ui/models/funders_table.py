"""The tables of the funders page: funders, and one funder's envelopes per year with what
is committed (granted), paid and left; an over-committed year shows in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor

from contrat_desktop.domain.funders import EnvelopeUse, Funder
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.domain.money import format_cents
from contrat_desktop.ui.models.columns import Column, RowTableModel, _Index, money_column

FOREGROUND = 9  # Qt.ItemDataRole.ForegroundRole, compared as a plain int
ALERT_RED = QColor("#b71c1c")

FUNDER_COLUMNS: list[Column[Funder]] = [
    Column("name", "Nom", lambda f: f.name, lambda f: fold(f.name), width=330),
    Column("short_name", "Nom court", lambda f: f.short_name, width=130),
    Column("kind", "Type", lambda f: f.kind.label, width=170),
    Column("service", "Service instructeur", lambda f: f.instructing_service, width=260),
    Column("contact", "Contact", lambda f: f.contact, width=180, visible=False),
    Column("active", "Actif", lambda f: "Oui" if f.active else "Non", width=60),
]


def envelope_state(use: EnvelopeUse) -> str:
    if use.envelope.id is None:
        return "Aucune enveloppe saisie"
    if use.over_committed:
        return f"Dépassement de {format_cents(-use.left_cents)}"
    return ""


ENVELOPE_COLUMNS: list[Column[EnvelopeUse]] = [
    Column("year", "Année", lambda u: str(u.envelope.year), lambda u: u.envelope.year, width=70),
    Column(
        "amount",
        "Enveloppe",
        lambda u: format_cents(u.envelope.amount_cents) if u.envelope.id else "—",
        lambda u: u.envelope.amount_cents,
        numeric=True,
        width=130,
    ),
    money_column("committed", "Engagé (accordé)", lambda u: u.committed_cents, width=140),
    money_column("paid", "Versé", lambda u: u.paid_cents, width=130),
    money_column("left", "Reste à engager", lambda u: u.left_cents, width=140),
    money_column("to_pay", "Reste à verser", lambda u: u.left_to_pay_cents, width=140),
    Column("state", "Alerte", envelope_state, width=260),
]


class FunderTableModel(RowTableModel[Funder]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(FUNDER_COLUMNS, parent)

    def row_of(self, funder_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == funder_id), None)


class EnvelopeTableModel(RowTableModel[EnvelopeUse]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(ENVELOPE_COLUMNS, parent)
        self._red = QBrush(ALERT_RED)

    def data(self, index: _Index, role: int = 0) -> Any:
        if int(role) == FOREGROUND and index.isValid():
            use = self._rows[index.row()]
            column = self.columns[index.column()].key
            if use.over_committed and column in ("left", "state", "committed"):
                return self._red
            return None
        return super().data(index, role)

    def row_of(self, year: int) -> int | None:
        return next((n for n, u in enumerate(self._rows) if u.envelope.year == year), None)
