"""The request file in the window: the action editor's tab, the settings' list of pieces,
the programmation's column and filter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
from contrat_desktop.ui.dialogs.directory.piece_kind_dialog import PieceKindDialog
from contrat_desktop.ui.pages.programmation import ProgrammationPage
from contrat_desktop.ui.pages.settings import SettingsPage
from contrat_desktop.ui.session import DossierSession


def incomplete_action(page: ProgrammationPage) -> int:
    return next(row.id for row in page.model.rows() if row.missing_pieces)


def test_tab_records_pieces_and_the_programmation_follows(
    qtbot: QtBot, session: DossierSession, tmp_path: Path
) -> None:
    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    column = [c.key for c in page.model.columns].index("request_file")
    action_id = incomplete_action(page)
    row = page.model.row_of(action_id)
    assert row is not None and page.model.data(page.model.index(row, column)).endswith(
        ("manquante", "manquantes")
    )
    dialog = ActionDialog(session, action_id)
    qtbot.addWidget(dialog)
    tab = dialog.request_file
    assert tab is not None and "Dossier incomplet" in tab.summary.text()
    missing = [
        number for number, line in enumerate(tab.file.lines)  # type: ignore[union-attr]
        if line.kind.required and line.received_on is None
    ]  # fmt: skip
    first, *others = missing
    tab.table.selectRow(first)
    scan = tmp_path / "piece.pdf"
    scan.write_bytes(b"%PDF-1.4 piece")
    tab.attach(scan)
    assert tab.table.item(first, 3).text() == "piece.pdf"
    assert tab.table.item(first, 2).text() == date.today().strftime("%d/%m/%Y")
    assert dialog.attachments is not None and dialog.attachments.table.rowCount() >= 1
    tab.day.set_value(date(2016, 1, 20))
    for number in others:
        tab.table.selectRow(number)
        tab.mark_received()
    assert "Dossier complet" in tab.summary.text()
    row = page.model.row_of(action_id)
    assert row is not None and page.model.data(page.model.index(row, column)) == "Complet"
    session.undo_stack.undo()  # the last piece again missing, in the tab and the table
    assert "Dossier incomplet : 1 pièce(s) manquante(s)" in tab.summary.text()
    combo = page.filter_bar.request_file
    combo.setCurrentIndex(combo.findData(True))
    assert all(r.missing_pieces == 0 for r in page.model.rows())
    assert action_id not in {r.id for r in page.model.rows()}


def test_settings_list_of_pieces(qtbot: QtBot, session: DossierSession, boxes) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(session)
    qtbot.addWidget(page)
    editor = page.references.pieces
    assert editor.table.rowCount() == 8
    assert editor.table.item(0, 0).text() == "Statuts de l'association"
    dialog = PieceKindDialog(session, None, editor)
    qtbot.addWidget(dialog)
    dialog.label.setText("   ")
    assert not dialog.save()
    assert "Le nom de la pièce est obligatoire." in dialog.field_errors["label"].text()
    dialog.label.setText("Attestation d'assurance")
    dialog.required.setChecked(False)
    assert dialog.save()
    assert editor.table.rowCount() == 9 and editor.table.item(8, 1).text() == "Non"
    editor.table.selectRow(8)
    editor.move(-1)
    assert editor.table.item(7, 0).text() == "Attestation d'assurance"
    session.undo_stack.undo()  # the move, both writes at once
    assert editor.table.item(8, 0).text() == "Attestation d'assurance"
    editor.table.selectRow(0)
    editor.delete()  # recorded on the demo's actions: refused, explained
    assert "Désactivez-la" in boxes.shown[-1][2]


def test_sheets_of_the_shown_actions_and_of_one_action(
    qtbot: QtBot, session: DossierSession, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    targets = iter([tmp_path / "financeur.pdf", tmp_path / "une.pdf"])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), "PDF (*.pdf)")
    )
    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    funder = page.filter_bar.funder
    funder.setCurrentIndex(2)  # one funder's share: every action it is asked to fund
    shown = [row.reference for row in page.model.rows()]
    assert 0 < len(shown) < 50
    page.export_sheets()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30_000)
    reader = PdfReader(io.BytesIO(Path(opened[0]).read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert [r for r in shown if f"Fiche action {r}" not in text] == []
    dialog = ActionDialog(session, page.model.row(0).id)
    qtbot.addWidget(dialog)
    dialog.export_sheet()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=30_000)
    assert opened[1].endswith("une.pdf")
    assert (
        f"Fiche action {page.model.row(0).reference}"
        in PdfReader(opened[1]).pages[0].extract_text()
    )


def test_reminder_opens_the_request_file_tab(qtbot: QtBot, session: DossierSession) -> None:
    dialog = ActionDialog(session, 60)
    qtbot.addWidget(dialog)
    dialog.show_tab("dossier")
    assert dialog.tabs.currentWidget() is dialog.request_file


def test_three_commune_contract_in_the_programmation_filters(
    qtbot: QtBot, tmp_path: Path, qapp
) -> None:  # type: ignore[no-untyped-def]
    from contrat_desktop.storage.database import open_dossier
    from tests.operations.territory_factory import build_vitry_like

    path = tmp_path / "vitry.cdv"
    with open_dossier(path, create=True, daily_backup=False) as dossier:
        build_vitry_like(dossier)
    session = DossierSession(open_dossier(path, daily_backup=False))
    try:
        page = ProgrammationPage(session)
        qtbot.addWidget(page)
        commune = page.filter_bar.commune
        assert not commune.isHidden()
        assert [commune.itemText(i) for i in range(commune.count())] == [
            "Tous", "Choisy-le-Roi", "Ivry-sur-Seine", "Vitry-sur-Seine",
        ]  # fmt: skip
        commune.setCurrentIndex(commune.findData("94022"))
        assert sorted(r.reference for r in page.model.rows()) == ["2026-CS-004", "2026-CS-005"]
        commune.setCurrentIndex(commune.findData("94081"))
        assert page.model.rowCount() == 4
    finally:
        session.close()


def test_the_demo_contract_has_one_commune(qtbot: QtBot, session: DossierSession) -> None:
    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    assert session.references.communes == {"94079": "Villiers-sur-Marne"}
    assert page.filter_bar.commune.isHidden()  # no commune filter for a one-commune contract


def test_the_dossier_column_tooltip_names_the_missing_pieces(
    qtbot: QtBot, session: DossierSession
) -> None:
    """Issue #13: the « Dossier » cell says which pieces are missing, not where to look."""
    from PySide6.QtCore import Qt

    from contrat_desktop.operations.request_file import load_request_file

    page = ProgrammationPage(session)
    qtbot.addWidget(page)
    model = page.model
    column = [c.key for c in model.columns].index("request_file")

    def tooltip(action_id: int) -> str:
        row = model.row_of(action_id)
        assert row is not None
        return str(model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole))

    rows = model.rows()
    several = next(r for r in rows if r.missing_pieces > 1)
    expected = [k.label for k in load_request_file(session.dossier, several.id).missing]
    assert tooltip(several.id) == "Dossier de demande incomplet. Manquent :" + "".join(
        f"\n– {label}" for label in expected
    )
    complete = next(r for r in rows if r.missing_pieces == 0)
    assert load_request_file(session.dossier, complete.id).complete
    assert tooltip(complete.id) == (
        "Dossier de demande complet : toutes les pièces obligatoires sont reçues."
    )
    dialog = ActionDialog(session, several.id)  # all but one received: « Manque » and its name
    qtbot.addWidget(dialog)
    tab = dialog.request_file
    assert tab is not None
    lines = tab.file.lines  # type: ignore[union-attr]
    missing = [n for n, line in enumerate(lines) if line.kind.required and not line.received_on]
    for number in missing[1:]:
        tab.table.selectRow(number)
        tab.mark_received()
    assert tooltip(several.id) == (
        f"Dossier de demande incomplet. Manque :\n– {lines[missing[0]].kind.label}"
    )
