"""The pieces asked of a request file (settings) and each action's pieces, as domain objects."""

from __future__ import annotations

from datetime import date

from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.storage.table_repository import Repository


class PieceKindRepository(Repository[PieceKind]):
    table = "request_piece_kind"
    model = PieceKind
    order_by = "position, label"

    def used(self, kind_id: int) -> int:
        """How many actions have a piece of this kind recorded."""
        row = self.db.execute(
            "SELECT count(*) FROM request_piece WHERE kind_id = ?", [kind_id]
        ).fetchone()
        return int(row[0])


class RequestPieceRepository(Repository[RequestPiece]):
    table = "request_piece"
    model = RequestPiece
    order_by = "kind_id"

    def for_action(self, action_id: int) -> list[RequestPiece]:
        return self._select("WHERE action_id = ?", [action_id])

    def received_by_action(self, campaign_id: int) -> dict[int, set[int]]:
        """Action id → the kinds of the pieces received, for every action of a campaign."""
        found: dict[int, set[int]] = {}
        for action_id, kind_id in self.db.execute(
            "SELECT p.action_id, p.kind_id FROM request_piece p JOIN action a "
            "ON a.id = p.action_id WHERE a.campaign_id = ? AND p.received_on IS NOT NULL",
            [campaign_id],
        ):
            found.setdefault(action_id, set()).add(kind_id)
        return found

    def received_on(self, action_ids: list[int]) -> dict[int, dict[int, date]]:
        """Action id → kind id → reception date, for the given actions."""
        found: dict[int, dict[int, date]] = {}
        for start in range(0, len(action_ids), 500):
            chunk = action_ids[start : start + 500]
            for action_id, kind_id, received in self.db.execute(
                "SELECT action_id, kind_id, received_on FROM request_piece WHERE action_id IN "
                f"({', '.join('?' for _ in chunk)}) AND received_on IS NOT NULL",
                chunk,
            ):
                found.setdefault(action_id, {})[kind_id] = date.fromisoformat(received)
        return found
