"""Counts per entity, for ``info`` and the start window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

COUNTED_TABLES: dict[str, str] = {
    "contract": "Contrats",
    "commune": "Communes",
    "district": "Quartiers (QPV)",
    "campaign": "Campagnes",
    "framework_node": "Éléments du cadre stratégique",
    "holder": "Porteurs",
    "funder": "Financeurs",
    "envelope": "Enveloppes",
    "action": "Actions",
    "funding_line": "Lignes de financement",
    "payment": "Versements",
    "report": "Bilans",
    "attachment": "Pièces jointes",
    "body": "Instances",
    "status_change": "Changements de statut",
    "audit": "Entrées du journal d'audit",
}


def entity_counts(db: Database) -> dict[str, int]:
    present = set(db.table_names())
    return {
        table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in COUNTED_TABLES
        if table in present
    }


def actions_per_year(db: Database) -> dict[int, int]:
    return {
        year: count
        for year, count in db.execute(
            "SELECT c.year, count(a.id) FROM campaign c LEFT JOIN action a "
            "ON a.campaign_id = c.id GROUP BY c.year ORDER BY c.year"
        )
    }


def granted_per_year(db: Database) -> dict[int, int]:
    """Sum of granted amounts (cents) per campaign year."""
    return {
        year: total or 0
        for year, total in db.execute(
            "SELECT c.year, sum(fl.granted_cents) FROM campaign c"
            " JOIN action a ON a.campaign_id = c.id"
            " JOIN funding_line fl ON fl.action_id = a.id GROUP BY c.year ORDER BY c.year"
        )
    }


def has_rows(db: Database, table: str) -> bool:
    """Whether ``table`` (one of the schema's) holds anything: the home page asks before it
    loads the code of the meetings or of the conseil citoyen."""
    return bool(db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0])
