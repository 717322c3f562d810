"""The funders page and editors: list, envelopes per year (committed, paid, left,
over-commitment), create and edit funders and envelopes, undo/redo, conflict, read-only."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.funders import FunderKind
from contrat_desktop.domain.money import format_cents
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.records import RecordWriter
from contrat_desktop.ui.dialogs.directory.funder_dialog import EnvelopeDialog, FunderDialog
from contrat_desktop.ui.models.funders_table import ALERT_RED, FOREGROUND
from contrat_desktop.ui.pages.funders import FundersPage
from contrat_desktop.ui.session import DossierSession


def make_page(qtbot: QtBot, session: DossierSession) -> FundersPage:
    page = FundersPage(session)
    qtbot.addWidget(page)
    return page


def state_id(session: DossierSession) -> int:
    return next(f.id for f in session.references.funders if f.short_name == "État BOP 147")


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    opened: list[Any] = []
    for cls in (FunderDialog, EnvelopeDialog):
        monkeypatch.setattr(cls, "exec", lambda dialog: opened.append(dialog) or 0)
    return opened


def test_lists_funders_and_their_envelopes(
    qtbot: QtBot, session: DossierSession, qtmodeltester: ModelTester
) -> None:
    page = make_page(qtbot, session)
    assert page.model.rowCount() == session.repos.funders.count()
    qtmodeltester.check(page.model)
    assert page.envelope_model.rowCount() == 0
    page.select_funder(state_id(session))
    uses = page.envelope_model.rows()
    assert [u.envelope.year for u in uses] == [2016, 2015]
    for use in uses:
        (expected,) = [
            u
            for u in session.repos.envelopes.use(use.envelope.year)
            if u.envelope.funder_id == state_id(session)
        ]
        assert (use.committed_cents, use.paid_cents) == (
            expected.committed_cents,
            expected.paid_cents,
        )
    left = page.envelope_model.index(0, 4)
    assert page.envelope_model.data(left) == format_cents(uses[0].left_cents)
    assert page.envelope_model.data(left, Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert "État – politique de la ville" in page.envelopes_title.text()
    assert not page.warning.isVisibleTo(page)
    qtmodeltester.check(page.envelope_model)
    page.model.sort(2)
    qtmodeltester.check(page.model)


def test_over_commitment_is_flagged(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    page.select_funder(state_id(session))
    use = page.envelope_model.row(page.envelope_model.row_of(2015) or 0)
    dialog = EnvelopeDialog(session, session.repos.funders.get(state_id(session)), use.envelope)
    qtbot.addWidget(dialog)
    assert not dialog.year.isEnabled()
    dialog.amount.setText("100 000")
    assert dialog.save()
    row = page.envelope_model.row_of(2015) or 0
    use = page.envelope_model.row(row)
    assert use.envelope.amount_cents == 10_000_000 and use.over_committed
    assert page.warning.isVisibleTo(page) and "2015" in page.warning.text()
    assert format_cents(use.committed_cents - 10_000_000) in page.warning.text()
    state = page.envelope_model.index(row, 6)
    assert page.envelope_model.data(state).startswith("Dépassement de")
    assert page.envelope_model.data(state, FOREGROUND).color() == ALERT_RED
    assert any(
        e.field == "amount_cents"
        for e in history(session.dossier.db, "envelope", use.envelope.id or 0)
    )
    session.undo_stack.undo()
    assert not page.warning.isVisibleTo(page)
    session.undo_stack.redo()
    assert page.warning.isVisibleTo(page)


def test_add_a_year_validate_undo_redo(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    page.select_funder(state_id(session))
    funder = session.repos.funders.get(state_id(session))
    dialog = EnvelopeDialog(session, funder, None, 2016)
    qtbot.addWidget(dialog)
    dialog.amount.setText("12 000")
    assert not dialog.save()  # 2016 already has an envelope
    assert "déjà une enveloppe pour 2016" in dialog.field_errors["year"].text()
    dialog.year.setValue(2017)
    dialog.amount.setText("douze mille")
    assert dialog.field_errors["amount"].isVisibleTo(dialog)
    assert not dialog.save()
    dialog.amount.setText("1 234 567,8")
    assert dialog.save()
    assert [u.envelope.year for u in page.envelope_model.rows()] == [2017, 2016, 2015]
    assert page.envelope_model.row(0).envelope.amount_cents == 123_456_780
    session.undo_stack.undo()
    assert [u.envelope.year for u in page.envelope_model.rows()] == [2016, 2015]
    session.undo_stack.redo()
    assert page.envelope_model.row(0).envelope.year == 2017


def test_create_and_edit_a_funder(qtbot: QtBot, session: DossierSession) -> None:
    page = make_page(qtbot, session)
    count = page.model.rowCount()
    dialog = FunderDialog(session, None)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "obligatoire" in dialog.field_errors["name"].text()
    dialog.name.setText("CAF du Val-de-Marne")
    assert "déjà" in dialog.field_errors["name"].text()
    dialog.name.setText("Fondation de France")
    dialog.short_name.setText("FdF")
    dialog.kind.setCurrentIndex(dialog.kind.findData(FunderKind.OTHER.value))
    assert dialog.save()
    assert page.model.rowCount() == count + 1
    assert any(f.name == "Fondation de France" for f in session.references.funders)
    created = dialog.record
    assert created is not None and created.id is not None
    edit = FunderDialog(session, created.id)
    qtbot.addWidget(edit)
    edit.active.setChecked(False)
    edit.service.setText("Appel à projets « Quartiers »")
    assert edit.save()
    page.show_inactive.setChecked(False)
    assert page.model.row_of(created.id) is None
    page.show_inactive.setChecked(True)
    session.undo_stack.undo()
    assert session.repos.funders.get(created.id).active
    session.undo_stack.undo()
    assert session.repos.funders.find(created.id) is None
    session.undo_stack.redo()
    assert page.model.rowCount() == count + 1


def test_conflict_is_explained(qtbot: QtBot, session: DossierSession, boxes: Any) -> None:
    funder = session.repos.funders.get(state_id(session))
    dialog = FunderDialog(session, funder.id)
    qtbot.addWidget(dialog)
    other = RecordWriter(session.dossier.db, "dominique")
    other.update("funder", funder.id or 0, {"contact": "Mme la déléguée"}, funder.version)
    dialog.service.setText("Préfecture – pôle cohésion")
    assert not dialog.save()
    (kind, _title, text), *_ = boxes.shown
    assert kind == "warning" and "dominique" in text and "Mme la déléguée" in text
    assert session.repos.funders.get(funder.id or 0).instructing_service == (
        funder.instructing_service
    )


def test_closing_with_changes_asks(qtbot: QtBot, session: DossierSession, boxes: Any) -> None:
    dialog = FunderDialog(session, state_id(session))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact.setText("Quelqu'un")
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert dialog.isVisible()
    boxes.answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not dialog.isVisible()


def test_page_buttons_open_the_editors(
    qtbot: QtBot, session: DossierSession, no_modal: list[Any]
) -> None:
    page = make_page(qtbot, session)
    page.select_funder(state_id(session))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(no_modal[-1], FunderDialog) and no_modal[-1].record.id == state_id(session)
    page.add_envelope_button.click()
    assert isinstance(no_modal[-1], EnvelopeDialog) and no_modal[-1].record is None
    assert no_modal[-1].year.value() == 2017  # the first year without an envelope
    page.envelope_table.selectRow(0)
    page.edit_envelope_button.click()
    assert no_modal[-1].record is not None and no_modal[-1].record.year == 2016


def test_read_only_disables_editing(qtbot: QtBot, demo_path: Any, qapp: Any) -> None:
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(demo_path, daily_backup=False):
        second = DossierSession(open_dossier(demo_path, daily_backup=False))
        page = make_page(qtbot, second)
        page.select_funder(state_id(second))
        assert not page.new_button.isEnabled() and not page.add_envelope_button.isEnabled()
        assert page.edit_envelope_button.isEnabled()  # to consult
        dialog = FunderDialog(second, state_id(second))
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled() and not dialog.save()
        assert dialog.name.isReadOnly() and not dialog.active.isEnabled()
        second.close()
