"""One payment on a funding line of an action: a new one (its status moves shown before it
is recorded) or a correction of a recorded one. Refusals are shown under their field;
warnings (a solde before the bilan, no act recorded...) above the buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import Payment, PaymentKind
from contrat_desktop.domain.money import format_cents, parse_money
from contrat_desktop.domain.payment_rules import suggested_payment
from contrat_desktop.operations.action_funding import ActionFunding, LineCycle
from contrat_desktop.operations.payments import check_payment_edit, find_payment, write_payment
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.dialogs.funding.verdict_label import VerdictLabel
from contrat_desktop.ui.dialogs.record_dialog import RecordDialog
from contrat_desktop.ui.funding_commands import RecordPaymentsCommand
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.widgets.money_edit import MoneyEdit


class PaymentDialog(RecordDialog[Payment]):
    entity = "payment"
    noun = "ce versement"

    def __init__(
        self,
        session: DossierSession,
        funding: ActionFunding,
        line_id: int | None,
        payment: Payment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, payment, parent)
        self.funding = funding
        self.reference_label = funding.reference
        self.line = QComboBox(self)
        for cycle in funding.lines:
            if cycle.line.granted_cents or cycle.paid_cents:
                self.line.addItem(_line_text(cycle), cycle.line.id)
        chosen = payment.funding_line_id if payment else line_id
        index = self.line.findData(chosen)
        self.line.setCurrentIndex(max(index, 0))
        self.line.setEnabled(payment is None)
        self.kind = QComboBox(self)
        for kind in PaymentKind:
            self.kind.addItem(kind.label, kind)
        self.amount = MoneyEdit(self)
        self.paid_on = DateEdit(self)
        self.accounting = QLineEdit(self)
        self.accounting.setPlaceholderText("n° de mandat, de demande de paiement…")
        self.add_field("&Financeur :", "funding_line_id", self.line, "Ligne de financement")
        self.add_field("&Type :", "kind", self.kind, "Type de versement")
        self.add_field("&Montant :", "amount_cents", self.amount, "Montant du versement")
        self.add_field("&Date :", "paid_on", self.paid_on, "Date du versement")
        self.add_field(
            "&Référence :", "accounting_reference", self.accounting, "Référence comptable"
        )
        self.verdict = VerdictLabel(self)
        self.save_button.setText("&Enregistrer le versement")
        self.line.currentIndexChanged.connect(lambda _i: self._suggest())
        self.resize(560, 300)
        self.finish(self.verdict)

    # RecordDialog -----------------------------------------------------------------
    def load(self, record: Payment | None) -> None:
        if record is None:
            self.paid_on.set_value(date.today())
            self._suggest()
            return
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.amount.set_cents(record.amount_cents)
        self.paid_on.set_value(record.paid_on)
        self.accounting.setText(record.accounting_reference)

    def _suggest(self) -> None:
        if self.record is not None:
            return
        cycle = self.current_cycle()
        if cycle is None:
            return
        money = self.funding.money.line(cycle.line.id)
        if money is None:
            return
        kind, cents = suggested_payment(money, bool(self.funding.bilan))
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.amount.set_cents(cents)

    def current_cycle(self) -> LineCycle | None:
        line_id = self.line.currentData()
        return next((c for c in self.funding.lines if c.line.id == line_id), None)

    def wanted(self) -> Payment:
        base = self.record or Payment(0, PaymentKind.ADVANCE, 0, date.today())
        return replace(
            base,
            funding_line_id=self.line.currentData() or 0,
            kind=PaymentKind(self.kind.currentData()),
            amount_cents=self.amount.cents() or 0,
            paid_on=self.paid_on.value() or date.today(),
            accounting_reference=self.accounting.text().strip(),
        )

    def problems(self) -> list[ValidationError]:
        if self.line.currentData() is None:
            return [
                ValidationError(
                    "Aucun financeur n'a accordé de montant à cette action : rien à verser.",
                    field="funding_line_id",
                )
            ]
        found = []
        text = self.amount.text().strip()
        if not text:
            found.append(ValidationError("Saisissez le montant.", field="amount_cents"))
        else:
            try:
                parse_money(text)
            except ValidationError as error:
                found.append(ValidationError(str(error), field="amount_cents"))
        if self.paid_on.value() is None:
            found.append(ValidationError("Saisissez la date du versement.", field="paid_on"))
        if found:
            self.verdict.show_verdict([], [])
            return found
        verdict = check_payment_edit(self.session.dossier, self.record, self.wanted())
        self.verdict.show_verdict(verdict.warnings, verdict.status_path)
        return list(verdict.errors)

    def write(self) -> Callable[[Dossier, Payment | None, Payment | None], Payment | None]:
        return write_payment

    def fetch(self, record: Payment) -> Payment | None:
        return find_payment(self.session.dossier, record.id or 0)

    def describe(self, record: Payment | None) -> str:
        if record is None:
            return f"Nouveau versement – {self.reference_label}"
        return f"Versement du {record.paid_on:%d/%m/%Y} – {self.reference_label}"

    # saving -----------------------------------------------------------------------
    def save(self) -> bool:
        if self.record is not None:
            return super().save()  # a correction: the shared undoable record write
        if self.session.read_only:
            return False
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return False
        wanted = self.wanted()
        cycle = self.current_cycle()
        funder = cycle.funder_name if cycle else ""
        command = RecordPaymentsCommand(
            self.session,
            [wanted],
            f"Versement de {format_cents(wanted.amount_cents)} – {self.reference_label} – {funder}",
            self,
        )
        self.session.push(command)
        if command.recorded is None:
            return False
        self.record = command.recorded.payments[0]
        self._reload()
        return True


def _line_text(cycle: LineCycle) -> str:
    return (
        f"{cycle.funder_name} – accordé {format_cents(cycle.line.granted_cents or 0)}, "
        f"reste {format_cents(cycle.left_cents)}"
    )
