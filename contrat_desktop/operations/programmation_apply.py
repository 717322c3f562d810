"""Writing a programmation plan, in the caller's transaction: changed actions and funding
lines, new actions with their holders and campaigns when asked.

Every write goes through storage (domain values, converted by ``storage/conversions.py``,
audited and versioned): a changed row writes only its changed fields
(``Repository.update_fields``); new actions and their funding lines go in through the bulk
writer of ``storage/renewals.py`` (one statement per record, their audit and first statuses
gathered), with the audit they would get one by one. Holders, campaigns and reference
numbers are looked up once per import and kept up to date as rows are created, so creating
100 000 actions costs 100 000 times one, not 100 000².
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.exchange.headers import header_key
from contrat_desktop.exchange.programmation_layout import parse_funder_key
from contrat_desktop.exchange.state_columns import EJ_KEY
from contrat_desktop.operations.import_plan import ImportPlan, PlannedRow
from contrat_desktop.operations.programmation_funding import FUNDING_KEYS
from contrat_desktop.storage.action_state import STORED_COLUMN
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.renewals import RenewalWriter
from contrat_desktop.storage.repositories import Repositories

NEW_REFERENCE_CODE = "IMP"
STATUS = "status"


class ProgrammationWriter:
    """Writes the rows of one plan; keeps its look-ups across rows."""

    def __init__(self, dossier: Dossier, repos: Repositories, plan: ImportPlan) -> None:
        self.dossier = dossier
        self.repos = repos
        self.comment = f"Import du classeur « {plan.file_name} »"
        self._created: RenewalWriter | None = None  # new actions go in in bulk
        self._holders: _HolderIndex | None = None
        self._campaigns: dict[int, Campaign] = {}
        self._sequences: dict[int, int] = {}

    # changed rows -------------------------------------------------------------------
    def update(self, planned: PlannedRow) -> None:
        assert planned.target_id is not None and planned.expected_version is not None
        action_id, version = planned.target_id, planned.expected_version
        fields: dict[str, Any] = {}
        amounts: dict[int, dict[str, int | None]] = {}
        status: str | None = None
        for change in planned.changes:
            funder = parse_funder_key(change.key)
            if funder is not None:
                amounts.setdefault(funder[0], {})[f"{funder[1]}_cents"] = change.new_value
            elif change.key == STATUS:
                status = change.new_value
            elif change.key == EJ_KEY or change.key in FUNDING_KEYS:
                continue  # the EJ: reconcile_apply; acts and bilans: programmation_funding
            else:
                fields[STORED_COLUMN.get(change.key, change.key)] = change.new_value
        if fields:
            version = self.repos.actions.update_fields(action_id, version, fields)
        if amounts:
            self._set_amounts(action_id, amounts)
        if status is not None:  # refused (ConflictError) if the action moved on since
            action = replace(self.repos.actions.get(action_id), version=version)
            self.repos.actions.change_status(action, ActionStatus(status), self.comment)

    def _set_amounts(self, action_id: int, amounts: Mapping[int, Mapping[str, int | None]]) -> None:
        lines = {line.funder_id: line for line in self.repos.funding_lines.for_action(action_id)}
        for funder_id, parts in amounts.items():
            line = lines.get(funder_id)
            if line is None or line.id is None:
                values = {part: cents or 0 for part, cents in parts.items()}
                self.repos.funding_lines.add(FundingLine(action_id, funder_id, **values))
            else:
                self.repos.funding_lines.update_fields(line.id, line.version, parts)

    # new rows -----------------------------------------------------------------------
    def create(self, planned: PlannedRow) -> bool:
        """Create the row's action (its holder and campaign if need be); False when the row
        lacks what that needs."""
        values = planned.values
        title, year = values.get("title"), planned.year
        if not title or not year:
            return False
        holder = self._holder(values)
        if holder is None or holder.id is None:
            return False
        campaign = self._campaign(year)
        assert campaign.id is not None
        action = Action(
            reference=self._next_reference(year),
            title=title,
            holder_id=holder.id,
            campaign_id=campaign.id,
            dauphin_number=values.get("dauphin_number") or "",
            framework_node_id=values.get("framework"),
            target_public=values.get("target_public") or "",
            start_date=values.get("start_date"),
            end_date=values.get("end_date"),
            total_cost_cents=values.get("total_cost_cents") or 0,
            opinion=Opinion(values["opinion"]) if values.get("opinion") else None,
            observations=values.get("observations") or "",
        )
        amounts: dict[int, dict[str, int]] = {}
        for key, cents in values.items():
            funder = parse_funder_key(key)
            if funder is not None and cents is not None:
                amounts.setdefault(funder[0], {})[f"{funder[1]}_cents"] = cents
        if self._created is None:
            self._created = RenewalWriter(self.dossier, comment=self.comment)
        self._created.add(action, [FundingLine(0, f, **parts) for f, parts in amounts.items()])
        return True

    def finish(self) -> None:
        """Write what is gathered for the new actions (before the transaction ends)."""
        if self._created is not None:
            self._created.finish()

    def _campaign(self, year: int) -> Campaign:
        campaign = self._campaigns.get(year)
        if campaign is None:
            campaign = self.repos.campaigns.by_year(year)
            if campaign is None:
                contract = self.repos.contracts.main()
                campaign = self.repos.campaigns.add(
                    Campaign(year, contract.id if contract else None)
                )
            self._campaigns[year] = campaign
        return campaign

    def _next_reference(self, year: int) -> str:
        sequence = self._sequences.get(year)
        if sequence is None:
            sequence = self.repos.actions.next_sequence(year, NEW_REFERENCE_CODE)
        self._sequences[year] = sequence + 1
        return f"{year}-{NEW_REFERENCE_CODE}-{sequence:03d}"

    def _holder(self, values: Mapping[str, Any]) -> Holder | None:
        if self._holders is None:
            self._holders = _HolderIndex(self.repos.holders.all())
        siret, name = values.get("siret"), values.get("holder_name")
        found = self._holders.find(siret, name)
        if found is not None or not name:
            return found
        kind = HolderKind(values["holder_kind"]) if values.get("holder_kind") else HolderKind.OTHER
        holder = self.repos.holders.add(Holder(legal_name=name, kind=kind, siret=siret or ""))
        self._holders.add(holder)
        return holder


class _HolderIndex:
    """The dossier's holders by SIRET and by name (as compared: no case, accents, marks)."""

    def __init__(self, holders: list[Holder]) -> None:
        self.by_siret: dict[str, Holder] = {}
        self.by_name: dict[str, Holder] = {}
        for holder in holders:
            self.add(holder)

    def add(self, holder: Holder) -> None:
        if holder.siret:
            self.by_siret.setdefault(holder.siret, holder)
        self.by_name.setdefault(header_key(holder.legal_name), holder)
        self.by_name.setdefault(header_key(holder.display_name), holder)

    def find(self, siret: str | None, name: str | None) -> Holder | None:
        if siret and (holder := self.by_siret.get(siret)):
            return holder
        return self.by_name.get(header_key(name)) if name else None
