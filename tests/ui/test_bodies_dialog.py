"""Bodies and their composition edited in the window: create with members and a quorum,
edit seats and roles, undo, refusals shown and nothing written, read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.persons import Person, Seat
from contrat_desktop.operations.body_sheet import load_body_sheet
from contrat_desktop.ui.dialogs.meetings.bodies_dialog import BodiesDialog
from contrat_desktop.ui.session import DossierSession


def make_dialog(qtbot: QtBot, session: DossierSession) -> BodiesDialog:
    dialog = BodiesDialog(session)
    qtbot.addWidget(dialog)
    return dialog


def test_lists_the_demo_bodies_with_their_members(qtbot: QtBot, session: DossierSession) -> None:
    dialog = make_dialog(qtbot, session)
    assert dialog.list.count() == len(session.repos.bodies.all()) >= 4
    assert dialog.composition.table.rowCount() > 5
    assert dialog.name.text() == session.repos.bodies.all()[0].name


def test_a_new_body_with_members_and_quorum_then_undo(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = make_dialog(qtbot, session)
    count = dialog.list.count()
    dialog.new_body()
    dialog.kind.setCurrentIndex(dialog.kind.findData("groupe_technique"))
    qtbot.keyClicks(dialog.name, "Groupe technique emploi")
    qtbot.keyClicks(dialog.chairs, "Adjoint emploi")
    dialog.quorum_mode.setCurrentIndex(2)
    assert dialog.quorum_value.value() == 50
    known = session.repos.persons.all()[0]
    dialog.composition.add_member(known.id)
    dialog.composition.add_member(Person("Marc Henry", "Mission locale", "Conseiller"))
    seat = dialog.composition.table.cellWidget(1, 3)
    assert isinstance(seat, QComboBox)
    seat.setCurrentIndex(seat.findData(Seat.SUBSTITUTE.value))
    dialog.composition.table.item(1, 2).setText("Conseiller emploi")
    assert dialog.dirty
    assert dialog.save(), dialog.messages.text()
    assert dialog.list.count() == count + 1
    saved = load_body_sheet(session.dossier, dialog.current.body.id or 0)  # type: ignore[union-attr]
    assert saved.body.quorum_fraction_percent == 50 and saved.body.quorum_count is None
    assert [p.name for p in saved.persons] == [known.name, "Marc Henry"]
    assert saved.members[1].seat is Seat.SUBSTITUTE
    assert saved.persons[1].role == "Conseiller emploi"
    session.undo_stack.undo()
    assert len(session.repos.bodies.all()) == count


def test_a_wrong_body_is_refused_and_nothing_is_written(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = make_dialog(qtbot, session)
    audit = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    dialog.name.clear()
    dialog._mark_dirty()
    assert not dialog.save()
    assert "nom de l'instance" in dialog.messages.text()
    assert session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0] == audit


def test_a_body_with_meetings_is_not_deleted(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    dialog = make_dialog(qtbot, session)
    boxes.answer = QMessageBox.StandardButton.Yes
    assert not dialog.delete_body()
    assert "a déjà des réunions" in boxes.shown[-1][2]
    assert dialog.list.count() == len(session.repos.bodies.all())


def test_switching_body_with_changes_asks_first(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    dialog = make_dialog(qtbot, session)
    first = dialog.name.text()
    qtbot.keyClicks(dialog.chairs, " (modifie)")
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() == first  # stayed on the body being edited
    assert dialog.list.currentItem().data(Qt.ItemDataRole.UserRole) == dialog.current.body.id  # type: ignore[union-attr]
    boxes.answer = QMessageBox.StandardButton.Save
    dialog.list.setCurrentRow(1)
    assert dialog.name.text() != first
    assert session.repos.bodies.all()[0].chairs.endswith("(modifie)")


def test_read_only_shows_without_editing(qtbot: QtBot, demo_path: Any, qapp: Any) -> None:
    from contrat_desktop.storage.database import open_dossier

    session = DossierSession(open_dossier(demo_path, read_only=True, daily_backup=False))
    try:
        dialog = make_dialog(qtbot, session)
        assert not dialog.save_button.isEnabled() and not dialog.composition.add_button.isEnabled()
        assert not dialog.quorum_value.isEnabled() and not dialog.kind.isEnabled()
        assert "lecture seule" in dialog.windowTitle()
        assert not dialog.save()
    finally:
        session.close()


def test_the_kind_of_a_body_with_meetings_is_locked(qtbot: QtBot, session: DossierSession) -> None:
    dialog = make_dialog(qtbot, session)
    assert dialog.current is not None
    assert session.repos.meetings.for_body(dialog.current.body.id or 0)
    assert not dialog.kind.isEnabled() and "déjà des réunions" in dialog.kind.toolTip()
    from dataclasses import replace

    from contrat_desktop.domain.errors import ValidationError
    from contrat_desktop.operations.body_sheet import write_body_sheet

    changed = replace(dialog.current, body=replace(dialog.current.body, kind_code="autre"))
    try:
        write_body_sheet(session.dossier, dialog.current, changed)
    except ValidationError as error:
        assert "ne peut plus changer" in str(error)
    else:
        raise AssertionError("the kind changed")


def test_ctrl_s_keeps_a_role_being_typed(qtbot: QtBot, session: DossierSession) -> None:
    dialog = make_dialog(qtbot, session)
    index = dialog.composition.table.model().index(0, 2)
    dialog.composition.table.setCurrentIndex(index)
    dialog.composition.table.edit(index)
    editor = dialog.composition.table.indexWidget(index)
    editor.setText("Maire de Villiers")  # type: ignore[union-attr]
    dialog._mark_dirty()  # typing in a cell marks the sheet as changed
    assert dialog.save(), dialog.messages.text()
    saved = load_body_sheet(session.dossier, dialog.current.body.id or 0)  # type: ignore[union-attr]
    assert saved.persons[0].role == "Maire de Villiers"


def test_no_quorum_hides_the_value_box(qtbot: QtBot, session: DossierSession) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.show()
    dialog.new_body()
    dialog.quorum_mode.setCurrentIndex(0)  # « Pas de quorum »: no stray « 1 » shown
    assert not dialog.quorum_value.isVisible() and not dialog.quorum_value.isEnabled()
    dialog.quorum_mode.setCurrentIndex(1)
    assert dialog.quorum_value.isVisible() and dialog.quorum_value.isEnabled()
    assert dialog.quorum_value.suffix() == " membre(s)"
    dialog.quorum_mode.setCurrentIndex(2)
    assert dialog.quorum_value.text() == "50 %"
    dialog.quorum_mode.setCurrentIndex(0)
    assert not dialog.quorum_value.isVisible()
