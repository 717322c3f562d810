"""Benchmark of the workbook writer path, on the 50 000-action synthetic dossier's latest
campaign (5 000 actions): the programmation export against XlsxWriter writing the same cells
with the same formats and the same hidden « Export » sheet (its floor, target ≤ 1,5×; the floor
of the data cells alone is shown too), in process and as a whole command; the
.ods export and the preview of its re-import against the .xlsx ones (target ≤ 3× each)."""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import median_seconds, paired_processes, paired_ratios, spread

ROOT = Path(__file__).resolve().parents[2]


def _floor(
    cells: list[list[Any]],
    styles: list[str],
    target: Path,
    mark: Sequence[Sequence[Any]] = (),
) -> None:
    """XlsxWriter alone: the export's data cells, typed and formatted the same way, and the
    cells of its hidden « Export » sheet (the versions an import compares with)."""
    import xlsxwriter

    from contrat_desktop.exchange.workbook_styles import CELL_STYLES, Style
    from contrat_desktop.exchange.xlsx_writer import OPTIONS, format_spec

    book = xlsxwriter.Workbook(str(target), OPTIONS)
    formats = {name: book.add_format(format_spec(spec)) for name, spec in CELL_STYLES.items()}
    sheet = book.add_worksheet("Programmation")
    by_column = [formats[Style(name)] for name in styles]
    for row_index, row in enumerate(cells, start=4):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(row_index, column, value, by_column[column])
            elif isinstance(value, date):
                sheet.write_datetime(row_index, column, value, by_column[column])
            else:
                sheet.write_number(row_index, column, value, by_column[column])
    if mark:
        hidden = book.add_worksheet("Export")
        for row_index, row in enumerate(mark):
            for column, value in enumerate(row):
                if value not in (None, ""):
                    hidden.write_string(row_index, column, str(value))
        hidden.hide()
    book.close()


def sheets_figures(dossier: Path, folder: Path, repeat: int = 3) -> list[tuple[str, str, str]]:
    from python_calamine import CalamineWorkbook

    from contrat_desktop.exchange.programmation_layout import programmation_layout
    from contrat_desktop.exchange.workbook_styles import style_for
    from contrat_desktop.operations.imports import plan_import
    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.storage.repositories import Repositories

    xlsx, ods = folder / "programmation.xlsx", folder / "programmation.ods"
    with open_dossier(dossier, read_only=True) as opened:
        year = opened.db.execute("SELECT max(year) FROM campaign").fetchone()[0]
        export_programmation(opened, year, xlsx)  # the cells the floors write
        funders = Repositories(opened).funders.all()
        written = CalamineWorkbook.from_path(str(xlsx))
        rows = written.get_sheet_by_name("Programmation").to_python()
        mark = written.get_sheet_by_name("Export").to_python()
        header = rows[3]
        data = rows[4:-1]  # dates stay dates, as the export hands them to XlsxWriter
        layout = programmation_layout(funders)
        by_header = {column.header: column for column in layout.columns}
        styles = [style_for(by_header[h]).value if h in by_header else "text" for h in header]
        # the export and both floors in turns (a ratio taken at the same moment is steadier)
        export_xlsx, (to_data, to_whole) = paired_ratios(
            lambda: export_programmation(opened, year, xlsx),
            [
                lambda: _floor(data, styles, folder / "plancher.xlsx"),
                lambda: _floor(data, styles, folder / "plancher-entier.xlsx", mark),
            ],
            max(repeat, 5),
        )
        export_ods = median_seconds(lambda: export_programmation(opened, year, ods), repeat)
        preview_xlsx = median_seconds(lambda: plan_import(opened, xlsx), repeat)
        preview_ods = median_seconds(lambda: plan_import(opened, ods), repeat)
    floor = export_xlsx / statistics.median(to_data)  # in wall seconds, as the export's
    whole_floor = export_xlsx / statistics.median(to_whole)
    _cli(dossier, year, folder / "commande.xlsx")  # modules compiled, caches warm
    _bare_process(data, styles, mark, folder / "plancher-processus.xlsx")
    command, bare, by_process, by_processor = paired_processes(
        lambda: _cli(dossier, year, folder / "commande.xlsx"),
        lambda: _bare_process(data, styles, mark, folder / "plancher-processus.xlsx"),
        max(repeat, 5),
    )
    cells = sum(1 for row in data for cell in row if cell not in (None, ""))
    n = f"{len(data):_}".replace("_", "\u202f")
    return [
        (f"Plancher : XlsxWriter seul, mêmes {cells:_} cellules (≈ durée de l'export / rapport)"
         .replace("_", "\u202f"),
         f"{floor:.2f} s", ""),
        (f"Export de la programmation .xlsx ({n} actions) / plancher avec la feuille masquée "
         "« Export » (marque format 2 : versions et empreintes), temps processeur, tours alternés",
         spread(to_whole), f"≤ 1,5× ({whole_floor:.2f} s)"),
        ("  (durée de l'export .xlsx, médiane)", f"{export_xlsx:.2f} s", ""),
        ("Export .xlsx / plancher des seules données (sans la feuille « Export » que l'export "
         "écrit : comparaison défavorable à l'export)", spread(to_data), ""),
        ("Commande export entière / processus XlsxWriter seul (mêmes cellules, « Export » compris)",
         f"{by_process:.2f}×", f"≤ 1,5× ({command:.2f} s / {bare:.2f} s)"),
        ("  la même en temps processeur (un processus qui attend un cœur n'est pas compté)",
         f"{by_processor:.2f}×", "≤ 1,5×"),
        ("Export .ods / export .xlsx (même campagne)", f"{export_ods / export_xlsx:.2f}×",
         f"≤ 3× ({export_ods:.2f} s)"),
        ("Aperçu de la réimportation .ods / .xlsx", f"{preview_ods / preview_xlsx:.2f}×",
         f"≤ 3× ({preview_ods:.2f} s / {preview_xlsx:.2f} s)"),
    ]  # fmt: skip


def _cli(dossier: Path, year: int, target: Path) -> None:
    code = (
        "from contrat_desktop.cli import main; import sys; "
        f"sys.exit(main(['export', 'programmation', '--db', {str(dossier)!r}, "
        f"'--year', '{year}', '-o', {str(target)!r}]))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)


def _bare_process(
    data: list[list[Any]], styles: list[str], mark: list[list[Any]], target: Path
) -> None:
    """The floor as a whole process: a fresh interpreter importing XlsxWriter, writing the
    data cells and the « Export » sheet's."""
    import pickle

    source = target.with_suffix(".pickle")
    if not source.exists():
        source.write_bytes(pickle.dumps((data, styles, mark)))
    code = (
        "import pickle, sys; from pathlib import Path; "
        "from tests.benchmarks.sheets_cases import _floor; "
        f"data, styles, mark = pickle.loads(Path({str(source)!r}).read_bytes()); "
        f"_floor(data, styles, Path({str(target)!r}), mark)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
