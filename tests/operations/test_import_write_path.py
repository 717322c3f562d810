"""One way to write a row: the import writes actions and funding lines through the
repositories and ``storage/conversions.py`` (no SQL conversion of its own), and what it
stores reads back as the action editor's would."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl

from contrat_desktop.operations.import_changes import Resolution
from contrat_desktop.operations.imports import apply_import, plan_import
from contrat_desktop.storage.audit import history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

PACKAGE = Path(__file__).resolve().parents[2] / "contrat_desktop"
ROW_WRITES = re.compile(r"\.writer\.(update|insert|delete)\(")  # the dossier's record writer


def test_no_row_is_written_outside_storage() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if path.parts[len(PACKAGE.parts)] != "storage"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROW_WRITES.search(line)
    ]
    assert found == []


def test_imported_values_are_stored_as_the_editor_stores_them(
    demo: Dossier, exported: Path, tmp_path: Path
) -> None:
    repos = Repositories(demo)
    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    column = {cell.value: cell.column for cell in sheet[4]}
    reference = sheet.cell(row=5, column=column["Référence"]).value
    action = repos.actions.by_reference(reference)
    assert action is not None and action.id is not None
    repos.actions.update(replace(action, observations="À revoir"))
    book = openpyxl.load_workbook(exported)  # the export, as exported (before that note)
    sheet = book["Programmation"]
    sheet.cell(row=5, column=column["Début"]).value = "15/03/2016"
    sheet.cell(row=5, column=column["Public visé"]).value = None
    sheet.cell(row=5, column=column["Bénéficiaires attendus"]).value = 42
    sheet.cell(row=5, column=column["Avis"]).value = "Favorable"
    path = tmp_path / "retour.xlsx"
    book.save(path)
    plan = plan_import(demo, path)
    plan.resolve_all(Resolution.KEEP)  # the note written after the export stays
    apply_import(demo, plan)
    stored = repos.actions.get(action.id)
    assert stored.start_date == date(2016, 3, 15) and stored.target_public == ""
    assert stored.beneficiaries.total == 42 and stored.opinion is not None
    assert stored.observations == "À revoir"
    raw = demo.db.execute(
        "SELECT start_date, target_public, opinion FROM action WHERE id = ?", [action.id]
    ).fetchone()
    assert raw == ("2016-03-15", "", "favorable")
    fields = {e.field for e in history(demo.db, "action", action.id) if e.who == "camille"}
    assert {"start_date", "target_public", "beneficiaries_total", "opinion"} <= fields
