"""Fichier › Exporter les subventions (données ouvertes) : the campaign's grants as an SCDL
file, written in the background; the grants left out are listed with their reason."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.operations.open_data import ScdlSummary, export_scdl
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, TaskControl
from contrat_desktop.ui.dialogs.documents.written_file import ask_target, write_in_background
from contrat_desktop.ui.session import DossierSession

TITLE = "Exporter les subventions (données ouvertes SCDL)"
SHOWN = 15


def export_open_data(parent: QWidget, session: DossierSession) -> Task | None:
    year = session.campaign_year
    if year is None:
        QMessageBox.information(parent, TITLE, "Ce dossier ne contient encore aucune campagne.")
        return None
    suggested = session.dossier.path.parent / f"subventions-{year}.csv"
    target = ask_target(parent, f"{TITLE} – campagne {year}", suggested, "Fichiers CSV (*.csv)")
    if target is None:
        return None

    def work(reader: Dossier, _control: TaskControl) -> ScdlSummary:
        return export_scdl(reader, year, target)

    def done(summary: ScdlSummary) -> str:
        if summary.left_out:
            lines = "\n".join(f"• {left.describe()}" for left in summary.left_out[:SHOWN])
            more = len(summary.left_out) - SHOWN
            QMessageBox.information(
                parent,
                TITLE,
                f"{summary.rows} subvention(s) écrite(s) dans « {target.name} ». "
                f"{len(summary.left_out)} n'ont pas pu l'être :\n{lines}"
                + (f"\n… et {more} autre(s)." if more > 0 else ""),
            )
        return f"Subventions {year} exportées ({summary.rows}) : {summary.path}"

    return write_in_background(parent, session.dossier, TITLE, work, done)
