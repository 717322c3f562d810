"""The « Budget » tab (budget and co-financing) of the action editor: the action's costs and own
income, the co-financing grid, and whether the budget balances (charges = produits)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from contrat_desktop.domain.actions import Action, FundingLine, budget_gap_cents
from contrat_desktop.domain.money import format_cents
from contrat_desktop.ui.dialogs.actions.action_form import ActionForm
from contrat_desktop.ui.dialogs.actions.funding_grid import FundingGrid

WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"


class BudgetTab(QWidget):
    def __init__(self, form: ActionForm, grid: FundingGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.grid = grid
        self.balance = QLabel(self)
        self.balance.setWordWrap(True)
        self.balance.setAccessibleName("Équilibre du budget")
        costs = QFormLayout()
        costs.addRow("Coût &total (charges) :", form.total_cost)
        costs.addRow("Fonds p&ropres :", form.own_funds)
        costs.addRow("A&utres produits :", form.other_income)
        layout = QVBoxLayout(self)
        layout.addLayout(costs)
        layout.addWidget(grid, 1)
        layout.addWidget(self.balance)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.form.total_cost, self.form.own_funds, self.form.other_income):
            edit.setReadOnly(read_only)

    def show_balance(self, action: Action, lines: Sequence[FundingLine]) -> None:
        gap = budget_gap_cents(action, lines)
        unreadable = self.grid.unreadable_requested() + self.form.unreadable_money()
        if unreadable:  # counted as 0 below: say so rather than judge a budget half read
            self.balance.setStyleSheet(WARNING_STYLE)
            self.balance.setText(
                f"Équilibre incertain : montant illisible {', '.join(unreadable)}, compté pour "
                f"0 € (écart de {format_cents(abs(gap))} sans lui). Corrigez-le."
            )
            return
        if gap == 0:
            self.balance.setStyleSheet("color: #1b5e20;")
            self.balance.setText("Budget équilibré : charges = produits.")
            return
        produits = action.total_cost_cents - gap
        self.balance.setStyleSheet(WARNING_STYLE)
        self.balance.setText(
            "Attention : le budget n'est pas équilibré. Charges "
            f"{format_cents(action.total_cost_cents)}, produits {format_cents(produits)} "
            "(financements demandés, fonds propres et autres produits) : écart de "
            f"{format_cents(abs(gap))} {'à trouver' if gap > 0 else 'en trop'}."
        )
