"""The RGPD processing notice: loaded from its resource, filled in from the dossier."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.privacy import RetentionSettings
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.operations.council_notice import (
    MISSING_ORGANISATION,
    privacy_notice,
    write_privacy_notice,
)
from contrat_desktop.operations.council_privacy import save_retention
from contrat_desktop.operations.settings import save_document_settings
from contrat_desktop.storage.database import Dossier

HEADINGS = (
    "Responsable du traitement",
    "Finalité",
    "Base légale",
    "Catégories de données",
    "Personnes concernées",
    "Destinataires",
    "Durées de conservation",
    "Droits des personnes et contact",
    "Sécurité",
)


def test_the_notice_has_every_heading_and_the_configured_retention(
    dossier: Dossier, council: CitizenCouncil
) -> None:
    save_document_settings(
        dossier, DocumentSettings("Ville de Villiers-sur-Marne", "Service politique de la ville")
    )
    save_retention(dossier, RetentionSettings(18, 3))
    page = privacy_notice(dossier, date(2026, 5, 4))
    assert re.findall(r"<h2>(.*?)</h2>", page) == list(HEADINGS)
    assert "loi n° 2014-173 du 21 février 2014" in page and "article 7" in page
    assert "puis 18 mois après la sortie" in page and "3 mois après le dernier tirage" in page
    assert "Ville de Villiers-sur-Marne (Service politique de la ville)" in page
    assert "« Conseil citoyen des Hautes-Noues »" in page
    assert "lundi 4 mai 2026" in page and "$" not in page


def test_an_unset_organisation_is_flagged_and_text_is_escaped(
    dossier: Dossier, tmp_path: Path
) -> None:
    page = privacy_notice(dossier, date(2026, 5, 4))
    assert MISSING_ORGANISATION in page and "24 mois" in page and "son conseil citoyen" in page
    save_document_settings(dossier, DocumentSettings("Ville <A & B>"))
    target = write_privacy_notice(dossier, tmp_path / "rgpd.html", date(2026, 5, 4))
    written = target.read_text(encoding="utf-8")
    assert "Ville &lt;A &amp; B&gt;" in written and "<A & B>" not in written
