"""The funding cycle in the action editor: acts, payments (refused, warned, recorded with
their status moves, undone), and status/money contradictions shown while editing."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.funding import PaymentKind
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.action_funding import load_action_funding
from contrat_desktop.operations.programmation import find_action
from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.dialogs.funding.act_dialog import ActDialog
from contrat_desktop.ui.dialogs.funding.payment_dialog import PaymentDialog
from contrat_desktop.ui.session import DossierSession

NOTIFIED = 66  # 2016-CS-011 in the demo: notified, nothing paid yet
UNDER_REVIEW = 59  # 2016-CS-004: en instruction


def status(session: DossierSession, action_id: int) -> ActionStatus:
    action = find_action(session.dossier, action_id)
    assert action is not None
    return action.status


def test_a_payment_is_refused_beyond_what_is_left_then_recorded_and_undone(
    qtbot: QtBot, session: DossierSession
) -> None:
    funding = load_action_funding(session.dossier, NOTIFIED)
    assert status(session, NOTIFIED) is ActionStatus.NOTIFIED
    first = funding.lines[0]
    dialog = PaymentDialog(session, funding, first.line.id, None)
    qtbot.addWidget(dialog)
    assert dialog.amount.cents() == first.left_cents  # suggested: the whole grant
    assert dialog.kind.currentData() == PaymentKind.SINGLE
    dialog.amount.setText(str(first.left_cents // 100 + 1))
    dialog.amount.textEdited.emit(dialog.amount.text())
    assert not dialog.save()
    error = dialog.field_errors["amount_cents"]
    assert error.isVisibleTo(dialog) and "dépasse le reste à verser" in error.text()
    dialog.amount.set_cents(first.left_cents // 2)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PaymentKind.ADVANCE))
    dialog.problems()
    assert "« En cours »" in dialog.verdict.text()
    assert dialog.save()
    assert status(session, NOTIFIED) is ActionStatus.RUNNING
    after = load_action_funding(session.dossier, NOTIFIED)
    assert after.lines[0].paid_cents == first.left_cents // 2
    session.undo_stack.undo()
    assert status(session, NOTIFIED) is ActionStatus.NOTIFIED
    assert load_action_funding(session.dossier, NOTIFIED).lines[0].paid_cents == 0
    session.undo_stack.redo()
    assert status(session, NOTIFIED) is ActionStatus.RUNNING


def test_an_act_with_a_bad_ej_is_refused_under_its_field(
    qtbot: QtBot, session: DossierSession
) -> None:
    funding = load_action_funding(session.dossier, NOTIFIED)
    before = funding.lines[0].line
    dialog = ActDialog(session, funding, funding.lines[0])
    qtbot.addWidget(dialog)
    dialog.ej.setText("21-ABC")
    assert not dialog.save()
    assert "10 chiffres" in dialog.field_errors["ej_number"].text()
    assert load_action_funding(session.dossier, NOTIFIED).lines[0].line == before
    dialog.ej.setText("EJ 2103 456 789")
    dialog.number.setText("AR-2016-11")
    assert dialog.save()
    saved = load_action_funding(session.dossier, NOTIFIED).lines[0].line
    assert (saved.ej_number, saved.act_number) == ("2103456789", "AR-2016-11")
    session.undo_stack.undo()
    undone = load_action_funding(session.dossier, NOTIFIED).lines[0].line
    assert replace(undone, version=0) == replace(before, version=0)


def test_granted_typed_on_an_action_under_review_is_flagged_at_once(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = ActionDialog(session, UNDER_REVIEW)
    qtbot.addWidget(dialog)
    assert not dialog.alerts.isVisibleTo(dialog)
    dialog.grid.table.item(0, 3).setText("1 000")
    assert dialog.alerts.isVisibleTo(dialog)
    assert "accordés alors que l'action est « En instruction »" in dialog.alerts.text()
    dialog.grid.table.item(0, 3).setText("")
    assert not dialog.alerts.isVisibleTo(dialog)


def test_the_editor_tab_lists_lines_and_payments_and_follows_a_payment(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = ActionDialog(session, NOTIFIED)
    qtbot.addWidget(dialog)
    tab = dialog.funding_tab
    assert tab is not None and tab.table.rowCount() == 0
    assert tab.lines.rowCount() == len(load_action_funding(session.dossier, NOTIFIED).lines)
    assert tab.pay_button.isEnabled()
    funding = load_action_funding(session.dossier, NOTIFIED)
    payment = PaymentDialog(session, funding, funding.lines[0].line.id, None, dialog)
    qtbot.addWidget(payment)
    assert payment.save()
    tab.changed.emit()
    assert tab.table.rowCount() == 1
    assert "En cours" in dialog.status_label.text()


def test_due_payments_are_paid_several_at_once_in_one_undo_step(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.operations.due_payments import payments_due
    from contrat_desktop.ui.dialogs.funding.due_payments_dialog import (
        AMOUNT_COLUMN,
        DuePaymentsDialog,
    )

    state = session.references.funders[0]
    assert state.id is not None
    due = payments_due(session.dossier, state.id, 2016)
    assert len(due) >= 3
    dialog = DuePaymentsDialog(session, state.id, 2016)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(due)
    assert not dialog.save_button.isEnabled()
    for row in range(3):
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    dialog.table.item(2, AMOUNT_COLUMN).setText("9 999 999")  # beyond what is left
    assert not dialog.save()
    assert due[2].open_line.reference in dialog.errors.text()
    assert "dépasse le reste" in dialog.errors.text()
    dialog.table.item(2, AMOUNT_COLUMN).setText(format_cents(due[2].amount_cents))
    assert dialog.save()
    left = payments_due(session.dossier, state.id, 2016)
    assert len(left) == len(due) - sum(d.kind is not PaymentKind.ADVANCE for d in due[:3])
    assert session.undo_stack.count() >= 1
    session.undo_stack.undo()
    assert [d.line_id for d in payments_due(session.dossier, state.id, 2016)] == [
        d.line_id for d in due
    ]


def test_the_funders_page_shows_what_is_left_to_pay(qtbot: QtBot, session: DossierSession) -> None:
    from contrat_desktop.ui.pages.funders import FundersPage

    page = FundersPage(session)
    qtbot.addWidget(page)
    page.select_funder(session.references.funders[0].id or 0)
    headers = [
        page.envelope_model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(page.envelope_model.columnCount())
    ]
    assert "Reste à verser" in headers
    use = page.envelope_model.row(0)
    assert use.left_to_pay_cents == use.committed_cents - use.paid_cents
    assert page.pay_button.isEnabled()


def test_a_bilan_entered_moves_the_action_and_undo_puts_it_back(
    qtbot: QtBot, session: DossierSession
) -> None:
    from datetime import date

    from contrat_desktop.ui.dialogs.funding.bilan_dialog import BilanDialog

    running = 20  # 2015-CS-020: en cours, advance paid, no bilan yet
    assert status(session, running) is ActionStatus.RUNNING
    dialog = BilanDialog(session, load_action_funding(session.dossier, running))
    qtbot.addWidget(dialog)
    dialog.received.set_value(date(2016, 6, 2))
    dialog.people["total"].setValue(40)
    dialog.people["women"].setValue(30)
    dialog.people["men"].setValue(20)  # 50 > 40
    assert not dialog.save()
    assert "dépassent le total" in dialog.field_errors["beneficiaries_total"].text()
    dialog.people["men"].setValue(10)
    dialog.assessment.setPlainText("Atelier suivi toute l'année.")
    assert "« Bilan reçu »" in dialog.verdict.text()
    assert dialog.save()
    assert status(session, running) is ActionStatus.REPORT_RECEIVED
    saved = load_action_funding(session.dossier, running).bilan
    assert saved is not None and saved.beneficiaries.women == 30
    session.undo_stack.undo()
    assert status(session, running) is ActionStatus.RUNNING
    assert load_action_funding(session.dossier, running).bilan is None
    session.undo_stack.redo()
    assert status(session, running) is ActionStatus.REPORT_RECEIVED


def test_the_bilan_tab_says_late_and_offers_no_bilan_without_a_grant(
    qtbot: QtBot, session: DossierSession
) -> None:
    late = ActionDialog(session, 20)
    qtbot.addWidget(late)
    assert late.bilan_tab is not None
    assert "30/06/2016" in late.bilan_tab.due.text() and "en retard" in late.bilan_tab.due.text()
    assert late.bilan_tab.button.isEnabled()
    never = ActionDialog(session, UNDER_REVIEW)
    qtbot.addWidget(never)
    assert never.bilan_tab is not None and not never.bilan_tab.button.isEnabled()
    assert "rien n'a été accordé" in never.bilan_tab.due.text()


def test_the_history_says_what_a_payment_was(qtbot: QtBot, session: DossierSession) -> None:
    """QA walk, item 14: Historique showed « Création (Versement) » and nothing else."""
    funding = load_action_funding(session.dossier, NOTIFIED)
    payment = PaymentDialog(session, funding, funding.lines[0].line.id, None)
    qtbot.addWidget(payment)
    assert payment.save()
    dialog = ActionDialog(session, NOTIFIED)
    qtbot.addWidget(dialog)
    audit = dialog.audit
    rows = [
        [audit.model().index(r, c).data() for c in range(audit.model().columnCount())]
        for r in range(audit.model().rowCount())
    ]
    (created,) = [r for r in rows if r[2] == "Création (Versement)"]
    assert re.fullmatch(
        r"\w[\w ]* de [\d\u202f\u00a0 ]+,\d\d\u00a0€ le \d\d/\d\d/\d{4}.*", created[5]
    )


def test_the_editor_tab_aligns_its_amounts_right(qtbot: QtBot, session: DossierSession) -> None:
    """QA walk: « 0,00 € » sat left in « Reste à verser » and the payments' « Montant »."""
    from PySide6.QtCore import Qt

    dialog = ActionDialog(session, 2)
    qtbot.addWidget(dialog)
    tab = dialog.funding_tab
    assert tab is not None and tab.lines.rowCount() and tab.table.rowCount()
    right = Qt.AlignmentFlag.AlignRight
    lines = [tab.lines.horizontalHeaderItem(c).text() for c in range(tab.lines.columnCount())]
    for header in ("Accordé", "Versé", "Reste à verser"):
        item = tab.lines.item(0, lines.index(header))
        assert "€" in item.text() and Qt.AlignmentFlag(item.textAlignment()) & right
    amount = tab.table.item(0, 3)
    assert "€" in amount.text() and Qt.AlignmentFlag(amount.textAlignment()) & right
    assert not Qt.AlignmentFlag(tab.table.item(0, 1).textAlignment()) & right  # a funder


def test_due_payments_say_so_when_a_funder_has_nothing_to_pay(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.operations.due_payments import payments_due
    from contrat_desktop.ui.dialogs.funding.due_payments_dialog import DuePaymentsDialog

    ofii = next(f for f in session.references.funders if f.name == "OFII")
    assert ofii.id is not None
    assert not payments_due(session.dossier, ofii.id, 2016)
    assert payments_due(session.dossier, ofii.id, 2015)
    dialog = DuePaymentsDialog(session, ofii.id, 2016)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == "Aucun versement à faire pour OFII en 2016."
    assert not dialog.table.isVisible()
    assert not dialog.check_all.isEnabled()
    dialog.year.setCurrentIndex(dialog.year.findData(2015))
    assert dialog.table.isVisible() and not dialog.empty.isVisible()


def test_the_bilan_is_typed_from_its_first_field_to_its_button_with_tab(
    qtbot: QtBot, session: DossierSession
) -> None:
    """The keyboard starts on « Reçu le », not on the buttons, and Tab walks every field,
    the empty dates included, to « Enregistrer »."""
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.ui.dialogs.funding.bilan_dialog import BilanDialog

    dialog = BilanDialog(session, load_action_funding(session.dossier, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.received
    seen = []
    for _press in range(80):
        widget = QApplication.focusWidget()
        if widget is dialog.save_button:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.save_button
    fields = [e for e in dialog.editors.values() if e.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert len(fields) > 10 and [e.accessibleName() for e in fields if e not in seen] == []
