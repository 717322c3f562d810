"""The "Actes et versements" tab of the action editor: each funding line with its act, what
was paid and is left, the convention rule; the payments; buttons to record the act, add,
correct or remove a payment (each written at once, undoable, audited)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from contrat_desktop.domain.funding import Payment
from contrat_desktop.domain.money import format_cents
from contrat_desktop.operations.action_funding import ActionFunding, LineCycle, load_action_funding
from contrat_desktop.operations.payments import write_payment
from contrat_desktop.ui.dialogs.actions.action_tabs import fill, read_only_table
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.undo import SaveRecordCommand

LINE_HEADERS = [
    "Financeur",
    "Accordé",
    "Acte",
    "EJ Chorus",
    "Versé",
    "Reste à verser",
    "Convention",
]
PAYMENT_HEADERS = ["Date", "Financeur", "Type", "Montant", "Référence"]
WARNING_STYLE = "color: #5c4400; background: #fff3cd; padding: 6px; border: 1px solid #e0c36a;"


class FundingCycleTab(QWidget):
    changed = Signal()  # an act or a payment was written: the editor reloads the action

    def __init__(
        self,
        session: DossierSession,
        action_id: int,
        ready: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.action_id = action_id
        self.ready = ready  # asks to save the editor's own edits first; False: stay
        self.funding: ActionFunding | None = None
        self.payments: list[tuple[LineCycle, Payment]] = []
        self.lines = read_only_table(LINE_HEADERS, "Lignes de financement et leurs actes")
        self.lines.doubleClicked.connect(lambda _i: self.edit_act())
        self.conventions = QLabel(self)
        self.conventions.setWordWrap(True)
        self.conventions.setStyleSheet(WARNING_STYLE)
        self.conventions.setAccessibleName("Conventions requises")
        self.act_button = QPushButton("Saisir l'&acte…", self)
        self.act_button.setAccessibleName("Saisir l'acte attributif de la ligne choisie")
        self.act_button.clicked.connect(self.edit_act)
        self.pay_button = QPushButton("Ajouter un ve&rsement…", self)
        self.pay_button.clicked.connect(lambda: self.add_payment())
        self.table = read_only_table(PAYMENT_HEADERS, "Versements de l'action")
        self.table.doubleClicked.connect(lambda _i: self.correct_payment())
        self.correct_button = QPushButton("&Corriger le versement…", self)
        self.correct_button.clicked.connect(self.correct_payment)
        self.remove_button = QPushButton("S&upprimer le versement", self)
        self.remove_button.clicked.connect(self.remove_payment)
        line_buttons = QHBoxLayout()
        for button in (self.act_button, self.pay_button):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        payment_buttons = QHBoxLayout()
        for button in (self.correct_button, self.remove_button):
            payment_buttons.addWidget(button)
        payment_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Lignes de financement</b>", self))
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.conventions)
        layout.addLayout(line_buttons)
        layout.addWidget(QLabel("<b>Versements</b>", self))
        layout.addWidget(self.table, 3)
        layout.addLayout(payment_buttons)
        self.reload()

    def reload(self) -> None:
        funding = self.funding = load_action_funding(self.session.dossier, self.action_id)
        fill(
            self.lines,
            [
                [
                    c.funder_name,
                    format_cents(c.line.granted_cents) if c.line.granted_cents is not None else "—",
                    c.line.act_label() or "—",
                    c.line.ej_number or "—",
                    format_cents(c.paid_cents),
                    format_cents(c.left_cents),
                    _convention(c),
                ]
                for c in funding.lines
            ],
            right=(1, 4, 5),  # the amounts
        )
        self.payments = sorted(
            ((c, p) for c in funding.lines for p in c.payments), key=lambda cp: cp[1].paid_on
        )
        fill(
            self.table,
            [
                [
                    f"{p.paid_on:%d/%m/%Y}",
                    c.funder_name,
                    p.kind.label,
                    format_cents(p.signed_cents),
                    p.accounting_reference,
                ]
                for c, p in self.payments
            ],
            right=(3,),
        )
        messages = [c.convention.message() for c in funding.lines if not c.convention.satisfied]
        self.conventions.setText("\n".join(messages))
        self.conventions.setVisible(bool(messages))
        writable = not self.session.read_only
        granted = any(c.line.granted_cents for c in funding.lines)
        self.act_button.setEnabled(writable and bool(funding.lines))
        self.pay_button.setEnabled(writable and granted)
        self.correct_button.setEnabled(bool(self.payments))
        self.remove_button.setEnabled(writable and bool(self.payments))
        self.correct_button.setText(
            "&Corriger le versement…" if writable else "&Voir le versement…"
        )

    def has_bilan(self) -> bool | None:
        if self.funding is None:
            return None
        return self.funding.bilan is not None and self.funding.bilan.received_on is not None

    def _current_line(self) -> LineCycle | None:
        if self.funding is None or not self.funding.lines:
            return None
        row = self.lines.currentRow()
        return self.funding.lines[row if 0 <= row < len(self.funding.lines) else 0]

    def _current_payment(self) -> Payment | None:
        row = self.table.currentRow()
        return self.payments[row][1] if 0 <= row < len(self.payments) else None

    # writes --------------------------------------------------------------------------
    def edit_act(self) -> None:
        from contrat_desktop.ui.dialogs.funding.act_dialog import ActDialog

        cycle = self._current_line()
        if cycle is None or self.funding is None or not self.ready():
            return
        ActDialog(self.session, self.funding, cycle, self).exec()
        self._written()

    def add_payment(self) -> None:
        from contrat_desktop.ui.dialogs.funding.payment_dialog import PaymentDialog

        if self.funding is None or not self.ready():
            return
        cycle = self._current_line()
        PaymentDialog(
            self.session, self.funding, cycle.line.id if cycle else None, None, self
        ).exec()
        self._written()

    def correct_payment(self) -> None:
        from contrat_desktop.ui.dialogs.funding.payment_dialog import PaymentDialog

        payment = self._current_payment()
        if payment is None or self.funding is None or not self.ready():
            return
        PaymentDialog(self.session, self.funding, None, payment, self).exec()
        self._written()

    def remove_payment(self) -> None:
        payment = self._current_payment()
        if payment is None or not self.ready():
            return
        text = f"le versement de {format_cents(payment.amount_cents)} du {payment.paid_on:%d/%m/%Y}"
        answer = QMessageBox.question(self, "Supprimer un versement", f"Supprimer {text} ?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        command: SaveRecordCommand[Payment] = SaveRecordCommand(
            self.session, f"Supprimer {text}", "payment", write_payment, payment, None, self
        )
        self.session.push(command)
        self._written()

    def _written(self) -> None:
        self.reload()
        self.changed.emit()


def _convention(cycle: LineCycle) -> str:
    if cycle.convention.own_service:
        return "Sans objet (service du financeur)"
    if not cycle.convention.required:
        return "Non requise"
    return "Signée" if cycle.convention.satisfied else "Requise, non signée"
