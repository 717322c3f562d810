"""RGPD from the council area: a person's data exported as a workbook (read back), erasure
after a confirmation naming the person, and the retention rule previewed then applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.council import Member
from contrat_desktop.domain.privacy import ANONYMOUS
from contrat_desktop.operations.privacy_backups import BackupChoice
from contrat_desktop.ui.dialogs.privacy.erasure_dialog import ErasureDialog
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


def _selected(qtbot: QtBot, session: DossierSession) -> tuple[Member, CouncilPage]:
    """Zébulonne Quatremare, member of the council, selected on the council page."""
    council = make_council(session)
    member = make_member(session, council, "Zébulonne Quatremare")
    page = council_page(qtbot, session, council)
    page.members.select_member(member.id or 0)
    return member, page


def test_anonymise_names_the_person_and_can_be_declined(
    qtbot: QtBot, session: DossierSession, boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    member, page = _selected(qtbot, session)
    shown: list[ErasureDialog] = []
    monkeypatch.setattr(ErasureDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    assert not page.members.anonymise_selected()
    assert "« Zébulonne Quatremare »" in shown[-1].findChildren(QLabel)[0].text()
    assert session.repos.persons.get(member.person_id).name == "Zébulonne Quatremare"
    monkeypatch.setattr(ErasureDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    assert page.members.anonymise_selected()
    assert session.repos.persons.get(member.person_id).name.startswith(ANONYMOUS)
    row = page.members.model.row(page.members.model.row_of(member.id or 0) or 0)
    consent = [c.key for c in page.members.model.columns].index("consent")
    assert row.name.startswith(ANONYMOUS) and "Anonymisé" in page.members.model.data(
        page.members.model.index(0, consent)
    )
    assert not page.members.anonymise_button.isEnabled()
    assert not page.members.export_button.isEnabled()
    assert session.undo_stack.count() == 0
    kind, title, text = boxes.shown[-1]
    assert (kind, title) == ("information", "Données effacées")
    assert "Plus aucune sauvegarde de ce dossier ne contient ses données." in text


def test_erasure_lists_the_backups_holding_the_person_and_rewrites_them(
    qtbot: QtBot, session: DossierSession, boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _member, page = _selected(qtbot, session)
    kept = session.dossier.backup("manuelle")  # taken seconds before the erasure
    other = session.dossier.backup("avant-import")
    seen: list[list[str]] = []

    def rewrite_all_but(dialog: ErasureDialog) -> int:
        assert dialog.table is not None
        seen.append([dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())])
        assert dialog.choice() is BackupChoice.REWRITE  # the default
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ErasureDialog, "exec", rewrite_all_but)
    assert page.members.anonymise_selected()
    assert sorted(seen[0]) == sorted([kept.path.name, other.path.name])
    for backup in (kept, other):
        assert b"Quatremare" not in backup.path.read_bytes()
    _, _, text = boxes.shown[-1]
    assert "2 sauvegarde(s) réécrite(s) sans ses données." in text
    assert "Plus aucune sauvegarde de ce dossier ne contient ses données." in text


def test_kept_backups_are_named_as_still_holding_the_person(
    qtbot: QtBot, session: DossierSession, boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _member, page = _selected(qtbot, session)
    kept = session.dossier.backup("manuelle")

    def keep(dialog: ErasureDialog) -> int:
        dialog.choose(BackupChoice.KEEP)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ErasureDialog, "exec", keep)
    assert page.members.anonymise_selected()
    _, _, text = boxes.shown[-1]
    assert "Ces sauvegardes contiennent encore ses données :" in text
    assert str(kept.path) in text
    assert b"Quatremare" in kept.path.read_bytes()


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
