"""The preview shows the values changed in the dossier since the export as conflicts: the
« Conflits » tab comes first, « Appliquer » waits for a choice (per value or for all), and
what is kept stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
from pytestqt.qtbot import QtBot

from contrat_desktop.operations.import_changes import Resolution
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.ui.session import DossierSession
from tests.ui.test_import_dialog import run_import


def changed_after_export(session: DossierSession, exported: Path, row: int) -> str:
    """Change the observations of the action at ``row`` in the dossier, as a person would."""
    sheet = openpyxl.load_workbook(exported, read_only=True)["Programmation"]
    reference = str(next(sheet.iter_rows(min_row=row, max_row=row, values_only=True))[1])
    repos = Repositories(session.dossier)
    action = repos.actions.by_reference(reference)
    assert action is not None
    repos.actions.update(replace(action, observations="Vu en comité le 3 mars"))
    return reference


def test_conflicts_are_chosen_before_applying(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
    session: DossierSession,
) -> None:
    returned = edit_workbook(exported_workbook, "retour.xlsx", {(5, "Avis", ""): "Défavorable"})
    reference = changed_after_export(session, exported_workbook, 5)
    seen: dict[str, Any] = {}

    def choose(preview: Any) -> None:
        panel = preview.conflicts
        seen["current"] = preview.tabs.currentWidget() is panel
        seen["tab"] = preview.tabs.tabText(preview.tabs.currentIndex())
        seen["row"] = [panel.table.item(0, c).text() for c in range(7)]
        seen["before"] = (preview.apply_button.isEnabled(), preview.hint.text())
        panel.choose(5, "observations", Resolution.KEEP)
        seen["after"] = (preview.apply_button.isEnabled(), preview.counts["conflicts"])

    import_driver.on_preview = choose
    flow = run_import(qtbot, exchange_window, returned)
    assert seen["current"] and seen["tab"] == "Conflits (1 à choisir)"
    assert seen["row"][:4] == ["5", reference, "Observations", "Vu en comité le 3 mars"]
    assert seen["row"][4].endswith(", camille")
    assert seen["row"][5:7] == ["(vide)", "inchangée"]
    enabled, hint = seen["before"]
    assert not enabled and "1 valeur(s) modifiée(s) dans le dossier depuis l'export" in hint
    assert seen["after"] == (True, 0)
    assert flow.result is not None and flow.result.updated == 1
    action = Repositories(session.dossier).actions.by_reference(reference)
    assert action is not None and action.observations == "Vu en comité le 3 mars"


def test_take_all_takes_the_workbooks_values(
    qtbot: QtBot,
    exchange_window: Any,
    exported_workbook: Path,
    edit_workbook: Any,
    import_driver: Any,
    session: DossierSession,
) -> None:
    returned = edit_workbook(  # rows returned unedited bring nothing: these two are edited
        exported_workbook, "retour.xlsx", {(row, "Avis", ""): "Défavorable" for row in (5, 7)}
    )
    references = [changed_after_export(session, exported_workbook, row) for row in (5, 7)]
    import_driver.on_preview = lambda preview: preview.conflicts.take_all.click()
    flow = run_import(qtbot, exchange_window, returned)
    assert flow.result is not None and flow.result.updated == 2
    repos = Repositories(session.dossier)
    for reference in references:
        action = repos.actions.by_reference(reference)
        assert action is not None and action.observations == ""
