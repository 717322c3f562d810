"""Asks the date and reason of a member's exit (also before a replacement from the
reserve); the answer is checked by the domain before the dialog closes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.council import Member, leave
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.ui.dialogs.record_dialog import ERROR_STYLE
from contrat_desktop.ui.formats import format_date
from contrat_desktop.ui.widgets.date_edit import DateEdit

REASONS = (
    "Démission",
    "Déménagement hors du quartier",
    "Absences répétées",
    "Fin de mandat",
    "Décès",
)


class ExitDialog(QDialog):
    def __init__(
        self, member: Member, name: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(title)
        intro = QLabel(
            f"<b>{name}</b> — membre depuis le {format_date(member.entry_date)}. La sortie "
            "est ajoutée à son historique : sa fiche reste consultable.",
            self,
        )
        intro.setWordWrap(True)
        self.day = DateEdit(self)
        self.day.set_value(date.today())
        self.day.setAccessibleName("Date de sortie")
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(REASONS)
        self.reason.setCurrentText("")
        self.reason.setAccessibleName("Motif de sortie")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Date de sortie :", self.day)
        form.addRow("&Motif :", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Enregistrer la sortie")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("A&nnuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 200)

    def answer(self) -> tuple[date, str]:
        return self.day.value() or date.min, self.reason.currentText().strip()

    def problem(self) -> str | None:
        day, reason = self.answer()
        if self.day.value() is None:
            return "Indiquez la date de sortie."
        try:
            leave(self.member, day, reason)
        except ValidationError as error:
            return str(error)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.operations.council_records import any_mandate
    from contrat_desktop.ui.dialogs.preview import preview_on_demo
    from contrat_desktop.ui.session import DossierSession

    def show(session: DossierSession) -> None:
        first = any_mandate(session.dossier)
        assert first is not None
        ExitDialog(first, "Membre de démonstration", "Sortie du conseil").exec()

    preview_on_demo(show)
