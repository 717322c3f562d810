"""Build the reconciliation of a programmation plan (after the rows are matched): rows of
other contracts and duplicates set aside (``reconcile_aside.py``), the choices remembered
from former imports applied, the EJ read compared with the act of the State's funding line,
and the actions the file should name listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.domain.funding import normalise_ej
from contrat_desktop.domain.reconciliation import Choice, RememberedChoice, StateList
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.programmation_layout import LAYOUT_NAME, parse_funder_key
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading
from contrat_desktop.exchange.state_columns import EJ_KEY
from contrat_desktop.operations.import_plan import (
    CellChange,
    Decision,
    ImportPlan,
    PlannedRow,
    RowKind,
)
from contrat_desktop.operations.known_actions import KnownActions
from contrat_desktop.operations.reconcile_aside import (
    department_of,
    plan_issue,
    set_aside_duplicates,
    set_aside_other_contracts,
)
from contrat_desktop.operations.reconcile_choices import decide_row
from contrat_desktop.operations.reconcile_links import Linker
from contrat_desktop.operations.reconcile_rows import file_keys, row_source
from contrat_desktop.operations.reconciliation import (
    REMEMBERED,
    ActionBrief,
    Reconciliation,
    RowFacts,
)
from contrat_desktop.storage.action_index import ActionKey
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.reconciliation import (
    RememberedChoices,
    funded_actions,
    funder_lines,
    renewal_map,
)
from contrat_desktop.storage.repositories import Repositories

MAX_SUGGESTIONS = 12
_OPEN = (RowKind.NEW, RowKind.AMBIGUOUS)


def reconcile(
    dossier: Dossier, reading: SheetReading, plan: ImportPlan, known: KnownActions
) -> None:
    """Attach ``plan.reconciliation`` to a matched programmation plan (``known``: the
    actions its matching read, not read again)."""
    if reading.layout.name != LAYOUT_NAME:
        return
    repos = Repositories(dossier)
    campaign = repos.campaigns.by_year(plan.campaign_year) if plan.campaign_year else None
    state = next((f.id for f in repos.funders.all() if f.kind is FunderKind.STATE), None)
    contract = repos.contracts.main()
    found = Reconciliation(
        plan.campaign_year,
        campaign.id if campaign else None,
        state,
        contract.code.strip().upper() if contract else "",
        reading.layout,
    )
    facts = found.rows
    for row in plan.rows:
        if row.as_exported:  # matched by its identifier: no keys, no candidates
            facts[row.row] = RowFacts(
                row.row, row_source(row.values), (), _label(row), initial=row.kind
            )
            continue
        facts[row.row] = RowFacts(
            row.row,
            row_source(row.values),
            file_keys(row.values),
            _label(row),
            initial=row.kind,
            candidate_ids=tuple(c.action_id for c in row.candidates),
        )
    plan.reconciliation = found
    keys = known.of_campaign(found.campaign_id) if found.campaign_id else []
    linker = Linker(dossier, plan, {key.id: key for key in keys})
    departments = {department_of(c.insee_code) for c in contract.communes} if contract else set()
    set_aside_other_contracts(plan, found, departments)
    set_aside_duplicates(plan, found)
    follow = _Follower(dossier, {key.id for key in keys})
    _apply_remembered(dossier, plan, found, linker, follow)
    if state is not None:
        _ej_changes(dossier, plan, found, reading, state)
    by_id = {key.id: key for key in keys}
    found.described.update(
        (row.target_id, f"{by_id[row.target_id].reference} – {by_id[row.target_id].title}")
        for row in plan.rows
        if row.target_id in by_id
    )
    _suggest(plan, found, keys)
    _expect(dossier, plan, found, keys, follow)


def _label(row: PlannedRow) -> str:
    values = row.values
    parts = [values.get("holder_name") or values.get("siret"), values.get("title")]
    return " – ".join(str(part) for part in parts if part) or row.label


# remembered choices -------------------------------------------------------------
class _Follower:
    """Last year's action → this campaign's action that follows on from it (renewals)."""

    def __init__(self, dossier: Dossier, in_campaign: set[int]) -> None:
        self.dossier = dossier
        self.in_campaign = in_campaign
        self._next: dict[int, int] | None = None

    def __call__(self, action_id: int | None) -> int | None:
        current, seen = action_id, set()
        while current is not None and current not in seen:
            if current in self.in_campaign:
                return current
            seen.add(current)
            if self._next is None:
                self._next = renewal_map(self.dossier)
            current = self._next.get(current)
        return None


def _apply_remembered(
    dossier: Dossier, plan: ImportPlan, found: Reconciliation, linker: Linker, follow: _Follower
) -> None:
    open_rows = [row for row in plan.rows if row.kind in _OPEN and found.rows[row.row].keys]
    wanted = [
        (found.rows[r.row].source.value, key) for r in open_rows for key in found.rows[r.row].keys
    ]
    if not wanted:
        return
    kept = RememberedChoices(dossier).for_keys(wanted)
    for row in open_rows:
        facts = found.rows[row.row]
        memory = next(
            (kept[(facts.source.value, k)] for k in facts.keys if (facts.source.value, k) in kept),
            None,
        )
        if memory is None:
            continue
        facts.remembered, facts.choice = memory, memory.choice
        facts.note = f"{REMEMBERED} {_when(memory)}"
        target = follow(memory.action_id)
        if memory.choice is Choice.IGNORE:
            decide_row(plan, row, Decision.SKIP)
        elif target is not None and linker.link(row, target):
            pass
        elif memory.choice is Choice.CREATE:
            decide_row(plan, row, Decision.CREATE)
        else:
            facts.choice = None
            facts.note = (
                f"rattachée en {memory.year or '?'} à une action sans suite en "
                f"{found.year or '?'} : choisissez à nouveau"
            )
        if row.decision is not None:
            row.matched_by = REMEMBERED


def _when(memory: RememberedChoice) -> str:
    day = memory.decided_at[:10]
    shown = f"{day[8:10]}/{day[5:7]}/{day[:4]}" if len(day) == 10 else day
    return f"le {shown}" + (f" par {memory.decided_by}" if memory.decided_by else "")


# the act of the State's line ----------------------------------------------------
def _ej_changes(
    dossier: Dossier, plan: ImportPlan, found: Reconciliation, reading: SheetReading, state: int
) -> None:
    """The EJ read, checked, and compared with the one on the State's funding line."""
    index = next((i for i, key in plan.mapping.items() if key == EJ_KEY), None)
    if index is None:
        return
    label = reading.header_label(index)
    rows = [row for row in plan.rows if not row.as_exported and row.values.get(EJ_KEY)]
    if not rows:
        return
    targets = {row.target_id for row in rows if row.target_id is not None}
    targets.update(c.action_id for row in rows for c in row.candidates)
    lines = funder_lines(dossier, state, campaign_id=found.campaign_id, action_ids=targets)
    for row in rows:
        if found.rows[row.row].set_aside or row.kind is RowKind.ERROR:
            continue
        raw = str(row.values.get(EJ_KEY))
        try:
            ej = normalise_ej(raw)
        except ValidationError as error:
            row.errors.append(RowIssue(plan.sheet, row.row, label, raw, str(error)))
            row.kind, row.candidates, row.target_id = RowKind.ERROR, [], None
            continue
        row.candidates = [
            c
            if _has_ej(c.changes)
            else replace(c, changes=(*c.changes, *_ej_change(lines, c.action_id, ej, label)))
            for c in row.candidates
        ]
        if row.target_id is not None and not _has_ej(row.changes):
            change = _ej_change(lines, row.target_id, ej, label)
            row.changes.extend(change)
            if change and row.kind is RowKind.UNCHANGED:
                row.kind = RowKind.CHANGED


def _has_ej(changes: Iterable[CellChange]) -> bool:
    return any(change.key == EJ_KEY for change in changes)


def _ej_change(
    lines: dict[int, tuple[Any, ...]], action_id: int, ej: str, label: str
) -> tuple[CellChange, ...]:
    old = lines[action_id][3] if action_id in lines else ""
    if old == ej:
        return ()
    return (CellChange(EJ_KEY, label, old or "", ej, old or None, ej),)


# what a person may link a row to, and what the file should name -----------------------
def _suggest(plan: ImportPlan, found: Reconciliation, keys: list[ActionKey]) -> None:
    open_or_skipped = (*_OPEN, RowKind.SKIPPED)
    rows = [
        row
        for row in plan.rows
        if row.kind in open_or_skipped and not found.rows[row.row].set_aside
    ]
    if not rows:  # every row found its action (a return of an export): nothing to suggest
        return
    by_siret: dict[str, list[ActionKey]] = {}
    by_name: dict[str, list[ActionKey]] = {}
    for key in keys:
        if key.holder_siret:
            by_siret.setdefault(key.holder_siret, []).append(key)
        by_name.setdefault(header_key(key.holder_name), []).append(key)
    for row in rows:
        facts = found.rows[row.row]
        siret, name = row.values.get("siret"), row.values.get("holder_name")
        same = by_siret.get(siret, []) if siret else []
        if not same and name:
            same = by_name.get(header_key(name), [])
        facts.suggestions = tuple(_brief(key) for key in same[:MAX_SUGGESTIONS])


def _brief(key: ActionKey, amount: int | None = None, why: str = "") -> ActionBrief:
    return ActionBrief(key.id, key.reference, key.title, key.holder_name, key.year, amount, why)


def _expect(
    dossier: Dossier,
    plan: ImportPlan,
    found: Reconciliation,
    keys: list[ActionKey],
    follow: _Follower,
) -> None:
    """The actions of the year the file should name: for a posts list, those linked to its
    posts before; for an export of actions, those the file's funders finance."""
    years = sorted({r.year for r in plan.rows if r.year and not found.rows[r.row].set_aside})
    others = [str(year) for year in years if year != found.year]
    if others and found.year is not None:
        plan.warnings.append(
            plan_issue(
                plan,
                f"Le fichier couvre aussi {', '.join(others)} : les actions du dossier absentes "
                f"du fichier ne sont cherchées que dans la campagne {found.year}.",
            )
        )
    if found.year is None:
        found.scope = "campagne inconnue : les actions absentes du fichier ne sont pas cherchées"
        return
    if found.campaign_id is None:
        found.scope = f"aucune : la campagne {found.year} n'existe pas encore dans le dossier"
        return
    sources = {f.source for f in found.rows.values() if not f.set_aside}
    why: dict[int, str] = {}
    posts = [s for s in sources if s.is_post_list]
    if posts:
        for memory in RememberedChoices(dossier).for_sources(s.value for s in posts):
            target = follow(memory.action_id) if memory.choice is not Choice.IGNORE else None
            if target is not None:
                why.setdefault(target, f"{memory.source.label} : {memory.label}".strip(" :"))
    scopes = [f"les actions rattachées aux {s.label}" for s in sorted(posts)]
    named = {r.target_id for r in plan.rows if r.as_exported}  # named whatever is decided
    if sources - set(posts):
        funders = _funders_read(plan, found)
        if funders:
            names = {f.id: f.display_name for f in Repositories(dossier).funders.all()}
            by = ", ".join(names[f] for f in funders)
            funded = funded_actions(dossier, found.campaign_id, funders, leaving_out=named)
            for action_id in sorted(funded):
                why.setdefault(action_id, f"financée par {by}")
            scopes.append(f"les actions de {found.year} financées par {by}")
        else:
            for key in keys:
                why.setdefault(key.id, f"action de la campagne {found.year}")
            scopes.append(f"toutes les actions de la campagne {found.year}")
    found.scope = " ; ".join(scopes)
    by_id = {key.id: key for key in keys}
    expected = [i for i in sorted(why) if i in by_id and i not in named]
    amounts = (
        funder_lines(dossier, found.state_funder_id, action_ids=expected)
        if found.state_funder_id is not None and expected
        else {}
    )  # the State's line of those only: a returned export names most of the campaign
    found.expected = [_brief(by_id[i], _amount(amounts.get(i)), why[i]) for i in expected]


def _funders_read(plan: ImportPlan, found: Reconciliation) -> list[int]:
    funders = sorted({p[0] for key in plan.mapping.values() if (p := parse_funder_key(key))})
    state = found.state_funder_id
    if (
        not funders
        and state is not None
        and any(f.source is StateList.STATE_EXPORT for f in found.rows.values())
    ):
        return [state]
    return funders


def _amount(line: tuple[Any, ...] | None) -> int | None:
    if line is None:
        return None
    requested, proposed, granted, _ej = line
    return granted if granted is not None else proposed if proposed is not None else requested
