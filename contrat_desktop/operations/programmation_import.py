"""Import target for the programmation table: a préfecture's return updates actions and
their funding lines (avis, status, amounts...); unknown actions can be created on request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contrat_desktop.exchange.export_mark import read_export_mark
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.programmation_layout import (
    LAYOUT_NAME,
    programmation_layout,
)
from contrat_desktop.exchange.sheet_reader import ParsedRow, RowIssue, SheetReading
from contrat_desktop.exchange.state_columns import with_state_columns
from contrat_desktop.operations.action_matching import (
    IDENTIFIER,
    NO_CAMPAIGN,
    UNIQUE_KEYS,
    ActionMatcher,
    Match,
    named_actions,
)
from contrat_desktop.operations.import_campaign import (
    CampaignChoice,
    choose_campaign,
    year_problem,
)
from contrat_desktop.operations.import_plan import (
    UNKNOWN_YEAR,
    Candidate,
    CellChange,
    Decision,
    ImportPlan,
    PlannedRow,
    RowKind,
    naming_the_row,
)
from contrat_desktop.operations.known_actions import KnownActions
from contrat_desktop.operations.programmation_apply import ProgrammationWriter
from contrat_desktop.operations.programmation_conflicts import ConflictFinder
from contrat_desktop.operations.programmation_diff import Differ
from contrat_desktop.storage.action_index import ActionKey
from contrat_desktop.storage.action_state import line_states, stored_values
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


class ProgrammationTarget:
    name = LAYOUT_NAME
    creates_by_default = False

    def layout(self, repos: Repositories) -> Layout:
        funders = [f for f in repos.funders.all() if f.id is not None]
        tree = repos.framework.tree()  # « Pilier / thématique » read back to its node
        return with_state_columns(programmation_layout(funders, tree))  # and the State's lists'

    # planning -------------------------------------------------------------------
    def plan(
        self,
        dossier: Dossier,
        repos: Repositories,
        reading: SheetReading,
        plan: ImportPlan,
        known: KnownActions,
    ) -> None:
        rows = reading.rows
        matches, choice = self._match(dossier, repos, reading, plan, known)
        by_id = known.by_id
        plan.campaign_year, plan.campaign_source = choice.year, choice.source
        plan.warnings.extend(choice.warnings)
        campaigns = {c.year: c.id for c in repos.campaigns.all() if c.id is not None}
        wanted = {m.action_id for p, m in zip(rows, matches, strict=True) if not p.as_exported}
        wanted.discard(None)
        wanted.update(i for m in matches for i in m.candidates)
        differ = Differ(reading)
        stored = stored_values(dossier, wanted, differ.wanted) if wanted else {}
        diffs: dict[tuple[int, int], tuple[list[CellChange], list[RowIssue]]] = {}
        for parsed, match in zip(rows, matches, strict=True):
            if parsed.as_exported:
                continue
            for action_id in [match.action_id] if match.action_id else match.candidates:
                diffs[(parsed.row, action_id)] = differ.diff(
                    stored[action_id][1], parsed.values, parsed.row
                )
        changed = {action_id for (_, action_id), (changes, _) in diffs.items() if changes}
        plan.export_mark = reading.mark  # what changed since the export, if it says
        if changed and plan.export_mark is None and reading.book is not None:
            plan.export_mark = read_export_mark(reading.book)
        finder = ConflictFinder.for_import(dossier, plan.export_mark)
        lines = line_states(dossier, changed) if changed and finder.knows_the_export else {}

        def split(action_id: int, parsed: ParsedRow) -> tuple[Any, ...]:
            changes, errors = diffs[(parsed.row, action_id)]
            if not changes or not finder.knows_the_export:
                return changes, errors, []
            identifier = parsed.values.get("identifier")
            version, own = stored[action_id][0], lines.get(action_id, {})
            changes, conflicts = finder.split(
                action_id, identifier, version, own, changes, reading.layout
            )
            return changes, errors, conflicts

        def candidate(action_id: int, parsed: ParsedRow) -> Candidate:
            key, version = by_id[action_id], stored[action_id][0]
            changes, errors, conflicts = split(action_id, parsed)
            return Candidate(
                action_id, key.reference, key.title, key.holder_name, key.year,
                version, tuple(changes), tuple(errors), tuple(conflicts),
            )  # fmt: skip

        taken: dict[int, int] = {}
        absent: set[int | None] = set()  # years of new rows whose campaign is not in the dossier
        for parsed, match in zip(rows, matches, strict=True):
            if parsed.as_exported and match.action_id not in taken:  # nothing to compare
                taken[match.action_id] = parsed.row
                plan.rows.append(_as_exported(parsed, match, by_id, choice, reading))
                continue
            planned = _planned(parsed)
            planned.matched_by = match.by
            if parsed.as_exported and match.by != IDENTIFIER:  # read in part: never compared
                planned.kind = RowKind.ERROR
                planned.errors.append(
                    _row_issue(
                        reading,
                        parsed,
                        "Action de cette ligne modifiée pendant l'aperçu : relancez l'aperçu.",
                    )
                )
            elif match.candidates:
                planned.kind = RowKind.AMBIGUOUS
                planned.candidates = [candidate(i, parsed) for i in match.candidates]
            elif match.action_id is not None:
                if match.action_id in taken:
                    planned.kind = RowKind.ERROR
                    planned.errors.append(
                        _row_issue(
                            reading, parsed, f"Même action que la ligne {taken[match.action_id]}."
                        )
                    )
                elif parsed.as_exported:  # as exported: nothing to compare, nothing to say
                    taken[match.action_id] = parsed.row
                    planned.settle_on(
                        match.action_id,
                        None,
                        by_id[match.action_id].reference,
                        match.by,
                        [],
                    )
                else:
                    action_id = taken_id = match.action_id
                    taken[taken_id] = parsed.row
                    changes, errors, conflicts = split(action_id, parsed)
                    planned.settle_on(
                        action_id,
                        stored[action_id][0],
                        by_id[action_id].reference,
                        match.by,
                        changes,
                        errors,
                        conflicts,
                    )
            elif not any(parsed.values.get(k) for k in ("reference", "dauphin_number", "title")):
                planned.kind = RowKind.ERROR
                planned.errors.append(
                    _row_issue(
                        reading,
                        parsed,
                        "Ligne impossible à rattacher : ni référence, ni n° Dauphin, ni intitulé.",
                    )
                )
            if problem := year_problem(parsed.values):
                planned.errors.append(_row_issue(reading, parsed, problem))
            if planned.errors:
                planned.kind = RowKind.ERROR
            else:  # a row in error stays so whatever is decided: its amounts never count
                planned.amount_cents = (
                    parsed.amount_cents if parsed.as_exported else differ.amount(parsed.values)
                )
            year = planned.year = choice.year_of(parsed.values)
            may_be_new = planned.kind in (RowKind.NEW, RowKind.AMBIGUOUS)
            plan.year_needed = plan.year_needed or (may_be_new and year is None)
            if planned.kind is RowKind.NEW and (
                missing := _missing_for_creation(parsed.values, year)
            ):
                planned.not_creatable = missing
                planned.warnings.append(
                    _row_issue(
                        reading,
                        parsed,
                        f"Action absente du dossier, impossible à créer : {missing}.",
                    )
                )
            elif planned.kind is RowKind.NEW and year not in campaigns:
                absent.add(year)
            plan.rows.append(planned)
        for year in sorted(y for y in absent if y is not None):
            plan.warnings.append(
                RowIssue(
                    reading.sheet, reading.header_row, "", str(year),
                    f"La campagne {year} n'existe pas encore dans le dossier : elle sera créée "
                    "avec les actions nouvelles, si vous choisissez de les créer.",
                )
            )  # fmt: skip

    @staticmethod
    def _match(
        dossier: Dossier,
        repos: Repositories,
        reading: SheetReading,
        plan: ImportPlan,
        known: KnownActions,
    ) -> tuple[list[Match], CampaignChoice]:
        """The action each row speaks of. A row as exported names its action by its hidden
        identifier (known since it was read); the actions the other rows' identifiers and
        references name are read next; the others only if some row needs them: those of the
        campaigns the workbook states (and of its Dauphin numbers, in any year), else every
        action."""
        rows = reading.rows
        named = known.named
        ids, references = named_actions(row.values for row in rows if not row.as_exported)
        matcher = ActionMatcher(known.keys(ids=ids, references=references))
        matches = [
            Match(named[row.values["identifier"]], IDENTIFIER)
            if row.as_exported
            else matcher.match(row.values)
            for row in rows
        ]
        by_id = known.by_id
        years = [by_id[m.action_id].year for m in matches if m.by in UNIQUE_KEYS]
        choice = choose_campaign(reading, plan.campaign_year, years)
        left = [n for n, m in enumerate(matches) if m.by not in UNIQUE_KEYS]
        if not left:
            return matches, choice
        campaigns = {c.year: c.id for c in repos.campaigns.all() if c.id is not None}
        if choice.stated:
            years = {choice.year_of(rows[n].values) for n in left}
            dauphins = {v for n in left if (v := rows[n].values.get("dauphin_number"))}
            in_years = [campaigns[y] for y in years if y in campaigns]
            for campaign_id in in_years:
                matcher.add(known.of_campaign(campaign_id))
            if dauphins:
                matcher.add(known.with_dauphins(dauphins))
        else:
            matcher.add(known.every())
        for n in left:
            values = rows[n].values
            first, year = matcher.match(values), choice.year_of(values)
            if matcher.depends_on_campaign(first) and year is not None:
                campaign_id = campaigns.get(year, NO_CAMPAIGN)
                matches[n] = matcher.match(values, campaign_id, within=choice.stated)
            else:
                matches[n] = first
        return matches, choice

    # applying -------------------------------------------------------------------
    def apply(
        self,
        dossier: Dossier,
        repos: Repositories,
        plan: ImportPlan,
        rows: list[PlannedRow],
        create: bool,
    ) -> tuple[int, int]:
        writer = ProgrammationWriter(dossier, repos, plan)
        created = updated = 0
        for planned in rows:
            with naming_the_row(plan, planned):
                if planned.kind is RowKind.CHANGED and planned.target_id is not None:
                    writer.update(planned)
                    updated += 1
                elif (
                    planned.kind is RowKind.NEW
                    and (create or planned.decision is Decision.CREATE)
                    and writer.create(planned)
                ):
                    created += 1
        writer.finish()
        return created, updated


def _as_exported(
    parsed: ParsedRow,
    match: Match,
    by_id: Mapping[int, ActionKey],
    choice: CampaignChoice,
    reading: SheetReading,
) -> PlannedRow:
    """A row still as exported, matched by its identifier: unchanged, its amounts counted
    (what the full path gives such a row, without comparing it)."""
    values = parsed.values
    planned = PlannedRow(
        parsed.row,
        RowKind.UNCHANGED,
        by_id[match.action_id or 0].reference,
        values,
        target_id=match.action_id,
        matched_by=IDENTIFIER,
        errors=parsed.errors,
        warnings=parsed.warnings,
        amount_cents=parsed.amount_cents,
        year=choice.year_of(values),
        as_exported=True,
    )
    if problem := year_problem(values):
        planned.errors.append(_row_issue(reading, parsed, problem))
    if planned.errors:
        planned.kind, planned.amount_cents = RowKind.ERROR, 0
    return planned


def _planned(parsed: ParsedRow) -> PlannedRow:
    """A new row of the plan, taking over the parsed row's errors and warnings."""
    values = parsed.values
    label = values.get("reference") or values.get("dauphin_number") or values.get("title") or ""
    return PlannedRow(
        parsed.row,
        RowKind.NEW,
        str(label),
        values,
        errors=parsed.errors,
        warnings=parsed.warnings,
        as_exported=parsed.as_exported,
    )


def _missing_for_creation(values: Mapping[str, Any], year: int | None) -> str:
    """What a new action lacks to be created from its row ("" when nothing)."""
    if not values.get("title"):
        return "intitulé manquant"
    if not (values.get("holder_name") or values.get("siret")):
        return "porteur manquant (raison sociale ou SIRET)"
    if year is None:
        return UNKNOWN_YEAR
    return ""


def _row_issue(reading: SheetReading, parsed: ParsedRow, message: str) -> RowIssue:
    return RowIssue(reading.sheet, parsed.row, "", "", message)
