"""The money of actions read in set queries: funding lines with what was paid on each, and
whether the bilan was received (``ActionMoney`` for the rules)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from contrat_desktop.domain.action_money import ActionMoney, LineMoney
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.conversions import flat_reader
from contrat_desktop.storage.database import Dossier

# what was paid on a line (refunds subtracted), kept by triggers on the payments (0014)
PAID_ON_LINE = "fl.paid_cents"
_LINE_COLUMNS, _line = flat_reader(FundingLine)  # by position: thousands of lines


def action_money(dossier: Dossier, action_id: int) -> ActionMoney:
    return money_of_actions(dossier, [action_id])[action_id]


def money_of_actions(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, ActionMoney]:
    """Action id → its money, for the given actions (read by chunks of ids)."""
    found: dict[int, ActionMoney] = {}
    for start in range(0, len(action_ids), 500):
        chunk = list(action_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        found.update(_read(dossier, f"a.id IN ({marks})", chunk))
    return found


def paid_and_left(dossier: Dossier, action_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Action id → (paid, left to pay) summed over its lines (``left_to_pay_cents`` in
    SQL: granted less paid, never negative, per line), for actions with lines."""
    query = (
        f"SELECT fl.action_id, sum({PAID_ON_LINE}), "
        f"sum(max(coalesce(fl.granted_cents, 0) - {PAID_ON_LINE}, 0)) FROM funding_line fl "
        "WHERE fl.action_id IN (SELECT value FROM json_each(?)) GROUP BY fl.action_id"
    )
    ids = json.dumps(sorted(action_ids))
    return {row[0]: (row[1], row[2]) for row in dossier.db.execute(query, [ids])}


def money_of_campaign(dossier: Dossier, campaign_id: int) -> dict[int, ActionMoney]:
    return _read(dossier, "a.campaign_id = ?", [campaign_id])


def _read(dossier: Dossier, where: str, params: Iterable[object]) -> dict[int, ActionMoney]:
    db = dossier.db
    params = list(params)
    statuses: dict[int, tuple[ActionStatus, bool]] = {
        action_id: (ActionStatus(status), bool(bilan))
        for action_id, status, bilan in db.execute(
            "SELECT a.id, a.status, EXISTS (SELECT 1 FROM report r WHERE r.action_id = a.id "
            f"AND r.received_on IS NOT NULL) FROM action a WHERE {where}",
            params,
        )
    }
    columns = ", ".join(f"fl.{name}" for name in _LINE_COLUMNS)
    cursor = db.execute(
        f"SELECT {columns}, {PAID_ON_LINE} FROM funding_line fl "
        f"JOIN action a ON a.id = fl.action_id WHERE {where} ORDER BY fl.action_id, fl.funder_id",
        params,
    )
    lines: dict[int, list[LineMoney]] = defaultdict(list)
    for values in cursor:
        line = _line(values[:-1])
        lines[line.action_id].append(LineMoney(line, values[-1]))
    return {
        action_id: ActionMoney(status, tuple(lines.get(action_id, ())), bilan)
        for action_id, (status, bilan) in statuses.items()
    }
