"""Undoable writes of the funding cycle: payments recorded (one or many, with the status
moves the money brings) and bilans saved. Undo removes what was written and puts the
statuses back, both audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from contrat_desktop.domain.bilans import Report
from contrat_desktop.domain.funding import Payment
from contrat_desktop.operations.bilans import SavedBilan, load_bilan, save_bilan, undo_bilan
from contrat_desktop.operations.payments import RecordedPayments, record_payments, undo_payments
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import _SafeCommand


class RecordPaymentsCommand(_SafeCommand):
    def __init__(
        self,
        session: DossierSession,
        payments: Sequence[Payment],
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(session, text, parent_widget)
        self.payments = list(payments)
        self.recorded: RecordedPayments | None = None

    def redo(self) -> None:
        def work() -> None:
            self.recorded = record_payments(self.session.dossier, self.payments)

        self._guard(work)
        self.session.notify("payment")

    def undo(self) -> None:
        def work() -> None:
            if self.recorded is not None:
                undo_payments(self.session.dossier, self.recorded)
                self.recorded = None

        self._guard(work)
        self.session.notify("payment")


class SaveBilanCommand(_SafeCommand):
    def __init__(
        self,
        session: DossierSession,
        seen: Report | None,
        wanted: Report,
        text: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(session, text, parent_widget)
        self.seen = seen
        self.wanted = wanted
        self.saved: SavedBilan | None = None
        self._first = True

    def redo(self) -> None:
        def work() -> None:
            current = self.seen
            if not self._first:  # redone after an undo: from what the undo left
                current = load_bilan(self.session.dossier, self.wanted.action_id)
            wanted = self.wanted
            if current is not None:
                wanted = replace(self.wanted, id=current.id, version=current.version)
            self.saved = save_bilan(self.session.dossier, current, wanted)
            self._first = False

        self._guard(work)
        self.session.notify("report")

    def undo(self) -> None:
        def work() -> None:
            if self.saved is not None:
                undo_bilan(self.session.dossier, self.saved)
                self.saved = None

        self._guard(work)
        self.session.notify("report")
