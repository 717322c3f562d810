"""The renewal of a campaign as one step of the undo stack: redo renews (again), undo removes
every draft it made and the campaign it opened; a refusal is explained, nothing half done."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.renewal import AmountChoice
from contrat_desktop.operations.renewal import RenewalResult, apply_renewal, undo_renewal
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.session import DossierSession


class RenewalCommand(QUndoCommand):
    def __init__(
        self,
        session: DossierSession,
        from_year: int,
        to_year: int,
        action_ids: Collection[int],
        amounts: AmountChoice,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(f"Reconduire {len(action_ids)} action(s) de {from_year} vers {to_year}")
        self.session = session
        self.years = (from_year, to_year)
        self.action_ids = list(action_ids)
        self.amounts = amounts
        self.parent_widget = parent_widget
        self.result: RenewalResult | None = None
        self.error: Exception | None = None

    def redo(self) -> None:
        try:
            self.result = apply_renewal(
                self.session.dossier, *self.years, action_ids=self.action_ids, amounts=self.amounts
            )
        except (DossierError, ValidationError) as error:
            self._refused(error)
        self.session.notify("campaign")
        self.session.notify("action")

    def undo(self) -> None:
        if self.result is None:
            return
        try:
            undo_renewal(self.session.dossier, self.result)
        except (DossierError, ValidationError) as error:
            self._refused(error)
            return
        finally:
            self.session.notify("campaign")
            self.session.notify("action")
        self.result = None

    def _refused(self, error: Exception) -> None:
        self.error = error
        self.setObsolete(True)
        QMessageBox.warning(self.parent_widget, "Reconduction", str(error))
