"""Import target for the programmation table: a préfecture's return updates actions and
their funding lines (avis, status, amounts...); unknown actions can be created on request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.exchange.layout import Layout
from contrat_desktop.exchange.programmation_layout import (
    LAYOUT_NAME,
    programmation_layout,
)
from contrat_desktop.exchange.sheet_reader import ParsedRow, RowIssue, SheetReading
from contrat_desktop.exchange.state_columns import with_state_columns
from contrat_desktop.operations.action_matching import NO_CAMPAIGN, UNIQUE_KEYS, ActionMatcher
from contrat_desktop.operations.import_campaign import choose_campaign, year_problem
from contrat_desktop.operations.import_plan import (
    UNKNOWN_YEAR,
    Candidate,
    Decision,
    ImportPlan,
    PlannedRow,
    RowKind,
    naming_the_row,
)
from contrat_desktop.operations.programmation_apply import ProgrammationWriter
from contrat_desktop.operations.programmation_conflicts import ConflictFinder
from contrat_desktop.operations.programmation_diff import Differ
from contrat_desktop.storage.action_index import action_keys
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


class ProgrammationTarget:
    name = LAYOUT_NAME
    creates_by_default = False

    def layout(self, repos: Repositories) -> Layout:
        funders = [f for f in repos.funders.all() if f.id is not None]
        return with_state_columns(programmation_layout(funders))  # and the State's lists'

    # planning -------------------------------------------------------------------
    def plan(
        self, dossier: Dossier, repos: Repositories, reading: SheetReading, plan: ImportPlan
    ) -> None:
        matcher = ActionMatcher(action_keys(dossier))
        matches = [matcher.match(row.values) for row in reading.rows]
        named = [matcher.by_id[m.action_id].year for m in matches if m.by in UNIQUE_KEYS]
        choice = choose_campaign(reading, plan.campaign_year, named)
        plan.campaign_year, plan.campaign_source = choice.year, choice.source
        plan.warnings.extend(choice.warnings)
        campaigns = {c.year: c.id for c in repos.campaigns.all() if c.id is not None}
        matches = [
            matcher.match(values, campaigns.get(year, NO_CAMPAIGN), within=choice.stated)
            if matcher.depends_on_campaign(m) and (year := choice.year_of(values)) is not None
            else m
            for values, m in ((row.values, m) for row, m in zip(reading.rows, matches, strict=True))
        ]
        wanted = {m.action_id for m in matches if m.action_id is not None}
        wanted.update(i for m in matches for i in m.candidates)
        actions, lines = self._load(repos, {matcher.by_id[i].campaign_id for i in wanted}, wanted)
        differ = Differ(reading)
        every_line = (line for by_funder in lines.values() for line in by_funder.values())
        finder = ConflictFinder.for_import(dossier, plan.export_mark, every_line)

        def candidate(action_id: int, values: Mapping[str, Any], row: int) -> Candidate:
            key, action = matcher.by_id[action_id], actions[action_id]
            own = lines.get(action_id, {})
            changes, errors = differ.diff(action, own, values, row)
            changes, conflicts = finder.split(
                action_id, values.get("identifier"), action.version, own, changes, reading.layout
            )
            return Candidate(
                action_id, key.reference, key.title, key.holder_name, key.year,
                action.version, tuple(changes), tuple(errors), tuple(conflicts),
            )  # fmt: skip

        taken: dict[int, int] = {}
        absent: set[int | None] = set()  # years of new rows whose campaign is not in the dossier
        for parsed, match in zip(reading.rows, matches, strict=True):
            planned = _planned(parsed)
            planned.matched_by = match.by
            if match.candidates:
                planned.kind = RowKind.AMBIGUOUS
                planned.candidates = [
                    candidate(i, parsed.values, parsed.row) for i in match.candidates
                ]
            elif match.action_id is not None:
                if match.action_id in taken:
                    planned.kind = RowKind.ERROR
                    planned.errors.append(
                        _row_issue(
                            reading, parsed, f"Même action que la ligne {taken[match.action_id]}."
                        )
                    )
                else:
                    taken[match.action_id] = parsed.row
                    planned.settle(candidate(match.action_id, parsed.values, parsed.row), match.by)
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
                planned.amount_cents = differ.amount(parsed.values)
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
    def _load(
        repos: Repositories, campaign_ids: set[int], wanted: set[int]
    ) -> tuple[dict[int, Action], dict[int, dict[int, FundingLine]]]:
        actions: dict[int, Action] = {}
        lines: dict[int, dict[int, FundingLine]] = {}
        for campaign_id in campaign_ids:
            for action in repos.actions.for_campaign(campaign_id):
                if action.id in wanted:
                    actions[action.id] = action
            for line in repos.funding_lines.for_campaign(campaign_id):
                lines.setdefault(line.action_id, {})[line.funder_id] = line
        return actions, lines

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


def _planned(parsed: ParsedRow) -> PlannedRow:
    values = parsed.values
    label = values.get("reference") or values.get("dauphin_number") or values.get("title") or ""
    return PlannedRow(
        parsed.row,
        RowKind.NEW,
        str(label),
        values,
        errors=list(parsed.errors),
        warnings=list(parsed.warnings),
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
