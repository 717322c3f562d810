"""Holders (porteurs) as rows."""

from __future__ import annotations

from contrat_desktop.domain.holders import Holder
from contrat_desktop.storage.table_repository import Repository


class HolderRepository(Repository[Holder]):
    table = "holder"
    model = Holder
    order_by = "legal_name COLLATE NOCASE"

    def by_siret(self, siret: str) -> list[Holder]:
        return self._select("WHERE siret = ?", [siret])

    def display_names(self) -> dict[int, str]:
        """Id → display name of every holder (``Holder.display_name``), in name order: two
        columns read, not thousands of holders built (the window reads it at start-up)."""
        return {
            holder_id: f"{name} ({acronym})" if acronym else name
            for holder_id, name, acronym in self.db.execute(
                f"SELECT id, legal_name, acronym FROM holder ORDER BY {self.order_by}"
            )
        }
