"""Funding lines (action × funder) and the payments made against them."""

from __future__ import annotations

from contrat_desktop.domain.funding import FundingLine, Payment
from contrat_desktop.storage.table_repository import Repository


class FundingLineRepository(Repository[FundingLine]):
    table = "funding_line"
    model = FundingLine
    order_by = "action_id, funder_id"

    def for_action(self, action_id: int) -> list[FundingLine]:
        return self._select("WHERE action_id = ?", [action_id])

    def for_campaign(self, campaign_id: int) -> list[FundingLine]:
        return self._select(
            "WHERE action_id IN (SELECT id FROM action WHERE campaign_id = ?)", [campaign_id]
        )


class PaymentRepository(Repository[Payment]):
    table = "payment"
    model = Payment
    order_by = "paid_on, id"

    def for_line(self, funding_line_id: int) -> list[Payment]:
        return self._select("WHERE funding_line_id = ?", [funding_line_id])
