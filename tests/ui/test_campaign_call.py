"""The call for projects on the programmation page: shown, edited in its dialog, undone."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from contrat_desktop.operations.campaign_call import load_campaign
from contrat_desktop.ui.dialogs.campaigns.campaign_call_dialog import CampaignCallDialog
from contrat_desktop.ui.pages.programmation import ProgrammationPage
from contrat_desktop.ui.session import DossierSession


def test_call_shown_edited_and_undone(qtbot: QtBot, session: DossierSession) -> None:
    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    text = page.call_bar.summary.text()
    assert "Appel à projets 2016" in text and "lancé le 15/10/2015" in text
    assert "comités : 20/03/2016, 28/04/2016" in text and "Priorités : Réussite" in text
    campaign = load_campaign(session.dossier, session.campaign_id)
    assert campaign is not None
    dialog = CampaignCallDialog(session, campaign, page)
    qtbot.addWidget(dialog)
    dialog.committees.day.set_value(date(2016, 6, 2))
    dialog.committees.add_chosen()
    dialog.deadline.set_value(date(2015, 9, 1))  # before the launch: refused, said under it
    assert dialog.dirty and not dialog.save()
    assert "précède le lancement" in dialog.field_errors["filing_deadline"].text()
    dialog.deadline.set_value(date(2016, 2, 15))
    dialog.closed.setChecked(True)
    assert dialog.save()
    text = page.call_bar.summary.text()
    assert "dépôt jusqu'au 15/02/2016" in text and "02/06/2016" in text and "close" in text
    session.undo_stack.undo()
    text = page.call_bar.summary.text()
    assert "dépôt jusqu'au 31/01/2016" in text and "02/06/2016" not in text
    assert "close" not in text
