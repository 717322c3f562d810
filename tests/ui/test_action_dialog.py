"""The action editor: load, edit, save (audited), undo/redo, validation, conflict, closing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.attachments import AttachmentKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.records import RecordWriter
from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.session import DossierSession


def open_dialog(qtbot: QtBot, session: DossierSession, action_id: int | None) -> ActionDialog:
    dialog = ActionDialog(session, action_id)
    qtbot.addWidget(dialog)
    return dialog


def test_every_tab_is_filled(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, 3)
    action = session.repos.actions.get(3)
    tabs = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert tabs == [
        "Identification",
        "Contenu",
        "Publics",
        "Budget",
        "Actes et versements",
        "Bilan",
        "Suivi",
        "Années",
        "Historique",
        "Dossier de demande",
        "Pièces jointes",
    ]
    assert dialog.form.title.text() == action.title
    assert dialog.form.holder.currentData() == action.holder_id
    assert dialog.grid.table.rowCount() == len(session.repos.funding_lines.for_action(3))
    assert dialog.statuses.rowCount() == len(session.repos.actions.status_history(3))
    assert dialog.audit.rowCount() > 5
    assert "Budget équilibré" in dialog.balance.text() or "pas équilibré" in dialog.balance.text()


def test_edit_save_undo_redo(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, 3)
    before = session.repos.actions.get(3)
    dialog.form.title.setText("PRE – Cirque et acrobatie")
    # granted, typed the French way (above what was already paid on the line)
    dialog.grid.table.item(0, 3).setText("123 456,7")
    assert dialog.dirty
    assert dialog.save()
    saved = session.repos.actions.get(3)
    assert saved.title == "PRE – Cirque et acrobatie" and saved.version == before.version + 1
    first_line = sorted(session.repos.funding_lines.for_action(3), key=lambda line: line.funder_id)[
        0
    ]
    assert first_line.granted_cents == 12_345_670
    fields = {e.field for e in history(session.dossier.db, "action", 3) if e.who == "camille"}
    assert "title" in fields
    assert dialog.grid.table.item(0, 3).text() == "123\u202f456,70\u00a0€"
    session.undo_stack.undo()
    assert session.repos.actions.get(3).title == before.title
    session.undo_stack.redo()
    assert session.repos.actions.get(3).title == "PRE – Cirque et acrobatie"


def test_invalid_input_is_explained_and_nothing_saved(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = open_dialog(qtbot, session, 3)
    version = session.repos.actions.get(3).version
    dialog.form.title.setText("")
    dialog.grid.table.item(0, 1).setText("douze euros")
    qtbot.keyClicks(dialog.form.total_cost, "abc")
    assert not dialog.save()
    text = dialog.messages.text()
    assert "Intitulé" in text and "douze euros" in text and "Coût total" in text
    assert dialog.messages.isVisibleTo(dialog)
    assert session.repos.actions.get(3).version == version


def test_conflict_shows_the_other_persons_change(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, 3)
    current = session.repos.actions.get(3)
    other = RecordWriter(session.dossier.db, "dominique")
    other.update("action", 3, {"place": "Gymnase Léo-Lagrange"}, current.version)
    dialog.form.place.setText("Salle des fêtes")
    assert not dialog.save()
    (kind, _title, text), *_ = boxes.shown
    assert kind == "warning" and "dominique" in text and "Gymnase Léo-Lagrange" in text
    assert session.repos.actions.get(3).place == "Gymnase Léo-Lagrange"


def test_closing_with_changes_asks(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, 3)
    dialog.show()
    dialog.form.place.setText("Ailleurs")
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.close()
    assert dialog.isVisible() and boxes.shown[-1][0] == "question"
    boxes.answer = QMessageBox.StandardButton.Discard
    dialog.close()
    assert not dialog.isVisible()
    assert session.repos.actions.get(3).place != "Ailleurs"


def test_status_buttons_offer_only_allowed_moves(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in session.repos.actions.all() if a.status is ActionStatus.PROPOSED)
    dialog = open_dialog(qtbot, session, action.id)
    labels = {
        dialog.status_buttons.itemAt(i).widget().text()
        for i in range(dialog.status_buttons.count())
        if dialog.status_buttons.itemAt(i).widget()
    }
    assert labels == {"→ Accordé", "→ Refusé", "→ Ajourné", "→ Abandonné"}
    boxes.text_answer = ("Avis favorable du COPIL", True)
    dialog.change_status(ActionStatus.GRANTED)
    assert session.repos.actions.get(action.id or 0).status is ActionStatus.GRANTED
    assert "Accordé" in dialog.status_label.text()


def test_new_action_is_created_with_its_funding(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, None)
    holder = session.repos.holders.all()[0]
    dialog.form.title.setText("Nouvelle action de test")
    dialog.form.holder.setCurrentIndex(dialog.form.holder.findData(holder.id))
    dialog.grid.add_combo.setCurrentIndex(0)
    dialog.grid._add_selected()
    dialog.grid.table.item(0, 1).setText("5000")
    assert dialog.save(), dialog.messages.text()
    created = session.repos.actions.by_reference(dialog.form.reference.text())
    assert created is not None and created.campaign_id == session.campaign_id
    (line,) = session.repos.funding_lines.for_action(created.id or 0)
    assert line.requested_cents == 500_000


def test_attachments_are_kept_and_opened(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session, 3)
    assert dialog.attachments is not None
    source = tmp_path / "RIB association.pdf"
    source.write_bytes(b"%PDF-1.4 rib")
    opened: list[Path] = []
    dialog.attachments.opener = opened.append
    dialog.attachments.add(source, AttachmentKind.BANK_DETAILS)
    assert dialog.attachments.table.rowCount() == 1
    assert dialog.attachments.table.item(0, 1).text() == "RIB"
    assert dialog.attachments.table.item(0, 4).text() == "12\u00a0octets"  # not « 0 Ko »
    dialog.attachments.table.selectRow(0)
    dialog.attachments.open_selected()
    assert opened and opened[0].read_bytes() == b"%PDF-1.4 rib"


def test_read_only_dialog_cannot_save(qtbot: QtBot, demo_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(demo_path, daily_backup=False):
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        dialog = open_dialog(qtbot, second, 3)
        assert not dialog.save_button.isEnabled()
        assert not dialog.save()
        assert "lecture seule" in dialog.windowTitle()
        second.close()


def test_two_saves_undo_back_to_the_start(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, 3)
    original = session.repos.actions.get(3).title
    dialog.form.title.setText("Premier titre")
    assert dialog.save()
    dialog.form.title.setText("Second titre")
    assert dialog.save()
    session.undo_stack.undo()
    assert session.repos.actions.get(3).title == "Premier titre"
    session.undo_stack.undo()
    assert session.repos.actions.get(3).title == original
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert session.repos.actions.get(3).title == "Second titre"


def test_removing_a_line_above_an_error_keeps_errors_right(
    qtbot: QtBot, session: DossierSession
) -> None:
    unpaid = next(  # lines with payments cannot be removed
        a
        for a in session.repos.actions.all()
        if a.status is ActionStatus.PROPOSED
        and len(session.repos.funding_lines.for_action(a.id or 0)) >= 2
    )
    dialog = open_dialog(qtbot, session, unpaid.id)
    dialog.grid.table.item(1, 1).setText("mille")
    assert dialog.grid.errors
    dialog.grid.table.setCurrentCell(0, 0)
    dialog.grid._remove_current()
    dialog.grid.table.item(0, 1).setText("1000")  # the faulty line, now first, is fixed
    assert dialog.grid.errors == {}
    assert dialog.save(), dialog.messages.text()


def test_after_a_conflict_the_saved_version_can_be_reloaded(
    qtbot: QtBot, session: DossierSession, boxes
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, 3)
    current = session.repos.actions.get(3)
    RecordWriter(session.dossier.db, "dominique").update(
        "action", 3, {"title": "Titre de Dominique"}, current.version
    )
    dialog.form.title.setText("Mon titre")
    assert not dialog.save()
    assert dialog.reload_button.isVisibleTo(dialog)
    dialog.reload_button.click()
    assert dialog.form.title.text() == "Titre de Dominique" and not dialog.dirty
    dialog.form.title.setText("Mon titre, après relecture")
    assert dialog.save()


def test_attachments_tab_appears_once_a_new_action_is_saved(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session, None)
    assert dialog.attachments is None
    dialog.form.title.setText("Action avec pièces")
    dialog.form.holder.setCurrentIndex(0)
    assert dialog.save(), dialog.messages.text()
    assert dialog.attachments is not None
    rows_before = dialog.audit.rowCount()
    statutes = tmp_path / "statuts.pdf"
    statutes.write_bytes(b"%PDF-1.4 statuts")
    dialog.attachments.add(statutes, AttachmentKind.STATUTES)
    assert dialog.audit.rowCount() == rows_before + 1  # the history shows the new file


def test_creating_an_action_can_be_undone(qtbot: QtBot, session: DossierSession) -> None:
    dialog = open_dialog(qtbot, session, None)
    dialog.form.title.setText("Action à annuler")
    dialog.form.holder.setCurrentIndex(0)
    dialog.grid.add_combo.setCurrentIndex(0)
    dialog.grid._add_selected()
    dialog.grid.table.item(0, 1).setText("800")
    assert dialog.save()
    reference = dialog.form.reference.text()
    assert session.repos.actions.by_reference(reference) is not None
    session.undo_stack.undo()
    assert session.repos.actions.by_reference(reference) is None
    deleted = session.dossier.db.execute(
        "SELECT entity FROM audit WHERE operation = 'delete' ORDER BY id"
    ).fetchall()
    assert ("funding_line",) in deleted and ("action",) in deleted
    session.undo_stack.redo()
    assert session.repos.actions.by_reference(reference) is not None


def test_the_holder_is_found_by_any_part_of_its_name(qtbot: QtBot, session: DossierSession) -> None:
    """QA walk, uxfix e: names were found by their first letters only (many start with
    « Association »). Any part, case and accents ignored, words in any order."""
    dialog = open_dialog(qtbot, session, 3)
    dialog.show()
    combo = dialog.form.holder
    wanted = next(h for h in session.repos.holders.all() if "médiation" in h.legal_name)
    expected = combo.itemText(combo.findData(wanted.id))
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "SOCIALE mediation")
    popup = combo.completer().popup()
    assert popup.isVisible()
    model = popup.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [expected]
    assert combo.lineEdit().text() == "SOCIALE mediation"  # what is typed stays as typed
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # Entrée takes the first name found
    assert combo.currentData() == wanted.id
    assert combo.currentText() == expected


def test_the_balance_names_an_unreadable_amount_instead_of_counting_it_silently(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA walk, uxfix g and c: an unreadable amount was counted as 0 without a word, and
    the grid's columns left an empty band on the right."""
    dialog = open_dialog(qtbot, session, 3)
    dialog.show()
    grid = dialog.grid
    funder = grid.table.item(0, 0).text()
    grid.table.item(0, 1).setText("abc")
    text = dialog.balance.text()
    assert f"montant illisible ligne « {funder} » (demandé)" in text
    assert "Budget équilibré" not in text
    dialog.tabs.setCurrentIndex(3)  # Budget
    header = grid.table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used == grid.table.viewport().width()  # the funder's column takes what is left


def test_history_shows_what_a_bilan_created(qtbot: QtBot, session: DossierSession) -> None:
    """« Création (Bilan) » says what was recorded, the French way, like the other lines."""
    from contrat_desktop.domain.money import format_cents

    report = session.repos.reports.for_action(2)
    assert report is not None and report.received_on and report.realised_cost_cents
    dialog = open_dialog(qtbot, session, 2)
    rows = [
        [dialog.audit.item(row, column).text() for column in range(dialog.audit.columnCount())]
        for row in range(dialog.audit.rowCount())
    ]
    created = [row for row in rows if row[2] == "Création (Bilan)"]
    assert len(created) == 1
    shown = created[0][5]
    assert f"Reçu le : {report.received_on:%d/%m/%Y}" in shown
    assert f"Coût réalisé : {format_cents(report.realised_cost_cents)}" in shown
    assert f"Bénéficiaires (total) : {report.beneficiaries.total}" in shown
    assert "Objectifs atteints : " in shown
    assert "_" not in shown and str(report.received_on) not in shown  # no code, no ISO date


def test_every_tab_title_is_readable_at_1160_px(qtbot: QtBot, session: DossierSession) -> None:
    """The editor opens 1 160 px wide: its eleven tabs fit, no title cut, no scroll arrow."""
    dialog = open_dialog(qtbot, session, 2)
    dialog.resize(1160, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    assert dialog.tabs.count() == 11
    assert bar.sizeHint().width() <= dialog.tabs.width()
    assert all(bar.tabRect(i).right() < bar.width() for i in range(bar.count()))
    assert dialog.tabs.tabToolTip(1) == "Contenu et objectifs"
