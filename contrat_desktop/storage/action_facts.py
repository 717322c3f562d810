"""Facts about many actions at once, for documents about hundreds of them: funding lines with
what was paid, bilans received, pieces received, and the chains of renewals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.storage.action_batches import chunks
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.database import Dossier

_PAID = """(SELECT coalesce(sum(CASE p.kind WHEN 'reversement' THEN -p.amount_cents
                                          ELSE p.amount_cents END), 0)
            FROM payment p WHERE p.funding_line_id = f.id)"""


def funding_with_paid(
    dossier: Dossier, action_ids: Sequence[int]
) -> dict[int, list[tuple[FundingLine, int]]]:
    """Action id → its funding lines (funder order) and the net amount paid on each."""
    found: dict[int, list[tuple[FundingLine, int]]] = {}
    for chunk in chunks(action_ids):
        marks = ", ".join("?" for _ in chunk)
        cursor = dossier.db.execute(
            f"SELECT f.*, {_PAID} AS paid FROM funding_line f "
            f"JOIN funder u ON u.id = f.funder_id WHERE f.action_id IN ({marks}) "
            "ORDER BY f.action_id, u.position, u.name",
            chunk,
        )
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            paid = row.pop("paid")
            line = from_row(FundingLine, row)
            found.setdefault(line.action_id, []).append((line, paid))
    return found


def bilans_received(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, date | None]:
    """Action id → the date its bilan was received (``None``: recorded without a date)."""
    found: dict[int, date | None] = {}
    for chunk in chunks(action_ids):
        marks = ", ".join("?" for _ in chunk)
        for action_id, received in dossier.db.execute(
            f"SELECT action_id, received_on FROM report WHERE action_id IN ({marks})", chunk
        ):
            found[action_id] = date.fromisoformat(received) if received else None
    return found


def pieces_received(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, dict[int, date]]:
    """Action id → kind of piece → the date it was received."""
    found: dict[int, dict[int, date]] = {}
    for chunk in chunks(action_ids):
        marks = ", ".join("?" for _ in chunk)
        for action_id, kind_id, received in dossier.db.execute(
            "SELECT action_id, kind_id, received_on FROM request_piece "
            f"WHERE action_id IN ({marks}) AND received_on IS NOT NULL",
            chunk,
        ):
            found.setdefault(action_id, {})[kind_id] = date.fromisoformat(received)
    return found


@dataclass(frozen=True, slots=True)
class ActionBrief:
    """What a history line shows of an earlier year of an action."""

    id: int
    year: int
    reference: str
    status: str  # the stored value
    renewal_of_id: int | None


def earlier_years(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, list[ActionBrief]]:
    """Action id → the actions it renews, back to the first request (most recent first)."""
    briefs: dict[int, ActionBrief] = {}
    wanted = set(action_ids)
    frontier = list(action_ids)
    while frontier:  # walk back one generation at a time, in a few queries
        previous: list[int] = []
        for chunk in chunks(frontier):
            marks = ", ".join("?" for _ in chunk)
            for action_id, year, reference, status, renewal_of in dossier.db.execute(
                "SELECT a.id, c.year, a.reference, a.status, a.renewal_of_id FROM action a "
                f"JOIN campaign c ON c.id = a.campaign_id WHERE a.id IN ({marks})",
                chunk,
            ):
                briefs[action_id] = ActionBrief(action_id, year, reference, status, renewal_of)
                if renewal_of is not None and renewal_of not in briefs:
                    previous.append(renewal_of)
        frontier = list(dict.fromkeys(previous))
    chains: dict[int, list[ActionBrief]] = {}
    for action_id in wanted:
        chain: list[ActionBrief] = []
        seen = {action_id}
        brief = briefs.get(action_id)
        while brief is not None and brief.renewal_of_id is not None:
            if brief.renewal_of_id in seen:
                break
            seen.add(brief.renewal_of_id)
            brief = briefs.get(brief.renewal_of_id)
            if brief is not None:
                chain.append(brief)
        chains[action_id] = chain
    return chains
