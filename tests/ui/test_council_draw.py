"""The draw dialog on two CSV lists: row issues and duplicates shown, an infeasible quota
named and the draw refused, the same seed giving the same result, the procès-verbal
written off the GUI thread, drawn residents seated, and a replacement from the reserve."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.council import CitizenCouncil
from contrat_desktop.domain.quotas import Dimension
from contrat_desktop.ui.dialogs.council.draw_dialog import DrawDialog
from contrat_desktop.ui.session import DossierSession
from tests.ui.council_fixtures import (
    council_page,
    exit_answer,
    make_council,
    two_lists,
    write_list,
)

__all__ = ["exit_answer"]  # a fixture
WAIT_MS = 30_000


@pytest.fixture
def council(session: DossierSession) -> CitizenCouncil:
    return make_council(session)


def open_dialog(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, lists: list[Path]
) -> DrawDialog:
    dialog = DrawDialog(session, council)
    qtbot.addWidget(dialog)
    task = dialog.lists.add_files(lists)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    return dialog


def table_text(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_lists_show_sources_issues_and_duplicates(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session, council, two_lists(tmp_path, council.district_codes[0]))
    lists = table_text(dialog.lists.lists)
    assert [row[0] for row in lists] == ["electeurs", "locataires"]
    assert lists[0][1].endswith("electeurs.csv") and lists[0][2] == "12" and lists[0][3] == "1"
    assert len(lists[0][4]) == 64  # the content's SHA-256
    ((name, row, column, value, message),) = table_text(dialog.lists.issues)
    assert (name, row, column, value) == ("electeurs", "14", "Année de naissance", "vers 1990")
    assert message
    ((who, year, where, kept),) = table_text(dialog.lists.duplicates)
    assert who.casefold().startswith("diallo") and year == "1980"
    assert "electeurs (n° E12)" in where and "locataires (n° L8)" in where and kept in where
    assert "19 personne(s) distincte(s)" in dialog.lists.status.text()


def test_infeasible_quota_is_named_and_the_draw_refused(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, tmp_path: Path
) -> None:
    draws, lists = len(session.repos.draws.all()), len(session.repos.candidate_lists.all())
    dialog = open_dialog(qtbot, session, council, two_lists(tmp_path, council.district_codes[0]))
    dialog.seats.setValue(6)
    assert dialog.draw_button.isEnabled()
    row = dialog.quotas.add_quota(Dimension.AGE, "18-25", 2, None)
    text = dialog.feasibility.text()
    assert "âge 18-25 (au moins 2) impossible" in text and "0 candidat" in text
    assert not dialog.draw_button.isEnabled()
    assert dialog.run() is None and len(session.repos.draws.all()) == draws
    dialog.quotas.set_value(row, 1, "abc")
    assert "Quota n° 1" in dialog.feasibility.text()
    dialog.quotas.table.selectRow(row)
    dialog.quotas.remove_current()
    assert dialog.draw_button.isEnabled()
    assert len(session.repos.candidate_lists.all()) == lists  # nothing stored before the draw


def run_draw(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, lists: list[Path], seed: str
) -> DrawDialog:
    dialog = open_dialog(qtbot, session, council, lists)
    dialog.seats.setValue(6)
    dialog.reserve.setValue(5)
    dialog.year.setValue(2025)
    dialog.quotas.add_parity()
    dialog.seed.setText(seed)
    dialog.place.setText("Salle des fêtes")
    dialog.witnesses.setText("Mme Leroy ; M. Petit")
    assert dialog.draw_button.isEnabled(), dialog.feasibility.text()
    assert dialog.run() is not None
    return dialog


def test_same_seed_same_result_and_the_record(
    qtbot: QtBot,
    session: DossierSession,
    council: CitizenCouncil,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    draws, kept = len(session.repos.draws.all()), len(session.repos.candidate_lists.all())
    lists = two_lists(tmp_path, council.district_codes[0])
    first = run_draw(qtbot, session, council, lists, "mairie-2025")
    assert first.tabs.currentIndex() == 2 and not first.draw_button.isEnabled()
    selected = [r[1].name for r in first.selected_model.rows()]
    assert len(selected) == 6 and first.reserve_model.rowCount() == 5
    qtmodeltester.check(first.selected_model)
    qtmodeltester.check(first.reserve_model)
    second = run_draw(qtbot, session, council, lists, "mairie-2025")
    assert [r[1].name for r in second.selected_model.rows()] == selected
    third = run_draw(qtbot, session, council, lists, "une autre graine")
    assert [r[1].name for r in third.selected_model.rows()] != selected
    assert len(session.repos.draws.all()) == draws + 3
    assert len(session.repos.candidate_lists.all()) == kept + 6
    target = tmp_path / "pv" / "tirage.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    task = first.save_pdf()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Procès-verbal du tirage au sort" in text
    assert "mairie-2025" in text and "Salle des fêtes" in text and "Mme Leroy" in text
    assert first.record is not None
    assert first.record.lists[0].checksum[:16] in text.replace("\n", "")
    assert selected[0] in text


def test_the_result_reads_whole_with_what_proves_the_draw(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, tmp_path: Path
) -> None:
    """Long names are read whole, and the draw's proof (when, where, witnesses, seed,
    algorithm, each list's fingerprint whole) stands under the result, as in the list of
    the council's draws."""
    from contrat_desktop.ui.dialogs.council.draws_dialog import DrawsDialog

    district = council.district_codes[0]
    rows = [
        f"E{n};Rodrigues de Oliveira-Vasconcelos;Marie-Christine{n};{'FM'[n % 2]};"
        f"{1950 + n};{district}"
        for n in range(1, 15)
    ]
    lists = [write_list(tmp_path / "liste_electorale.csv", rows)]
    dialog = run_draw(qtbot, session, council, lists, "graine-publique")
    record = dialog.record
    assert record is not None
    proof = dialog.audit.text()
    assert proof.startswith(
        f"Tirage du {record.drawn_at:%d/%m/%Y à %H:%M}, Salle des fêtes ; "
        "témoins : Mme Leroy, M. Petit.\n"
        f"Graine « graine-publique » ; algorithme {record.algorithm_version} ; "
        "âges calculés en 2025.\n"
    )
    assert f"– liste_electorale (14 inscrit(s)) : {record.lists[0].checksum}" in proof
    assert len(record.lists[0].checksum) == 64
    past = DrawsDialog(session, council)
    qtbot.addWidget(past)
    past.table.selectRow(past.records.index(record))
    assert past.audit.text() == proof
    for table in (dialog.selected_table, dialog.reserve_table, *past.result_tables):
        model = table.model()
        name = [c.key for c in model.columns].index("name")
        names = [model.index(row, name).data() for row in range(model.rowCount())]
        widest = max(table.fontMetrics().horizontalAdvance(text) for text in names)
        assert widest < table.columnWidth(name), names


def test_seat_drawn_then_replace_from_reserve(
    qtbot: QtBot,
    session: DossierSession,
    council: CitizenCouncil,
    tmp_path: Path,
    boxes: Any,
    exit_answer: dict[str, Any],
) -> None:
    dialog = run_draw(
        qtbot, session, council, two_lists(tmp_path, council.district_codes[0]), "seed"
    )
    dialog.entry_date.set_value(date(2025, 2, 1))
    assert dialog.seat()
    assert not dialog.seat_button.isEnabled()
    members = session.repos.council_members.for_council(council.id or 0)
    assert len(members) == 6 and all(m.draw_id == dialog.record.id for m in members)  # type: ignore[union-attr]
    page = council_page(qtbot, session, council)
    leaving = members[0]
    page.members.select_member(leaving.id or 0)
    assert page.members.replace_button.isEnabled()
    audit = session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    boxes.answer = QMessageBox.StandardButton.No  # who would come in is shown first
    assert not page.members.replace_selected()
    kind, title, question = boxes.shown[-1]
    assert kind == "question" and "entre au conseil à sa place" in question
    assert session.dossier.db.execute("SELECT count(*) FROM audit").fetchone()[0] == audit
    boxes.answer = QMessageBox.StandardButton.Yes
    assert page.members.replace_selected()
    title, text = boxes.shown[-1][1:]
    assert title == "Remplacement enregistré" and "réserve du tirage" in text
    assert dialog.record is not None
    first_reserve = dialog.record.reserve[0]
    now = [
        m
        for m in session.repos.council_members.for_council(council.id or 0)
        if m.active_on(date(2025, 6, 2))
    ]
    assert len(now) == 6
    newcomer = max(now, key=lambda m: m.id or 0)
    assert newcomer.sex == leaving.sex and newcomer.entry_date == date(2025, 6, 1)
    name = session.repos.persons.get(newcomer.person_id).name
    assert name in text and name in question  # the one announced is the one seated
    if first_reserve.sex == leaving.sex:
        assert name == first_reserve.name


def test_a_list_changed_since_reading_stores_nothing(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, tmp_path: Path, boxes: Any
) -> None:
    draws, kept = len(session.repos.draws.all()), len(session.repos.candidate_lists.all())
    lists = two_lists(tmp_path, council.district_codes[0])
    dialog = open_dialog(qtbot, session, council, lists)
    dialog.seats.setValue(4)
    lists[1].write_text(lists[1].read_text(encoding="utf-8") + "L9;Ajout;Tardif;M;1990;X\n")
    assert dialog.run() is None
    kind, title, text = boxes.shown[-1]
    assert kind == "warning" and title == "Tirage non effectué"
    assert "« locataires.csv » a changé" in text and "Rien n'a été enregistré" in text
    assert len(session.repos.draws.all()) == draws
    assert len(session.repos.candidate_lists.all()) == kept  # the first list rolled back too
    assert dialog.draw_button.isEnabled()  # the user can fix it and draw again


def test_the_result_names_the_districts_and_the_age_quota_that_counted(
    qtbot: QtBot, session: DossierSession, council: CitizenCouncil, tmp_path: Path
) -> None:
    """The « Quartier » column reads the district's name (its QPV code in the tooltip); the
    age column gives the age in the draw's year and the band of the age quota that counted
    the person, the bands of the feasibility check."""
    from PySide6.QtCore import Qt

    from contrat_desktop.operations.settings import district_names

    code = council.district_codes[0]
    name = district_names(session.dossier)[code]
    rows = [f"E{n};Martin;Alix{n};{'FM'[n % 2]};{1989 + n};{code}" for n in range(1, 15)]
    dialog = open_dialog(qtbot, session, council, [write_list(tmp_path / "liste.csv", rows)])
    dialog.seats.setValue(6)
    dialog.reserve.setValue(4)
    dialog.year.setValue(2025)
    dialog.quotas.add_quota(Dimension.AGE, "18-29", 2, None)
    assert dialog.run() is not None
    model = dialog.selected_model
    keys = [c.key for c in model.columns]
    district, age = keys.index("district"), keys.index("age")
    assert model.headerData(age, Qt.Orientation.Horizontal) == "Âge en 2025"
    texts = {model.index(r, district).data() for r in range(model.rowCount())}
    assert texts == {name} and not name.startswith("QP")
    tip = model.index(0, district).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{name} (code {code})"
    for table in (dialog.selected_model, dialog.reserve_model):
        for row in range(table.rowCount()):
            person = table.row(row)[1]
            years = 2025 - (person.birth_year or 0)
            expected = f"{years} ans (quota 18-29 ans)" if 18 <= years <= 29 else f"{years} ans"
            assert table.index(row, age).data() == expected
    counted = sum("quota" in model.index(r, age).data() for r in range(model.rowCount()))
    assert counted >= 2  # the quota's minimum, as the check counted it
