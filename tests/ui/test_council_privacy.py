"""RGPD from the council area: a person's data exported as a workbook (read back), erasure
after a confirmation naming the person, and the retention rule previewed then applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.privacy import ANONYMOUS
from contrat_desktop.ui.dialogs.privacy.privacy_retention import RetentionDialog
from contrat_desktop.ui.pages.council import CouncilPage
from contrat_desktop.ui.session import DossierSession
from tests.ui.council_fixtures import council_page, make_council, make_member

WAIT_MS = 30_000


def make_page(qtbot: QtBot, session: DossierSession) -> CouncilPage:
    page = CouncilPage(session)
    qtbot.addWidget(page)
    return page


def test_export_person_workbook(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    council = make_council(session)
    member = make_member(
        session, council, "Zébulonne Quatremare", consent_date=date(2024, 1, 10),
        consent_purpose="Participation au conseil citoyen",
    )  # fmt: skip
    page = council_page(qtbot, session, council)
    page.members.select_member(member.id or 0)
    target = tmp_path / "export" / "zebulonne.xlsx"
    target.parent.mkdir()
    asked: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or (str(target), "")
    )
    task = page.members.export_selected()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):  # type: ignore[attr-defined]
        pass
    assert "Zébulonne Quatremare" in asked[0][1]
    assert "donnees-personnelles-zébulonne-quatremare.xlsx" in asked[0][2]
    book = CalamineWorkbook.from_path(str(target))
    person = book.get_sheet_by_name("Personne").to_python()
    assert person[1][0] == "Zébulonne Quatremare"
    mandates = book.get_sheet_by_name("Mandats").to_python()
    assert "Participation au conseil citoyen" in mandates[1]


def test_anonymise_names_the_person_and_can_be_declined(
    qtbot: QtBot, session: DossierSession, boxes: Any
) -> None:
    council = make_council(session)
    member = make_member(session, council, "Zébulonne Quatremare")
    page = council_page(qtbot, session, council)
    page.members.select_member(member.id or 0)
    boxes.answer = QMessageBox.StandardButton.No
    assert not page.members.anonymise_selected()
    kind, _title, text = boxes.shown[-1]
    assert kind == "question" and "« Zébulonne Quatremare »" in text
    assert session.repos.persons.get(member.person_id).name == "Zébulonne Quatremare"
    boxes.answer = QMessageBox.StandardButton.Yes
    assert page.members.anonymise_selected()
    assert session.repos.persons.get(member.person_id).name.startswith(ANONYMOUS)
    row = page.members.model.row(page.members.model.row_of(member.id or 0) or 0)
    assert row.name.startswith(ANONYMOUS) and "Anonymisé" in page.members.model.data(
        page.members.model.index(0, 9)
    )
    assert not page.members.anonymise_button.isEnabled()
    assert not page.members.export_button.isEnabled()
    assert session.undo_stack.count() == 0


def test_retention_preview_then_apply(qtbot: QtBot, session: DossierSession, boxes: Any) -> None:
    council = make_council(session)
    gone = make_member(
        session, council, "Ancien Membre", entry_date=date(2016, 1, 1),
    )  # fmt: skip
    from contrat_desktop.operations.council import record_exit

    record_exit(session.dossier, gone.id or 0, date(2018, 1, 1), "Fin de mandat")
    staying = make_member(session, council, "Membre Actuel")
    dialog = RetentionDialog(session)
    qtbot.addWidget(dialog)
    names = [dialog.persons.item(n, 1).text() for n in range(dialog.persons.rowCount())]
    assert "Ancien Membre" in names and "Membre Actuel" not in names
    assert f"{len(names)} personne(s)" in dialog.summary.text()
    assert "Rien n'est modifié" in dialog.summary.text()
    assert session.repos.persons.get(gone.person_id).name == "Ancien Membre"  # preview only
    boxes.answer = QMessageBox.StandardButton.No
    assert not dialog.apply()
    assert session.repos.persons.get(gone.person_id).name == "Ancien Membre"
    assert "Ancien Membre" in boxes.shown[-1][2]
    boxes.answer = QMessageBox.StandardButton.Yes
    assert dialog.apply()
    assert session.repos.persons.get(gone.person_id).name.startswith(ANONYMOUS)
    assert session.repos.persons.get(staying.person_id).name == "Membre Actuel"
    assert dialog.persons.rowCount() == 0 and not dialog.apply_button.isEnabled()
    dialog.member_months.setValue(7)
    assert dialog.save_durations()
    from contrat_desktop.operations.council_privacy import load_retention

    assert load_retention(session.dossier).member_months == 7
