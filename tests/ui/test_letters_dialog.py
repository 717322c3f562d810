"""Letters from the window: the notifications of the campaign (then "notifié" when asked)
and the reminders of late bilans from "À faire"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.letters import LetterKind
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.programmation import status_of
from contrat_desktop.ui.background import wait_for_background_work
from contrat_desktop.ui.dialogs.funding import letters_dialog
from contrat_desktop.ui.dialogs.funding.letters_dialog import LettersDialog
from contrat_desktop.ui.session import DossierSession


def test_notifications_are_written_then_the_granted_actions_notified(
    qtbot: QtBot,
    session: DossierSession,
    boxes: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "notifications.pdf"
    monkeypatch.setattr(letters_dialog, "ask_target", lambda *_args: target)
    dialog = LettersDialog(session, LetterKind.NOTIFICATION, 2016)
    qtbot.addWidget(dialog)
    assert "lettre(s)" in dialog.summary.text() and dialog.write_button.isEnabled()
    task = dialog.write()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    wait_for_background_work()
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.written is not None and dialog.written.letters > 5
    question = [shown for shown in boxes.shown if shown[0] == "question"]
    assert question and "« Notifié »" in question[-1][2]
    statuses = status_of(session.dossier, list(dialog.written.action_ids))
    assert ActionStatus.GRANTED not in statuses.values()
    session.undo_stack.undo()
    assert (
        ActionStatus.GRANTED in status_of(session.dossier, list(dialog.written.action_ids)).values()
    )


def test_no_late_bilan_no_letter(qtbot: QtBot, session: DossierSession) -> None:
    dialog = LettersDialog(session, LetterKind.REMINDER, 2016, [99_999])
    qtbot.addWidget(dialog)
    assert not dialog.write_button.isEnabled()
    assert "Aucune lettre" in dialog.summary.text()


def test_an_enlarged_letters_dialog_keeps_its_text_and_choices_together_on_top(
    qtbot: QtBot, session: DossierSession
) -> None:
    dialog = LettersDialog(session, LetterKind.NOTIFICATION, 2016)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.summary.geometry().top() < 40
    gap = dialog.one_file.geometry().top() - dialog.summary.geometry().bottom()
    assert gap < 40, gap  # the choices follow the sentence, not half a screen below
    assert dialog.written_on.geometry().bottom() < 200
