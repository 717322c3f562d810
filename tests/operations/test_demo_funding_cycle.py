"""The demo shows the whole funding cycle: acts with their EJ, every kind of payment
including a reversement, bilans received and late, and each kind of reminder at least once."""

from __future__ import annotations

from datetime import date

from contrat_desktop.domain.funding import PaymentKind
from contrat_desktop.operations.reminders import REMINDER_KINDS, count_by_kind, list_reminders
from contrat_desktop.storage.database import Dossier


def test_each_reminder_kind_appears_in_the_demo(demo: Dossier) -> None:
    counts = count_by_kind(list_reminders(demo, today=date(2026, 12, 4)))
    assert set(counts) == {kind.code for kind in REMINDER_KINDS}
    assert counts["bilan_late"] >= 5 and counts["money_contradiction"] == 1


def test_acts_payments_and_bilans_of_every_kind(demo: Dossier) -> None:
    db = demo.db
    kinds = dict(db.execute("SELECT kind, count(*) FROM payment GROUP BY kind").fetchall())
    assert {k.value for k in PaymentKind} - {"acompte"} <= set(kinds)
    assert kinds["reversement"] == 1 and kinds["avance"] > 10 and kinds["solde"] > 10
    signed, numbered, with_ej = db.execute(
        "SELECT count(act_signed_on), sum(act_number <> ''), sum(ej_number <> '') "
        "FROM funding_line WHERE granted_cents > 0"
    ).fetchone()
    assert signed > 50 and numbered >= signed and with_ej > 20
    assert all(
        len(ej) == 10 and ej.isdigit()
        for (ej,) in db.execute("SELECT ej_number FROM funding_line WHERE ej_number <> ''")
    )
    (received,) = db.execute("SELECT count(*) FROM report WHERE received_on IS NOT NULL").fetchone()
    assert received > 10
    # the reversement leaves no more paid than granted on its line
    (line_id, granted, paid) = db.execute(
        "SELECT fl.id, fl.granted_cents, fl.paid_cents FROM payment p "
        "JOIN funding_line fl ON fl.id = p.funding_line_id WHERE p.kind = 'reversement'"
    ).fetchone()
    assert paid == granted and line_id
