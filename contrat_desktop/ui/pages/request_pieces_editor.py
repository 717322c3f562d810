"""The « Pièces du dossier de demande » tab of the settings: the pieces asked of every
request file (defaults from the Cerfa 12156), in order, each required or not, asked of
municipal services or not, of renewals only or not; edits through the undo stack."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.domain.request_file import PieceKind
from contrat_desktop.operations.request_file import load_piece_kinds, write_piece_kind
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand


class PieceKindsEditor(QWidget):
    entity = "piece_kind"

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kinds: list[PieceKind] = []
        intro = QLabel(
            "Les pièces que chaque porteur fournit avec sa demande (par défaut celles du Cerfa "
            "12156). Un dossier est complet quand toutes les pièces obligatoires qui le "
            "concernent sont reçues ; la programmation l'affiche et le filtre.",
            self,
        )
        intro.setWordWrap(True)
        self.table = read_only_table(
            [
                "Pièce",
                "Obligatoire",
                "Services municipaux et CCAS",
                "Reconductions seulement",
                "État",
            ],
            "Pièces du dossier de demande",
        )
        self.table.doubleClicked.connect(lambda _index: self.edit())
        row = QHBoxLayout()
        for text, slot in (
            ("&Ajouter une pièce…", lambda: self.edit(new=True)),
            ("&Modifier…", self.edit),
            ("Mon&ter", lambda: self.move(-1)),
            ("Desce&ndre", lambda: self.move(1)),
            ("&Supprimer", self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            button.setEnabled(not session.read_only)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        session.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, entity: str) -> None:
        if entity == self.entity:
            self.reload()

    def reload(self) -> None:
        chosen = self.table.currentRow()
        self.kinds = load_piece_kinds(self.session.dossier)
        fill(
            self.table,
            [
                [
                    kind.label,
                    "Oui" if kind.required else "Non",
                    "Non demandée" if kind.services_exempt else "Demandée",
                    "Oui" if kind.renewals_only else "Non",
                    "demandée" if kind.active else "plus demandée",
                ]
                for kind in self.kinds
            ],
        )
        if 0 <= chosen < len(self.kinds):
            self.table.selectRow(chosen)

    def selected(self) -> PieceKind | None:
        rows = self.table.selectionModel().selectedRows()
        return self.kinds[rows[0].row()] if rows else None

    def edit(self, new: bool = False) -> None:
        from contrat_desktop.ui.dialogs.directory.piece_kind_dialog import PieceKindDialog

        kind = None if new else self.selected()
        if not new and kind is None:
            QMessageBox.information(self, "Pièces", "Choisissez d'abord une pièce.")
            return
        PieceKindDialog(self.session, kind, self).exec()

    def move(self, step: int) -> None:
        """Swap the chosen piece with its neighbour: one undo step for both writes."""
        kind = self.selected()
        if kind is None:
            return
        index = self.kinds.index(kind)
        if not 0 <= index + step < len(self.kinds):
            return
        other = self.kinds[index + step]
        stack = self.session.undo_stack
        stack.beginMacro(f"Déplacer « {kind.label} »")
        for record, position in ((kind, index + step), (other, index)):
            stack.push(
                SaveRecordCommand(
                    self.session, "", self.entity, write_piece_kind, record,
                    replace(record, position=position), self,
                )
            )  # fmt: skip
        stack.endMacro()
        self.table.selectRow(index + step)

    def delete(self) -> None:
        kind = self.selected()
        if kind is None:
            return
        answer = QMessageBox.question(self, "Pièces", f"Supprimer la pièce « {kind.label} » ?")
        if answer == QMessageBox.StandardButton.Yes:
            command = SaveRecordCommand(
                self.session, f"Supprimer « {kind.label} »", self.entity, write_piece_kind,
                kind, None, self,
            )  # fmt: skip
            self.session.push(command)
