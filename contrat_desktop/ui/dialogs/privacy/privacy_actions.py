"""RGPD actions on one person: export everything the dossier holds on them (a workbook
written off the GUI thread, on its own read-only connection), and erasure (anonymisation)
after a confirmation that names the person and says what becomes of the backups holding
them."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

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
    """Confirm, naming the person and listing the backups that hold them (to rewrite,
    delete or keep), then erase their personal data everywhere in the file and say which
    copies still hold it."""
    if session.read_only:
        return False
    from contrat_desktop.operations.privacy_backups import erase_person, erasure_preview
    from contrat_desktop.ui.dialogs.privacy.erasure_dialog import (
        ErasureDialog,
        still_holding_text,
    )

    try:
        _target, holding = erasure_preview(session.dossier, person_id)
    except (DossierError, ValidationError) as error:
        QMessageBox.warning(parent, "Anonymisation impossible", str(error))
        return False
    dialog = ErasureDialog(name, holding, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    progress = QProgressDialog("Réécriture des sauvegardes…", "", 0, len(holding) or 1, parent)
    progress.setCancelButton(None)  # a half-purged set of backups helps nobody
    progress.setMinimumDuration(500)

    def step(done: int, total: int) -> None:
        progress.setValue(done)
        QApplication.processEvents()

    try:
        erasure = erase_person(session.dossier, person_id, date.today(), dialog.choice(), step)
    except (DossierError, ValidationError) as error:
        QMessageBox.warning(
            parent, "Anonymisation impossible", f"Anonymisation de « {name} » refusée : {error}"
        )
        return False
    finally:
        progress.close()
    session.undo_stack.clear()  # an undo must never write the erased values back
    session.notify("council_member")
    _status(parent, f"Données personnelles de {name} effacées.")
    QMessageBox.information(
        parent,
        "Données effacées",
        still_holding_text(
            name, erasure.still_holding, len(erasure.rewritten), len(erasure.deleted)
        ),
    )
    return True
