"""Find the action an imported row speaks of: by the hidden identifier, the reference, the
State file number (Dauphin), then the holder's SIRET and a similar title.

Several equally likely actions make the row ambiguous: the user decides. A title equal (up to
case, accents and punctuation) to exactly one of the holder's actions is that action.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from contrat_desktop.exchange.headers import header_key
from contrat_desktop.storage.action_index import ActionKey

TITLE_SIMILARITY = 0.75  # below this, a title is another action
NO_CAMPAIGN = 0  # the campaign id of a year the dossier has no campaign for
IDENTIFIER = "identifiant"  # the hidden column an export writes
UNIQUE_KEYS = (IDENTIFIER, "référence")  # what names one action of one campaign
AMBIGUITY_MARGIN = 0.08  # two candidates closer than this: let the user choose


class Match(NamedTuple):  # a tuple: one per row of 100 000, made in a blink
    action_id: int | None = None
    by: str = ""
    candidates: Sequence[int] = ()  # action ids, best first


NO_MATCH = Match()  # one for the many rows that name no action of the dossier


def named_actions(rows: Iterable[Mapping[str, Any]]) -> tuple[set[int], set[str]]:
    """The action ids (from the hidden identifiers) and the references rows name."""
    ids: set[int] = set()
    references: set[str] = set()
    for values in rows:
        identifier, reference = values.get("identifier"), values.get("reference")
        if identifier:
            number = str(identifier).partition(":")[0].strip()
            if number.isdigit():
                ids.add(int(number))
        if reference:
            references.add(str(reference))
    return ids, references


def identified(text: str) -> tuple[int | None, str]:
    """The id and reference an identifier « id:reference » names (id None if it names none)."""
    if ":" not in text:
        return None, ""
    raw_id, _, reference = text.partition(":")
    return (int(raw_id) if raw_id.strip().isdigit() else None), reference.strip()


class ActionMatcher:
    def __init__(self, keys: Iterable[ActionKey]) -> None:
        self.by_id: dict[int, ActionKey] = {}
        self.by_reference: dict[str, ActionKey] = {}
        self.by_dauphin: dict[str, list[ActionKey]] = defaultdict(list)
        self.by_siret: dict[str, list[ActionKey]] = defaultdict(list)
        self.add(keys)

    def add(self, keys: Iterable[ActionKey]) -> None:
        """Know these actions too (each once, whatever was read before)."""
        for key in keys:
            if key.id in self.by_id:
                continue
            self.by_id[key.id] = key
            self.by_reference[key.reference.upper()] = key
            if key.dauphin_number:
                self.by_dauphin[key.dauphin_number].append(key)
            if key.holder_siret:
                self.by_siret[key.holder_siret].append(key)

    def match(
        self, values: Mapping[str, Any], campaign_id: int | None = None, *, within: bool = False
    ) -> Match:
        """The action ``values`` speak of; with ``campaign_id``, a Dauphin number or a SIRET
        looks there first, and only there for the SIRET when ``within`` (the campaign is
        stated: last year's action of the same title is another action)."""
        found = self._identifier(values.get("identifier"))
        if found:
            return Match(found.id, IDENTIFIER)
        reference = values.get("reference")
        if reference and (key := self.by_reference.get(str(reference).upper())):
            return Match(key.id, "référence")
        dauphin = values.get("dauphin_number")
        if dauphin:
            keys = self._in_campaign(self.by_dauphin.get(dauphin, []), campaign_id)
            if len(keys) == 1:
                return Match(keys[0].id, "n° Dauphin")
            if len(keys) > 1:
                return Match(None, "n° Dauphin", [k.id for k in keys])
        siret, title = values.get("siret"), values.get("title")
        if siret and title:
            keys = self.by_siret.get(siret, [])
            if within:
                keys = [k for k in keys if k.campaign_id == campaign_id]
            return self._by_title(keys, str(title), campaign_id)
        return NO_MATCH

    def _identifier(self, text: Any) -> ActionKey | None:
        if not text:
            return None
        number, reference = identified(str(text))
        key = self.by_id.get(number) if number is not None else None
        return key if key and key.reference == reference else None

    @staticmethod
    def _in_campaign(keys: list[ActionKey], campaign_id: int | None) -> list[ActionKey]:
        if campaign_id is None:
            return keys
        same = [k for k in keys if k.campaign_id == campaign_id]
        return same or keys

    def _by_title(self, keys: list[ActionKey], title: str, campaign_id: int | None) -> Match:
        wanted = header_key(title)
        keys = self._in_campaign(keys, campaign_id)
        exact = [k for k in keys if header_key(k.title) == wanted]
        if len(exact) == 1:  # the holder's one action of that very title: no close call
            return Match(exact[0].id, "SIRET et intitulé")
        scored = sorted(
            ((SequenceMatcher(None, wanted, header_key(k.title)).ratio(), k) for k in keys),
            key=lambda pair: -pair[0],
        )
        scored = [(score, key) for score, key in scored if score >= TITLE_SIMILARITY]
        if not scored:
            return NO_MATCH
        if len(scored) > 1 and scored[0][0] - scored[1][0] < AMBIGUITY_MARGIN:
            close = [k.id for s, k in scored if scored[0][0] - s < AMBIGUITY_MARGIN]
            return Match(None, "SIRET et intitulé", close)
        return Match(scored[0][1].id, "SIRET et intitulé")

    @staticmethod
    def depends_on_campaign(match: Match) -> bool:
        """Whether knowing the campaign may change ``match`` (only the Dauphin number and the
        SIRET look within a campaign; the identifier and the reference are unique)."""
        return match.by in ("n° Dauphin", "SIRET et intitulé")
