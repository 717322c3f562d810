"""The bilan of an action (the holder's compte rendu, Cerfa 15059): received date, realised
dates, charges and products, subsidy received from each funder, beneficiaries, sessions,
objectives met, assessment, gaps explained, follow-up. Saving moves the action to "bilan
reçu" (then "soldé" when nothing is left to pay), undoable with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from contrat_desktop.domain.actions import AGE_BANDS, Beneficiaries
from contrat_desktop.domain.bilans import ObjectivesMet, RealisedFunding, Report
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.action_funding import ActionFunding
from contrat_desktop.operations.bilans import check_new_bilan, load_bilan
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.funding.verdict_label import VerdictLabel
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.funding_commands import SaveBilanCommand
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.widgets.money_edit import MoneyEdit

NO_VALUE = -1  # spin boxes show "—" at their minimum
PEOPLE = (("total", "Total"), ("women", "Femmes"), ("men", "Hommes"), *AGE_BANDS)


def _spin(parent: QWidget, name: str, maximum: int = 1_000_000, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(NO_VALUE, maximum)
    spin.setSpecialValueText("—")
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    return spin


def _number(spin: QSpinBox) -> int | None:
    return None if spin.value() == NO_VALUE else spin.value()


def _text(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setMaximumHeight(64)
    return edit


class BilanDialog(RecordDialog[Report]):
    entity = "report"
    noun = "ce bilan"

    def __init__(
        self,
        session: DossierSession,
        funding: ActionFunding,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, funding.bilan, parent)
        self.funding = funding
        self.received = DateEdit(self)
        self.start = DateEdit(self)
        self.end = DateEdit(self)
        self.cost = MoneyEdit(self, optional=True)
        self.products = MoneyEdit(self, optional=True)
        self.received_by = {
            cycle.line.funder_id: MoneyEdit(self, optional=True)
            for cycle in funding.lines
            if cycle.line.granted_cents
        }
        self.people = {name: _spin(self, f"Bénéficiaires : {label}") for name, label in PEOPLE}
        self.qpv = _spin(self, "Part résidant en QPV", 100, " %")
        self.sessions = _spin(self, "Séances réalisées", 10_000)
        self.objectives = QComboBox(self)
        self.objectives.addItem("—", None)
        for value in ObjectivesMet:
            self.objectives.addItem(value.label, value)
        self.assessment = _text(self)
        self.gaps = _text(self)
        self.follow_up = _text(self)
        due = f"{funding.bilan_due:%d/%m/%Y}"
        self.form.addRow("Attendu au plus tard le :", QLabel(f"<b>{due}</b>", self))
        self.add_field("&Reçu le :", "received_on", self.received, "Date de réception du bilan")
        self.add_field("Réalisée &du :", "realised_start", self.start, "Début réalisé")
        self.add_field("a&u :", "realised_end", self.end, "Fin réalisée")
        self.add_field(
            "&Charges réalisées :", "realised_cost_cents", self.cost, "Charges réalisées"
        )
        self.add_field(
            "&Produits réalisés :", "realised_funding_cents", self.products, "Produits réalisés"
        )
        self.add_field(
            "Subventions reçues :", "realised_funding", self._funders(), "Subventions reçues"
        )
        self.add_field("&Bénéficiaires :", "beneficiaries_total", self._people(), "Bénéficiaires")
        self.add_field("Part en &QPV :", "qpv_share_percent", self.qpv, "Part résidant en QPV")
        self.add_field("&Séances :", "sessions_held", self.sessions, "Séances réalisées")
        self.add_field("&Objectifs atteints :", "objectives_met", self.objectives, "Objectifs")
        self.add_field("&Appréciation :", "assessment", self.assessment, "Appréciation qualitative")
        self.add_field("Écarts e&xpliqués :", "gap_explanation", self.gaps, "Écarts expliqués")
        self.add_field("Sui&tes :", "follow_up", self.follow_up, "Suites envisagées")
        for widget in (*self.received_by.values(), *self.people.values()):
            self._track(widget)
        self.verdict = VerdictLabel(self)
        self.save_button.setText("&Enregistrer le bilan")
        self.resize(720, 820)
        self.finish(self.verdict)

    def _funders(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        names = {c.line.funder_id: c for c in self.funding.lines}
        for row, (funder_id, edit) in enumerate(self.received_by.items()):
            cycle = names[funder_id]
            label = f"{cycle.funder_name} (accordé {format_cents(cycle.line.granted_cents or 0)})"
            grid.addWidget(QLabel(label, box), row, 0)
            edit.setAccessibleName(f"Subvention reçue de {cycle.funder_name}")
            grid.addWidget(edit, row, 1)
        grid.setColumnStretch(0, 1)
        return box

    def _people(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (name, label) in enumerate(PEOPLE):
            row, column = divmod(index, 3)
            grid.addWidget(QLabel(label, box), row * 2, column)
            grid.addWidget(self.people[name], row * 2 + 1, column)
        return box

    # RecordDialog -----------------------------------------------------------------
    def load(self, record: Report | None) -> None:
        report = record or Report(self.funding.action_id)
        self.received.set_value(report.received_on or (None if record else date.today()))
        self.start.set_value(report.realised_start)
        self.end.set_value(report.realised_end)
        self.cost.set_cents(report.realised_cost_cents)
        self.products.set_cents(report.realised_funding_cents)
        amounts = {part.funder_id: part.amount_cents for part in report.funding}
        for funder_id, edit in self.received_by.items():
            edit.set_cents(amounts.get(funder_id))
        for name, spin in self.people.items():
            value = getattr(report.beneficiaries, name)
            spin.setValue(NO_VALUE if value is None else value)
        share = report.beneficiaries.qpv_share_percent
        self.qpv.setValue(NO_VALUE if share is None else share)
        self.sessions.setValue(NO_VALUE if report.sessions_held is None else report.sessions_held)
        self.objectives.setCurrentIndex(max(self.objectives.findData(report.objectives_met), 0))
        self.assessment.setPlainText(report.assessment)
        self.gaps.setPlainText(report.gap_explanation)
        self.follow_up.setPlainText(report.follow_up)

    def wanted(self) -> Report:
        base = self.record or Report(self.funding.action_id)
        objectives = self.objectives.currentData()
        people = {name: _number(spin) for name, spin in self.people.items()}
        return replace(
            base,
            received_on=self.received.value(),
            realised_start=self.start.value(),
            realised_end=self.end.value(),
            realised_cost_cents=self.cost.cents(),
            realised_funding_cents=self.products.cents(),
            funding=tuple(
                RealisedFunding(funder_id, cents)
                for funder_id, edit in self.received_by.items()
                if (cents := edit.cents()) is not None
            ),
            beneficiaries=Beneficiaries(**people, qpv_share_percent=_number(self.qpv)),
            sessions_held=_number(self.sessions),
            objectives_met=ObjectivesMet(objectives) if objectives else None,
            assessment=self.assessment.toPlainText().strip(),
            gap_explanation=self.gaps.toPlainText().strip(),
            follow_up=self.follow_up.toPlainText().strip(),
        )

    def problems(self) -> list[ValidationError]:
        found = [
            ValidationError(edit.error, field=key)
            for key, edit in (
                ("realised_cost_cents", self.cost),
                ("realised_funding_cents", self.products),
                *(("realised_funding", e) for e in self.received_by.values()),
            )
            if edit.error
        ]
        if found:
            return found
        verdict = check_new_bilan(self.session.dossier, self.wanted())
        self.verdict.show_verdict(verdict.warnings, verdict.status_path)
        return list(verdict.errors)

    def write(self) -> Callable[[Dossier, Report | None, Report | None], Report | None]:
        raise NotImplementedError  # saved by ``save`` through SaveBilanCommand

    def fetch(self, record: Report) -> Report | None:
        return load_bilan(self.session.dossier, record.action_id)

    def describe(self, record: Report | None) -> str:
        return f"Bilan de l'action {self.funding.reference}"

    def save(self) -> bool:
        if self.session.read_only:
            return False
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return False
        command = SaveBilanCommand(
            self.session, self.record, self.wanted(), self.describe(self.record), self
        )
        self.session.push(command)
        if command.saved is None:
            return False
        self.record = command.saved.report
        self._reload()
        return True
