"""The tables of the holders page: holders (``HolderSummary``), one holder's actions across
years (``HolderAction``), and that holder's totals per year (``YearTotals``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFont

from contrat_desktop.domain.holder_activity import HolderAction, HolderSummary, YearTotals, fold
from contrat_desktop.domain.workflow import STATUS_ORDER
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.columns import Column, RowTableModel, _Index, money_column

FONT = 6  # Qt.ItemDataRole.FontRole, compared as a plain int
_STATUS_ORDER = {status: n for n, status in enumerate(STATUS_ORDER)}


def _folded(name: str) -> Callable[[HolderSummary], str]:
    """Sort key that ignores case and accents (``École`` sorts with ``Ecole``)."""
    return lambda r: fold(getattr(r.holder, name))


HOLDER_COLUMNS: list[Column[HolderSummary]] = [
    Column("name", "Raison sociale", lambda r: r.holder.legal_name, _folded("legal_name")),
    Column("acronym", "Sigle", lambda r: r.holder.acronym, _folded("acronym"), width=80),
    Column("kind", "Type", lambda r: r.holder.kind.label, width=150),
    Column("siret", "SIRET", lambda r: r.holder.siret, width=125),
    Column("city", "Ville", lambda r: r.holder.city, _folded("city"), width=140),
    Column("contact", "Contact", lambda r: r.holder.contact_name, width=140),
    Column(
        "actions",
        "Actions",
        lambda r: format_count(r.action_count),
        lambda r: r.action_count,
        numeric=True,
        width=70,
    ),
    money_column("granted", "Total accordé", lambda r: r.granted_cents, width=130),
]

ACTION_COLUMNS: list[Column[HolderAction]] = [
    Column("year", "Année", lambda r: str(r.year), lambda r: r.year, width=55),
    Column("reference", "Référence", lambda r: r.reference, width=100),
    Column("title", "Intitulé", lambda r: r.title, lambda r: fold(r.title), width=180),
    Column(
        "status", "Statut", lambda r: r.status.label, lambda r: _STATUS_ORDER[r.status], width=110
    ),
    money_column("requested", "Demandé", lambda r: r.requested_cents, width=105),
    money_column("granted", "Accordé", lambda r: r.granted_cents, width=105),
    money_column("paid", "Versé", lambda r: r.paid_cents, width=105),
]

TOTAL_COLUMNS: list[Column[YearTotals]] = [
    Column("year", "Année", lambda r: str(r.year) if r.year else "Total", width=55),
    Column("count", "Actions", lambda r: format_count(r.count), numeric=True, width=60),
    money_column("requested", "Demandé", lambda r: r.requested_cents, width=105),
    money_column("granted", "Accordé", lambda r: r.granted_cents, width=105),
    money_column("paid", "Versé", lambda r: r.paid_cents, width=105),
]


class HolderTableModel(RowTableModel[HolderSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(HOLDER_COLUMNS, parent)

    def row_of(self, holder_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.id == holder_id), None)


class HolderActionTableModel(RowTableModel[HolderAction]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(ACTION_COLUMNS, parent)


class YearTotalsTableModel(RowTableModel[YearTotals]):
    """Totals per year; the overall line (``year`` None) is bold and kept last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(TOTAL_COLUMNS, parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: _Index, role: int = 0) -> Any:
        if int(role) == FONT and index.isValid() and self._rows[index.row()].year is None:
            return self._bold
        return super().data(index, role)
