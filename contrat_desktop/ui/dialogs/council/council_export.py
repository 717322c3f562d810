"""The member list of the conseil citoyen for the préfecture (a workbook or a PDF, chosen
by the file type), written off the GUI thread on its own read-only connection."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.operations.council_members import export_council_members
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import PDF_FILTER, ask_save_workbook


def export_members_from(
    parent: QWidget, session: DossierSession, council_id: int, name: str, day: date
) -> Task | None:
    """Ask where (.xlsx, .ods or .pdf), then write the list of the members sitting on ``day``."""
    default = session.dossier.path.parent / f"membres-conseil-citoyen-{day:%Y-%m-%d}.xlsx"
    title = f"Liste des membres au {format_date(day)} – {name}"
    target = ask_save_workbook(parent, title, default, extra=(PDF_FILTER,))
    if target is None:
        return None
    task = read_in_background(
        session.dossier, lambda reader: export_council_members(reader, council_id, target, day)
    )
    window = parent.window()
    status = window.statusBar() if hasattr(window, "statusBar") else None
    if status is not None:
        status.showMessage(f"Préparation de la liste des membres de « {name} »…")
    task.succeeded.connect(
        lambda _t: status is not None and status.showMessage(f"Liste écrite : {target}", 8000)
    )
    task.failed.connect(
        lambda error: QMessageBox.warning(
            parent, "Liste non écrite", f"Écriture de « {target} » impossible : {error}"
        )
    )
    return task
