"""The renewal window: all, by filter or one by one; preview; one step undone by Ctrl+Z;
the chain of years in the action editor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.dialogs.campaigns.renewal_dialog import FILTERED, ONE_BY_ONE, RenewalDialog
from contrat_desktop.ui.session import DossierSession


def make_dialog(qtbot: QtBot, session: DossierSession) -> RenewalDialog:
    dialog = RenewalDialog(session)
    qtbot.addWidget(dialog)
    dialog.preview()
    return dialog


def test_all_filter_or_one_by_one(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, session)
    assert (dialog.source.currentData(), dialog.target.value()) == (2016, 2017)
    assert dialog.model.rowCount() == 50
    plan = dialog.plan
    assert plan is not None and not plan.target_exists
    assert len(plan.created) + len(plan.skipped) == 50
    assert f"{len(plan.created)} action(s) seront reconduites" in dialog.summary.text()
    assert "qui sera créée" in dialog.summary.text() and "abandonnée" in dialog.summary.text()
    dialog.mode_buttons[FILTERED].setChecked(True)
    status = dialog.filter_bar.status
    status.setCurrentIndex(status.findData(ActionStatus.GRANTED.value))
    dialog.preview()
    granted = dialog.model.rows()
    assert granted and dialog.plan is not None
    assert {line.action_id for line in dialog.plan.lines} == {r.action_id for r in granted}
    dialog.filter_bar.clear()
    dialog.mode_buttons[ONE_BY_ONE].setChecked(True)
    dialog.uncheck_all.click()
    for row in (0, 1):
        dialog.model.setData(dialog.model.index(row, 0), Qt.CheckState.Checked.value)
    dialog.preview()
    assert dialog.plan is not None and len(dialog.plan.lines) == 2
    assert dialog.model.data(dialog.model.index(0, 7)).startswith(("→ 2017-", "laissée"))
    renewable = [line for line in dialog.plan.lines if line.skip is None]
    dialog.renew()
    assert (
        boxes.shown[0][0] == "question"
        and "La campagne 2017 n'existe pas encore" in boxes.shown[0][2]
    )
    assert session.campaign_year == 2017
    assert len(session.repos.actions.for_campaign(session.campaign_id)) == len(renewable)
    assert {a.renewal_of_id for a in session.repos.actions.for_campaign(session.campaign_id)} == {
        line.action_id for line in renewable
    }
    session.undo_stack.undo()
    assert 2017 not in session.references.campaigns and session.campaign_year == 2016
    session.undo_stack.redo()
    assert 2017 in session.references.campaigns


def test_closed_target_is_refused_in_the_window(qtbot: QtBot, session: DossierSession) -> None:
    repos = session.repos
    closed = replace(repos.campaigns.by_year(2016), closed=True)
    repos.campaigns.update(closed)
    dialog = make_dialog(qtbot, session)
    dialog.source.setCurrentIndex(dialog.source.findData(2015))
    dialog.preview()
    assert "La campagne 2016 est close" in dialog.summary.text()
    assert not dialog.renew_button.isEnabled()


def test_chain_of_years_in_the_action_editor(qtbot: QtBot, session: DossierSession) -> None:
    renewed = next(a for a in session.repos.actions.for_campaign(session.campaign_id)
                   if a.renewal_of_id)  # fmt: skip
    dialog = ActionDialog(session, renewed.id)
    qtbot.addWidget(dialog)
    table = dialog.chain.table
    assert table.rowCount() == 2
    assert [table.item(row, 0).text() for row in range(2)] == ["2015", "2016"]
    assert table.item(1, 1).text() == renewed.reference and table.item(1, 0).font().bold()
    assert "court sur 2 campagnes (2015–2016)" in dialog.chain.note.text()
