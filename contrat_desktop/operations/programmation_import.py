"""Import target for the programmation table: a préfecture's return updates actions and
their funding lines (avis, status, amounts...); unknown actions can be created on request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus, check_transition
from contrat_desktop.exchange.cells import display
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.layout import CellKind, Layout
from contrat_desktop.exchange.programmation_layout import (
    LAYOUT_NAME,
    parse_funder_key,
    programmation_layout,
)
from contrat_desktop.exchange.sheet_reader import ParsedRow, RowIssue, SheetReading
from contrat_desktop.operations.action_matching import NO_CAMPAIGN, UNIQUE_KEYS, ActionMatcher
from contrat_desktop.operations.import_campaign import choose_campaign, year_problem
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
from contrat_desktop.storage.action_index import action_keys
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

ACTION_FIELDS = (
    "dauphin_number",
    "title",
    "target_public",
    "beneficiaries_total",
    "start_date",
    "end_date",
    "total_cost_cents",
    "opinion",
    "observations",
)
NEVER_CLEARED = frozenset({"title", "total_cost_cents", "status"})
NEW_REFERENCE_CODE = "IMP"


class ProgrammationTarget:
    name = LAYOUT_NAME
    creates_by_default = False

    def layout(self, repos: Repositories) -> Layout:
        return programmation_layout([f for f in repos.funders.all() if f.id is not None])

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
        differ = _Differ(reading)

        def candidate(action_id: int, values: Mapping[str, Any], row: int) -> Candidate:
            key, action = matcher.by_id[action_id], actions[action_id]
            changes, errors = differ.diff(action, lines.get(action_id, {}), values, row)
            return Candidate(
                action_id, key.reference, key.title, key.holder_name, key.year,
                action.version, tuple(changes), tuple(errors),
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
        created = updated = 0
        for planned in rows:
            with naming_the_row(plan, planned):
                if planned.kind is RowKind.CHANGED and planned.target_id is not None:
                    self._update(dossier, repos, planned, plan)
                    updated += 1
                elif (
                    planned.kind is RowKind.NEW
                    and (create or planned.decision is Decision.CREATE)
                    and self._create(repos, planned, plan)
                ):
                    created += 1
        return created, updated

    def _update(
        self, dossier: Dossier, repos: Repositories, planned: PlannedRow, plan: ImportPlan
    ) -> None:
        assert planned.target_id is not None and planned.expected_version is not None
        action_changes: dict[str, Any] = {}
        status: str | None = None
        for change in planned.changes:
            funder = parse_funder_key(change.key)
            if funder is not None:
                self._set_amount(repos, planned.target_id, funder, change.new_value)
            elif change.key == "status":
                status = change.new_value
            else:
                action_changes[change.key] = _sql(change.key, change.new_value)
        version = planned.expected_version
        if action_changes:
            version = dossier.writer.update("action", planned.target_id, action_changes, version)
        if status is not None:
            action = repos.actions.get(planned.target_id)
            repos.actions.change_status(
                action, ActionStatus(status), comment=f"Import du classeur « {plan.file_name} »"
            )

    @staticmethod
    def _set_amount(
        repos: Repositories, action_id: int, funder: tuple[int, str], cents: int | None
    ) -> None:
        funder_id, part = funder
        line = next(
            (f for f in repos.funding_lines.for_action(action_id) if f.funder_id == funder_id), None
        )
        if line is None:
            repos.funding_lines.add(
                FundingLine(action_id, funder_id, **{f"{part}_cents": cents or 0})
            )
        else:
            repos.funding_lines.update(replace(line, **{f"{part}_cents": cents}))

    def _create(self, repos: Repositories, planned: PlannedRow, plan: ImportPlan) -> bool:
        values = planned.values
        title = values.get("title")
        year = planned.year
        holder = self._holder(repos, values)
        if not title or not year or holder is None or holder.id is None:
            return False
        campaign = repos.campaigns.by_year(year) or self._new_campaign(repos, year)
        assert campaign.id is not None
        sequence = repos.actions.next_sequence(campaign.year, NEW_REFERENCE_CODE)
        action = Action(
            reference=f"{campaign.year}-{NEW_REFERENCE_CODE}-{sequence:03d}",
            title=title,
            holder_id=holder.id,
            campaign_id=campaign.id,
            dauphin_number=values.get("dauphin_number") or "",
            target_public=values.get("target_public") or "",
            start_date=values.get("start_date"),
            end_date=values.get("end_date"),
            total_cost_cents=values.get("total_cost_cents") or 0,
            opinion=Opinion(values["opinion"]) if values.get("opinion") else None,
            observations=values.get("observations") or "",
        )
        created = repos.actions.add(action)
        assert created.id is not None
        for key, cents in values.items():
            funder = parse_funder_key(key)
            if funder is not None and cents is not None:
                self._set_amount(repos, created.id, funder, cents)
        return True

    @staticmethod
    def _new_campaign(repos: Repositories, year: int) -> Campaign:
        contract = repos.contracts.main()
        return repos.campaigns.add(Campaign(year, contract.id if contract else None))

    @staticmethod
    def _holder(repos: Repositories, values: Mapping[str, Any]) -> Holder | None:
        siret, name = values.get("siret"), values.get("holder_name")
        if siret:
            found = repos.holders.by_siret(siret)
            if found:
                return found[0]
        if not name:
            return None
        wanted = header_key(name)
        for holder in repos.holders.all():
            if header_key(holder.legal_name) == wanted or header_key(holder.display_name) == wanted:
                return holder
        kind = HolderKind(values["holder_kind"]) if values.get("holder_kind") else HolderKind.OTHER
        return repos.holders.add(Holder(legal_name=name, kind=kind, siret=siret or ""))


class _Differ:
    """Old → new for each updatable cell of a row against one action and its funding lines.

    What each mapped column is (its layout column, funder part, header) is worked out once
    per reading, not once per cell.
    """

    def __init__(self, reading: SheetReading) -> None:
        self.sheet = reading.sheet
        layout = reading.layout
        self.fields = [
            (key, layout.column(key), parse_funder_key(key), reading.header_label(index))
            for index, key in reading.mapping.items()
            if layout.column(key).updatable
        ]
        self.funder_keys = [key for key in reading.mapping.values() if parse_funder_key(key)]

    def amount(self, values: Mapping[str, Any]) -> int:
        return sum(values.get(key) or 0 for key in self.funder_keys)

    def diff(
        self,
        action: Action,
        lines: dict[int, FundingLine],
        values: Mapping[str, Any],
        row: int,
    ) -> tuple[list[CellChange], list[RowIssue]]:
        changes: list[CellChange] = []
        errors: list[RowIssue] = []
        for key, column, funder, label in self.fields:
            new = values.get(key)
            if new is None and key in NEVER_CLEARED:
                continue
            if funder is not None:
                line = lines.get(funder[0])
                old = getattr(line, f"{funder[1]}_cents") if line else None
                if new is None and funder[1] == "requested":
                    continue
            else:
                old = _action_value(action, key)
            if column.kind in (CellKind.TEXT, CellKind.LONG_TEXT):
                old, new = old or None, new or None
            if old == new:
                continue
            if key == "status":
                try:
                    check_transition(action.status, ActionStatus(new))
                except ValidationError as error:
                    errors.append(
                        RowIssue(self.sheet, row, label, column.label_of(new), str(error))
                    )
                    continue
            changes.append(
                CellChange(key, label, display(column, old), display(column, new), old, new)
            )
        return changes, errors


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


def _action_value(action: Action, key: str) -> Any:
    if key == "beneficiaries_total":
        return action.beneficiaries.total
    value = getattr(action, key)
    if isinstance(value, (ActionStatus, Opinion)):
        return value.value
    if key == "dauphin_number":
        return value or None
    return value


def _sql(key: str, value: Any) -> Any:
    if key in ("dauphin_number", "target_public", "observations", "title"):
        return value or ""
    if key in ("start_date", "end_date") and value is not None:
        return value.isoformat()
    return value
