"""The open dossier as seen by the window: the dossier handle, undo stack, current campaign.

Pages read and write through ``contrat_desktop.operations`` with ``session.dossier``; they
listen to ``changed`` (the entity that changed) instead of talking to each other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from contrat_desktop.operations.programmation import References, load_references
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import cancel_work_on


class DossierSession(QObject):
    changed = Signal(str)  # "action", "holder", "funder", "reference"...
    campaign_changed = Signal(int)  # campaign id
    read_only_changed = Signal(bool)
    closing = Signal()  # the dossier is about to close: stop what would read it later

    def __init__(self, dossier: Dossier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.undo_stack = QUndoStack(self)
        self.references: References = load_references(dossier)
        years = sorted(self.references.campaigns)
        self._campaign_id = self.references.campaigns[years[-1]] if years else 0

    @property
    def read_only(self) -> bool:
        return self.dossier.read_only

    @property
    def campaign_id(self) -> int:
        return self._campaign_id

    @property
    def campaign_year(self) -> int | None:
        for year, campaign_id in self.references.campaigns.items():
            if campaign_id == self._campaign_id:
                return year
        return None

    def set_campaign(self, campaign_id: int) -> None:
        if campaign_id != self._campaign_id:
            self._campaign_id = campaign_id
            self.campaign_changed.emit(campaign_id)

    def reload_references(self) -> None:
        self.references = load_references(self.dossier)
        self.changed.emit("reference")

    def push(self, command: QUndoCommand) -> None:
        """Run an edit through the undo stack (its ``redo`` does the write)."""
        self.undo_stack.push(command)

    def notify(self, entity: str) -> None:
        if entity in {"holder", "funder", "district", "framework", "campaign", "settings"}:
            self.references = load_references(self.dossier)
        if not self.references.campaigns:
            self._campaign_id = 0
        elif self._campaign_id not in self.references.campaigns.values():
            self._campaign_id = self.references.campaigns[max(self.references.campaigns)]
        self.changed.emit(entity)

    def close(self) -> None:
        """Close the dossier; the work still running on it ends without an outcome, and
        what was due to read it later (``closing``'s listeners) is called off."""
        self.closing.emit()
        cancel_work_on(self.dossier)
        self.undo_stack.clear()
        self.dossier.close()
