"""The dossier's actions one import preview has read, as light keys, each read once: first
those the export's hidden identifiers name (to tell the rows still as exported), then those
the other rows name, then the campaign's (matching by Dauphin number or SIRET, and the
reconciliation). Matching and reconciliation share them instead of reading the campaign's
5 000 actions twice.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from contrat_desktop.operations.action_matching import identified
from contrat_desktop.storage.action_index import ActionKey, action_keys, campaign_action_ids
from contrat_desktop.storage.database import Dossier


class KnownActions:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.by_id: dict[int, ActionKey] = {}
        self.named: dict[str, int] = {}  # a hidden identifier that still names its action → id
        self._campaigns: dict[int, list[ActionKey]] = {}

    def still_named(self, identifiers: Iterable[str]) -> set[str]:
        """The hidden identifiers « id:reference » that still name their action (its id,
        then its reference as it is now); their actions are known from then on."""
        split = {text: identified(text) for text in identifiers}
        self.keys(ids={number for number, _ in split.values() if number is not None})
        by_id = self.by_id
        for text, (number, reference) in split.items():
            key = by_id.get(number) if number is not None else None
            if key is not None and key.reference == reference:
                self.named[text] = key.id
        return set(self.named)

    def keys(
        self, *, ids: Collection[int] = (), references: Collection[str] = ()
    ) -> list[ActionKey]:
        """The actions of these ids, then of these references (any case), each once; only
        those not known yet are read."""
        by_id = self.by_id
        missing = [i for i in ids if i not in by_id]
        wanted = {reference.upper() for reference in references}
        unread: list[str] = []
        if wanted:
            known = {key.reference.upper() for key in by_id.values()}
            unread = [r for r in references if r.upper() not in known]
        if missing or unread:
            for key in action_keys(self.dossier, ids=missing, references=unread):
                by_id.setdefault(key.id, key)
        found = {i: by_id[i] for i in sorted(ids) if i in by_id}
        if wanted:
            for key in by_id.values():
                if key.id not in found and key.reference.upper() in wanted:
                    found[key.id] = key
        return list(found.values())

    def of_campaign(self, campaign_id: int) -> list[ActionKey]:
        """The campaign's actions, by id."""
        if campaign_id not in self._campaigns:
            ids = campaign_action_ids(self.dossier, campaign_id)
            missing = [i for i in ids if i not in self.by_id]
            if missing:
                for key in action_keys(self.dossier, ids=missing):
                    self.by_id.setdefault(key.id, key)
            self._campaigns[campaign_id] = [self.by_id[i] for i in ids if i in self.by_id]
        return self._campaigns[campaign_id]

    def with_dauphins(self, dauphins: Collection[str]) -> list[ActionKey]:
        """The actions of these Dauphin numbers, in any year."""
        keys = action_keys(self.dossier, dauphins=dauphins)
        for key in keys:
            self.by_id.setdefault(key.id, key)
        return keys

    def every(self) -> list[ActionKey]:
        """Every action of the dossier."""
        keys = action_keys(self.dossier)
        for key in keys:
            self.by_id.setdefault(key.id, key)
        return keys
