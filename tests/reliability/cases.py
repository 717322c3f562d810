"""The six operations of the kill loops, each with its pristine dossier and its command.

Import, export, backup and bulk status change work on a synthetic campaign of 600 actions;
restore puts back a backup of it that differs (a marker and one more holder); minutes
validation works on the demo dossier's draft minutes (decisions written to the actions,
minutes frozen, PDF stored, all in one transaction).
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.programmation_export import export_programmation
from contrat_desktop.samples import fill_demo, synthetic_filler
from contrat_desktop.storage.backup import list_backups
from contrat_desktop.storage.database import open_dossier
from tests.reliability.dossier_state import set_marker
from tests.reliability.kill_loops import Case, sound_sqlite

ACTIONS = 600
IMPORTED_OBSERVATION = "Observation importée pendant les essais d'arrêt brutal"


def build_cases(folder: Path) -> list[Case]:
    models = folder / "modeles"
    models.mkdir(parents=True, exist_ok=True)
    synthetic = create_dossier(models / "synthetique.cdv", fill=synthetic_filler(ACTIONS, years=1))
    set_marker(synthetic, "A")
    year = _year(synthetic)
    return [
        _import_case(folder, synthetic, year),
        _export_case(folder, synthetic, year),
        _backup_case(folder, synthetic),
        _restore_case(folder, synthetic),
        _bulk_status_case(folder, synthetic, year),
        _minutes_case(folder, models),
    ]


def _year(dossier: Path) -> int:
    with open_dossier(dossier, read_only=True) as opened:
        return int(opened.db.execute("SELECT max(year) FROM campaign").fetchone()[0])


def _workspace(folder: Path, name: str) -> Path:
    place = folder / name
    place.mkdir(parents=True, exist_ok=True)
    return place / "dossier.cdv"


def _import_case(folder: Path, pristine: Path, year: int) -> Case:
    dossier = _workspace(folder, "import")
    workbook = dossier.with_name("retour-prefecture.xlsx")
    with open_dossier(pristine, read_only=True) as opened:
        export_programmation(opened, year, dossier.with_name("export.xlsx"))
    _observations_changed(dossier.with_name("export.xlsx"), workbook)
    return Case("import", "cli", ["import", str(workbook), "--db", str(dossier)], dossier, pristine)


def _observations_changed(exported: Path, target: Path) -> None:
    """The préfecture's return: every action's observations changed (values only)."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(exported)).get_sheet_by_index(0).to_python()
    header = next(i for i, row in enumerate(rows) if "Observations" in row)
    column = rows[header].index("Observations")
    book = xlsxwriter.Workbook(str(target))
    sheet = book.add_worksheet("Programmation")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows[header:]):
        is_action = r > 0 and str(row[1]).count("-") == 2  # a reference, not the totals row
        if r > 0 and not is_action:
            continue
        for c, value in enumerate(row):
            if r > 0 and c == column:
                value = IMPORTED_OBSERVATION
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, (date, datetime)):
                sheet.write_datetime(r, c, value, day)
            elif value is not None:
                sheet.write_number(r, c, value)
    book.close()


def _export_case(folder: Path, pristine: Path, year: int) -> Case:
    dossier = _workspace(folder, "export")
    output = dossier.with_name("programmation.xlsx")

    def check() -> str | None:
        if not output.exists():
            return None
        from python_calamine import CalamineWorkbook

        try:
            rows = CalamineWorkbook.from_path(str(output)).get_sheet_by_index(0).to_python()
        except Exception as error:
            return f"{output.name} illisible : {error}"
        found = sum(1 for row in rows if str(row[1]).count("-") == 2)
        return None if found == ACTIONS else f"{output.name} : {found} actions sur {ACTIONS}"

    argv = ["export", "programmation", "--db", str(dossier), "--year", str(year), "-o", str(output)]
    return Case("export", "cli", argv, dossier, pristine, check)


def _backup_case(folder: Path, pristine: Path) -> Case:
    dossier = _workspace(folder, "sauvegarde")

    def check() -> str | None:
        for backup in list_backups(dossier)[:2]:  # the newest, written by the last runs
            broken = sound_sqlite(backup.path)
            if broken:
                return f"sauvegarde abîmée : {broken}"
        return None

    return Case("backup", "cli", ["backup", "--db", str(dossier)], dossier, pristine, check)


def _restore_case(folder: Path, pristine: Path) -> Case:
    dossier = _workspace(folder, "restauration")
    other = dossier.with_name("sauvegarde-B.cdv")
    shutil.copyfile(pristine, other)
    set_marker(other, "B")
    with open_dossier(other, daily_backup=False) as opened, opened.db.atomic():
        opened.db.execute("INSERT INTO holder (legal_name, kind) VALUES ('Porteur B', 'autre')")

    def check() -> str | None:
        safety = [b for b in list_backups(dossier) if b.reason == "avant-restauration"][:1]
        broken = sound_sqlite(safety[0].path) if safety else None
        return f"copie de sécurité abîmée : {broken}" if broken else None

    argv = ["restore", str(other), "--db", str(dossier)]
    return Case("restore", "cli", argv, dossier, pristine, check)


def _bulk_status_case(folder: Path, pristine: Path, year: int) -> Case:
    dossier = _workspace(folder, "statuts")
    argv = ["bulk-status", str(dossier), str(year), "abandonne"]
    return Case("bulk status change", "driver", argv, dossier, pristine)


def _minutes_case(folder: Path, models: Path) -> Case:
    demo = create_dossier(models / "demo.cdv", fill=fill_demo)
    with open_dossier(demo, read_only=True) as opened:
        meeting = opened.db.execute(
            "SELECT m.id FROM meeting m WHERE m.minutes_status = 'brouillon' AND EXISTS "
            "(SELECT 1 FROM examined_action e WHERE e.meeting_id = m.id) ORDER BY m.id"
        ).fetchone()[0]
    dossier = _workspace(folder, "compte-rendu")
    argv = ["validate-minutes", str(dossier), str(meeting)]
    return Case("minutes validation", "driver", argv, dossier, demo)
