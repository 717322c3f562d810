"""Funders and their yearly envelopes, with what is committed and paid against them."""

from __future__ import annotations

from contrat_desktop.domain.funders import Envelope, EnvelopeUse, Funder
from contrat_desktop.storage.table_repository import Repository

_SUMS = """
SELECT fl.funder_id, c.year, sum(fl.granted_cents),
       sum((SELECT coalesce(sum(CASE p.kind WHEN 'reversement'
                THEN -p.amount_cents ELSE p.amount_cents END), 0)
            FROM payment p WHERE p.funding_line_id = fl.id))
FROM funding_line fl
JOIN action a ON a.id = fl.action_id
JOIN campaign c ON c.id = a.campaign_id
WHERE {where}
GROUP BY fl.funder_id, c.year
"""


class FunderRepository(Repository[Funder]):
    table = "funder"
    model = Funder
    order_by = "position, name"

    def by_name(self, name: str) -> Funder | None:
        found = self._select("WHERE name = ?", [name])
        return found[0] if found else None


class EnvelopeRepository(Repository[Envelope]):
    table = "envelope"
    model = Envelope
    order_by = "year, funder_id"

    def for_year(self, year: int) -> list[Envelope]:
        return self._select("WHERE year = ?", [year])

    def for_funder(self, funder_id: int) -> list[Envelope]:
        return self._select("WHERE funder_id = ?", [funder_id])

    def use(self, year: int) -> list[EnvelopeUse]:
        """Each envelope of ``year`` with the sums granted and paid on that year's actions."""
        sums = self._sums("c.year = ?", [year])
        return [
            EnvelopeUse(envelope, *sums.get((envelope.funder_id, year), (0, 0)))
            for envelope in self.for_year(year)
        ]

    def history(self, funder_id: int) -> list[EnvelopeUse]:
        """Every year of one funder, latest first: its envelopes, and the years where it
        granted money without an envelope (shown with ``id=None`` and an amount of 0)."""
        sums = self._sums("fl.funder_id = ?", [funder_id])
        envelopes = {e.year: e for e in self.for_funder(funder_id)}
        years = envelopes.keys() | {year for _, year in sums}
        return [
            EnvelopeUse(
                envelopes.get(year) or Envelope(funder_id, year, 0, id=None),
                *sums.get((funder_id, year), (0, 0)),
            )
            for year in sorted(years, reverse=True)
        ]

    def _sums(self, where: str, params: list[object]) -> dict[tuple[int, int], tuple[int, int]]:
        return {
            (funder_id, year): (committed or 0, paid or 0)
            for funder_id, year, committed, paid in self.db.execute(
                _SUMS.format(where=where), params
            )
        }
