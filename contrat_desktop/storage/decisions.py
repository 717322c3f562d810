"""Actions examined in a meeting, with their amounts per funder (a link table)."""

from __future__ import annotations

from typing import Any

from contrat_desktop.domain.decisions import ExaminedAction, FunderAmount
from contrat_desktop.storage.conversions import Row
from contrat_desktop.storage.meetings import MeetingPartRepository


class ExaminedActionRepository(MeetingPartRepository[ExaminedAction]):
    table = "examined_action"
    model = ExaminedAction
    order_by = "position, id"

    def counts_by_meeting(self) -> dict[int, int]:
        """How many actions each meeting examined."""
        rows = self.db.execute(
            "SELECT meeting_id, count(*) FROM examined_action GROUP BY meeting_id"
        ).fetchall()
        return {meeting_id: count for meeting_id, count in rows}

    def meetings_for_campaign(self, campaign_id: int) -> set[int]:
        """The meetings that examined at least one action of the campaign."""
        rows = self.db.execute(
            "SELECT DISTINCT e.meeting_id FROM examined_action e "
            "JOIN action a ON a.id = e.action_id WHERE a.campaign_id = ?",
            [campaign_id],
        ).fetchall()
        return {meeting_id for (meeting_id,) in rows}

    def for_action(self, action_id: int) -> list[ExaminedAction]:
        return self._select("WHERE action_id = ?", [action_id])

    def _links(self, row: Row) -> dict[str, Any]:
        return {"amounts": self._amounts(row["id"])}

    def _amounts(self, examined_id: int) -> tuple[FunderAmount, ...]:
        rows = self.db.execute(
            "SELECT funder_id, amount_cents FROM examined_amount "
            "WHERE examined_action_id = ? ORDER BY funder_id",
            [examined_id],
        )
        return tuple(FunderAmount(funder_id, cents) for funder_id, cents in rows)

    def _save_links(self, row_id: int, obj: ExaminedAction) -> bool:
        old = self._amounts(row_id)
        new = tuple(sorted(obj.amounts, key=lambda a: a.funder_id))
        if old == new:
            return False
        self.db.execute("DELETE FROM examined_amount WHERE examined_action_id = ?", [row_id])
        self.db.conn.executemany(
            "INSERT INTO examined_amount (examined_action_id, funder_id, amount_cents) "
            "VALUES (?, ?, ?)",
            [(row_id, a.funder_id, a.amount_cents) for a in new],
        )
        self.writer.field_changed(
            self.table,
            row_id,
            "amounts",
            {str(a.funder_id): a.amount_cents for a in old},
            {str(a.funder_id): a.amount_cents for a in new},
        )
        return True
