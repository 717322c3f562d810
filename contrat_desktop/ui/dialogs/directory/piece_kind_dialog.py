"""The editor of one piece of the request file, as the settings ask for it: its name, whether
it is required, not asked of municipal services, asked of renewals only, still asked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.request_file import PieceKind, kind_problems
from contrat_desktop.operations.request_file import load_piece_kinds, write_piece_kind
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession


class PieceKindDialog(RecordDialog[PieceKind]):
    entity = "piece_kind"
    noun = "cette pièce"

    def __init__(
        self, session: DossierSession, kind: PieceKind | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, kind, parent)
        self.others = [k for k in load_piece_kinds(session.dossier) if kind is None or k != kind]
        self.label = QLineEdit(self)
        self.label.setPlaceholderText("ex. Attestation d'assurance")
        self.required = QCheckBox("Obligatoire pour que le dossier soit complet", self)
        self.services_exempt = QCheckBox("Pas demandée aux services municipaux ni au CCAS", self)
        self.renewals_only = QCheckBox("Demandée aux reconductions seulement", self)
        self.active = QCheckBox("Demandée (décocher pour ne plus la demander)", self)
        self.add_field("&Nom de la pièce* :", "label", self.label, "Nom de la pièce")
        self.add_field("", "required", self.required, "Pièce obligatoire")
        self.add_field("", "services_exempt", self.services_exempt, "Pas demandée aux services")
        self.add_field("", "renewals_only", self.renewals_only, "Reconductions seulement")
        self.add_field("", "active", self.active, "Pièce demandée")
        self.resize(520, 260)
        self.finish()

    def load(self, record: PieceKind | None) -> None:
        kind = record or PieceKind(label="")
        self.label.setText(kind.label)
        self.required.setChecked(kind.required)
        self.services_exempt.setChecked(kind.services_exempt)
        self.renewals_only.setChecked(kind.renewals_only)
        self.active.setChecked(kind.active)

    def wanted(self) -> PieceKind:
        base = self.record or PieceKind(label="", position=len(self.others))
        return replace(
            base,
            label=self.label.text().strip(),
            required=self.required.isChecked(),
            services_exempt=self.services_exempt.isChecked(),
            renewals_only=self.renewals_only.isChecked(),
            active=self.active.isChecked(),
        )

    def problems(self) -> list[ValidationError]:
        return kind_problems(self.wanted(), self.others)

    def write(self) -> Callable[[Dossier, PieceKind | None, PieceKind | None], PieceKind | None]:
        return write_piece_kind

    def fetch(self, record: PieceKind) -> PieceKind | None:
        return next((k for k in load_piece_kinds(self.session.dossier) if k.id == record.id), None)

    def describe(self, record: PieceKind | None) -> str:
        return f"Pièce « {record.label} »" if record and record.label else "Nouvelle pièce"
