"""The meetings page: list, documents written off the GUI thread, validation after a
preview (nothing written when cancelled), reopening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.meetings import MinutesStatus
from contrat_desktop.ui.dialogs.meetings.minutes_validation_dialog import MinutesValidationDialog
from contrat_desktop.ui.pages.meetings import MeetingsPage
from contrat_desktop.ui.session import DossierSession


def make_page(qtbot: QtBot, session: DossierSession, year: int = 2015) -> MeetingsPage:
    """The page on the campaign of ``year`` (the demo's meetings are held in 2015)."""
    session.set_campaign(session.references.campaigns[year])
    page = MeetingsPage(session)
    qtbot.addWidget(page)
    return page


def select(page: MeetingsPage, body: str) -> None:
    for number, row in enumerate(page.model.rows()):
        if row.body.startswith(body):
            page.table.selectRow(number)
            return
    raise AssertionError(body)


def test_lists_the_demo_meetings(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    page = make_page(qtbot, session)
    bodies = {row.body: row.minutes_status for row in page.model.rows()}
    assert bodies == {
        "Comité de pilotage technique": MinutesStatus.DRAFT.label,
        "Comité de pilotage politique": MinutesStatus.VALIDATED.label,
    }
    qtmodeltester.check(page.model)
    select(page, "Comité de pilotage politique")
    assert page.reopen_button.isEnabled() and not page.validate_button.isEnabled()


def test_minutes_are_written_in_the_background(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    select(page, "Comité de pilotage politique")
    target = tmp_path / "copil.pdf"
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))  # the name proposed
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    page.documents.open_after.setChecked(False)
    task = page.documents.save_document("minutes")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Comité de pilotage politique" in text and "Page 1 sur" in text
    assert Path(asked[0]).name == "2015-04-28-comite-de-pilotage-politique-compte-rendu.pdf"


def test_validation_shows_the_changes_and_writes_only_when_confirmed(
    qtbot: QtBot, session: DossierSession, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    select(page, "Comité de pilotage technique")
    audit_before = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    shown: list[int] = []

    def refuse(dialog: MinutesValidationDialog) -> int:
        shown.append(dialog.table.rowCount())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MinutesValidationDialog, "exec", refuse)
    assert not page.validate()
    assert shown and shown[0] >= 0
    audit_after = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert audit_after == audit_before  # cancelled: nothing written
    monkeypatch.setattr(MinutesValidationDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    assert page.validate()
    select(page, "Comité de pilotage technique")
    assert page.selected().minutes_status == MinutesStatus.VALIDATED.label
    assert page.reopen_button.isEnabled()


def test_reopening_needs_a_reason_and_is_audited(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    select(page, "Comité de pilotage politique")
    boxes.text_answer = ("", True)
    assert not page.reopen()
    assert "pourquoi" in boxes.shown[-1][2].lower()
    boxes.text_answer = ("Erreur sur un montant de la CAF", True)
    assert page.reopen()
    notes = [
        row[0]
        for row in session.dossier.db.execute(
            "SELECT new_value FROM audit WHERE entity = 'meeting' ORDER BY id"
        )
    ]
    assert any("Erreur sur un montant de la CAF" in (note or "") for note in notes)


def test_the_selected_meeting_shows_quorum_and_envelopes(
    qtbot: QtBot, session: DossierSession
) -> None:

    page = make_page(qtbot, session)
    select(page, "Comité de pilotage politique")
    assert "titulaire(s) présent(s)" in page.quorum_label.text()
    rows = {
        page.envelopes.item(r, 0).text(): page.envelopes.item(r, 4).text()
        for r in range(page.envelopes.rowCount())
    }
    assert "État BOP 147" in rows and "dépassement" not in rows["État BOP 147"]
    state = next(f for f in session.references.funders if f.display_name == "État BOP 147")
    envelope = next(e for e in session.repos.envelopes.for_year(2015) if e.funder_id == state.id)
    from dataclasses import replace

    session.repos.envelopes.update(replace(envelope, amount_cents=100_000))  # 1 000 €
    select(page, "Comité de pilotage technique")
    select(page, "Comité de pilotage politique")
    rows = {
        page.envelopes.item(r, 0).text(): page.envelopes.item(r, 4).text()
        for r in range(page.envelopes.rowCount())
    }
    assert "dépassement" in rows["État BOP 147"]


def test_one_convocation_letter_per_person_in_a_folder(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, session)
    select(page, "Comité de pilotage technique")
    folder = tmp_path / "lettres"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    opened: list[object] = []
    monkeypatch.setattr(
        "contrat_desktop.ui.pages.meeting_documents_bar.QDesktopServices.openUrl",
        lambda url: opened.append(url),
    )
    task = page.documents.save_letters()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    meeting = page.selected()
    assert meeting is not None
    convened = session.repos.attendance.for_meeting(meeting.id)
    letters = sorted(folder.glob("convocation-*.pdf"))
    assert len(letters) == len(convened) > 1
    persons = session.repos.persons.by_ids([a.person_id for a in convened])
    first = PdfReader(letters[0]).pages[0].extract_text()
    named = [p.name for p in persons.values() if p.name in first]
    assert len(named) == 1  # each letter is addressed to one person
    assert opened and opened[0].toLocalFile() == str(folder)


def test_bodies_below_their_minimum_frequency_are_named_on_one_line(
    qtbot: QtBot, session: DossierSession
) -> None:
    page = make_page(qtbot, session)
    page.resize(1100, 700)
    page.show()
    notice = page.frequency
    assert notice.isVisible()
    summary = notice.summary.text()
    assert "en 2015" in summary and "\n" not in summary and not notice.summary.wordWrap()
    assert notice.height() < 3 * notice.summary.fontMetrics().height()  # one line
    assert not notice.detail.isVisible()  # the detail on demand only
    assert "Comité de recevabilité (0 réunion(s) sur 1 au minimum)" in notice.summary.toolTip()
    notice.toggle.click()
    detail = notice.detail.text()
    assert notice.detail.isVisible()
    assert "Comité de recevabilité (0 réunion(s) sur 1 au minimum)" in detail
    assert "Comité de pilotage politique" not in detail  # met once, its minimum
    notice.toggle.click()
    assert not notice.detail.isVisible()


def test_the_page_lists_the_meetings_of_the_campaign_chosen_in_the_window(
    qtbot: QtBot, exchange_window: Any
) -> None:
    window = exchange_window
    window.show_area("meetings")
    page = window.page("meetings")
    combo = window.campaign
    assert combo.currentText() == "Campagne 2016"  # the latest, chosen at start
    assert page.model.rows() == [] and not page.empty_label.isHidden()
    assert page.empty_label.text().startswith("Aucune réunion pour la campagne 2016.")
    assert "autres années" in page.empty_label.text()
    assert "en 2016" in page.frequency.summary.text()
    combo.setCurrentIndex(combo.findText("Campagne 2015"))
    assert {row.starts_at[:4] for row in page.model.rows()} == {"2015"}
    assert len(page.model.rows()) == 2 and page.empty_label.isHidden()
    assert "en 2015" in page.frequency.summary.text()
    combo.setCurrentIndex(combo.findText("Campagne 2016"))
    assert page.model.rows() == []


def test_a_new_meeting_made_on_a_past_campaign_is_listed_there(
    qtbot: QtBot, session: DossierSession, monkeypatch: Any
) -> None:
    from contrat_desktop.ui.dialogs.meetings.meeting_dialog import MeetingDialog

    page = make_page(qtbot, session, year=2016)  # the demo's 2016 campaign: no meeting yet
    assert page.model.rows() == []

    def fill_and_save(dialog: MeetingDialog) -> int:
        assert dialog.general.starts_at.dateTime().date().year() == 2016  # not today's year
        dialog.general.place.setText("Salle du conseil")
        dialog._mark_dirty()
        assert dialog.save(), dialog.messages.text()
        return 1

    monkeypatch.setattr(MeetingDialog, "exec", fill_and_save)
    page.open_meeting(None)
    (row,) = page.model.rows()
    assert row.starts_at.startswith("2016-03-20") and row.place == "Salle du conseil"
    assert page.selected() == row


def test_no_meeting_chosen_shows_no_empty_envelope_table(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk, uxfix f: an empty envelope table stood there until a meeting was chosen."""
    page = make_page(qtbot, session)
    page.show()
    page.table.clearSelection()
    assert page.envelopes.isHidden()
    assert "Choisissez une réunion" in page.quorum_label.text()
    select(page, "Comité de pilotage politique")
    assert not page.envelopes.isHidden() and page.envelopes.rowCount() > 0
