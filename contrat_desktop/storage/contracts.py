"""The contract, its communes and districts, and the campaigns (one per year)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from contrat_desktop.domain.contract import Campaign, Commune, Contract, District
from contrat_desktop.storage.conversions import Row, to_row
from contrat_desktop.storage.table_repository import Repository


class ContractRepository(Repository[Contract]):
    table = "contract"
    model = Contract

    def main(self) -> Contract | None:
        """The dossier's contract (one dossier usually holds one)."""
        contracts = self.all()
        return contracts[0] if contracts else None

    def _row(self, obj: Contract) -> Row:
        row = to_row(obj, skip=("id", "version"))
        row["signatories"] = json.dumps(list(obj.signatories), ensure_ascii=False)
        return row

    def _links(self, row: Row) -> dict[str, Any]:
        communes = tuple(CommuneRepository(self.dossier).for_contract(row["id"]))
        return {"signatories": tuple(json.loads(row["signatories"])), "communes": communes}

    def _save_links(self, row_id: int, obj: Contract) -> bool:
        existing = {
            c.insee_code: c for c in self._links({"id": row_id, "signatories": "[]"})["communes"]
        }
        wanted = {c.insee_code: c for c in obj.communes}
        for code in existing.keys() - wanted.keys():
            self.writer.delete("commune", existing[code].id or 0)
        for code in wanted.keys() - existing.keys():
            self.writer.insert(
                "commune", {"contract_id": row_id, "insee_code": code, "name": wanted[code].name}
            )
        return existing.keys() != wanted.keys()


class CommuneRepository(Repository[Commune]):
    """The communes of the contract's territory (a contract may cover several towns)."""

    table = "commune"
    model = Commune
    order_by = "name"

    def for_contract(self, contract_id: int) -> list[Commune]:
        return self._select("WHERE contract_id = ?", [contract_id])


class DistrictRepository(Repository[District]):
    table = "district"
    model = District
    order_by = "code"

    def _row(self, obj: District) -> Row:
        row = to_row(obj, skip=("id", "version"))
        row["commune_codes"] = json.dumps(list(obj.commune_codes))
        return row

    def _links(self, row: Row) -> dict[str, Any]:
        return {"commune_codes": tuple(json.loads(row["commune_codes"]))}

    def action_counts(self) -> dict[int, int]:
        """District id → number of actions (all campaigns) that target it."""
        return dict(
            self.db.execute(
                "SELECT district_id, count(*) FROM action_district GROUP BY district_id"
            ).fetchall()
        )

    def actions_targeting(self, district_ids: list[int]) -> int:
        """How many actions (each counted once) target at least one of ``district_ids``."""
        marks = ", ".join("?" for _ in district_ids)
        row = self.db.execute(
            f"SELECT count(DISTINCT action_id) FROM action_district WHERE district_id IN ({marks})",
            district_ids,
        ).fetchone()
        return int(row[0])


class CampaignRepository(Repository[Campaign]):
    table = "campaign"
    model = Campaign
    order_by = "year"

    def by_year(self, year: int) -> Campaign | None:
        found = self._select("WHERE year = ?", [year])
        return found[0] if found else None

    def years(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT year FROM campaign ORDER BY year")]

    def _row(self, obj: Campaign) -> Row:
        row = to_row(obj, skip=("id", "version"))
        row["committee_dates"] = json.dumps([d.isoformat() for d in obj.committee_dates])
        return row

    def _links(self, row: Row) -> dict[str, Any]:
        dates = tuple(date.fromisoformat(text) for text in json.loads(row["committee_dates"]))
        return {"committee_dates": dates}
