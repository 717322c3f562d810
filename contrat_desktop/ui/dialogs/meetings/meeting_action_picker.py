"""Pick the actions a meeting examines: the campaign's actions filtered by status and by
pillar or theme, ticked all at once or one by one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.domain.workflow import STATUS_ORDER, ActionStatus
from contrat_desktop.ui.widgets.framework_combo import FrameworkCombo

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ActionPickerDialog(QDialog):
    def __init__(
        self,
        actions: list[Action],
        tree: FrameworkTree,
        holders: dict[int, str],
        already: set[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ajouter des actions à l'ordre du jour")
        self.actions = [a for a in actions if a.id not in already]
        self.tree = tree
        self.holders = holders
        self.status = QComboBox(self)
        self.status.addItem("Tous les statuts", None)
        for status in STATUS_ORDER:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(self.status.findData(ActionStatus.UNDER_REVIEW.value))
        self.pillar = FrameworkCombo("Tous les piliers et thèmes", self)
        self.pillar.set_tree(tree)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Référence, intitulé ou porteur")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Actions de la campagne")
        self.count = QLabel(self)
        self.all_button = QPushButton("&Tout cocher", self)
        self.all_button.clicked.connect(lambda: self._check_all(CHECKED))
        self.none_button = QPushButton("Tout &décocher", self)
        self.none_button.clicked.connect(lambda: self._check_all(UNCHECKED))
        filters = QFormLayout()
        filters.addRow("&Statut :", self.status)
        filters.addRow("&Pilier ou thème :", self.pillar)
        filters.addRow("&Rechercher :", self.search)
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        ticks.addWidget(self.count)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton("&Ajouter", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuler", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(ticks)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self.refresh)
        self.pillar.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.list.itemChanged.connect(lambda _item: self._count())
        self.ticked: set[int] = set()
        self.resize(760, 560)
        self.refresh()

    def _matches(self, action: Action) -> bool:
        status = self.status.currentData()
        if status is not None and action.status.value != status:
            return False
        node = self.pillar.currentData()
        if node is not None:
            if action.framework_node_id is None:
                return False
            if node not in {n.id for n in self.tree.ancestors(action.framework_node_id)}:
                return False
        words = fold(self.search.text()).split()
        text = fold(f"{action.reference} {action.title} {self.holders.get(action.holder_id, '')}")
        return all(word in text for word in words)

    def refresh(self) -> None:
        self._remember()
        self.list.blockSignals(True)
        self.list.clear()
        for action in self.actions:
            if not self._matches(action):
                continue
            holder = self.holders.get(action.holder_id, "")
            item = QListWidgetItem(
                f"{action.reference} — {action.title} ({holder}) · {action.status.label}"
            )
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(CHECKED if action.id in self.ticked else UNCHECKED)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._count()

    def _remember(self) -> None:
        """Ticks survive a change of filter."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            action_id = int(item.data(Qt.ItemDataRole.UserRole))
            if item.checkState() == CHECKED:
                self.ticked.add(action_id)
            else:
                self.ticked.discard(action_id)

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def _count(self) -> None:
        self._remember()
        self.count.setText(
            f"{self.list.count()} action(s) affichée(s), {len(self.ticked)} cochée(s)"
        )
        self.ok.setEnabled(bool(self.ticked))

    def chosen(self) -> list[int]:
        """Ticked actions in the campaign's order."""
        self._remember()
        return [a.id for a in self.actions if a.id in self.ticked]  # type: ignore[misc]
