"""The attributive act of one funding line: kind (arrêté, convention, CPO), number,
signature date, EJ Chorus, the years of a CPO; the convention rule said above the form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import ActKind, FundingLine, act_problems
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.action_funding import (
    ActionFunding,
    LineCycle,
    find_funding_line,
    write_act,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit

WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"
NO_YEAR = 0  # spin boxes show "—" at their minimum


class ActDialog(RecordDialog[FundingLine]):
    entity = "funding_line"
    noun = "cet acte"

    def __init__(
        self,
        session: DossierSession,
        funding: ActionFunding,
        cycle: LineCycle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, cycle.line, parent)
        self.funding = funding
        self.cycle = cycle
        self.kind = QComboBox(self)
        self.kind.addItem("(aucun acte saisi)", None)
        for kind in ActKind:
            self.kind.addItem(kind.label, kind)
        self.number = QLineEdit(self)
        self.signed_on = DateEdit(self)
        self.ej = QLineEdit(self)
        self.ej.setPlaceholderText("10 chiffres, ex. 2103456789")
        self.first_year = self._year()
        self.last_year = self._year()
        convention = QLabel(cycle.convention.message(), self)
        convention.setWordWrap(True)
        convention.setStyleSheet("" if cycle.convention.satisfied else WARNING_STYLE)
        convention.setVisible(bool(cycle.convention.message()))
        convention.setAccessibleName("Règle de la convention")
        granted = cycle.line.granted_cents or 0
        self.form.addRow("Financeur :", QLabel(f"<b>{cycle.funder_name}</b>", self))
        self.form.addRow("Accordé :", QLabel(format_cents(granted), self))
        self.add_field("&Type d'acte :", "act_kind", self.kind, "Type d'acte attributif")
        self.add_field("&Numéro :", "act_number", self.number, "Numéro de l'acte")
        self.add_field("&Signé le :", "act_signed_on", self.signed_on, "Date de signature")
        self.add_field("&EJ Chorus :", "ej_number", self.ej, "Engagement juridique Chorus")
        self.add_field("CPO : &de", "cpo_first_year", self.first_year, "Première année de la CPO")
        self.add_field("CPO : &à", "cpo_last_year", self.last_year, "Dernière année de la CPO")
        self.kind.currentIndexChanged.connect(lambda _i: self._cpo_fields())
        self.resize(560, 320)
        self.finish(convention)
        self._cpo_fields()

    def _year(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(NO_YEAR, 2100)
        spin.setSpecialValueText("—")
        return spin

    def _cpo_fields(self) -> None:
        cpo = self._kind() is ActKind.MULTI_YEAR
        for spin, year in (
            (self.first_year, self.funding.year),
            (self.last_year, self.funding.year + 2),
        ):
            spin.setEnabled(cpo and not self.session.read_only)
            if cpo and spin.value() == NO_YEAR:
                spin.setValue(year)

    def _kind(self) -> ActKind | None:
        data = self.kind.currentData()
        return ActKind(data) if data else None

    def load(self, record: FundingLine | None) -> None:
        assert record is not None
        self.kind.setCurrentIndex(self.kind.findData(record.act_kind))
        self.number.setText(record.act_number)
        self.signed_on.set_value(record.act_signed_on)
        self.ej.setText(record.ej_number)
        self.first_year.setValue(record.cpo_first_year or NO_YEAR)
        self.last_year.setValue(record.cpo_last_year or NO_YEAR)

    def wanted(self) -> FundingLine:
        assert self.record is not None
        kind = self._kind()
        cpo = kind is ActKind.MULTI_YEAR
        return replace(
            self.record,
            act_kind=kind,
            act_number=self.number.text().strip(),
            act_signed_on=self.signed_on.value(),
            ej_number=self.ej.text().strip(),
            cpo_first_year=(self.first_year.value() or None) if cpo else None,
            cpo_last_year=(self.last_year.value() or None) if cpo else None,
        )

    def problems(self) -> list[ValidationError]:
        return act_problems(self.wanted(), self.funding.year)

    def write(
        self,
    ) -> Callable[[Dossier, FundingLine | None, FundingLine | None], FundingLine | None]:
        return write_act

    def fetch(self, record: FundingLine) -> FundingLine | None:
        return find_funding_line(self.session.dossier, record.id or 0)

    def describe(self, record: FundingLine | None) -> str:
        return f"Acte – {self.funding.reference} – {self.cycle.funder_name}"
