"""Funders and their yearly envelopes, with what is committed and paid against them."""

from __future__ import annotations

from contrat_desktop.domain.funders import Envelope, EnvelopeUse, Funder
from contrat_desktop.storage.repository import Repository


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

    def use(self, year: int) -> list[EnvelopeUse]:
        """Each envelope of ``year`` with the sums granted and paid on that year's actions."""
        sums = {
            funder_id: (committed or 0, paid or 0)
            for funder_id, committed, paid in self.db.execute(
                """
                SELECT fl.funder_id, sum(fl.granted_cents),
                       sum((SELECT coalesce(sum(CASE p.kind WHEN 'reversement'
                                THEN -p.amount_cents ELSE p.amount_cents END), 0)
                            FROM payment p WHERE p.funding_line_id = fl.id))
                FROM funding_line fl
                JOIN action a ON a.id = fl.action_id
                JOIN campaign c ON c.id = a.campaign_id
                WHERE c.year = ?
                GROUP BY fl.funder_id
                """,
                [year],
            )
        }
        return [
            EnvelopeUse(envelope, *sums.get(envelope.funder_id, (0, 0)))
            for envelope in self.for_year(year)
        ]
