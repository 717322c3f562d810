"""The programmation table: one row per action of the campaign (``ActionSummary``)."""

from __future__ import annotations

from typing import Any

from contrat_desktop.domain.money_checks import MoneyTotals, contradictions
from contrat_desktop.domain.programmation import ActionSummary
from contrat_desktop.domain.request_file import completeness_label, completeness_tooltip
from contrat_desktop.domain.workflow import STATUS_ORDER
from contrat_desktop.ui.models.columns import Column, RowTableModel, money_column

_STATUS_ORDER = {status: n for n, status in enumerate(STATUS_ORDER)}


def money_alerts(row: ActionSummary) -> str:
    """The contradictions between the action's status and its amounts (issue 16 point 8);
    the bilan is not known here, so its rule is left to the action editor and reminders."""
    amounts = row.by_funder.values()
    granted = [a.granted_cents or 0 for a in amounts]
    paid = [a.paid_cents for a in amounts]
    totals = MoneyTotals(
        row.status,
        sum(granted),
        sum(paid),
        sum(max(g - p, 0) for g, p in zip(granted, paid, strict=True)),
        sum(max(p - g, 0) for g, p in zip(granted, paid, strict=True)),
    )
    return " ".join(contradictions(totals))


def action_columns(district_names: dict[int, str]) -> list[Column[ActionSummary]]:
    def districts(row: ActionSummary) -> str:
        return ", ".join(district_names.get(d, "?") for d in row.district_ids)

    return [
        Column("reference", "Référence", lambda r: r.reference, width=100),
        Column("dauphin", "N° Dauphin", lambda r: r.dauphin_number, visible=False, width=90),
        Column("title", "Intitulé", lambda r: r.title, width=270),
        Column("holder", "Porteur", lambda r: r.holder_name, width=210),
        Column("holder_kind", "Type de porteur", lambda r: r.holder_kind.label, visible=False),
        Column(
            "status",
            "Statut",
            lambda r: r.status.label,
            lambda r: _STATUS_ORDER[r.status],
            width=120,
        ),
        Column("framework", "Pilier / thématique", lambda r: r.framework_label, width=190),
        Column("districts", "Quartiers", districts, visible=False),
        Column(
            "request_file",
            "Dossier",
            lambda r: completeness_label(r.missing_pieces),
            lambda r: r.missing_pieces,
            width=120,
            tooltip=lambda r: completeness_tooltip(r.missing_labels),
        ),
        Column(
            "renewal", "Reconduction", lambda r: "Oui" if r.is_renewal else "Non", visible=False
        ),
        money_column("total_cost", "Coût total", lambda r: r.total_cost_cents, 110, False),
        money_column("requested", "Demandé", lambda r: r.requested_cents, 110),
        money_column("proposed", "Proposé", lambda r: r.proposed_cents, 110, False),
        money_column("granted", "Accordé", lambda r: r.granted_cents, 110),
        money_column("paid", "Versé", lambda r: r.paid_cents, 110, False),
        Column("alerts", "Incohérence statut / montants", money_alerts, width=240),
    ]


class ActionTableModel(RowTableModel[ActionSummary]):
    def __init__(self, district_names: dict[int, str] | None = None, parent: Any = None) -> None:
        super().__init__(action_columns(district_names or {}), parent)

    def set_district_names(self, names: dict[int, str]) -> None:
        self.beginResetModel()
        self.columns = action_columns(names)
        self.endResetModel()

    def row_of(self, action_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == action_id:
                return number
        return None
