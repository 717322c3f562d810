"""Bulk loading for large generated dossiers: plain inserts inside the caller's transaction.

The measured fast path (ARCHITECTURE.md): many rows with ``executemany`` in one transaction.
No per-row audit here; the caller notes one summary entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from contrat_desktop.storage.database import Dossier


class BulkLoader:
    def __init__(self, dossier: Dossier) -> None:
        dossier.writer.check_writable()
        self.db = dossier.db

    def insert(self, table: str, values: dict[str, object]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())
        )
        return int(cursor.lastrowid or 0)

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
    ) -> None:
        marks = ", ".join("?" for _ in columns)
        self.db.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
        )

    def envelopes_from_funding(self, campaign_id: int, year: int, margin_percent: int) -> None:
        """One envelope per funder of the campaign: what it granted (or was asked) plus a margin."""
        self.db.execute(
            """
            INSERT INTO envelope (funder_id, year, amount_cents)
            SELECT fl.funder_id, :year,
                   (sum(coalesce(fl.granted_cents, fl.requested_cents)) * (100 + :margin) / 100
                    + 99999) / 100000 * 100000
            FROM funding_line fl JOIN action a ON a.id = fl.action_id
            WHERE a.campaign_id = :campaign
            GROUP BY fl.funder_id
            """,
            {"year": year, "margin": margin_percent, "campaign": campaign_id},
        )
