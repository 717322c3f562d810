"""The base of the small record editors (holder, funder, envelope): a form whose fields
show their problem inline, dirty tracking, a save through the undo stack, a conflict
explained in French, read-only mode, and a question before closing with changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import ConflictError
from contrat_desktop.ui.dialogs.unsaved import GuardedDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand

T = TypeVar("T")

ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"
FIELD_ERROR_STYLE = "color: #b71c1c;"
INVALID_STYLE = "border: 2px solid #c62828; background: #fdecea;"


class RecordDialog(GuardedDialog, Generic[T]):
    entity = ""  # sent on the session's ``changed`` signal
    noun = "cette fiche"  # "ce porteur": used in questions

    def __init__(
        self, session: DossierSession, record: T | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.record = record
        self.dirty = False
        self._loading = False
        self.editors: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet(ERROR_STYLE)
        self.messages.setAccessibleName("Messages")
        self.messages.hide()
        self.add_buttons(self.save_and_close, reload=True)

    # to provide ------------------------------------------------------------------
    def load(self, record: T | None) -> None:
        raise NotImplementedError

    def wanted(self) -> T:
        raise NotImplementedError

    def problems(self) -> list[ValidationError]:
        """Every rule the fields break now, tied to a field key of ``editors``."""
        raise NotImplementedError

    def write(self) -> Callable[[Dossier, T | None, T | None], T | None]:
        raise NotImplementedError

    def fetch(self, record: T) -> T | None:
        """The record as stored now (after someone else's change), ``None`` if deleted."""
        raise NotImplementedError

    def describe(self, record: T | None) -> str:
        """The window title, and the undo text after "Modifier"."""
        raise NotImplementedError

    # building ---------------------------------------------------------------------
    def add_field(self, label: str, key: str, editor: QWidget, accessible: str) -> None:
        """A form row; its problem is shown right under the editor."""
        editor.setAccessibleName(accessible)
        error = QLabel(self)
        error.setWordWrap(True)
        error.setStyleSheet(FIELD_ERROR_STYLE)
        error.setAccessibleName(f"Erreur : {accessible}")
        error.hide()
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        cell.setFocusProxy(editor)
        self.form.addRow(label, cell)
        self.editors[key] = editor
        self.field_errors[key] = error
        self._track(editor)

    def finish(self, *extra: QWidget) -> None:
        """Lay out, load the record and apply read-only mode; call at the end of __init__."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._reload()
        if self.session.read_only:
            self._apply_read_only()
        first = next(iter(self.editors.values()), None)
        if first is not None:  # the keyboard starts on the first field, not on the buttons
            first.setFocus()

    def _track(self, editor: QWidget) -> None:
        signal: Any
        if isinstance(editor, QLineEdit):
            signal = editor.textChanged
        elif isinstance(editor, QComboBox):
            signal = editor.currentIndexChanged
        elif isinstance(editor, QCheckBox):
            signal = editor.toggled
        elif isinstance(editor, QPlainTextEdit):
            editor.setTabChangesFocus(True)
            signal = editor.textChanged
        elif isinstance(editor, QDateTimeEdit):
            signal = editor.dateChanged
        elif isinstance(editor, QAbstractSpinBox):
            signal = editor.valueChanged  # type: ignore[attr-defined]
        else:
            return
        signal.connect(lambda *_args: self._changed())

    def _apply_read_only(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                editor.setReadOnly(True)
            else:
                editor.setEnabled(False)
        self.save_button.setEnabled(False)
        self.setWindowTitle(self.windowTitle() + " (lecture seule)")

    # state --------------------------------------------------------------------------
    def _reload(self) -> None:
        self._loading = True
        try:
            self.load(self.record)
        finally:
            self._loading = False
        self.dirty = False
        self.setWindowTitle(self.describe(self.record))
        self.show_problems([])

    def _changed(self) -> None:
        if self._loading:
            return
        if not self.dirty:
            self.dirty = True
            self.setWindowTitle("* " + self.windowTitle())
        self.show_problems(self.problems())

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Each problem under its field (the field outlined in red); others on top."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field or "", []).append(problem.message)
        for key, label in self.field_errors.items():
            messages = by_field.pop(key, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
            self.editors[key].setStyleSheet(INVALID_STYLE if messages else "")
            self.editors[key].setToolTip("\n".join(messages))
        others = [m for messages in by_field.values() for m in messages]
        self.messages.setText("\n".join(others))
        self.messages.setVisible(bool(others))

    # saving ---------------------------------------------------------------------------
    def save(self) -> bool:
        if self.session.read_only:
            return False
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            self.messages.setText(
                "Enregistrement impossible : corrigez les champs signalés en rouge.\n"
                + self.messages.text()
            )
            self.messages.show()
            first = self.editors.get(problems[0].field or "")
            if first is not None:
                first.setFocus()
            return False
        wanted = self.wanted()
        what = "modification" if self.record is not None else "création"
        command = SaveRecordCommand(
            self.session,
            f"{self.describe(wanted)} ({what})",
            self.entity,
            self.write(),
            self.record,
            wanted,
            self,
        )
        self.session.push(command)
        if command.error is not None:
            self.messages.setText(str(command.error))
            self.messages.show()
            self.reload_button.setVisible(
                isinstance(command.error, ConflictError) and self.record is not None
            )
            return False
        self.record = command.saved
        self._reload()
        return True

    def reload_saved(self) -> None:
        """After a conflict: show what is stored now (the user's unsaved changes are lost)."""
        if self.record is not None:
            self.record = self.fetch(self.record)
        self.reload_button.hide()
        self._reload()

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def unsaved_question(self, when: str) -> str:
        return f"Vous avez modifié {self.noun} sans l'enregistrer. Enregistrer {when} ?"
