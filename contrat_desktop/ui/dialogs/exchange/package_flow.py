"""The "Envois" of the File menu: make a service copy (main dossier), write the envoi (a
service copy) or the retour (the main dossier) of the campaign's chosen actions, and open a
package: read and compared off the GUI thread, previewed, then applied on it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.file_names import slug
from contrat_desktop.domain.packages import PACKAGE_SUFFIX, DossierRole
from contrat_desktop.exchange.package_file import PackageRefused
from contrat_desktop.operations.package_apply import apply_package
from contrat_desktop.operations.package_plan import ReadPackage, plan_package
from contrat_desktop.operations.package_write import (
    WrittenPackage,
    record_written_package,
    write_package_file,
)
from contrat_desktop.operations.programmation import load_programmation
from contrat_desktop.operations.service_copy import identity_of, make_service_copy
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.background import Task, read_in_background
from contrat_desktop.ui.dialogs.exchange.package_dialog import PackageDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ask_save_path

log = logging.getLogger(__name__)
FILTER = f"Envois contrat_desktop (*{PACKAGE_SUFFIX})"
_REFUSED = (PackageRefused, DossierError, ValidationError, OSError)


def is_main_dossier(session: DossierSession) -> bool:
    return identity_of(session.dossier).role is DossierRole.MAIN


def make_service_copy_from(parent: QWidget, session: DossierSession) -> None:
    """Ask the service's name and where to put its copy, then write it."""
    service, ok = QInputDialog.getText(
        parent,
        "Créer une copie pour un service",
        "Service (ou porteur) qui travaillera sur la copie :",
    )
    if not ok or not service.strip():
        return
    source = session.dossier.path
    chosen = ask_save_path(
        parent,
        "Enregistrer la copie du service",
        source.with_name(f"{slug(service)}.cdv"),
        ["Dossiers (*.cdv)"],
    )
    if not chosen:
        return
    try:
        target = make_service_copy(session.dossier, service, chosen)
    except _REFUSED as error:
        QMessageBox.warning(parent, "Copie impossible", str(error))
        return
    QMessageBox.information(
        parent,
        "Copie pour un service",
        f"La copie de « {service.strip()} » est prête : {target}\n\nDonnez-la au service : "
        "ses envois (Fichier › Envois) s'ouvriront dans ce dossier-ci.",
    )


class ChooseActionsDialog(QDialog):
    """The campaign's actions, all ticked, with a filter; the user keeps those to send."""

    def __init__(self, session: DossierSession, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        rows = load_programmation(session.dossier, session.campaign_id)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filtrer (référence, intitulé, porteur)…")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Actions à envoyer")
        for row in sorted(rows, key=lambda r: r.reference):
            item = QListWidgetItem(f"{row.reference}  {row.title} — {row.holder_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.reference)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.filter.textChanged.connect(self._filter)
        ticks = QHBoxLayout()
        for text, state in (("Tout cocher", True), ("Tout décocher", False)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, s=state: self._tick_shown(s))
            ticks.addWidget(button)
        ticks.addStretch(1)
        self.count = QLabel(self)
        ticks.addWidget(self.count)
        self.list.itemChanged.connect(self._count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Écrire…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addLayout(ticks)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self._count()

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for index in range(self.list.count()):
            item = self.list.item(index)
            item.setHidden(needle not in item.text().casefold())

    def _tick_shown(self, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        for index in range(self.list.count()):
            item = self.list.item(index)
            if not item.isHidden():
                item.setCheckState(state)

    def _count(self) -> None:
        self.count.setText(f"{len(self.chosen())} action(s) cochée(s) sur {self.list.count()}")

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def write_package_from(parent: QWidget, session: DossierSession) -> Task | None:
    """Choose the actions of the current campaign, then write the package in the background."""
    year = session.campaign_year
    if year is None:
        QMessageBox.information(parent, "Envois", "Ce dossier ne contient encore aucune campagne.")
        return None
    identity = identity_of(session.dossier)
    what = "l'envoi" if identity.role is DossierRole.SERVICE else "le retour (décisions)"
    chooser = ChooseActionsDialog(session, f"Écrire {what} de la campagne {year}", parent)
    if chooser.exec() != QDialog.DialogCode.Accepted or not chooser.chosen():
        return None
    references = chooser.chosen()
    name = identity.service_name or "dossier-principal"
    kind = "envoi" if identity.role is DossierRole.SERVICE else "retour"
    target = ask_save_path(
        parent,
        f"Écrire {what}",
        session.dossier.path.with_name(f"{kind}-{slug(name)}-{year}{PACKAGE_SUFFIX}"),
        FILTER.split(";;"),
    )
    if not target:
        return None
    window = parent.window()
    task = read_in_background(
        session.dossier,
        lambda reader: write_package_file(reader, year, target, references, record=False),
    )

    def done(written: WrittenPackage) -> None:
        if not session.read_only:
            record_written_package(session.dossier, written)
        _status(
            window, f"{written.kind.label} écrit ({written.actions} action(s)) : {written.path}"
        )

    task.succeeded.connect(done)
    task.failed.connect(lambda error: _failed(parent, "Écriture impossible", error))
    return task


def open_package_from(
    parent: QWidget, session: DossierSession, path: Path | None = None
) -> Task | None:
    """Read and compare a package off the GUI thread, preview it, apply it if asked."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Ouvrir un envoi", str(session.dossier.path.parent), FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
    task = read_in_background(session.dossier, lambda reader: plan_package(reader, path))
    task.succeeded.connect(lambda read: _preview(parent, session, read))
    task.failed.connect(lambda error: _failed(parent, "Envoi refusé", error))
    return task


def _preview(parent: QWidget, session: DossierSession, read: ReadPackage) -> None:
    dialog = PackageDialog(read.plan, read_only=session.read_only, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        applied = apply_package(session.dossier, read)
    except _REFUSED as error:
        QMessageBox.warning(parent, "Envoi non appliqué", f"Rien n'a été écrit : {error}")
        return
    if applied.backup_path is None:
        QMessageBox.information(
            parent,
            "Rien à appliquer",
            "Le dossier contient déjà tout ce que porte cet envoi (ou ce qui diffère est "
            "ignoré) : rien n'a été écrit.",
        )
        return
    session.notify("holder")
    session.notify("action")
    message = (
        f"{read.plan.header.kind.label} appliqué : {applied.created} action(s) créée(s), "
        f"{applied.updated} modifiée(s), {applied.conflicts_kept} valeur(s) en conflit gardée(s)."
    )
    renamed = [f"{old} → {new}" for old, new in applied.new_references.items()]
    if renamed:
        message += "\nRéférences déjà prises ici, remplacées : " + ", ".join(renamed)
    QMessageBox.information(
        parent, "Envoi appliqué", message + f"\nSauvegarde avant : {applied.backup_path.name}"
    )
    _status(parent.window(), message.splitlines()[0])


def _failed(parent: QWidget, title: str, error: object) -> None:
    if isinstance(error, _REFUSED):
        QMessageBox.warning(parent, title, str(error))
        return
    log.error("package: %r", error)
    QMessageBox.critical(parent, title, f"Erreur inattendue : {error}")


def _status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)
