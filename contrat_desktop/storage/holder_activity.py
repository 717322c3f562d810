"""The read models of the holders page: holders with their totals, one holder's actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contrat_desktop.domain.holder_activity import HolderAction, HolderSummary
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.holders import HolderRepository

if TYPE_CHECKING:
    from sqlite_utils import Database

_PAID = """(SELECT coalesce(sum(CASE p.kind WHEN 'reversement' THEN -p.amount_cents
                                      ELSE p.amount_cents END), 0)
           FROM payment p WHERE p.funding_line_id = fl.id)"""

_ACTIONS = f"""
SELECT a.id, c.year, a.reference, a.title, a.status,
       coalesce(sum(fl.requested_cents), 0), coalesce(sum(fl.granted_cents), 0),
       coalesce(sum({_PAID}), 0)
FROM action a
JOIN campaign c ON c.id = a.campaign_id
LEFT JOIN funding_line fl ON fl.action_id = a.id
WHERE a.holder_id = ?
GROUP BY a.id
ORDER BY c.year DESC, a.reference
"""


def holder_summaries(holders: HolderRepository) -> list[HolderSummary]:
    """Every holder with its number of actions and the total granted to it (all years)."""
    counts = {
        holder_id: (count, granted or 0)
        for holder_id, count, granted in holders.db.execute(
            """
            SELECT a.holder_id, count(DISTINCT a.id), sum(fl.granted_cents)
            FROM action a LEFT JOIN funding_line fl ON fl.action_id = a.id
            GROUP BY a.holder_id
            """
        )
    }
    return [HolderSummary(h, *counts.get(h.id or 0, (0, 0))) for h in holders.all()]


def holder_actions(db: Database, holder_id: int) -> list[HolderAction]:
    """The holder's actions of every year, latest year first, amounts summed over funders."""
    return [
        HolderAction(row[0], row[1], row[2], row[3], ActionStatus(row[4]), *row[5:])
        for row in db.execute(_ACTIONS, [holder_id])
    ]
