""" "Versements à faire": the lines a funder can pay for a year, several paid in one step.

Each row proposes the usual payment (the whole grant under an arrêté, half as an advance
under a convention, the rest as the solde); the user ticks the rows, adjusts a kind or an
amount, gives the date and the mandate reference, sees what the rules warn about, then
records them in one transaction, undoable as one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funding import Payment, PaymentKind
from contrat_desktop.domain.money import amount_or_none, format_cents, parse_money
from contrat_desktop.operations.due_payments import (
    DuePayment,
    campaign_years,
    paying_funders,
    payments_due,
)
from contrat_desktop.operations.payments import check_payments
from contrat_desktop.ui.dialogs.funding.verdict_label import VerdictLabel
from contrat_desktop.ui.funding_commands import RecordPaymentsCommand
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.widgets.cell_checks import CheckedCellDelegate, amount_problem, mark_cell
from contrat_desktop.ui.widgets.column_room import content_widths, elide_middle, share_width
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.widgets.table_editing import editable_table, set_cell_widget

HEADERS = ["", "Référence", "Action", "Porteur", "Statut", "Accordé", "Déjà versé", "Reste"]
HEADERS += ["Type", "Montant"]
ACTION_COLUMN, HOLDER_COLUMN, KIND_COLUMN, AMOUNT_COLUMN = 2, 3, 8, 9
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_STYLE = "color: #b71c1c; background: #fdecea; padding: 6px; border: 1px solid #e57373;"


class DuePaymentsDialog(QDialog):
    def __init__(
        self,
        session: DossierSession,
        funder_id: int | None = None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Versements à faire")
        self.due: list[DuePayment] = []
        self.refusals: list[str] = []
        self.warnings: list[str] = []
        self.funder = QComboBox(self)
        self.funder.setAccessibleName("Financeur qui verse")
        for funder in paying_funders(session.dossier):
            self.funder.addItem(funder.name, funder.id)
        self.year = QComboBox(self)
        self.year.setAccessibleName("Année de la campagne")
        for value in campaign_years(session.dossier):
            self.year.addItem(str(value), value)
        if funder_id is not None:
            self.funder.setCurrentIndex(max(self.funder.findData(funder_id), 0))
        chosen = year or session.campaign_year
        if chosen is not None:
            self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        self.summary = QLabel(self)
        self.empty = QLabel(self)  # says so when the funder has nothing to pay that year
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.table = editable_table(HEADERS, "Lignes à payer", self)  # Échap: one cell only
        self.table.setItemDelegate(CheckedCellDelegate(self._check, self.table))
        self.table.setWordWrap(False)  # one line a row: a long name is cut, read in its tooltip
        elide_middle(self.table, HOLDER_COLUMN)  # « Centre communal d'act…Marne (CCAS) »
        self.sharing = share_width(self.table, {ACTION_COLUMN: 1, HOLDER_COLUMN: 1})
        self.table.itemChanged.connect(self._item_changed)
        self.check_all = QPushButton("Tout &cocher", self)
        self.check_all.clicked.connect(lambda: self._check_all(True))
        self.uncheck_all = QPushButton("Tout &décocher", self)
        self.uncheck_all.clicked.connect(lambda: self._check_all(False))
        self.paid_on = DateEdit(self)
        self.paid_on.setAccessibleName("Date des versements")
        self.paid_on.set_value(date.today())
        self.paid_on.dateChanged.connect(lambda _d: self._refresh())
        self.reference = QLineEdit(self)
        self.reference.setAccessibleName("Référence comptable des versements")
        self.reference.setPlaceholderText("n° de mandat ou de bordereau (facultatif)")
        self.errors = QLabel(self)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        self.verdict = VerdictLabel(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            "&Enregistrer les versements cochés", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Fermer", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Financeur :", self, buddy=self.funder))
        top.addWidget(self.funder, 1)
        top.addWidget(QLabel("&Année :", self, buddy=self.year))
        top.addWidget(self.year)
        checks = QHBoxLayout()
        checks.addWidget(self.check_all)
        checks.addWidget(self.uncheck_all)
        checks.addStretch(1)
        checks.addWidget(self.summary)
        form = QHBoxLayout()  # a date needs no more room than its ten characters
        form.addWidget(QLabel("Date des &versements :", self, buddy=self.paid_on))
        form.addWidget(self.paid_on)
        form.addSpacing(12)
        form.addWidget(QLabel("&Référence :", self, buddy=self.reference))
        form.addWidget(self.reference, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(checks)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.funder.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(1200, 640)
        self.reload()

    # content --------------------------------------------------------------------------
    def reload(self) -> None:
        funder_id, year = self.funder.currentData(), self.year.currentData()
        self.due = payments_due(self.session.dossier, funder_id, year) if funder_id and year else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.due))
        for row, due in enumerate(self.due):
            line = due.open_line
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, check)
            texts = [line.reference, line.title, line.holder, line.status.label]
            for column, text in enumerate(texts, start=1):
                self._fixed(row, column, text)
            for column, cents in enumerate(
                (line.money.granted_cents, line.money.paid_cents, line.money.left_cents), start=5
            ):
                self._fixed(row, column, format_cents(cents), right=True)
            kind = QComboBox(self.table)
            for value in PaymentKind:
                if value is not PaymentKind.REFUND:
                    kind.addItem(value.label, value)
            kind.setCurrentIndex(kind.findData(due.kind))
            kind.currentIndexChanged.connect(lambda _i: self._refresh())
            set_cell_widget(self.table, row, KIND_COLUMN, kind)
            amount = QTableWidgetItem(format_cents(due.amount_cents))
            amount.setTextAlignment(RIGHT)
            self.table.setItem(row, AMOUNT_COLUMN, amount)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        # the action and the holder share what the other columns leave, as their texts need
        self.sharing.set_weights(content_widths(self.table, (ACTION_COLUMN, HOLDER_COLUMN)))
        funder, shown_year = self.funder.currentText(), self.year.currentText()
        self.empty.setText(
            f"Aucun versement à faire pour {funder} en {shown_year}."
            if funder_id and year
            else "Choisissez un financeur et une année."
        )
        self.empty.setVisible(not self.due)
        self.table.setVisible(bool(self.due))
        self.check_all.setEnabled(bool(self.due))
        self.uncheck_all.setEnabled(bool(self.due))
        self._refresh()

    @staticmethod
    def _check(column: int, text: str) -> str | None:
        return amount_problem(text) if column == AMOUNT_COLUMN else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """An unreadable amount is marked in its cell at once (the reasons are listed below)."""
        if item.column() == AMOUNT_COLUMN:
            self.table.blockSignals(True)
            mark_cell(item, amount_problem(item.text()))
            self.table.blockSignals(False)
        self._refresh()

    def _fixed(self, row: int, column: int, text: str, *, right: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(text)
        if right:
            item.setTextAlignment(RIGHT)
        self.table.setItem(row, column, item)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)
        self.table.blockSignals(False)
        self._refresh()

    def checked_rows(self) -> list[int]:
        return [
            row
            for row in range(self.table.rowCount())
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    # payments ---------------------------------------------------------------------------
    def payments(self) -> tuple[list[Payment], list[str]]:
        """The payments of the ticked rows, and what cannot be read (row by row)."""
        paid_on = self.paid_on.value()
        problems = [] if paid_on else ["Saisissez la date des versements."]
        found = []
        for row in self.checked_rows():
            due = self.due[row]
            text = self.table.item(row, AMOUNT_COLUMN).text()
            try:
                cents = parse_money(text)
            except ValidationError as error:
                problems.append(f"{due.open_line.reference} – montant : {error}")
                continue
            kind = self.table.cellWidget(row, KIND_COLUMN).currentData()  # type: ignore[union-attr]
            found.append(
                Payment(
                    due.line_id,
                    PaymentKind(kind),
                    cents,
                    paid_on or date.today(),
                    self.reference.text().strip(),
                )
            )
        return found, problems

    def _refresh(self) -> None:
        rows = self.checked_rows()
        left = sum(d.open_line.money.left_cents for d in self.due)
        typed = sum(amount_or_none(self.table.item(row, AMOUNT_COLUMN).text()) or 0 for row in rows)
        self.summary.setText(
            f"{len(self.due)} ligne(s) à payer, reste total {format_cents(left)} — "
            f"cochées : {len(rows)}, soit {format_cents(typed)}"
        )
        self.save_button.setEnabled(bool(rows) and not self.session.read_only)
        payments, problems = self.payments()
        messages = list(problems)
        warnings: list[str] = []
        moves = 0
        if payments and not problems:
            verdicts = check_payments(self.session.dossier, payments)
            for verdict, row in zip(verdicts, rows, strict=True):
                reference = self.due[row].open_line.reference
                messages += [f"{reference} : {e.message}" for e in verdict.errors]
                warnings += [f"{reference} : {w}" for w in verdict.warnings]
                moves += bool(verdict.status_path)
        self.refusals = messages
        self.warnings = warnings
        self.errors.setText("Versements refusés :\n• " + "\n• ".join(messages))
        self.errors.setVisible(bool(messages))
        shown = warnings[:8] + ([f"… et {len(warnings) - 8} autre(s)"] if len(warnings) > 8 else [])
        self.verdict.show_verdict(shown, [])
        if moves:
            self.verdict.setText(
                self.verdict.text()
                + ("\n" if shown else "")
                + f"{moves} action(s) passeront à « En cours » ou « Soldé »."
            )
            self.verdict.show()

    def save(self) -> bool:
        payments, problems = self.payments()
        self._refresh()
        if not payments or problems or self.refusals:
            return False
        total = sum(p.amount_cents for p in payments)
        funder = self.funder.currentText()
        if self.warnings:
            answer = QMessageBox.question(
                self,
                "Versements à faire",
                f"Enregistrer {len(payments)} versement(s) pour {format_cents(total)} malgré "
                "les avertissements affichés ?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        command = RecordPaymentsCommand(
            self.session,
            payments,
            f"{len(payments)} versement(s) de {funder} ({format_cents(total)})",
            self,
        )
        self.session.push(command)
        if command.recorded is None:
            return False
        self.reload()
        return True
