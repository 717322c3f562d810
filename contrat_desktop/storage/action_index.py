"""A light index of actions, to match imported rows without loading whole records: every
action, or only those of some campaigns, ids or references (what a workbook names)."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import NamedTuple

from contrat_desktop.storage.database import Dossier

_KEYS = (
    "SELECT a.id, a.reference, a.dauphin_number, a.title, a.holder_id, h.siret, h.legal_name, "
    "a.campaign_id, c.year FROM action a JOIN holder h ON h.id = a.holder_id "
    "JOIN campaign c ON c.id = a.campaign_id"
)


class ActionKey(NamedTuple):  # a tuple: 5 000 of them are made from rows in a blink
    id: int
    reference: str
    dauphin_number: str
    title: str
    holder_id: int
    holder_siret: str
    holder_name: str
    campaign_id: int
    year: int


def action_keys(
    dossier: Dossier,
    campaign_id: int | None = None,
    *,
    campaign_ids: Collection[int] | None = None,
    ids: Collection[int] = (),
    references: Collection[str] = (),
    dauphins: Collection[str] = (),
) -> list[ActionKey]:
    """Every action (``campaign_ids`` None, nothing named), else the actions of those
    campaigns (or that one), ids, references (any case) and Dauphin numbers, each once."""
    if campaign_id is not None:
        campaign_ids = [*(campaign_ids or ()), campaign_id]
    if campaign_ids is None and not (ids or references or dauphins):
        return list(map(ActionKey._make, dossier.db.execute(_KEYS)))
    found: dict[int, ActionKey] = {}
    for where, values in (
        ("a.campaign_id", list(campaign_ids or ())),
        ("a.id", list(ids)),
        ("upper(a.reference)", references),
        ("a.dauphin_number", list(dauphins)),
    ):
        if where == "upper(a.reference)":  # most were found by their id already
            known = {key.reference.upper() for key in found.values()}
            values = [r.upper() for r in references if r.upper() not in known]
        if values:
            query = f"{_KEYS} WHERE {where} IN (SELECT value FROM json_each(?))"
            for row in dossier.db.execute(query, [json.dumps(values)]):
                if row[0] not in found:
                    found[row[0]] = ActionKey._make(row)
    return list(found.values())


def campaign_action_ids(dossier: Dossier, campaign_id: int) -> list[int]:
    """The ids of a campaign's actions, in order."""
    query = "SELECT id FROM action WHERE campaign_id = ? ORDER BY id"
    return [row[0] for row in dossier.db.execute(query, [campaign_id])]
