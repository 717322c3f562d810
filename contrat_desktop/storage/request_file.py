"""The pieces asked of a request file (settings) and each action's pieces, as domain objects;
the requests of a campaign whose files the reminders look at."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reminder_queries import HOLDER_NAME, ActionRow
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


@dataclass(frozen=True, slots=True)
class RequestRow:
    """An action whose request is being instructed, as the reminder of its file reads it."""

    action: ActionRow
    holder_kind: HolderKind
    is_renewal: bool


def requests_of_campaign(
    dossier: Dossier, campaign_id: int, statuses: Iterable[ActionStatus]
) -> list[RequestRow]:
    """The campaign's actions in ``statuses`` (an index on status first)."""
    codes = sorted(status.value for status in statuses)
    marks = ", ".join("?" for _ in codes)
    return [
        RequestRow(
            ActionRow(row[0], row[1], row[2], row[3], row[4], row[5], ActionStatus(row[6])),
            HolderKind(row[7]),
            bool(row[8]),
        )
        for row in dossier.db.execute(
            f"""
            SELECT a.id, a.reference, a.title, a.holder_id, {HOLDER_NAME}, c.year, a.status,
                   h.kind, a.renewal_of_id IS NOT NULL
            FROM action a JOIN campaign c ON c.id = a.campaign_id
            JOIN holder h ON h.id = a.holder_id
            WHERE a.status IN ({marks}) AND a.campaign_id = ?
            ORDER BY a.reference
            """,
            [*codes, campaign_id],
        )
    ]
