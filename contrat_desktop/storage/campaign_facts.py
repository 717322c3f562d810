"""Per-campaign facts read in one query each (for exports): payments and bilans received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.storage.database import Dossier


@dataclass(frozen=True, slots=True)
class LinePayments:
    paid_cents: int
    accounting_references: tuple[str, ...]


def payments_by_line(dossier: Dossier, campaign_id: int) -> dict[int, LinePayments]:
    """Funding line id → net amount paid (refunds subtracted) and accounting references."""
    found: dict[int, LinePayments] = {}
    for line_id, paid, references in dossier.db.execute(
        """
        SELECT p.funding_line_id,
               sum(CASE p.kind WHEN 'reversement' THEN -p.amount_cents ELSE p.amount_cents END),
               group_concat(nullif(p.accounting_reference, ''), '|')
        FROM payment p
        JOIN funding_line fl ON fl.id = p.funding_line_id
        JOIN action a ON a.id = fl.action_id
        WHERE a.campaign_id = ?
        GROUP BY p.funding_line_id
        """,
        [campaign_id],
    ):
        refs = tuple(dict.fromkeys(references.split("|"))) if references else ()
        found[line_id] = LinePayments(paid or 0, refs)
    return found


def reports_received(dossier: Dossier, campaign_id: int) -> dict[int, date | None]:
    """Action id → the date its bilan was received (``None``: a bilan without a date)."""
    return {
        action_id: date.fromisoformat(received) if received else None
        for action_id, received in dossier.db.execute(
            "SELECT r.action_id, r.received_on FROM report r JOIN action a ON a.id = r.action_id "
            "WHERE a.campaign_id = ? AND r.received_on IS NOT NULL",
            [campaign_id],
        )
    }
