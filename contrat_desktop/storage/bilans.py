"""Bilans (reports) of actions as rows, with the subsidies they report per funder."""

from __future__ import annotations

from typing import Any

from contrat_desktop.domain.bilans import RealisedFunding, Report
from contrat_desktop.storage.conversions import Row
from contrat_desktop.storage.table_repository import Repository


class ReportRepository(Repository[Report]):
    table = "report"
    model = Report
    order_by = "action_id"

    def for_action(self, action_id: int) -> Report | None:
        found = self._select("WHERE action_id = ?", [action_id])
        return found[0] if found else None

    def _links(self, row: Row) -> dict[str, Any]:
        return {"funding": self._funding(row["id"])}

    def _funding(self, report_id: int) -> tuple[RealisedFunding, ...]:
        return tuple(
            RealisedFunding(funder_id, amount)
            for funder_id, amount in self.db.execute(
                "SELECT funder_id, amount_cents FROM report_funding WHERE report_id = ? "
                "ORDER BY funder_id",
                [report_id],
            )
        )

    def _save_links(self, row_id: int, obj: Report) -> bool:
        old = self._funding(row_id)
        new = tuple(sorted(obj.funding, key=lambda part: part.funder_id))
        if old == new:
            return False
        self.db.execute("DELETE FROM report_funding WHERE report_id = ?", [row_id])
        self.db.conn.executemany(
            "INSERT INTO report_funding (report_id, funder_id, amount_cents) VALUES (?, ?, ?)",
            [(row_id, part.funder_id, part.amount_cents) for part in new],
        )
        self.writer.field_changed(
            self.table,
            row_id,
            "funding",
            {str(p.funder_id): p.amount_cents for p in old},
            {str(p.funder_id): p.amount_cents for p in new},
        )
        return True
