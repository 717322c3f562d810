"""When the dossier cannot be opened at start: say why, then offer another dossier or a
backup instead of leaving the user with no window at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from contrat_desktop.operations.dossiers import backup_folder, replace_with_backup
from contrat_desktop.storage.errors import DossierError


def ask_for_another(path: Path, error: Exception) -> Path | None:
    """The dossier to try next (another file, or this one restored), or None to quit."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Dossier impossible à ouvrir", str(error))
    other = box.addButton("Ouvrir un autre dossier…", QMessageBox.ButtonRole.AcceptRole)
    restore = box.addButton("Restaurer une sauvegarde…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quitter", QMessageBox.ButtonRole.RejectRole)
    restore.setEnabled(backup_folder(path).is_dir())
    box.exec()
    if box.clickedButton() is other:
        chosen, _ = QFileDialog.getOpenFileName(
            None, "Ouvrir un dossier", str(path.parent), "Dossiers (*.cdv);;Tous les fichiers (*)"
        )
        return Path(chosen) if chosen else None
    if box.clickedButton() is restore:
        chosen, _ = QFileDialog.getOpenFileName(
            None, "Choisir la sauvegarde", str(backup_folder(path)), "Dossiers (*.cdv)"
        )
        if not chosen:
            return None
        try:
            kept = replace_with_backup(path, Path(chosen))
        except DossierError as failure:
            QMessageBox.critical(None, "Restauration impossible", str(failure))
            return None
        QMessageBox.information(
            None,
            "Sauvegarde restaurée",
            f"La sauvegarde a remplacé le dossier. Le fichier d'origine est gardé sous\n{kept}",
        )
        return path
    return None
