"""Choose the action a row of a State list speaks of: the holder's actions of the year first,
then any action of the campaign found by its reference, title or holder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.operations.import_plan import ImportPlan
from contrat_desktop.operations.reconcile_lines import link_choices
from contrat_desktop.operations.reconciliation import ActionBrief
from contrat_desktop.storage.database import Dossier

ACTION_ID = int(Qt.ItemDataRole.UserRole)


class LinkDialog(QDialog):
    def __init__(
        self, dossier: Dossier, plan: ImportPlan, row_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.plan = plan
        found = plan.reconciliation
        assert found is not None
        facts = found.rows[row_number]
        self.suggested = list(facts.suggestions)
        self.setWindowTitle(f"Rattacher la ligne {row_number} à une action")
        intro = QLabel(
            f"Ligne {row_number} du fichier : <b>{facts.label}</b>.<br>Choisissez l'action de "
            f"la campagne {found.year} dont elle parle : la ligne la mettra à jour, et le "
            "rattachement sera proposé de lui-même pour la liste de l'an prochain.",
            self,
        )
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Référence, intitulé ou porteur")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Chercher une action")
        search_label = QLabel("&Chercher :", self)
        search_label.setBuddy(self.search)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Actions de la campagne")
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Rattacher")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 440)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        shown: set[int] = set()
        if not text.strip():
            for brief in self.suggested:
                self._add(brief, "action du même porteur")
                shown.add(brief.action_id)
        for brief in link_choices(self.dossier, self.plan, text):
            if brief.action_id not in shown:
                self._add(brief, "")
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _add(self, brief: ActionBrief, why: str) -> None:
        text = brief.describe() + (f"  ({why})" if why else "")
        item = QListWidgetItem(text, self.list)
        item.setData(ACTION_ID, brief.action_id)
        item.setToolTip(text)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.list.currentItem() is not None
        )

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ACTION_ID)) if item is not None else None
