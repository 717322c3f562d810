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
