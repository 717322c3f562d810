"""Write letters to holders: the notification of the decision (from the programmation) or
the reminder of late bilans (from "À faire"), for the actions chosen or all of them, in one
PDF or one PDF per holder, dated as wanted. The letters are written in the background;
after notifications, the actions still "accordé" may be moved to "notifié" (undoable)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.letters import LetterBatch, LetterKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.letters import (
    LettersWritten,
    notification_batch,
    reminder_batch,
    write_letters,
)
from contrat_desktop.operations.programmation import status_of
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.background import Task, TaskControl
from contrat_desktop.ui.dialogs.documents.written_file import ask_target, write_in_background
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import ChangeStatusCommand
from contrat_desktop.ui.widgets.date_edit import DateEdit


class LettersDialog(QDialog):
    def __init__(
        self,
        session: DossierSession,
        kind: LetterKind,
        year: int | None,
        action_ids: Sequence[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.year = year
        self.action_ids = list(action_ids) if action_ids else None
        self.task: Task | None = None
        self.written: LettersWritten | None = None
        self.setWindowTitle(kind.label)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Lettres à écrire")
        self.one_file = QRadioButton("un seul &PDF pour toutes les lettres", self)
        self.per_holder = QRadioButton("un PDF par &porteur, dans un dossier", self)
        self.one_file.setChecked(True)
        self.written_on = DateEdit(self)
        self.written_on.setAccessibleName("Date des lettres")
        self.written_on.set_value(date.today())
        self.written_on.dateChanged.connect(lambda _d: self._preview())
        buttons = QDialogButtonBox(self)
        self.write_button = buttons.addButton(
            "&Écrire les lettres…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.write)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Écrire :", self.one_file)
        form.addRow("", self.per_holder)
        form.addRow("&Date des lettres :", self.written_on)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addStretch(1)  # enlarged, the dialog keeps its text and choices together on top
        layout.addWidget(buttons)
        self.resize(560, 220)
        self._preview()

    def batch(self, dossier: Dossier) -> LetterBatch:
        on = self.written_on.value() or date.today()
        return build_batch(dossier, self.kind, self.year, self.action_ids, on)

    def _preview(self) -> None:
        batch = self.batch(self.session.dossier)
        actions = sum(len(letter.actions) for letter in batch.letters)
        scope = f"de la campagne {self.year}" if self.year else "de toutes les campagnes"
        chosen = (
            "choisies"
            if self.action_ids
            else "accordées"
            if self.kind is LetterKind.NOTIFICATION
            else "en retard"
        )
        self.summary.setText(
            f"<b>{len(batch.letters)} lettre(s)</b> pour {actions} action(s) {chosen} "
            f"{scope}, une par porteur."
            if batch.letters
            else "Aucune lettre à écrire : aucune action "
            + ("accordée." if self.kind is LetterKind.NOTIFICATION else "n'a de bilan en retard.")
        )
        self.write_button.setEnabled(bool(batch.letters))

    def write(self) -> Task | None:
        """Ask where, then write in the background (the dialog closes once started)."""
        name = f"{self.kind.value}-{self.year or 'toutes'}"
        folder = self.session.dossier.path.parent
        per_holder = self.per_holder.isChecked()
        if per_holder:
            chosen = QFileDialog.getExistingDirectory(self, "Dossier des lettres", str(folder))
            target = Path(chosen) / name if chosen else None
        else:
            target = ask_target(self, self.kind.label, folder / f"{name}.pdf", "PDF (*.pdf)")
        if target is None:
            return None
        parent = self.parentWidget() or self
        kind, year, action_ids = self.kind, self.year, self.action_ids
        on = self.written_on.value() or date.today()  # read here: widgets stay on this thread

        def work(reader: Dossier, _control: TaskControl) -> LettersWritten:
            batch = build_batch(reader, kind, year, action_ids, on)
            return write_letters(reader, batch, target, per_holder=per_holder)

        def done(written: LettersWritten) -> str:
            self.written = written
            if self.kind is LetterKind.NOTIFICATION:
                offer_notified(self.session, written.action_ids, parent)
            where = f"{len(written.paths)} fichier(s) dans {target}" if per_holder else str(target)
            return f"{written.letters} lettre(s) écrite(s) : {where}"

        self.task = write_in_background(parent, self.session.dossier, self.kind.label, work, done)
        self.accept()
        return self.task


def build_batch(
    dossier: Dossier,
    kind: LetterKind,
    year: int | None,
    action_ids: Sequence[int] | None,
    on: date,
) -> LetterBatch:
    if kind is LetterKind.NOTIFICATION:
        assert year is not None
        return notification_batch(dossier, year, action_ids, on)
    return reminder_batch(dossier, year, action_ids, on)


def offer_notified(session: DossierSession, action_ids: Sequence[int], parent: QWidget) -> None:
    """After notification letters: move the actions still "accordé" to "notifié"."""
    granted = [
        i for i, status in status_of(session.dossier, list(action_ids)).items()
        if status is ActionStatus.GRANTED
    ]  # fmt: skip
    if not granted or session.read_only:
        return
    answer = QMessageBox.question(
        parent,
        "Actions notifiées",
        f"{len(granted)} action(s) sont encore « Accordé ». Les passer à « Notifié » "
        "(lettre de notification du jour) ?",
    )
    if answer == QMessageBox.StandardButton.Yes:
        session.push(
            ChangeStatusCommand(
                session, granted, ActionStatus.NOTIFIED, "Lettre de notification", parent
            )
        )
