"""The dossier's schema version as people read it: the number of its last migration and
what that step brought, in French (``info``, the about box); which migrations a dossier has
and lacks, read with plain SQL (opening a dossier needs no sqlite-utils import)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "contrat_desktop"  # the name of ``migrations.MIGRATIONS``
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records the applied ones

# One line per migration of ``migrations.py``, in its order: what a dossier at that version
# can hold (a test checks both lists agree).
SCHEMA_MEANINGS: dict[str, str] = {
    "0001_initial": "dossier de base : actions, porteurs, financeurs, cadre stratégique",
    "0002_exchange": "imports et exports de classeurs",
    "0003_action_search": "recherche dans les actions",
    "0004_meetings": "réunions des instances",
    "0005_council": "conseil citoyen",
    "0006_exchange_identity": "actions retrouvées d'un classeur à l'autre",
    "0007_journal_indexes": "journal des modifications plus rapide",
    "0008_seed_settings": "logo et durées de conservation dans les paramètres",
    "0009_commune_version": "communes modifiables",
    "0010_campaign_closed": "campagnes closes",
    "0011_funder_siret": "SIRET des financeurs",
    "0012_funding_cycle": "cycle du financement : décisions, actes, versements",
    "0013_holder_dissolved": "porteurs dissous",
    "0014_bilan_texts": "textes du bilan annuel",
    "0015_request_file": "pièces du dossier de demande",
    "0016_reconciliation": "rapprochement avec les listes de l'État",
    "0017_paid_on_lines": "versements suivis par ligne de financement",
    "0018_money_totals": "totaux des financements tenus à jour (« À faire » plus rapide)",
    "0019_reminder_indexes": "index des rappels (« À faire » plus rapide encore)",
}


def schema_label(name: str) -> str:
    """« 17 (versements suivis par ligne de financement) » for ``0017_paid_on_lines``."""
    number, _, _rest = name.partition("_")
    shown = str(int(number)) if number.isdigit() else name
    meaning = SCHEMA_MEANINGS.get(name)
    return f"{shown} ({meaning})" if meaning else shown


def known_names() -> list[str]:
    """Every migration this version of the application knows, in order."""
    return list(SCHEMA_MEANINGS)


def applied_names(db: Database) -> list[str]:
    """The migrations a dossier has, in the order they were applied."""
    found = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()[0]
    if not found:
        return []
    rows = db.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [name for (name,) in rows]


def pending_names(db: Database) -> list[str]:
    """The known migrations a dossier lacks, in order."""
    applied = set(applied_names(db))
    return [name for name in known_names() if name not in applied]
