"""The holder (porteur) editor: identity, identifiers checked as typed (SIRET key, RNA,
e-mail), address and contacts; saved through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holders import Holder, HolderKind, holder_problems
from contrat_desktop.operations.holders import (
    clean_holder,
    find_holder,
    load_holder,
    same_siret,
    save_holder,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"

# key, label, accessible name, placeholder
_LINES = [
    ("legal_name", "&Raison sociale* :", "Raison sociale", "Nom légal complet"),
    ("acronym", "Si&gle :", "Sigle", ""),
    ("siret", "&SIRET :", "SIRET", "14 chiffres, ex. 331 015 818 00056"),
    ("rna", "N° RN&A :", "Numéro RNA", "W suivi de 9 chiffres"),
    ("address", "A&dresse :", "Adresse", ""),
    ("postcode", "Code &postal :", "Code postal", ""),
    ("city", "&Ville :", "Ville", ""),
    ("legal_representative", "Représentant &légal :", "Représentant légal", "Nom, qualité"),
    ("contact_name", "&Contact :", "Personne à contacter", ""),
    ("contact_email", "C&ourriel :", "Courriel du contact", "nom@exemple.fr"),
    ("contact_phone", "&Téléphone :", "Téléphone du contact", ""),
    ("dauphin_account", "Compte Da&uphin :", "Compte Dauphin", ""),
]


class HolderDialog(RecordDialog[Holder]):
    entity = "holder"
    noun = "ce porteur"

    def __init__(
        self, session: DossierSession, holder_id: int | None, parent: QWidget | None = None
    ) -> None:
        record = load_holder(session.dossier, holder_id) if holder_id else None
        super().__init__(session, record, parent)
        self.lines: dict[str, QLineEdit] = {}
        self.kind = QComboBox(self)
        for kind in HolderKind:
            self.kind.addItem(kind.label, kind.value)
        for number, (key, label, accessible, placeholder) in enumerate(_LINES):
            edit = QLineEdit(self)
            edit.setPlaceholderText(placeholder)
            self.lines[key] = edit
            self.add_field(label, key, edit, accessible)
            if number == 1:
                self.add_field("T&ype :", "kind", self.kind, "Type de porteur")
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(90)
        self.add_field("&Notes :", "notes", self.notes, "Notes")
        self.dissolved_on = DateEdit(self)
        self.dissolved_on.setToolTip("Ses actions ne sont plus reconduites d'une année à l'autre.")
        self.add_field(
            "Dissous ou activité &cessée le :", "dissolved_on", self.dissolved_on,
            "Date de dissolution ou de cessation d'activité",
        )  # fmt: skip
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setAccessibleName("Avertissement")
        self.notice.hide()
        self.resize(620, 640)
        self.finish(self.notice)

    def load(self, record: Holder | None) -> None:
        holder = record or Holder(legal_name="")
        for key, edit in self.lines.items():
            edit.setText(getattr(holder, key))
        self.kind.setCurrentIndex(self.kind.findData(holder.kind.value))
        self.notes.setPlainText(holder.notes)
        self.dissolved_on.set_value(holder.dissolved_on)

    def wanted(self) -> Holder:
        base = self.record or Holder(legal_name="")
        values = {key: edit.text() for key, edit in self.lines.items()}
        return clean_holder(
            replace(
                base,
                kind=HolderKind(self.kind.currentData()),
                notes=self.notes.toPlainText(),
                dissolved_on=self.dissolved_on.value(),
                **values,
            )
        )

    def problems(self) -> list[ValidationError]:
        return holder_problems(self.wanted())

    def show_problems(self, problems: list[ValidationError]) -> None:
        super().show_problems(problems)
        others = [] if self._loading else same_siret(self.session.dossier, self.wanted())
        self.notice.setText(
            "Attention : ce SIRET est déjà celui de "
            + ", ".join(f"« {other.display_name} »" for other in others)
            + ". Vérifiez qu'il ne s'agit pas d'un doublon."
        )
        self.notice.setVisible(bool(others))

    def write(self) -> Callable[[Dossier, Holder | None, Holder | None], Holder | None]:
        return save_holder

    def fetch(self, record: Holder) -> Holder | None:
        return find_holder(self.session.dossier, record.id or 0)

    def describe(self, record: Holder | None) -> str:
        if record is None or not record.legal_name:
            return "Nouveau porteur"
        return f"Porteur {record.display_name}"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    preview_on_demo(lambda session: HolderDialog(session, 1).exec())
