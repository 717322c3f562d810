"""Fichier › Exporter le classeur des bilans : one row per granted action of the campaign,
pre-filled, for holders and services to fill and send back (read by Importer un classeur)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.operations.bilans_exchange import BilanExport, export_bilans
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, TaskControl
from contrat_desktop.ui.dialogs.documents.written_file import write_in_background
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_workbook

TITLE = "Exporter le classeur des bilans"


def export_bilans_from(parent: QWidget, session: DossierSession) -> Task | None:
    year = session.campaign_year
    if year is None:
        QMessageBox.information(parent, TITLE, "Ce dossier ne contient encore aucune campagne.")
        return None
    suggested = session.dossier.path.parent / f"bilans-{year}.xlsx"
    target = ask_save_workbook(parent, f"{TITLE} – campagne {year}", suggested)
    if target is None:
        return None

    def work(reader: Dossier, _control: TaskControl) -> BilanExport:
        return export_bilans(reader, year, target)

    def done(summary: BilanExport) -> str:
        return (
            f"Classeur des bilans {year} écrit ({summary.actions} actions, dont "
            f"{summary.filled} avec leur bilan) : {summary.path}"
        )

    return write_in_background(parent, session.dossier, TITLE, work, done)
