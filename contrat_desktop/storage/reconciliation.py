"""What a reconciliation with the State's lists reads and keeps: the choices remembered per
list and file key, the header spellings learned, and light facts about a campaign's
actions (which ones follow on from which, which ones a funder finances)."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import replace

from contrat_desktop.domain.reconciliation import LearnedSpelling, RememberedChoice
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.table_repository import Repository

_CHUNK = 500  # parameters per IN (...) list, well under SQLite's limit


class RememberedChoices(Repository[RememberedChoice]):
    table = "reconcile_choice"
    model = RememberedChoice
    order_by = "source, file_key"

    def for_keys(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RememberedChoice]:
        """The choices kept for these (list, file key) pairs."""
        wanted = sorted(set(keys))
        found: dict[tuple[str, str], RememberedChoice] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = " OR ".join("(source = ? AND file_key = ?)" for _ in chunk)
            params = [value for pair in chunk for value in pair]
            for choice in self._select(f"WHERE {marks}", params):
                found[(choice.source.value, choice.file_key)] = choice
        return found

    def for_sources(self, sources: Iterable[str]) -> list[RememberedChoice]:
        names = sorted(set(sources))
        if not names:
            return []
        return self._select(f"WHERE source IN ({','.join('?' * len(names))})", names)

    def remember(self, choice: RememberedChoice) -> RememberedChoice:
        """Keep ``choice`` for its list and key, replacing the one kept before."""
        stamped = replace(choice, decided_at=choice.decided_at or now_iso())
        kept = self.for_keys([(choice.source.value, choice.file_key)])
        current = kept.get((choice.source.value, choice.file_key))
        if current is None:
            return self.add(stamped)
        if (current.choice, current.action_id) == (choice.choice, choice.action_id):
            return current
        return self.update(replace(stamped, id=current.id, version=current.version))


class LearnedSpellings(Repository[LearnedSpelling]):
    table = "learned_spelling"
    model = LearnedSpelling
    order_by = "layout, header"

    def for_layout(self, layout: str) -> list[LearnedSpelling]:
        return self._select("WHERE layout = ?", [layout])

    def learn(self, spelling: LearnedSpelling) -> None:
        """Keep that ``spelling.header`` names ``spelling.column_key`` (replacing what it
        was learned to name before)."""
        stamped = replace(spelling, learned_at=spelling.learned_at or now_iso())
        found = self._select("WHERE layout = ? AND header = ?", [spelling.layout, spelling.header])
        if not found:
            self.add(stamped)
        elif found[0].column_key != spelling.column_key:
            self.update(replace(stamped, id=found[0].id, version=found[0].version))


def funded_actions(
    dossier: Dossier,
    campaign_id: int,
    funder_ids: Iterable[int],
    *,
    leaving_out: Collection[int | None] = (),
) -> set[int]:
    """The actions of a campaign with a funding line of one of ``funder_ids``, but those
    ``leaving_out`` (a returned export names most of them)."""
    funders = sorted(set(funder_ids))
    if not funders:
        return set()
    left = json.dumps(sorted(i for i in leaving_out if i is not None))
    return {
        row[0]
        for row in dossier.db.execute(
            "SELECT a.id FROM action a WHERE a.campaign_id = ? AND a.id NOT IN (SELECT value "
            "FROM json_each(?)) AND EXISTS (SELECT 1 FROM funding_line fl WHERE "
            f"fl.action_id = a.id AND fl.funder_id IN ({','.join('?' * len(funders))}))",
            [campaign_id, left, *funders],  # per action, no DISTINCT over the lines
        )
    }


def actions_titled(dossier: Dossier, campaign_id: int, titles: Iterable[str]) -> dict[str, int]:
    """Title → id of the campaign's actions bearing one of ``titles`` (the last one made)."""
    wanted = sorted(set(titles))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(
            dossier.db.execute(
                "SELECT title, id FROM action WHERE campaign_id = ? AND title IN "
                f"({','.join('?' * len(chunk))}) ORDER BY id",
                [campaign_id, *chunk],
            )
        )
    return found


def renewal_map(dossier: Dossier) -> dict[int, int]:
    """Every renewed action id → the action that renews it (next year's)."""
    return dict(
        dossier.db.execute(
            "SELECT renewal_of_id, id FROM action WHERE renewal_of_id IS NOT NULL ORDER BY id"
        )
    )


def funder_lines(
    dossier: Dossier,
    funder_id: int,
    *,
    campaign_id: int | None = None,
    action_ids: Iterable[int] = (),
) -> dict[int, tuple[int | None, int | None, int | None, str]]:
    """Action id → (requested, proposed, granted, EJ) of its line for ``funder_id``: the
    actions of a campaign, or the given ones."""
    select = (
        "SELECT fl.action_id, fl.requested_cents, fl.proposed_cents, fl.granted_cents, "
        "fl.ej_number FROM funding_line fl "
    )
    found: dict[int, tuple[int | None, int | None, int | None, str]] = {}
    if campaign_id is not None:
        cursor = dossier.db.execute(
            select + "JOIN action a ON a.id = fl.action_id WHERE a.campaign_id = ? "
            "AND fl.funder_id = ?",
            [campaign_id, funder_id],
        )
        found.update((row[0], tuple(row[1:])) for row in cursor)
    ids = sorted(set(action_ids) - found.keys())
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        cursor = dossier.db.execute(
            select + f"WHERE fl.funder_id = ? AND fl.action_id IN ({','.join('?' * len(chunk))})",
            [funder_id, *chunk],
        )
        found.update((row[0], tuple(row[1:])) for row in cursor)
    return found
