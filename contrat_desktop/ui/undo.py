"""Undoable edits. Each command's ``redo`` writes through an operation (audited), and its
``undo`` writes the previous state back (audited too): the audit trail keeps both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.programmation import (
    ActionState,
    StatusChangeResult,
    change_statuses,
    create_action,
    delete_action,
    refreshed,
    revert_statuses,
    save_action,
    status_of,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.ui.session import DossierSession

T = TypeVar("T")


class _SafeCommand(QUndoCommand):
    """Shows a French message instead of crashing when a write is refused."""

    def __init__(self, session: DossierSession, text: str, parent_widget: QWidget | None) -> None:
        super().__init__(text)
        self.session = session
        self.parent_widget = parent_widget
        self.error: DossierError | ValidationError | None = None

    def _guard(self, work: Callable[[], None]) -> None:
        try:
            work()
        except (DossierError, ValidationError) as error:
            self.error = error
            self.setObsolete(True)
            QMessageBox.warning(self.parent_widget, "Modification impossible", str(error))


class SaveActionCommand(_SafeCommand):
    def __init__(
        self,
        session: DossierSession,
        seen: ActionState,
        wanted: ActionState,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(session, f"Modifier l'action {wanted.action.reference}", parent_widget)
        self._before = seen
        self._after = wanted
        self._current = seen  # the state (and versions) last written or read
        self.saved: ActionState | None = None

    def redo(self) -> None:
        def work() -> None:
            current = refreshed(self.session.dossier, self._current)
            self._current = save_action(self.session.dossier, current, self._after)
            self.saved = self._current

        self._guard(work)
        self.session.notify("action")

    def undo(self) -> None:
        def work() -> None:
            current = refreshed(self.session.dossier, self._current)
            self._current = save_action(self.session.dossier, current, self._before)

        self._guard(work)
        self.session.notify("action")


class CreateActionCommand(_SafeCommand):
    """A new action with its funding lines; undo removes it again (both audited)."""

    def __init__(
        self,
        session: DossierSession,
        action: Action,
        lines: list[FundingLine],
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(session, f"Créer l'action {action.reference}", parent_widget)
        self._action = action
        self._lines = lines
        self.created: ActionState | None = None

    def redo(self) -> None:
        def work() -> None:
            self.created = create_action(self.session.dossier, self._action, self._lines)

        self._guard(work)
        self.session.notify("action")

    def undo(self) -> None:
        def work() -> None:
            if self.created is not None:
                delete_action(self.session.dossier, refreshed(self.session.dossier, self.created))
                self.created = None

        self._guard(work)
        self.session.notify("action")


class ChangeStatusCommand(_SafeCommand):
    def __init__(
        self,
        session: DossierSession,
        action_ids: list[int],
        target: ActionStatus,
        comment: str,
        parent_widget: QWidget | None = None,
    ) -> None:
        label = f"Passer {len(action_ids)} action(s) au statut « {target.label} »"
        super().__init__(session, label, parent_widget)
        self.action_ids = action_ids
        self.target = target
        self.comment = comment
        self.previous: dict[int, tuple[ActionStatus, int]] = {}
        self.result: StatusChangeResult | None = None

    def redo(self) -> None:
        def work() -> None:
            before = status_of(self.session.dossier, self.action_ids)
            self.result = change_statuses(
                self.session.dossier, self.action_ids, self.target, self.comment
            )
            # what undo puts back, guarded by the version this change left
            self.previous = {i: (before[i], self.result.versions[i]) for i in self.result.changed}
            if not self.result.changed:
                self.setObsolete(True)

        self._guard(work)
        self.session.notify("action")

    def undo(self) -> None:
        def work() -> None:
            revert_statuses(self.session.dossier, self.previous, "Annulation (Ctrl+Z)")

        self._guard(work)
        self.session.notify("action")


class SaveRecordCommand(_SafeCommand, Generic[T]):
    """Create, edit or delete one record through ``write(dossier, current, wanted)``
    (see ``operations.records.write_record``); undo writes the state before back."""

    def __init__(
        self,
        session: DossierSession,
        text: str,
        entity: str,
        write: Callable[[Dossier, T | None, T | None], T | None],
        before: T | None,
        after: T | None,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(session, text, parent_widget)
        self.entity = entity
        self._write = write
        self._before = before
        self._after = after
        self._current = before  # the record (and version) last written or read
        self.saved: T | None = None

    def redo(self) -> None:
        self._go(self._after)
        self.saved = self._current
        if self._before is None and self._current is not None:
            self._after = self._current  # redone later: the same record, under the same id

    def undo(self) -> None:
        self._go(self._before)

    def _go(self, target: T | None) -> None:
        def work() -> None:
            self._current = self._write(self.session.dossier, self._current, target)

        self._guard(work)
        if self.entity in ("holder", "funder"):
            self.session.reload_references()  # lists, filters and totals name them
        else:
            self.session.notify(self.entity)
