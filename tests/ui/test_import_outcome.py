"""The import window says what will not be done: new rows without « Créer… » checked are
listed as not created, "Appliquer" stays off when nothing would be written, and the end
message counts what was left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from contrat_desktop.storage.imports import ImportJournal
from contrat_desktop.ui.session import DossierSession
from tests.ui.test_import_dialog import run_import


def test_new_rows_alone_cannot_be_applied_without_the_option(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    make_return_with_new_rows: Callable[..., Path],
) -> None:
    path = make_return_with_new_rows(session.dossier, new=3, changed=False)
    seen: dict[str, Any] = {}

    def inspect(preview: Any) -> None:
        seen["off"] = (preview.apply_button.isEnabled(), preview.hint.text())
        seen["others"] = preview.others.item(0, 3).text()
        preview.create_missing.setChecked(True)
        seen["on"] = (preview.apply_button.isEnabled(), preview.hint.text())
        seen["others_on"] = preview.others.item(0, 3).text()
        preview.create_missing.setChecked(False)

    import_driver.on_preview = inspect
    before = session.dossier.path.read_bytes()
    flow = run_import(qtbot, exchange_window, path)
    enabled, hint = seen["off"]
    assert not enabled
    assert "3 ligne(s) nouvelle(s) ne seront pas créée(s)" in hint
    assert "Créer les porteurs/actions inconnus" in hint
    assert seen["others"] == "ne sera pas créée"
    assert seen["on"][0] and seen["others_on"] == "sera créée"
    assert flow.result is None
    assert session.dossier.path.read_bytes() == before


def test_end_message_counts_the_new_rows_left_out(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    make_return_with_new_rows: Callable[..., Path],
    boxes: Any,
) -> None:
    path = make_return_with_new_rows(session.dossier, new=2, changed=True)
    hints: list[str] = []
    import_driver.on_preview = lambda preview: hints.append(preview.hint.text())
    flow = run_import(qtbot, exchange_window, path)
    assert flow.result is not None and flow.result.updated == 1
    assert "2 ligne(s) nouvelle(s) ne seront pas créée(s)" in hints[0]
    _kind, title, text = boxes.shown[-1]
    assert title == "Import terminé" and "1 mise(s) à jour" in text
    assert "2 ligne(s) nouvelle(s) non créée(s)" in text
    (entry,) = ImportJournal(session.dossier).all()
    assert (entry.updated_rows, entry.new_rows) == (1, 0)


def state_return_without_year(folder: Path) -> Path:
    import openpyxl

    path = folder / "etat-sans-annee.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Tiers", "Code SIRET", "Libellé de l'action", "Montant engagé"])
    book.active.append(["Association nouvelle", "", "Atelier d'écriture", 1500])
    book.save(path)
    return path


def test_a_workbook_without_its_year_asks_for_it(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    tmp_path: Path,
) -> None:
    from contrat_desktop.operations.programmation import load_references

    import_driver.year = 2023
    import_driver.on_preview = lambda preview: preview.create_missing.setChecked(True)
    flow = run_import(qtbot, exchange_window, state_return_without_year(tmp_path))
    (question,) = import_driver.year_questions
    assert "n'indique pas l'année de sa campagne" in question
    (preview,) = import_driver.previews
    assert preview.plan.campaign_year == 2023
    assert preview.plan.campaign_source == "indiquée à l'import"
    assert flow.result is not None and flow.result.created == 1
    assert 2023 in load_references(session.dossier).campaigns


def test_cancelling_the_year_leaves_the_new_rows_uncreatable(
    qtbot: QtBot,
    exchange_window: Any,
    import_driver: Any,
    session: DossierSession,
    tmp_path: Path,
) -> None:
    seen: dict[str, Any] = {}

    def inspect(preview: Any) -> None:
        preview.create_missing.setChecked(True)
        seen["fate"] = preview.others.item(0, 3).text()
        seen["apply"] = preview.apply_button.isEnabled()

    import_driver.on_preview = inspect
    before = session.dossier.path.read_bytes()
    run_import(qtbot, exchange_window, state_return_without_year(tmp_path))
    assert len(import_driver.year_questions) == 1
    assert seen["fate"].startswith("ne sera pas créée : année de la campagne inconnue")
    assert not seen["apply"]
    assert session.dossier.path.read_bytes() == before
