"""The rows of a State list as the reconciliation sees them: which list each comes from, the
file's own keys for it (post id, Dauphin file number, SIRET and title), and what a post row
lacks to be matched or created (the SIRET in its « code tiers », a title naming the post).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contrat_desktop.domain.identifiers import normalise_siret, siret_problem
from contrat_desktop.domain.reconciliation import StateList, post_list, post_title
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.row_values import RowValues
from contrat_desktop.exchange.sheet_reader import SheetReading
from contrat_desktop.exchange.state_columns import HOLDER_CODE, POST_ID, SCHEME

_FILLED = ("siret", "title")


def complete_post_rows(reading: SheetReading) -> None:
    """Give the rows of a posts list the SIRET their « code tiers » holds and a title
    naming the post (« Poste adulte-relais n° … »), so that they match and can be created."""
    if POST_ID not in reading.mapping.values() and HOLDER_CODE not in reading.mapping.values():
        return
    index: dict[str, int] | None = None
    for parsed in reading.rows:
        values = parsed.values
        extra = _completion(values)
        if not extra:
            continue
        if index is None:  # one key index shared by every completed row
            index = {key: position for position, key in enumerate(values)}
            for key in _FILLED:
                index.setdefault(key, len(index))
        cells = tuple(extra[key] if key in extra else values.get(key) for key in index)
        parsed.values = RowValues(index, cells)


def _completion(values: Mapping[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    code = values.get(HOLDER_CODE)
    if not values.get("siret") and code and (siret := _as_siret(str(code))):
        extra["siret"] = siret
    post = values.get(POST_ID)
    if post and not values.get("title"):
        source = post_list(str(post), str(values.get(SCHEME) or ""))
        if source is not None:
            extra["title"] = post_title(source, str(post))
    return extra


def _as_siret(code: str) -> str:
    """The SIRET a « code tiers » holds, or "" (FONJEP's 2023 list puts names there)."""
    digits = normalise_siret(code)
    return digits if len(digits) == 14 and siret_problem(digits) is None else ""


def row_source(values: Mapping[str, Any]) -> StateList:
    """The list a row comes from: a post's list, the State's export (a Dauphin file
    number), else a programmation table."""
    post = values.get(POST_ID)
    if post:
        found = post_list(str(post), str(values.get(SCHEME) or ""))
        if found is not None:
            return found
    if values.get("dauphin_number"):
        return StateList.STATE_EXPORT
    return StateList.PROGRAMMATION


def file_keys(values: Mapping[str, Any]) -> tuple[str, ...]:
    """The file's own keys for a row, the one that lasts from year to year first: the post
    id, then SIRET (else the holder's name) and title (a renewal keeps both), then the
    Dauphin file number (new each year)."""
    keys = []
    post = values.get(POST_ID)
    if post:
        keys.append(f"poste:{str(post).strip().upper()}")
    siret, name, title = values.get("siret"), values.get("holder_name"), values.get("title")
    if siret and title and not post:
        keys.append(f"siret:{siret}:{header_key(title)}")
    elif name and title and not post:  # no SIRET: the holder's name stands for it
        keys.append(f"tiers:{header_key(name)}:{header_key(title)}")
    dauphin = values.get("dauphin_number")
    if dauphin:
        keys.append(f"dossier:{dauphin}")
    return tuple(keys)
