"""The processing notice of the conseil citoyen (RGPD record and information text).

The text is a resource, ``resources/rgpd/traitement-conseil-citoyen.html``, reviewed like any
document; this module fills in what the dossier knows: the organisation and service, the
councils, the retention periods of the settings and the backup rotation.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from string import Template

from contrat_desktop.domain.french_dates import long_date
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.operations.council_privacy import load_retention
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.paths import resource_path
from contrat_desktop.storage.backup import KEEP_PER_REASON
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

NOTICE_FILE = ("rgpd", "traitement-conseil-citoyen.html")
MISSING_ORGANISATION = "[nom de la collectivité à compléter dans les réglages]"


def privacy_notice(dossier: Dossier, today: date) -> str:
    """The notice as an HTML page, filled in from the dossier."""
    documents = load_document_settings(dossier)
    retention = load_retention(dossier)
    councils = [c.name for c in Repositories(dossier).councils.all()]
    organisation = documents.organisation_name or MISSING_ORGANISATION
    service = documents.service_name
    values = {
        "organisation": organisation,
        "service_line": f" ({service})" if service else "",
        "councils": " et ".join(f"« {name} »" for name in councils) or "son conseil citoyen",
        "contact": service or organisation,
        "retention_months": str(retention.member_months),
        "list_retention_months": str(retention.list_months),
        "daily_backups": str(KEEP_PER_REASON["quotidienne"]),
        "today": long_date(today),
    }
    text = resource_path(*NOTICE_FILE).read_text(encoding="utf-8")
    return Template(text).substitute({k: html.escape(v) for k, v in values.items()})


def write_privacy_notice(dossier: Dossier, target: str | Path, today: date) -> Path:
    """The notice as a web page (``.html``, ``.htm``); any other extension is refused."""
    file_format(target, (".html", ".htm"))
    with replaced_atomically(target) as temporary:
        temporary.write_text(privacy_notice(dossier, today), encoding="utf-8")
    return Path(target)
