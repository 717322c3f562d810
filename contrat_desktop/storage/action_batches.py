"""Actions read many at a time: the rows and their district and axis links in a few queries
(the repository reads the links action by action), for renewals and documents of hundreds or
thousands of actions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from contrat_desktop.domain.actions import Action
from contrat_desktop.storage.conversions import from_row
from contrat_desktop.storage.database import Dossier

CHUNK = 500  # parameters per IN (...) list, well under SQLite's limit
LINKS = (
    ("district_ids", "action_district", "district_id"),
    ("axis_ids", "action_axis", "node_id"),
)


def chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def actions_of_campaign(dossier: Dossier, campaign_id: int) -> list[Action]:
    """Every action of a campaign, in reference order."""
    return _actions(dossier, "a.campaign_id = ?", [campaign_id])


def actions_by_ids(dossier: Dossier, action_ids: Sequence[int]) -> dict[int, Action]:
    """The actions asked for (those that exist), by id."""
    found: dict[int, Action] = {}
    for chunk in chunks(action_ids):
        marks = ", ".join("?" for _ in chunk)
        for action in _actions(dossier, f"a.id IN ({marks})", chunk):
            found[action.id or 0] = action
    return found


def _actions(dossier: Dossier, where: str, params: Sequence[object]) -> list[Action]:
    links: dict[str, dict[int, list[int]]] = {}
    for name, table, column in LINKS:
        found: dict[int, list[int]] = {}
        for action_id, value in dossier.db.execute(
            f"SELECT l.action_id, l.{column} FROM {table} l JOIN action a ON a.id = l.action_id "
            f"WHERE {where} ORDER BY l.action_id, l.{column}",
            params,
        ):
            found.setdefault(action_id, []).append(value)
        links[name] = found
    cursor = dossier.db.execute(
        f"SELECT * FROM action a WHERE {where} ORDER BY a.reference", params
    )
    names = [d[0] for d in cursor.description]
    actions = []
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        districts = tuple(links["district_ids"].get(row["id"], ()))
        axes = tuple(links["axis_ids"].get(row["id"], ()))
        actions.append(from_row(Action, row, district_ids=districts, axis_ids=axes))
    return actions
