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
        """Id → display name of every holder, in name order."""
        return {h.id: h.display_name for h in self.all() if h.id is not None}
