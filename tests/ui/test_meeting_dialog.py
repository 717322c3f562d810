"""The meeting editor driven as a user would: a new meeting, attendance and quorum, agenda
order and timing, actions picked and decided with live totals, follow-ups, undo, frozen
minutes, refusals that write nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.meetings import Presence
from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.persons import Person, Seat
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.meeting_sheet import load_sheet
from contrat_desktop.operations.meetings import list_meetings
from contrat_desktop.operations.minutes_validation import preview_validation
from contrat_desktop.ui.dialogs.meetings.meeting_action_picker import ActionPickerDialog
from contrat_desktop.ui.dialogs.meetings.meeting_dialog import MeetingDialog
from contrat_desktop.ui.pages.meetings import MeetingsPage
from contrat_desktop.ui.session import DossierSession


def meeting_id(session: DossierSession, body: str) -> int:
    return next(m.id for m in list_meetings(session.dossier) if m.body.startswith(body))


def audit_count(session: DossierSession) -> int:
    return int(session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0])


def open_dialog(qtbot: QtBot, session: DossierSession, meeting: int | None) -> MeetingDialog:
    dialog = MeetingDialog(session, meeting)
    qtbot.addWidget(dialog)
    return dialog


def new_council_meeting(qtbot: QtBot, session: DossierSession) -> MeetingDialog:
    """A new meeting of a body the council must attend (the steering committee)."""
    steering = next(b for b in session.repos.bodies.all() if b.council_required)
    dialog = MeetingDialog(session, None, body_id=steering.id)
    qtbot.addWidget(dialog)
    return dialog


def campaign_2015_ids(session: DossierSession, status: ActionStatus | None = None) -> list[int]:
    """Two actions of 2015 (of that status, when given: there may be fewer)."""
    campaign = session.references.campaigns[2015]
    actions = session.repos.actions.for_campaign(campaign)
    return [a.id or 0 for a in actions if status is None or a.status is status][:2]


def test_a_new_meeting_is_prepared_saved_and_undone(qtbot: QtBot, session: DossierSession) -> None:
    technical = next(b for b in session.repos.bodies.all() if b.name.endswith("technique"))
    dialog = MeetingDialog(session, None, body_id=technical.id)
    qtbot.addWidget(dialog)
    assert dialog.general.body.currentData() == technical.id
    convened = len(dialog.attendance.rows)
    assert convened == len(session.repos.body_members.for_body(technical.id or 0)) > 0
    qtbot.keyClicks(dialog.general.place, "Maison des associations")
    dialog.agenda.add_item("Accueil", "Le maire", 10)
    dialog.agenda.add_item("Dossiers 2016", "La cheffe de projet", 50)
    dialog.attendance.all_present()
    dialog.attendance.invite(Person("Inès Laurent", "CAF du Val-de-Marne", "Conseillère"))
    assert len(dialog.attendance.rows) == convened + 1
    ids = campaign_2015_ids(session, ActionStatus.GRANTED)
    dialog.examined.add_actions(ids)
    dialog.examined.set_opinion(0, Opinion.FAVOURABLE)
    dialog.follow_ups.add_row("Service politique de la ville", "Envoyer le compte rendu")
    assert dialog.dirty
    assert dialog.save(), dialog.messages.text()
    saved = load_sheet(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    assert saved.meeting.place == "Maison des associations"
    assert [i.title for i in saved.agenda] == ["Accueil", "Dossiers 2016"]
    assert [e.action_id for e in saved.examined] == ids
    assert saved.examined[0].opinion is Opinion.FAVOURABLE
    assert saved.examined[0].amounts  # pre-filled from the amounts requested
    invited = [a for a in saved.attendance if a.invited]
    assert len(invited) == 1 and invited[0].presence is Presence.UNKNOWN
    assert saved.follow_ups[0].what == "Envoyer le compte rendu"
    assert not dialog.general.body.isEnabled()  # the body is chosen once
    count = len(list_meetings(session.dossier))
    session.undo_stack.undo()
    assert len(list_meetings(session.dossier)) == count - 1
    session.undo_stack.redo()
    assert len(list_meetings(session.dossier)) == count


def test_attendance_gives_the_quorum_and_the_council_warning_live(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage politique"))
    assert not dialog.save_button.isEnabled()  # the demo COPIL is validated
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    tab = dialog.attendance
    for attendance in list(tab.rows):
        tab.set_presence(attendance.person_id, Presence.EXCUSED)
    assert "non atteint" in tab.quorum.text() or "Pas de règle" in tab.quorum.text()
    assert not tab.council.isHidden() and "conseil citoyen" in tab.council.text()
    council = next(a for a in tab.rows if dialog.context.persons[a.person_id].council_member)
    tab.set_presence(council.person_id, Presence.PRESENT)
    assert tab.council.isHidden()
    other = next(a for a in tab.rows if a.person_id != council.person_id)
    tab.set_presence(other.person_id, Presence.REPRESENTED)
    assert dialog.problems() and "représente" in " ".join(dialog.problems())
    tab.set_presence(other.person_id, Presence.REPRESENTED, "Mme Petit, adjointe")
    assert dialog.save(), dialog.messages.text()
    stored = {
        a.person_id: a
        for a in load_sheet(session.dossier, dialog.current.meeting.id or 0).attendance
    }  # type: ignore[union-attr]
    assert stored[other.person_id].represented_by == "Mme Petit, adjointe"
    assert stored[council.person_id].presence is Presence.PRESENT


def test_agenda_reorders_and_gives_the_expected_end(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    tab = dialog.agenda
    titles = [i.title for i in tab.items]
    assert len(titles) >= 3
    dialog.show()
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(dialog)
    tab.table.setFocus()
    tab.table.setCurrentCell(0, 2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.title for i in tab.items][:2] == [titles[1], titles[0]]
    assert tab.table.item(0, 1).text() == "14\u00a0h\u00a000"
    minutes = sum(i.duration_minutes for i in tab.items)
    tab.table.item(0, 4).setText(str(tab.items[0].duration_minutes + 30))
    assert f"({minutes + 30} min" in tab.end_label.text()
    tab.table.item(0, 4).setText("beaucoup")  # not a number: put back
    assert tab.table.item(0, 4).text() == str(tab.items[0].duration_minutes)
    tab.table.setCurrentCell(1, 2)
    tab.notes.setPlainText("Présentation du bilan 2014 par le service.")
    assert dialog.save(), dialog.messages.text()
    saved = load_sheet(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    assert [i.title for i in saved.agenda][:2] == [titles[1], titles[0]]
    assert saved.agenda[1].notes == "Présentation du bilan 2014 par le service."
    assert [i.position for i in saved.agenda] == list(range(1, len(titles) + 1))


def test_amounts_typed_move_the_totals_against_the_envelopes(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    tab = dialog.examined
    assert tab.rows and tab.funder_ids
    state = next(f for f in session.references.funders if f.display_name == "État BOP 147")
    row = next(n for n, r in enumerate(tab.rows) if r.amount_for(state.id or 0) is not None)

    def state_row() -> list[str]:
        for r in range(tab.envelopes.rowCount()):
            if tab.envelopes.item(r, 0).text() == "État BOP 147":
                return [tab.envelopes.item(r, c).text() for c in range(5)]
        raise AssertionError("État BOP 147")

    assert "dépassement" not in state_row()[4]
    tab.amount_cell(row, state.id or 0).setText("9 999 999,00")
    assert "dépassement" in state_row()[4]
    assert tab.amount_cell(row, state.id or 0).text() == format_cents(999_999_900)
    audit = audit_count(session)
    tab.amount_cell(row, state.id or 0).setText("douze euros")
    assert not dialog.save()
    assert "État" in dialog.messages.text() and tab.rows[row].action_id
    assert audit_count(session) == audit  # refused: nothing written
    tab.amount_cell(row, state.id or 0).setText("1 500")
    tab.set_opinion(row, Opinion.FAVOURABLE_WITH_CONDITIONS)
    assert not dialog.save()
    assert "sous réserve" in dialog.messages.text()
    tab.conditions_cell(row).setText("Fournir le bilan intermédiaire")
    assert dialog.save(), dialog.messages.text()
    saved = load_sheet(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    decided = saved.examined[row]
    assert decided.amount_for(state.id or 0) == 150_000
    assert decided.opinion is Opinion.FAVOURABLE_WITH_CONDITIONS
    assert decided.conditions == "Fournir le bilan intermédiaire"
    session.undo_stack.undo()
    back = load_sheet(session.dossier, saved.meeting.id or 0).examined[row]
    assert back.amount_for(state.id or 0) != 150_000


def test_the_picker_filters_by_status_and_pillar(qtbot: QtBot, session: DossierSession) -> None:
    campaign = session.references.campaigns[2015]
    actions = session.repos.actions.for_campaign(campaign)
    picker = ActionPickerDialog(
        actions, session.references.tree, session.references.holders, {actions[0].id or 0}
    )
    qtbot.addWidget(picker)
    picker.status.setCurrentIndex(0)  # every status
    assert picker.list.count() == len(actions) - 1  # the one already examined is left out
    picker.status.setCurrentIndex(picker.status.findData(ActionStatus.GRANTED.value))
    granted = [a for a in actions[1:] if a.status is ActionStatus.GRANTED]
    assert picker.list.count() == len(granted)
    picker.pillar.setCurrentIndex(1)
    pillar = picker.pillar.currentData()
    under = [
        a
        for a in granted
        if a.framework_node_id
        and pillar in {n.id for n in session.references.tree.ancestors(a.framework_node_id)}
    ]
    assert picker.list.count() == len(under)
    picker._check_all(Qt.CheckState.Checked)
    picker.pillar.setCurrentIndex(0)
    qtbot.keyClicks(picker.search, "zzz-introuvable")
    assert picker.list.count() == 0
    assert picker.chosen() == [a.id for a in under]  # ticks survive the filters


def test_closing_with_changes_asks_and_discarding_writes_nothing(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    audit = audit_count(session)
    dialog.follow_ups.add_row("Quelqu'un", "Quelque chose", date(2015, 6, 1))
    from PySide6.QtWidgets import QMessageBox

    dialog.show()
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert boxes.shown[-1][1] == "Modifications non enregistrées"
    assert dialog.isVisible() and dialog.dirty  # cancelled: the editor stays open
    boxes.answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert audit_count(session) == audit


def test_the_page_deletes_a_draft_meeting_and_undo_restores_it(
    qtbot: QtBot, session: DossierSession
) -> None:
    session.set_campaign(session.references.campaigns[2015])  # the demo's meetings
    page = MeetingsPage(session)
    qtbot.addWidget(page)
    rows = page.model.rows()
    technical = next(n for n, r in enumerate(rows) if r.body.endswith("technique"))
    page.table.selectRow(technical)
    examined = rows[technical].examined_actions
    assert page.delete_button.isEnabled()
    assert page.delete_selected()
    assert len(page.model.rows()) == len(rows) - 1
    session.undo_stack.undo()
    restored = [r for r in page.model.rows() if r.body.endswith("technique")]
    assert restored and restored[0].examined_actions == examined
    copil = next(n for n, r in enumerate(page.model.rows()) if r.body.endswith("politique"))
    page.table.selectRow(copil)
    assert not page.delete_button.isEnabled()  # validated minutes stay


def test_read_only_session_opens_meetings_for_reading(
    qtbot: QtBot, demo_path: Any, qapp: Any
) -> None:
    from contrat_desktop.storage.database import open_dossier

    session = DossierSession(open_dossier(demo_path, read_only=True, daily_backup=False))
    try:
        dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
        assert not dialog.save_button.isEnabled()
        assert not dialog.agenda.add_button.isEnabled()
        assert "lecture seule" in dialog.windowTitle()
        assert not dialog.save()
    finally:
        session.close()


# what the review found, driven through the real cell editors and buttons ----------------
def type_in(table: Any, row: int, column: int, text: str) -> Any:
    """Open the cell's editor as a double-click would and type; the editor stays open."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit), type(editor)
    editor.setText(text)
    return editor


def test_a_new_meeting_edits_amounts_as_text_and_the_avis_with_a_list(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, None)
    tab = dialog.examined
    tab.add_actions(campaign_2015_ids(session, ActionStatus.GRANTED))
    state = next(f for f in session.references.funders if f.display_name == "État BOP 147")
    column = tab.table.column(tab.amount_cell(0, state.id or 0))
    type_in(tab.table, 0, column, "1 234,56")
    avis = tab.table.model().index(0, 3)
    tab.table.setCurrentIndex(avis)
    tab.table.edit(avis)
    assert isinstance(tab.table.indexWidget(avis), QComboBox)
    assert tab.table.horizontalHeaderItem(3).text() == "Avis"
    qtbot.keyClicks(dialog.general.place, "Mairie")
    assert dialog.save(), dialog.messages.text()
    saved = load_sheet(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    assert saved.examined[0].amount_for(state.id or 0) == 123_456


def test_ctrl_s_keeps_what_is_being_typed_in_a_cell(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    table = dialog.follow_ups.table
    dialog.follow_ups.add_button.click()  # opens the "Qui" cell for typing
    row = len(dialog.follow_ups.rows) - 1
    qtbot.keyClick(type_in(table, row, 0, "Camille"), Qt.Key.Key_Return)
    type_in(table, row, 1, "Relancer")  # still being typed when Ctrl+S comes
    assert table.state() == QTableWidget.State.EditingState
    assert dialog.save(), dialog.messages.text()  # what the dialog's Ctrl+S calls
    saved = load_sheet(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    assert [(f.who, f.what) for f in saved.follow_ups if f.who == "Camille"] == [
        ("Camille", "Relancer")
    ]


def test_the_add_item_button_then_an_empty_title_is_refused_not_a_crash(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    count = len(dialog.agenda.items)
    dialog.agenda.add_button.click()
    assert len(dialog.agenda.items) == count + 1 and dialog.agenda.items[-1].title == ""
    assert not dialog.save()
    assert f"point {count + 1} : l'intitulé est obligatoire" in dialog.messages.text()


def test_two_saves_then_two_undos_come_back_to_the_start(
    qtbot: QtBot, session: DossierSession
) -> None:
    meeting = meeting_id(session, "Comité de pilotage technique")
    start = load_sheet(session.dossier, meeting)
    dialog = open_dialog(qtbot, session, meeting)
    dialog.general.place.setText("Salle A")
    dialog._mark_dirty()
    assert dialog.save()
    dialog.general.place.setText("Salle B")
    dialog._mark_dirty()
    assert dialog.save()
    assert not dialog.save() or session.undo_stack.count() == 2  # no empty third step
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert load_sheet(session.dossier, meeting).meeting.place == start.meeting.place
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert load_sheet(session.dossier, meeting).meeting.place == "Salle B"


def test_undo_across_a_deletion_keeps_the_history_working(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    meeting = meeting_id(session, "Comité de pilotage technique")
    dialog = open_dialog(qtbot, session, meeting)
    dialog.general.title.setText("Examen des dossiers")
    dialog._mark_dirty()
    assert dialog.save()
    session.set_campaign(session.references.campaigns[2015])  # the demo's meetings
    page = MeetingsPage(session)
    qtbot.addWidget(page)
    page.select_meeting(meeting)
    assert page.delete_selected()
    session.undo_stack.undo()  # the deletion
    assert meeting in [m.id for m in list_meetings(session.dossier)]  # under its own number
    session.undo_stack.undo()  # the edit before it
    assert load_sheet(session.dossier, meeting).meeting.title == ""
    assert not [b for b in boxes.shown if b[0] == "warning"]


def test_a_wrong_amount_no_longer_shown_no_longer_blocks(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, None)
    tab = dialog.examined
    ids = campaign_2015_ids(session)
    assert len(ids) == 2
    tab.add_actions(ids[:1])
    state = next(f for f in session.references.funders if f.display_name == "État BOP 147")
    tab.amount_cell(0, state.id or 0).setText("abc")
    assert tab.errors()
    tab.add_actions(ids[1:])  # the table is drawn again from the amounts kept
    assert not tab.errors()


def test_moving_the_meeting_to_another_year_sets_amounts_against_that_year(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, meeting_id(session, "Comité de pilotage technique"))
    assert dialog.context.year == 2015
    envelopes_2015 = dict(dialog.context.baseline.envelopes)
    dialog.general.starts_at.setDateTime(QDateTime(2016, 3, 20, 14, 0, 0))
    assert dialog.context.year == 2016
    assert dialog.examined.context is dialog.context
    assert dict(dialog.context.baseline.envelopes) != envelopes_2015


def test_a_new_comite_starts_from_the_latest_proposals_and_validating_rewrites_none(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk, item 5: the requested amounts used to be pre-filled as proposals, so that
    validating a comité where nothing was typed replaced the earlier proposals."""
    repos = session.repos
    technical = next(b for b in repos.bodies.all() if b.name.endswith("technique"))
    lines = {
        a.id: repos.funding_lines.for_action(a.id or 0)
        for a in repos.actions.for_campaign(session.references.campaigns[2016])
    }
    action_id, proposed = next(
        (action_id, found)
        for action_id, found in lines.items()
        if any(ln.proposed_cents not in (None, ln.requested_cents) for ln in found)
    )
    dialog = MeetingDialog(session, None, body_id=technical.id)
    qtbot.addWidget(dialog)
    dialog.examined.add_actions([action_id or 0])
    for line in proposed:
        cell = dialog.examined.amount_cell(0, line.funder_id).text()
        expected = "" if line.proposed_cents is None else format_cents(line.proposed_cents)
        assert cell == expected  # never the amount requested
    dialog.examined.set_opinion(0, Opinion.FAVOURABLE)
    qtbot.keyClicks(dialog.general.place, "Mairie")
    assert dialog.save(), dialog.messages.text()
    plan = preview_validation(session.dossier, dialog.current.meeting.id or 0)  # type: ignore[union-attr]
    assert [c.line_changes for c in plan] == [()]  # nothing typed: no amount rewritten


def test_a_new_meeting_leaves_presence_unset_and_says_nothing_of_the_council_before(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk, uxfix b: everyone used to start « Absent(e) », with the council warning."""
    dialog = new_council_meeting(qtbot, session)
    tab = dialog.attendance
    assert tab.rows and all(a.presence is Presence.UNKNOWN for a in tab.rows)
    combo = tab.table.cellWidget(0, 4)
    assert isinstance(combo, QComboBox) and combo.currentText() == "Non renseigné"
    assert tab.council.isHidden()
    council = [a for a in tab.rows if dialog.context.persons[a.person_id].council_member]
    if not council:  # the body seats none: invite one, as the law asks
        member = next(p for p in dialog.context.persons.values() if p.council_member)
        tab.invite(member.id)
        council = [tab.rows[-1]]
    for attendance in list(tab.rows):
        tab.set_presence(attendance.person_id, Presence.ABSENT)
    dialog.general.starts_at.setDateTime(QDateTime(2999, 3, 20, 14, 0, 0))
    assert tab.council.isHidden()  # to come: not said absent yet
    dialog.general.starts_at.setDateTime(QDateTime(2016, 3, 20, 14, 0, 0))
    assert not tab.council.isHidden() and "présent" in tab.council.text()


def test_a_new_meeting_says_attendance_is_not_entered_then_counts_the_quorum(
    qtbot: QtBot, session: DossierSession
) -> None:
    """The quorum line used to say « 0 titulaire(s) présent(s) » before any presence."""
    dialog = new_council_meeting(qtbot, session)
    tab = dialog.attendance
    assert all(a.presence is Presence.UNKNOWN for a in tab.rows)
    assert "présences pas encore renseignées" in tab.quorum.text()
    assert "0 titulaire" not in tab.quorum.text() and "0 personne" not in tab.quorum.text()
    titular = next(m.person_id for m in dialog.context.members if m.seat is Seat.TITULAR)  # type: ignore[union-attr]
    tab.set_presence(titular, Presence.PRESENT)
    assert "1 titulaire(s) présent(s) ou représenté(s)" in tab.quorum.text()
    assert "encore non renseignée(s)" in tab.quorum.text()
    tab.all_present()
    titulars = sum(1 for m in dialog.context.members if m.seat is Seat.TITULAR)  # type: ignore[union-attr]
    assert f"{titulars} titulaire(s) présent(s) ou représenté(s)" in tab.quorum.text()
    assert "non renseignée" not in tab.quorum.text()
