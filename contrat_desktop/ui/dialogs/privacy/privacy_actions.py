"""RGPD actions on one person: export everything the dossier holds on them (a workbook
written off the GUI thread, on its own read-only connection), and erasure (anonymisation)
after a confirmation that names the person."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.operations.council_privacy import export_person
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_workbook


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "personne"


def _status(widget: QWidget, text: str) -> None:
    window = widget.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 8000)


def export_person_from(
    parent: QWidget, session: DossierSession, person_id: int, name: str
) -> Task | None:
    """Ask where, then write the person's workbook off the GUI thread."""
    default = session.dossier.path.parent / f"donnees-personnelles-{_slug(name)}.xlsx"
    target = ask_save_workbook(parent, f"Exporter les données personnelles de {name}", default)
    if target is None:
        return None
    task = read_in_background(
        session.dossier, lambda reader: export_person(reader, person_id, target)
    )
    _status(parent, f"Export des données de {name}…")
    task.succeeded.connect(
        lambda _target: _status(parent, f"Données de {name} exportées : {target}")
    )
    task.failed.connect(
        lambda error: QMessageBox.warning(
            parent,
            "Export non écrit",
            f"Les données de {name} n'ont pas pu être écrites dans « {target} » : {error}",
        )
    )
    return task


def anonymise_from(parent: QWidget, session: DossierSession, person_id: int, name: str) -> bool:
    """Confirm, naming the person, then erase their personal data everywhere in the file."""
    if session.read_only:
        return False
    answer = QMessageBox.question(
        parent,
        "Anonymiser une personne",
        f"Effacer définitivement les données personnelles de « {name} » ?\n\n"
        "Son nom, ses coordonnées, son année de naissance et son quartier seront effacés "
        "partout dans le dossier (fiches, listes de tirage, procès-verbaux, historique). "
        "Ses mandats restent comptés, sous le nom « Personne anonymisée ». "
        "Cette opération ne peut pas être annulée ; les anciennes sauvegardes contiennent "
        "encore ces données jusqu'à leur rotation.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from contrat_desktop.operations.council_privacy import anonymise_person

    try:
        anonymise_person(session.dossier, person_id, date.today())
    except (DossierError, ValidationError) as error:
        QMessageBox.warning(
            parent, "Anonymisation impossible", f"Anonymisation de « {name} » refusée : {error}"
        )
        return False
    session.undo_stack.clear()  # an undo must never write the erased values back
    session.notify("council_member")
    _status(parent, f"Données personnelles de {name} effacées.")
    return True
