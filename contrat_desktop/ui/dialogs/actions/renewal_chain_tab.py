"""The « Années » tab of the action editor: the chain of renewals of the action, year by year,
with each year's status and amounts (requested, proposed, granted, paid); this year in bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.renewal import renewal_chain
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table

AMOUNTS = 4  # the columns from here on are amounts


class RenewalChainTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = read_only_table(
            ["Campagne", "Référence", "Intitulé", "Statut", "Demandé", "Proposé", "Accordé",
             "Versé"],
            "Années de l'action",
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_chain(self, dossier: Dossier, action_id: int | None) -> None:
        chain = renewal_chain(dossier, action_id) if action_id else []
        fill(
            self.table,
            [
                [str(link.year), link.reference, link.title, link.status,
                 *(format_cents(c) for c in (link.requested_cents, link.proposed_cents,
                                             link.granted_cents, link.paid_cents))]
                for link in chain
            ],
        )  # fmt: skip
        bold = QFont(self.table.font())
        bold.setBold(True)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, link in enumerate(chain):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None:
                    continue
                if link.current:
                    item.setFont(bold)
                if column >= AMOUNTS:
                    item.setTextAlignment(right)
        self.table.resizeColumnsToContents()
        if len(chain) > 1:
            self.note.setText(
                f"Cette action court sur {len(chain)} campagnes ({chain[0].year}–"
                f"{chain[-1].year}) : chaque reconduction est liée à celle qu'elle reprend."
            )
        else:
            self.note.setText(
                "Première demande, pas encore reconduite (« Reconduire… » dans la barre de "
                "campagne ouvre la campagne suivante)."
            )
