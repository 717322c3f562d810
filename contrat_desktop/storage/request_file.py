"""The pieces asked of a request file (settings) and each action's pieces, as domain objects."""

from __future__ import annotations

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
