"""The dossier's schema version as people read it: the number of its last migration and
what that step brought, in French (``info``, the about box)."""

from __future__ import annotations

# One line per migration of ``migrations.py``: what a dossier at that version can hold.
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
}


def schema_label(name: str) -> str:
    """« 17 (versements suivis par ligne de financement) » for ``0017_paid_on_lines``."""
    number, _, _rest = name.partition("_")
    shown = str(int(number)) if number.isdigit() else name
    meaning = SCHEMA_MEANINGS.get(name)
    return f"{shown} ({meaning})" if meaning else shown
