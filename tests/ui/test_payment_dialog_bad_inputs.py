"""The payment editor refuses a date before the decision and a negative amount that is not
a reversement: the French message under the field, nothing recorded."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from contrat_desktop.domain.funding import PaymentKind
from contrat_desktop.operations.action_funding import load_action_funding
from contrat_desktop.ui.dialogs.funding.payment_dialog import PaymentDialog
from contrat_desktop.ui.session import DossierSession

NOTIFIED = 66  # 2016-CS-011 in the demo: notified, nothing paid yet


def payments(session: DossierSession) -> int:
    return int(session.dossier.db.execute("SELECT count(*) FROM payment").fetchone()[0])


def test_a_date_before_the_decision_and_a_negative_amount_are_refused(
    qtbot: QtBot, session: DossierSession
) -> None:
    funding = load_action_funding(session.dossier, NOTIFIED)
    line = funding.lines[0]
    assert line.line.decision_date is not None
    before, audited = (
        payments(session),
        session.dossier.db.execute("SELECT count(*) FROM audit").fetchone(),
    )
    dialog = PaymentDialog(session, funding, line.line.id, None)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PaymentKind.ADVANCE))
    dialog.amount.set_cents(100_000)
    dialog.paid_on.set_value(line.line.decision_date - timedelta(days=1))
    assert not dialog.save()
    error = dialog.field_errors["paid_on"]
    assert error.isVisibleTo(dialog) and "précède la décision" in error.text()
    dialog.paid_on.set_value(line.line.decision_date + timedelta(days=10))
    dialog.amount.setText("-1 000")
    dialog.amount.textEdited.emit(dialog.amount.text())
    assert not dialog.save()
    said = dialog.field_errors["amount_cents"].text()
    assert "négatif" in said or "supérieur à zéro" in said, said
    assert payments(session) == before
    assert session.dossier.db.execute("SELECT count(*) FROM audit").fetchone() == audited
