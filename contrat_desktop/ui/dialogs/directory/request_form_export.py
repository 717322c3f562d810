"""A holder's pre-filled request form for a campaign, as a PDF to complete by hand or as a
workbook (.xlsx, .ods) that comes back through « Importer un classeur… »."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from contrat_desktop.domain.file_names import slug
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task
from contrat_desktop.ui.dialogs.actions.sheet_export import choose_target, write_document
from contrat_desktop.ui.session import DossierSession

FILTERS = "PDF (*.pdf);;Classeur Excel (*.xlsx);;Classeur LibreOffice (*.ods)"


def export_request_form(
    parent: QWidget, session: DossierSession, holder_id: int, holder_name: str
) -> Task | None:
    years = sorted(session.references.campaigns, reverse=True)
    if not years:
        return None
    current = session.campaign_year or years[0]
    labels = [f"Campagne {year}" for year in years]
    chosen, accepted = QInputDialog.getItem(
        parent,
        "Formulaire de demande",
        f"Formulaire de demande de {holder_name}, pour la campagne :",
        labels,
        years.index(current) if current in years else 0,
        False,
    )
    if not accepted:
        return None
    year = years[labels.index(chosen)]
    name = f"demande-{year}-{slug(holder_name, 'porteur')}.pdf"
    target = choose_target(parent, session, "Formulaire de demande", name, FILTERS)
    if target is None:
        return None

    def write(reader: Dossier) -> Path:
        from contrat_desktop.operations.request_forms import write_request_form

        return write_request_form(reader, holder_id, year, target)

    return write_document(parent, session, f"formulaire de demande {year}", write)
