"""The yearly report dialog: a section's text written with an excerpt of a bilan, saved in
the dossier, and the report written in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.operations.yearly_report import load_texts
from contrat_desktop.ui.dialogs.documents.yearly_report_dialog import YearlyReportDialog
from contrat_desktop.ui.session import DossierSession


def test_write_a_pillar_with_an_excerpt_then_the_pdf(
    qtbot: QtBot, session: DossierSession, answer_save_dialog: Any, tmp_path: Path
) -> None:
    dialog = YearlyReportDialog(session)
    qtbot.addWidget(dialog)
    dialog.year.setCurrentIndex(dialog.year.findData(2015))
    row = next(
        n
        for n in range(dialog.sections.count())
        if dialog.sections.item(n).text() == "Pilier : Cohésion sociale"
    )
    dialog.sections.setCurrentRow(row)
    assert dialog.excerpts.count() > 0
    dialog.editor.insertPlainText("Bonne année pour la cohésion sociale.")  # as typed
    dialog.excerpts.setCurrentRow(0)
    dialog.insert_button.click()
    assert "»" in dialog.editor.toPlainText()
    dialog.sections.setCurrentRow(0)  # switching section saves
    saved = load_texts(session.dossier, 2015)[dialog.sections.item(row).data(256)]
    assert saved.body.startswith("Bonne année pour la cohésion sociale.")
    answer_save_dialog(tmp_path / "bilan")
    dialog.write(".pdf")
    assert dialog.file_task is not None
    with qtbot.waitSignal(dialog.file_task.finished, timeout=30_000):
        pass
    assert (tmp_path / "bilan.pdf").read_bytes().startswith(b"%PDF")
    answer_save_dialog(tmp_path / "bilan")  # no suffix typed: the button's format is added
    dialog.docx_button.click()
    assert dialog.file_task is not None
    with qtbot.waitSignal(dialog.file_task.finished, timeout=30_000):
        pass
    from docx import Document

    written = Document(str(tmp_path / "bilan.docx"))
    assert any("Bonne année pour la cohésion sociale." in p.text for p in written.paragraphs)


def test_the_parts_are_the_year_s_pillars_and_fit_in_the_list(
    qtbot: QtBot, session: DossierSession
) -> None:
    """QA: a 2015 contract was offered the State's 2024 themes, their names cut."""
    from contrat_desktop.operations.campaigns import create_campaign

    create_campaign(session.dossier, 2024)
    session.reload_references()
    dialog = YearlyReportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def titles() -> list[str]:
        return [dialog.sections.item(n).text() for n in range(dialog.sections.count())]

    dialog.year.setCurrentIndex(dialog.year.findData(2015))
    assert "Pilier : Cohésion sociale" in titles() and "Pilier : Éducation" not in titles()
    assert titles()[0].startswith("Introduction") and titles()[-1] == "Partenariat et gouvernance"
    dialog.year.setCurrentIndex(dialog.year.findData(2024))
    assert "Pilier : Éducation" in titles() and "Pilier : Cohésion sociale" not in titles()
    assert dialog.sections.currentRow() >= 0 and dialog.section
    view = dialog.sections
    assert view.horizontalScrollBar().maximum() == 0  # nothing cut, no sideways scrolling
    for n in range(view.count()):
        shown = view.visualItemRect(view.item(n))
        needed = view.fontMetrics().horizontalAdvance(view.item(n).text())
        assert shown.width() >= min(needed, view.viewport().width() - 8) and shown.height() > 0
