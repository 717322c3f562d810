"""Import a workbook from the window: menu or drop, sheet, mapping, preview, apply.

Real workbooks (exported by the page, edited with openpyxl), the real demo dossier; the
dialogs are answered by ``import_driver`` instead of a modal loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.imports import ImportJournal
from contrat_desktop.ui.dialogs.exchange.import_dialog import ImportFlow
from contrat_desktop.ui.session import DossierSession

WAIT_MS = 30_000


def run_import(qtbot: QtBot, window: Any, path: Path) -> ImportFlow:
    """Choose ``path`` through File → "Importer un classeur…" and wait until the flow ends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
        window.import_action.trigger()
        flow = window.import_flow
        assert isinstance(flow, ImportFlow)
        if flow.task is not None:  # reading in the background
            with qtbot.waitSignal(flow.ended, timeout=WAIT_MS):
                pass
    return flow


@pytest.mark.parametrize("exported_workbook", [".xlsx", ".ods"], indirect=True)
def test_export_then_import_without_edits_shows_no_change(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    import_driver: Any,
    session: DossierSession,
) -> None:
    before = session.dossier.path.read_bytes()
    run_import(qtbot, exchange_window, exported_workbook)
    (sheets,) = import_driver.sheets  # Programmation, Synthèse (+ a hidden list)
    assert sheets.chosen_sheet() == "Programmation"
    assert sheets.list.count() == 2 and not sheets.include_hidden
    (mapping,) = import_driver.mappings
    assert mapping.mapping() == mapping.plan.mapping and mapping.plan.mapping
    (preview,) = import_driver.previews
    assert preview.counts == {
        "new": 0,
        "changed": 0,
        "unchanged": 50,
        "ambiguous": 0,
        "skipped": 0,
        "errors": 0,
        "warnings": preview.counts["warnings"],
        "conflicts": 0,
    }
    assert preview.changes.rowCount() == 0
    assert not preview.apply_button.isEnabled()  # nothing to apply
    assert session.dossier.path.read_bytes() == before


def test_edited_workbook_previews_that_change_and_applies_it(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
    session: DossierSession,
    boxes: Any,
) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(exported_workbook)["Programmation"]
    reference = next(c.column for c in sheet[4] if c.value == "Référence")
    edited_ref = sheet.cell(row=6, column=reference).value
    action = session.repos.actions.by_reference(edited_ref)
    assert action is not None and action.opinion is not Opinion.UNFAVOURABLE
    returned = edit_workbook(exported_workbook, "retour.xlsx", {(6, "Avis", ""): "Défavorable"})
    changed: list[str] = []
    session.changed.connect(changed.append)

    flow = run_import(qtbot, exchange_window, returned)

    (preview,) = import_driver.previews
    assert preview.counts["changed"] == 1 and preview.counts["unchanged"] == 49
    assert preview.changes.rowCount() == 1
    cells = [preview.changes.item(0, column).text() for column in range(5)]
    assert cells[:3] == ["6", edited_ref, "Avis"] and cells[4] == "Défavorable"
    assert cells[3] != cells[4]
    assert flow.result is not None and flow.result.updated == 1
    again = session.repos.actions.by_reference(edited_ref)
    assert again is not None and again.opinion is Opinion.UNFAVOURABLE
    assert {"action", "holder"} <= set(changed)
    assert boxes.shown[-1][1] == "Import terminé" and "1 mise(s) à jour" in boxes.shown[-1][2]
    assert len(ImportJournal(session.dossier).all()) == 1


def test_granted_amount_change_applies(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
    session: DossierSession,
) -> None:
    state = next(f for f in session.repos.funders.all() if "BOP 147" in f.display_name)
    cells = {(5, "Accordé", state.display_name): "12 345,67 €"}
    returned = edit_workbook(exported_workbook, "montant.xlsx", cells)
    flow = run_import(qtbot, exchange_window, returned)
    (preview,) = import_driver.previews
    changes = [preview.changes.item(r, 2).text() for r in range(preview.changes.rowCount())]
    assert changes == [f"{state.display_name} – Accordé"]
    assert preview.changes.item(0, 4).text() == "12\u202f345,67\u00a0€"
    assert flow.result is not None and flow.result.updated == 1
    label = preview.changes.item(0, 1).text()
    action = session.repos.actions.by_reference(label)
    assert action is not None and action.id is not None
    lines = session.repos.funding_lines.for_action(action.id)
    assert next(x for x in lines if x.funder_id == state.id).granted_cents == 1_234_567


def test_rows_in_error_block_the_import(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
    session: DossierSession,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    returned = edit_workbook(
        exported_workbook,
        "erreur.xlsx",
        {(5, "Statut", ""): "n'importe quoi", (7, "Avis", ""): "Défavorable"},
    )
    before = session.dossier.path.read_bytes()
    saved = tmp_path / "liste-erreurs.xlsx"

    def inspect(preview: Any) -> None:
        assert preview.counts["errors"] == 1 and preview.errors.rowCount() == 1
        row = [preview.errors.item(0, column).text() for column in range(5)]
        assert row[0] == "Programmation" and row[1] == "5" and row[2] == "Statut"
        assert row[3] == "n'importe quoi" and "valeurs possibles" in row[4]
        assert not preview.apply_button.isEnabled()
        assert "Ignorer les lignes en erreur" in preview.hint.text()
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
        preview.save_errors.click()

    import_driver.on_preview = inspect
    flow = run_import(qtbot, exchange_window, returned)
    assert import_driver.previews and flow.result is None
    assert saved.exists()
    assert ImportJournal(session.dossier).all() == []
    assert session.dossier.path.read_bytes() == before


def test_skipping_rows_in_error_applies_the_others(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
) -> None:
    returned = edit_workbook(
        exported_workbook,
        "erreur.xlsx",
        {(5, "Statut", ""): "n'importe quoi", (7, "Avis", ""): "Défavorable"},
    )
    import_driver.on_preview = lambda preview: preview.skip_invalid.setChecked(True)
    flow = run_import(qtbot, exchange_window, returned)
    assert flow.result is not None and (flow.result.updated, flow.result.skipped) == (1, 1)


def test_refused_file_says_why_in_french_and_writes_nothing(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    boxes: Any,
    tmp_path: Path,
) -> None:
    fake = tmp_path / "tableau.xlsx"
    fake.write_text("référence;avis\nA-1;favorable\n", encoding="utf-8")
    before = session.dossier.path.read_bytes()
    run_import(qtbot, exchange_window, fake)
    assert boxes.shown == [
        (
            "warning",
            "Fichier refusé",
            "Le fichier « tableau.xlsx » n'est pas un classeur .xlsx (Excel) ou .ods "
            "(LibreOffice, OpenDocument).",
        )
    ]
    assert not import_driver.mappings and not import_driver.previews
    assert session.dossier.path.read_bytes() == before


def test_mapping_correction_is_used_for_the_preview(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
) -> None:
    returned = edit_workbook(exported_workbook, "retour.xlsx", {(6, "Avis", ""): "Défavorable"})

    def ignore_avis(dialog: Any) -> None:
        index = next(i for i, key in dialog.plan.mapping.items() if key == "opinion")
        dialog.set_field(index, None)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    import_driver.on_mapping = ignore_avis
    import_driver.apply = False
    run_import(qtbot, exchange_window, returned)
    (preview,) = import_driver.previews
    assert preview.counts["changed"] == 0
    assert preview.plan.mapping_origin.name == "GIVEN"


def test_mapping_refuses_a_field_filled_twice(
    qtbot: QtBot, exchange_window: Any, exported_workbook: Path, import_driver: Any
) -> None:
    def twice(dialog: Any) -> None:
        first, second = list(dialog.plan.mapping)[:2]
        dialog.set_field(second, dialog.plan.mapping[first])
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert "que par une colonne" in dialog.problem.text()
        dialog.set_field(second, dialog.plan.mapping[second])  # put it back

    import_driver.on_mapping = twice
    import_driver.apply = False
    run_import(qtbot, exchange_window, exported_workbook)
    assert import_driver.previews


def test_cancel_during_reading_writes_nothing(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    import_driver: Any,
    session: DossierSession,
) -> None:
    before = session.dossier.path.read_bytes()
    flow = ImportFlow(session, exchange_window)
    with qtbot.waitSignal(flow.ended, timeout=WAIT_MS):
        assert flow.start(exported_workbook)
        assert flow.progress is not None
        flow.progress.canceled.emit()  # the progress dialog's "Annuler" button
    assert not import_driver.sheets and not import_driver.mappings and not import_driver.previews
    assert "annulé" in exchange_window.statusBar().currentMessage()
    assert ImportJournal(session.dossier).all() == []
    assert session.dossier.path.read_bytes() == before


def drop(window: Any, path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), actions, mime, buttons, keys)
    window.dragEnterEvent(enter)
    dropped = QDropEvent(QPoint(10, 10).toPointF(), actions, mime, buttons, keys)
    window.dropEvent(dropped)
    return enter, dropped


def test_dropping_another_kind_of_file_is_refused(
    qtbot: QtBot, exchange_window: Any, import_driver: Any, boxes: Any, tmp_path: Path
) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("bonjour", encoding="utf-8")
    enter, _dropped = drop(exchange_window, other)
    assert enter.isAccepted()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=WAIT_MS)
    kind, _title, text = boxes.shown[0]
    assert kind == "warning" and "« notes.txt » n'est pas un classeur .xlsx (Excel) ou .ods" in text
    assert not import_driver.mappings


def test_dropping_a_workbook_starts_the_import(
    qtbot: QtBot, exchange_window: Any, exported_workbook: Path, import_driver: Any
) -> None:
    import_driver.apply = False
    drop(exchange_window, exported_workbook)
    qtbot.waitUntil(lambda: bool(import_driver.previews), timeout=WAIT_MS)


def test_read_only_dossier_disables_the_import(
    qtbot: QtBot, exchange_window: Any, demo_path: Path, session: DossierSession
) -> None:
    assert exchange_window.import_action.isEnabled()
    reader = DossierSession(open_dossier(demo_path, read_only=True, daily_backup=False))
    exchange_window.set_session(reader)
    assert not exchange_window.import_action.isEnabled()
    assert exchange_window.export_action.isEnabled()


def test_ambiguous_row_is_decided_in_the_preview(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    make_ambiguous_return: Any,
) -> None:
    from contrat_desktop.storage.repositories import Repositories

    path, (first, second) = make_ambiguous_return(session.dossier)
    seen: dict[str, Any] = {}

    def decide(dialog: Any) -> None:
        seen["before"] = (dict(dialog.counts), dialog.apply_button.isEnabled())
        assert dialog.tabs.currentWidget() is dialog.decisions
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "À trancher (1)"
        table = dialog.decisions
        assert [table.item(0, c).text() for c in (0, 3, 4)] == [
            "2",
            "Compagnie des Deux Rives",
            "Atelier théâtre des jeunes du quartier",
        ]
        combo = table.combos[2]
        seen["choices"] = [combo.itemText(i) for i in range(combo.count())]
        table.choose(2, second.id)
        seen["after"] = (dict(dialog.counts), dialog.apply_button.isEnabled())
        seen["changes"] = {
            dialog.changes.item(r, 2).text() for r in range(dialog.changes.rowCount())
        }
        assert {dialog.changes.item(r, 1).text() for r in range(dialog.changes.rowCount())} == {
            second.reference
        }

    import_driver.on_preview = decide
    run_import(qtbot, exchange_window, path)
    before, after = seen["before"], seen["after"]
    assert before[0]["ambiguous"] == 1 and not before[1]  # undecided: apply blocked
    assert seen["choices"][0] == "— à trancher —"
    assert seen["choices"][-2:] == ["Créer une nouvelle action", "Ignorer cette ligne"]
    assert any(first.reference in text and "Deux Rives" in text for text in seen["choices"])
    assert after[0]["ambiguous"] == 0 and after[0]["changed"] == 1 and after[1]
    assert "Avis" in seen["changes"]
    repos = Repositories(session.dossier)
    assert first.id is not None and second.id is not None
    assert repos.actions.get(second.id).opinion is Opinion.FAVOURABLE
    assert repos.actions.get(first.id) == first


def test_skipping_an_ambiguous_row_in_the_preview_changes_nothing(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    make_ambiguous_return: Any,
) -> None:
    from contrat_desktop.operations.import_plan import Decision

    path, _actions = make_ambiguous_return(session.dossier)
    seen: dict[str, Any] = {}

    def skip(dialog: Any) -> None:
        dialog.decisions.choose(2, Decision.SKIP)
        seen["counts"] = dict(dialog.counts)
        seen["hint"] = dialog.hint.text()
        seen["others"] = dialog.others.item(0, 2).text()

    import_driver.on_preview = skip
    before = session.dossier.path.read_bytes()
    run_import(qtbot, exchange_window, path)
    assert seen["counts"]["skipped"] == 1 and seen["counts"]["ambiguous"] == 0
    assert seen["others"] == "ignorée" and "déjà à jour" in seen["hint"]
    assert session.dossier.path.read_bytes() == before
