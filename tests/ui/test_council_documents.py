"""The council area's documents and figures from the council backend: participation per
member, the member list for the préfecture (workbook and PDF, written off the GUI
thread), and the RGPD processing notice."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from contrat_desktop.domain.meetings import Attendance, Meeting, Presence
from contrat_desktop.ui.dialogs.privacy.privacy_notice import PrivacyNoticeDialog
from contrat_desktop.ui.pages.council import CouncilPage
from contrat_desktop.ui.session import DossierSession
from contrat_desktop.ui.workbook_dialogs import ODS_FILTER, PDF_FILTER, XLSX_FILTER
from tests.ui.council_fixtures import council_page, make_council, make_member

WAIT_MS = 30_000


def make_page(qtbot: QtBot, session: DossierSession) -> CouncilPage:
    page = CouncilPage(session)
    qtbot.addWidget(page)
    return page


def test_participation_per_member(qtbot: QtBot, session: DossierSession) -> None:
    council = make_council(session)
    member = make_member(session, council, "Awa Diallo")
    make_member(session, council, "Paul Martin")
    body = session.repos.bodies.all()[0]
    repos = session.repos
    for day, presence in ((3, Presence.PRESENT), (4, Presence.ABSENT), (5, Presence.PRESENT)):
        meeting = repos.meetings.add(Meeting(body.id or 0, datetime(2024, 6, day, 18)))
        repos.attendance.add(Attendance(meeting.id or 0, member.person_id, presence))
    page = council_page(qtbot, session, council)
    model = page.members.model
    column = [c.key for c in model.columns].index("participation")
    by_name = {r.name: model.data(model.index(n, column)) for n, r in enumerate(model.rows())}
    assert by_name["Awa Diallo"] == "67\u00a0% (2 sur 3)"
    assert by_name["Paul Martin"] == "aucune convocation"


@pytest.mark.parametrize(
    ("suffix", "chosen_filter"),
    [(".xlsx", XLSX_FILTER), (".ods", ODS_FILTER), (".pdf", PDF_FILTER)],
)
def test_member_list_for_the_prefecture(
    qtbot: QtBot,
    session: DossierSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    chosen_filter: str,
) -> None:
    council = make_council(session)
    make_member(session, council, "Awa Diallo")
    page = council_page(qtbot, session, council)
    page.composition.day.set_value(date(2025, 3, 1))
    target = tmp_path / "liste"  # no suffix typed: the chosen file type gives it
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen_filter)
    )
    task: Any = page.export_members()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    written = target.with_name("liste" + suffix)
    if suffix != ".pdf":
        rows = CalamineWorkbook.from_path(str(written)).get_sheet_by_name("Membres").to_python()
        text = " ".join(str(cell) for row in rows for cell in row)
    else:
        text = "".join(p.extract_text() for p in PdfReader(written).pages)
    assert "Awa Diallo" in text and "01/03/2025" in text.replace("1er mars 2025", "01/03/2025")


def test_privacy_notice_is_shown_and_saved(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_council(session)
    dialog = PrivacyNoticeDialog(session)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "Conseil citoyen des Hautes-Noues" in text and "mois" in text
    target = tmp_path / "mention.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert dialog.save() == target
    assert "Conseil citoyen des Hautes-Noues" in target.read_text(encoding="utf-8")


def test_a_past_draw_is_shown_and_its_record_written_again(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrat_desktop.ui.dialogs.council.draws_dialog import DrawsDialog

    council = session.repos.councils.all()[0]
    record = session.repos.draws.for_council(council.id or 0)[0]
    dialog = DrawsDialog(session, council)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.record() == record
    assert dialog.selected_model.rowCount() == len(record.selected)
    assert dialog.reserve_model.rowCount() == len(record.reserve)
    target = tmp_path / "pv.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    task = dialog.save_pdf()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Procès-verbal du tirage au sort" in text and record.seed in text
    assert record.reserve[0].name in text and str(target) in dialog.status.text()


def test_a_past_draw_reads_whole_at_1280_without_a_sideways_scroll(
    qtbot: QtBot, session: DossierSession
) -> None:
    from contrat_desktop.ui.dialogs.council.draws_dialog import DrawsDialog

    council = session.repos.councils.all()[0]
    dialog = DrawsDialog(session, council)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    district = [c.key for c in dialog.selected_model.columns].index("district")
    for table in dialog.result_tables:
        assert table.horizontalScrollBar().maximum() == 0  # « Quartier », « Liste » in view
        text = table.model().index(0, district).data()
        assert table.fontMetrics().horizontalAdvance(text) < table.columnWidth(district)
