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
SELECT a.id, a.version, a.reference, a.title, a.holder_id, a.status, a.dauphin_number,
       a.framework_node_id, a.renewal_of_id IS NOT NULL, a.start_date, a.total_cost_cents
FROM action a
WHERE {where}
"""

# each holder once (some 1 600 for 5 000 actions), not its name and kind on each action's row
_HOLDERS = """
SELECT h.id, h.legal_name, h.acronym, h.kind FROM holder h
WHERE h.id IN (SELECT a.holder_id FROM action a WHERE {where})
"""

# what was paid on each line (refunds subtracted) is kept on it by triggers (0017)
_LINES = """
SELECT fl.action_id, fl.funder_id, fl.requested_cents, fl.proposed_cents, fl.granted_cents,
       fl.paid_cents
FROM funding_line fl JOIN action a ON a.id = fl.action_id
WHERE {where}
"""
# The required pieces of its request file an action still misses (their names), from its
# id, its holder's kind and whether it is a renewal (the operations know the rule).
MissingPieces = Callable[[int, HolderKind, bool], tuple[str, ...]]


def programmation_rows(
    db: Database, campaign_id: int, missing: MissingPieces | None = None
) -> list[ActionSummary]:
    """Every action of a campaign with its amounts per funder (and, given ``missing``, the
    pieces its request file misses)."""
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
    paths = _framework_paths(db)
    kinds = {kind.value: kind for kind in HolderKind}
    holders = {
        holder_id: (f"{name} ({acronym})" if acronym else name, kinds[kind])
        for holder_id, name, acronym, kind in db.execute(_HOLDERS.format(where=where), params)
    }
    statuses = {status.value: status for status in ActionStatus}
    no_links: tuple[int, ...] = ()
    rows = []
    for (
        action_id,
        version,
        reference,
        title,
        holder_id,
        status,
        dauphin,
        node_id,
        renewal,
        start,
        total_cost,
    ) in db.execute(_ACTIONS.format(where=where) + " ORDER BY a.reference", params):
        holder = holders.get(holder_id)
        if holder is None:  # as the join with its holder did: no such holder, no row
            continue
        holder_name, holder_kind = holder
        rows.append(
            ActionSummary(  # by position: 5 000 rows are read at each campaign shown
                action_id,
                version,
                reference,
                title,
                holder_id,
                holder_name,
                holder_kind,
                statuses[status],
                dauphin,
                node_id,
                paths.get(node_id, ""),
                bool(renewal),
                districts.get(action_id, no_links),
                axes.get(action_id, no_links),
                date.fromisoformat(start) if start else None,
                total_cost,
                amounts.get(action_id, {}),
                missing(action_id, holder_kind, bool(renewal)) if missing else (),
            )
        )
    return rows


def _framework_paths(db: Database) -> dict[int, str]:
    """Every framework node's full path, as ``FrameworkTree.path_label`` shows it (a few
    hundred nodes: built here once, cheaper than a recursive query joined to each action)."""
    nodes = {
        node_id: (parent_id, label)
        for node_id, parent_id, label in db.execute(
            "SELECT id, parent_id, label FROM framework_node"
        )
    }
    paths: dict[int, str] = {}

    def path(node_id: int) -> str:
        found = paths.get(node_id)
        if found is None:
            parent_id, label = nodes[node_id]
            found = label if parent_id is None else path(parent_id) + PATH_SEPARATOR + label
            paths[node_id] = found
        return found

    for node_id in nodes:
        path(node_id)
    return paths


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
