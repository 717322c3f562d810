"""The actions of a campaign offered for renewal: a check column (chosen or not), the action,
and what the renewal does with it (its new reference, or why it is left)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from contrat_desktop.operations.renewal import RenewalLine
from contrat_desktop.ui.models.columns import Column, RowTableModel, money_column

CHECK = int(Qt.ItemDataRole.CheckStateRole)
_Index = QModelIndex | QPersistentModelIndex


class RenewalTableModel(RowTableModel[RenewalLine]):
    checked = Signal()  # the user ticked or unticked an action

    def __init__(self, parent: Any = None) -> None:
        self.chosen: set[int] = set()
        self.outcome: dict[int, str] = {}  # action id → « 2017-CS-004 » or « laissée : … »
        self.checkable = False
        super().__init__(
            [
                Column("chosen", "", lambda r: "", lambda r: r.action_id in self.chosen, width=28),
                Column("reference", "Référence", lambda r: r.reference, width=100),
                Column("title", "Intitulé", lambda r: r.title, width=260),
                Column("holder", "Porteur", lambda r: r.holder, width=200),
                Column("status", "Statut", lambda r: r.status, width=110),
                money_column("requested", "Demandé", lambda r: r.requested_cents, 105),
                money_column("granted", "Accordé", lambda r: r.granted_cents, 105),
                Column(
                    "outcome",
                    "Reconduction",
                    lambda r: self.outcome.get(r.action_id, "—"),
                    width=200,
                ),
            ],
            parent,
        )

    def data(self, index: _Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if index.isValid() and index.column() == 0 and int(role) == CHECK:
            chosen = self._rows[index.row()].action_id in self.chosen
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and self.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = CHECK) -> bool:
        if not (index.isValid() and index.column() == 0 and int(role) == CHECK and self.checkable):
            return False
        action_id = self._rows[index.row()].action_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen.add(action_id)
        else:
            self.chosen.discard(action_id)
        self.dataChanged.emit(index, index, [CHECK])
        self.checked.emit()
        return True

    def show_choice(self, chosen: set[int], outcome: dict[int, str]) -> None:
        self.chosen = set(chosen)
        self.outcome = outcome
        if self._rows:
            top, bottom = self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(top, bottom)
