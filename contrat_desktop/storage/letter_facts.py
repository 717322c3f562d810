"""What the letters need, read in a few set queries: the grants of actions with their
holder and funder, the holders' addresses, and the conditions set by the committees."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.database import Dossier


@dataclass(frozen=True, slots=True)
class GrantFact:
    action_id: int
    reference: str
    title: str
    year: int
    holder_id: int
    status: ActionStatus
    funder: str
    amount_cents: int
    act_kind: str | None


_GRANTS = """
SELECT a.id, a.reference, a.title, c.year, a.holder_id, a.status, f.name, fl.granted_cents,
       fl.act_kind
FROM action a CROSS JOIN funding_line fl ON fl.action_id = a.id
JOIN campaign c ON c.id = a.campaign_id JOIN funder f ON f.id = fl.funder_id
WHERE fl.granted_cents > 0 AND {where}
ORDER BY a.holder_id, a.reference, f.position, f.name
"""


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def grants_of_year(
    dossier: Dossier, year: int, statuses: Iterable[ActionStatus]
) -> list[GrantFact]:
    codes = sorted(status.value for status in statuses)
    where = f"c.year = ? AND a.status IN ({_marks(codes)})"
    return _grants(dossier, where, [year, *codes])


def grants_of_actions(dossier: Dossier, action_ids: Sequence[int]) -> list[GrantFact]:
    found: list[GrantFact] = []
    for start in range(0, len(action_ids), 500):
        chunk = list(action_ids[start : start + 500])
        found += _grants(dossier, f"a.id IN ({_marks(chunk)})", chunk)
    return found


def _grants(dossier: Dossier, where: str, params: Sequence[object]) -> list[GrantFact]:
    return [
        GrantFact(
            row[0], row[1], row[2], row[3], row[4], ActionStatus(row[5]), row[6], row[7], row[8]
        )
        for row in dossier.db.execute(_GRANTS.format(where=where), list(params))
    ]


def holders_of(dossier: Dossier, holder_ids: Iterable[int]) -> dict[int, Holder]:
    wanted = sorted(set(holder_ids))
    found: dict[int, Holder] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        cursor = dossier.db.execute(f"SELECT * FROM holder WHERE id IN ({_marks(chunk)})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            holder = from_row(Holder, dict(zip(names, values, strict=True)))
            found[holder.id or 0] = holder
    return found


def conditions_of(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, str]:
    """Action id → the conditions of the latest meeting that set some on it."""
    found: dict[int, str] = {}
    for start in range(0, len(action_ids), 500):
        chunk = list(action_ids[start : start + 500])
        for action_id, conditions in dossier.db.execute(
            f"""
            SELECT e.action_id, e.conditions FROM examined_action e
            JOIN meeting m ON m.id = e.meeting_id
            WHERE e.action_id IN ({_marks(chunk)}) AND e.conditions <> ''
            ORDER BY m.starts_at
            """,
            chunk,
        ):
            found[action_id] = conditions  # the latest wins
    return found
