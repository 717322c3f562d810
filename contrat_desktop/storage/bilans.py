"""Bilans (reports) of actions as rows."""

from __future__ import annotations

from contrat_desktop.domain.bilans import Report
from contrat_desktop.storage.table_repository import Repository


class ReportRepository(Repository[Report]):
    table = "report"
    model = Report
    order_by = "action_id"

    def for_action(self, action_id: int) -> Report | None:
        found = self._select("WHERE action_id = ?", [action_id])
        return found[0] if found else None
