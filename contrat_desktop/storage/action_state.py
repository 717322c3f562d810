"""What an import compares a row against, read lean: for each action its version and, in the
order the row holds them, the stored values of the fields and funding amounts it may change
(two queries, the funding lines set in place by funder; no record rebuilt field by field);
and the funding lines of the few actions a row would change."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from contrat_desktop.storage.database import Dossier

ACTION_FIELDS = frozenset(
    {
        "status",
        "dauphin_number",
        "title",
        "target_public",
        "beneficiaries_total",
        "start_date",
        "end_date",
        "total_cost_cents",
        "opinion",
        "observations",
        "framework",
    }
)
# The stored column of a field whose column key in a workbook is another name.
STORED_COLUMN = {"framework": "framework_node_id"}
TEXT_FIELDS = frozenset({"dauphin_number", "title", "target_public", "observations"})
LINE_PARTS = frozenset({"requested", "proposed", "granted"})
Wanted = tuple[str, int | None]  # an action field and None, or a funder part and its funder


@dataclass(frozen=True, slots=True)
class LineState:
    id: int
    action_id: int
    funder_id: int
    version: int
    requested_cents: int
    proposed_cents: int | None
    granted_cents: int | None


def stored_values(
    dossier: Dossier, action_ids: Collection[int], wanted: Sequence[Wanted]
) -> dict[int, tuple[int, tuple[Any, ...]]]:
    """Action id → (version, the ``wanted`` values): an action field as stored (dates as ISO
    text, an empty text as NULL), a funder part as the line's cents (NULL without a line)."""
    ids = json.dumps(sorted(action_ids))
    fields = [(n, name) for n, (name, funder) in enumerate(wanted) if funder is None]
    assert all(name in ACTION_FIELDS for _, name in fields)
    columns = "".join(
        f", nullif({name}, '')" if name in TEXT_FIELDS else f", {STORED_COLUMN.get(name, name)}"
        for _, name in fields
    )
    width = len(wanted)
    found: dict[int, tuple[int, list[Any]]] = {}
    query = f"SELECT id, version{columns} FROM action WHERE id IN (SELECT value FROM json_each(?))"
    for row in dossier.db.execute(query, [ids]):
        values: list[Any] = [None] * width
        for (n, _), value in zip(fields, row[2:], strict=True):
            values[n] = value
        found[row[0]] = (row[1], values)
    parts: dict[int, list[tuple[int, int]]] = {}  # funder → (place in wanted, part column)
    for n, (name, funder) in enumerate(wanted):
        if funder is not None:
            assert name in LINE_PARTS
            parts.setdefault(funder, []).append((n, _PART_COLUMN[name]))
    if parts:
        lines = (
            "SELECT action_id, funder_id, requested_cents, proposed_cents, granted_cents "
            "FROM funding_line WHERE action_id IN (SELECT value FROM json_each(?))"
        )
        for line in dossier.db.execute(lines, [ids]):
            places = parts.get(line[1])
            if places:
                values = found[line[0]][1]
                for n, column in places:
                    values[n] = line[column]
    return {action_id: (version, tuple(values)) for action_id, (version, values) in found.items()}


_PART_COLUMN = {"requested": 2, "proposed": 3, "granted": 4}  # in the query of the lines


def line_states(dossier: Dossier, action_ids: Collection[int]) -> dict[int, dict[int, LineState]]:
    """Action id → its funding lines by funder."""
    found: dict[int, dict[int, LineState]] = {}
    query = (
        "SELECT id, action_id, funder_id, version, requested_cents, proposed_cents, "
        "granted_cents FROM funding_line WHERE action_id IN (SELECT value FROM json_each(?))"
    )
    for row in dossier.db.execute(query, [json.dumps(sorted(action_ids))]):
        line = LineState(*row)
        found.setdefault(line.action_id, {})[line.funder_id] = line
    return found


def line_owners(dossier: Dossier, line_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Funding line id → (action id, funder id), for the lines that still exist."""
    query = (
        "SELECT id, action_id, funder_id FROM funding_line "
        "WHERE id IN (SELECT value FROM json_each(?))"
    )
    ids = json.dumps(sorted(line_ids))
    return {row[0]: (row[1], row[2]) for row in dossier.db.execute(query, [ids])}
