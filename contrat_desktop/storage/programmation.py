"""Read the programmation of a campaign as ``ActionSummary`` rows, in a few set queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from contrat_desktop.domain.framework import PATH_SEPARATOR
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.programmation import ActionSummary, FunderAmounts
from contrat_desktop.domain.workflow import ActionStatus

if TYPE_CHECKING:
    from sqlite_utils import Database

_ACTIONS = """
WITH RECURSIVE place(id, path) AS (  -- every node's full path, as FrameworkTree.path_label
    SELECT id, label FROM framework_node WHERE parent_id IS NULL
    UNION ALL
    SELECT n.id, p.path || '{separator}' || n.label
    FROM framework_node n JOIN place p ON n.parent_id = p.id)
SELECT a.id, a.version, a.reference, a.title, a.holder_id,
       h.legal_name, h.acronym, h.kind, a.status, a.dauphin_number, a.framework_node_id,
       coalesce(place.path, ''),
       a.renewal_of_id IS NOT NULL, a.start_date, a.total_cost_cents
FROM action a
JOIN holder h ON h.id = a.holder_id
LEFT JOIN place ON place.id = a.framework_node_id
WHERE {where}
""".replace("{separator}", PATH_SEPARATOR)

# what was paid on each line (refunds subtracted) is kept on it by triggers (0017)
_LINES = """
SELECT fl.action_id, fl.funder_id, fl.requested_cents, fl.proposed_cents, fl.granted_cents,
       fl.paid_cents
FROM funding_line fl JOIN action a ON a.id = fl.action_id
WHERE {where}
"""
# How many required pieces of its request file an action still misses, from its id, its
# holder's kind and whether it is a renewal (the operations know the rule).
MissingPieces = Callable[[int, HolderKind, bool], int]


def programmation_rows(
    db: Database, campaign_id: int, missing: MissingPieces | None = None
) -> list[ActionSummary]:
    """Every action of a campaign with its amounts per funder (and, given ``missing``, the
    number of pieces its request file misses)."""
    return _rows(db, "a.campaign_id = ?", [campaign_id], missing)


def programmation_row(db: Database, action_id: int) -> ActionSummary | None:
    found = _rows(db, "a.id = ?", [action_id])
    return found[0] if found else None


def _rows(
    db: Database, where: str, params: list[object], missing: MissingPieces | None = None
) -> list[ActionSummary]:
    amounts: dict[int, dict[int, FunderAmounts]] = defaultdict(dict)
    for action_id, funder_id, requested, proposed, granted, paid in db.execute(
        _LINES.format(where=where), params
    ):
        amounts[action_id][funder_id] = FunderAmounts(requested, proposed, granted, paid)
    districts = _links(db, "action_district", "district_id", where, params)
    axes = _links(db, "action_axis", "node_id", where, params)
    kinds = {kind.value: kind for kind in HolderKind}
    statuses = {status.value: status for status in ActionStatus}
    no_links: tuple[int, ...] = ()
    rows = []
    for (
        action_id,
        version,
        reference,
        title,
        holder_id,
        name,
        acronym,
        kind,
        status,
        dauphin,
        node_id,
        node_label,
        renewal,
        start,
        total_cost,
    ) in db.execute(_ACTIONS.format(where=where) + " ORDER BY a.reference", params):
        holder_kind = kinds[kind]
        rows.append(
            ActionSummary(  # by position: 5 000 rows are read at each campaign shown
                action_id,
                version,
                reference,
                title,
                holder_id,
                f"{name} ({acronym})" if acronym else name,
                holder_kind,
                statuses[status],
                dauphin,
                node_id,
                node_label,
                bool(renewal),
                districts.get(action_id, no_links),
                axes.get(action_id, no_links),
                date.fromisoformat(start) if start else None,
                total_cost,
                amounts.get(action_id, {}),
                missing(action_id, holder_kind, bool(renewal)) if missing else 0,
            )
        )
    return rows


def _links(
    db: Database, table: str, column: str, where: str, params: list[object]
) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = defaultdict(list)
    for action_id, value in db.execute(
        f"SELECT l.action_id, l.{column} FROM {table} l JOIN action a ON a.id = l.action_id"
        f" WHERE {where}",
        params,
    ):
        found[action_id].append(value)
    return {key: tuple(values) for key, values in found.items()}
