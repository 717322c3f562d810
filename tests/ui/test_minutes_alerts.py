"""Validating COPIL minutes that overspend an envelope and give money without an opinion:
the preview lists both and the validation waits for a knowing confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.decisions import ExaminedAction, FunderAmount
from contrat_desktop.domain.funders import Envelope
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.operations.minutes_validation import preview_validation
from contrat_desktop.operations.validation_alerts import validation_alerts
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.ui.dialogs.meetings.minutes_validation_dialog import MinutesValidationDialog
from contrat_desktop.ui.pages.meetings import MeetingsPage
from contrat_desktop.ui.session import DossierSession
from tests.operations.meeting_fixtures import Committee, make_committee


@pytest.fixture
def committee(dossier: Dossier, make_action: Callable[..., Action]) -> Committee:
    """A COPIL granting 15 000 € of the State's 20 000 € envelope already 10 000 € used,
    and 4 000 € to an action left without an opinion."""
    repos = Repositories(dossier)
    committee = make_committee(dossier, make_action)
    state, town = committee.funders
    first, second = committee.actions
    used = make_action(title="Déjà accordée")
    repos.funding_lines.add(
        FundingLine(used.id or 0, state.id or 0, 1_000_000, granted_cents=1_000_000)
    )
    repos.envelopes.add(Envelope(state.id or 0, 2026, 2_000_000))
    meeting = committee.meeting.id or 0
    repos.examined_actions.add(
        ExaminedAction(
            meeting, first.id or 0, 1, Opinion.FAVOURABLE,
            amounts=(FunderAmount(state.id or 0, 1_500_000),),
        )
    )  # fmt: skip
    repos.examined_actions.add(
        ExaminedAction(
            meeting, second.id or 0, 2, None, amounts=(FunderAmount(town.id or 0, 400_000),)
        )
    )
    return committee


def test_the_alerts_name_the_envelope_and_the_action_without_opinion(
    dossier: Dossier, committee: Committee
) -> None:
    meeting = committee.meeting.id or 0
    alerts = validation_alerts(dossier, meeting, preview_validation(dossier, meeting))
    texts = [a.text for a in alerts]
    assert any("Enveloppe 2026 de État – BOP 147 dépassée" in t for t in texts)
    assert any(
        "25\u202f000,00\u00a0€ accordés" in t and "5\u202f000,00\u00a0€ de trop" in t for t in texts
    )
    second = committee.actions[1]
    assert any(t.startswith(second.reference) and "sans avis saisi" in t for t in texts)


def test_the_validation_waits_for_a_knowing_confirmation(
    qtbot: QtBot, dossier: Dossier, committee: Committee, monkeypatch: Any
) -> None:
    session = DossierSession(dossier)
    session.set_campaign(session.references.campaigns[2026])
    page = MeetingsPage(session)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    seen: list[MinutesValidationDialog] = []

    def look(dialog: MinutesValidationDialog) -> int:
        seen.append(dialog)
        assert dialog.alerts.isVisibleTo(dialog) and "Enveloppe 2026" in dialog.alerts.text()
        assert not dialog.validate_button.isEnabled()
        dialog.knowingly.setChecked(True)
        assert dialog.validate_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(MinutesValidationDialog, "exec", look)
    before = dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert not page.validate() and seen
    assert dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
