"""The funder (financeur) editor, and the editor of one funder's envelope for a year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Envelope, Funder, FunderKind
from contrat_desktop.domain.money import parse_money
from contrat_desktop.operations.funders import (
    FIRST_YEAR,
    LAST_YEAR,
    check_envelope,
    check_funder,
    envelopes_of,
    find_envelope,
    find_funder,
    load_funder,
    save_envelope,
    save_funder,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.money_edit import MoneyEdit


class FunderDialog(RecordDialog[Funder]):
    entity = "funder"
    noun = "ce financeur"

    def __init__(
        self, session: DossierSession, funder_id: int | None, parent: QWidget | None = None
    ) -> None:
        record = load_funder(session.dossier, funder_id) if funder_id else None
        super().__init__(session, record, parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("ex. État – politique de la ville (BOP 147)")
        self.short_name = QLineEdit(self)
        self.short_name.setPlaceholderText("ex. État BOP 147 (nom des colonnes)")
        self.kind = QComboBox(self)
        for kind in FunderKind:
            self.kind.addItem(kind.label, kind.value)
        self.service = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText("Nom, courriel, téléphone")
        self.siret = QLineEdit(self)
        self.siret.setPlaceholderText("14 chiffres (données ouvertes des subventions)")
        self.active = QCheckBox("Financeur &actif (proposé dans les plans de financement)", self)
        self.add_field("&Nom* :", "name", self.name, "Nom du financeur")
        self.add_field("Nom &court :", "short_name", self.short_name, "Nom court")
        self.add_field("&Type :", "kind", self.kind, "Type de financeur")
        self.add_field("&Service instructeur :", "instructing_service", self.service, "Service")
        self.add_field("C&ontact :", "contact", self.contact, "Contact")
        self.add_field("S&IRET :", "siret", self.siret, "SIRET du financeur")
        self.add_field("", "active", self.active, "Financeur actif")
        self.resize(560, 320)
        self.finish()

    def load(self, record: Funder | None) -> None:
        funder = record or Funder(name="", kind=FunderKind.OTHER)
        self.name.setText(funder.name)
        self.short_name.setText(funder.short_name)
        self.kind.setCurrentIndex(self.kind.findData(funder.kind.value))
        self.service.setText(funder.instructing_service)
        self.contact.setText(funder.contact)
        self.siret.setText(funder.siret)
        self.active.setChecked(funder.active)

    def wanted(self) -> Funder:
        base = self.record or Funder(name="", kind=FunderKind.OTHER, position=self._next_position())
        return replace(
            base,
            name=self.name.text().strip(),
            short_name=self.short_name.text().strip(),
            kind=FunderKind(self.kind.currentData()),
            instructing_service=self.service.text().strip(),
            contact=self.contact.text().strip(),
            siret="".join(self.siret.text().split()),
            active=self.active.isChecked(),
        )

    def _next_position(self) -> int:
        return max((f.position for f in self.session.references.funders), default=0) + 1

    def problems(self) -> list[ValidationError]:
        return check_funder(self.session.dossier, self.wanted())

    def write(self) -> Callable[[Dossier, Funder | None, Funder | None], Funder | None]:
        return save_funder

    def fetch(self, record: Funder) -> Funder | None:
        return find_funder(self.session.dossier, record.id or 0)

    def describe(self, record: Funder | None) -> str:
        if record is None or not record.name:
            return "Nouveau financeur"
        return f"Financeur {record.display_name}"


class EnvelopeDialog(RecordDialog[Envelope]):
    """One year's envelope of one funder: a new one (year to choose) or its amount."""

    entity = "envelope"
    noun = "cette enveloppe"

    def __init__(
        self,
        session: DossierSession,
        funder: Funder,
        envelope: Envelope | None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, envelope, parent)
        assert funder.id is not None
        self.funder = funder
        self.default_year = year or session.campaign_year or FIRST_YEAR
        self.year = QSpinBox(self)
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setEnabled(envelope is None)  # an envelope keeps its year
        self.amount = MoneyEdit(self)
        self.form.addRow("Financeur :", QLabel(f"<b>{funder.name}</b>", self))
        self.add_field("&Année :", "year", self.year, "Année de l'enveloppe")
        self.add_field("&Montant :", "amount", self.amount, "Montant de l'enveloppe")
        self.resize(420, 180)
        self.finish()

    def load(self, record: Envelope | None) -> None:
        self.year.setValue(record.year if record else self.default_year)
        self.amount.set_cents(record.amount_cents if record else None)

    def wanted(self) -> Envelope:
        base = self.record or Envelope(funder_id=self.funder.id or 0, year=0, amount_cents=0)
        return replace(base, year=self.year.value(), amount_cents=self.amount.cents() or 0)

    def problems(self) -> list[ValidationError]:
        text = self.amount.text().strip()
        if not text:
            return [ValidationError("Saisissez le montant de l'enveloppe.", field="amount")]
        try:
            parse_money(text)
        except ValidationError as error:
            return [ValidationError(str(error), field="amount")]
        return check_envelope(self.session.dossier, self.wanted())

    def write(self) -> Callable[[Dossier, Envelope | None, Envelope | None], Envelope | None]:
        return save_envelope

    def fetch(self, record: Envelope) -> Envelope | None:
        return find_envelope(self.session.dossier, record.id or 0)

    def describe(self, record: Envelope | None) -> str:
        year = record.year if record else self.default_year
        return f"Enveloppe {year} – {self.funder.display_name}"


if __name__ == "__main__":  # pragma: no cover - a preview on the demo dossier
    from contrat_desktop.ui.dialogs.preview import preview_on_demo

    def show(session: DossierSession) -> None:
        FunderDialog(session, 1).exec()
        first = load_funder(session.dossier, 1)
        EnvelopeDialog(session, first, envelopes_of(session.dossier, 1)[0]).exec()

    preview_on_demo(show)
