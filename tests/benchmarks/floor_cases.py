"""Issue 11's speed figures, each a ratio to its floor measured in the same run, on the
50 000-action synthetic dossier (its latest campaign holds 5 000 actions):

- the import preview of the campaign's export against python-calamine reading the same sheet
  (target ≤ 2×), and the peak memory of a 100 000-row preview (≤ 300 Mio);
- the start of the application to its shown, filled window against a bare PySide6 window
  filled with the same rows by sqlite3 (≤ 2×);
- a keystroke in the programmation search (≤ 16 ms, one frame);
- the minutes of a COPIL against raw ReportLab laying out the same flowables (≤ 1×);
- ``--create-missing`` per row at 2 500 and 10 000 rows (linear: about 1×).
"""

from __future__ import annotations

import copy
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import paired_seconds

ROOT = Path(__file__).resolve().parents[2]
Row = tuple[str, str, str]

# A bare window: PySide6 and sqlite3 only, the campaign's rows in a table view.
BARE_FILLED_WINDOW = """
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
connection = sqlite3.connect(sys.argv[1])
(campaign,) = connection.execute("SELECT id FROM campaign ORDER BY year DESC LIMIT 1").fetchone()
rows = connection.execute(
    "SELECT a.reference, a.title, h.legal_name, a.status, a.total_cost_cents, "
    "(SELECT sum(requested_cents) FROM funding_line f WHERE f.action_id = a.id), "
    "(SELECT sum(granted_cents) FROM funding_line f WHERE f.action_id = a.id) "
    "FROM action a JOIN holder h ON h.id = a.holder_id WHERE a.campaign_id = ? "
    "ORDER BY a.reference", [campaign]).fetchall()
class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return len(rows)
    def columnCount(self, parent=None): return 7
    def data(self, index, role=0):
        return str(rows[index.row()][index.column()]) if role == 0 else None
app = QApplication([])
window = QMainWindow(); view = QTableView(); model = Model(); view.setModel(model)
window.setCentralWidget(view); window.resize(1280, 800); window.show()
QTimer.singleShot(0, app.quit); app.exec()
"""

PEAK = """
import json, resource, sys, time
{setup}
start = time.perf_counter()
{work}
seconds = time.perf_counter() - start
print(json.dumps([seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""


def floor_figures(dossier: Path, folder: Path, repeat: int = 3) -> list[Row]:
    figures: list[Row] = []
    figures += _preview(dossier, folder, repeat)
    figures += _start(dossier, folder)
    figures += _keystroke(dossier)
    figures += _minutes(repeat)
    figures += _create_missing(dossier, folder)
    return figures


# import preview ---------------------------------------------------------------------------
def _preview(dossier: Path, folder: Path, repeat: int) -> list[Row]:
    from python_calamine import CalamineWorkbook

    from contrat_desktop.operations.imports import plan_import
    from contrat_desktop.operations.programmation_export import export_programmation
    from contrat_desktop.storage.database import open_dossier

    workbook = folder / "apercu.xlsx"

    def calamine(path: Path = workbook) -> object:
        book = CalamineWorkbook.from_path(str(path))
        return book.get_sheet_by_name("Programmation").to_python()

    with open_dossier(dossier, read_only=True) as opened:
        year = opened.db.execute("SELECT max(year) FROM campaign").fetchone()[0]
        export_programmation(opened, year, workbook)
        plan = plan_import(opened, workbook)
        preview, floor, ratio = paired_seconds(
            lambda: plan_import(opened, workbook), calamine, max(repeat, 7)
        )
    width = len(calamine()[3])  # type: ignore[index]
    edited = folder / "apercu-modifie.xlsx"
    _edit_every_row(workbook, edited)
    with open_dossier(dossier, read_only=True) as opened:
        full, floor_edited, ratio_edited = paired_seconds(
            lambda: plan_import(opened, edited), lambda: calamine(edited), max(repeat, 7)
        )
    from tests.benchmarks.run import _big_workbook

    big = folder / "cent-mille.xlsx"
    _big_workbook(workbook, big, 100_000)
    seconds, peak = _peak(
        f"from contrat_desktop.storage.database import open_dossier\n"
        f"from contrat_desktop.operations.imports import plan_import\n"
        f"dossier = open_dossier({str(dossier)!r}, read_only=True)",
        f"plan = plan_import(dossier, {str(big)!r})",
    )
    _, floor_peak = _peak(
        "from python_calamine import CalamineWorkbook",
        f"CalamineWorkbook.from_path({str(big)!r}).get_sheet_by_name('Programmation').to_python()",
    )
    rows = len(plan.rows)
    return [
        (f"Plancher : python-calamine lit la feuille ({rows} × {width} colonnes)",
         f"{floor * 1000:.0f} ms", ""),
        ("Aperçu de son import / plancher", f"{ratio:.2f}×",
         f"≤ 2× ({preview * 1000:.0f} ms)"),
        ("Aperçu du même export, une cellule modifiée par ligne / plancher",
         f"{ratio_edited:.2f}×", f"({full * 1000:.0f} ms ; plancher {floor_edited * 1000:.0f} ms)"),
        ("Aperçu de 100 000 lignes × toutes les colonnes : mémoire maximale", f"{peak:.0f} Mio",
         f"≤ 300 Mio ({seconds:.1f} s ; calamine seul {floor_peak:.0f} Mio)"),
    ]  # fmt: skip


def _edit_every_row(exported: Path, target: Path) -> None:
    """The export with one cell of every action's row edited (its « Observations »): no row
    is as exported, each one takes the import's full path."""
    import openpyxl

    book = openpyxl.load_workbook(exported)
    sheet = book["Programmation"]
    column = next(c.column for c in sheet[4] if c.value == "Observations")
    for row in range(5, sheet.max_row):  # the last row holds the totals
        if sheet.cell(row=row, column=1).value:
            sheet.cell(row=row, column=column).value = f"Relu ({row})"
    book.save(target)


def _peak(setup: str, work: str) -> tuple[float, float]:
    """Seconds and peak resident memory (Mio) of ``work`` in a fresh interpreter."""
    code = PEAK.format(setup=setup, work=work)
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    seconds, peak = json.loads(out.strip().splitlines()[-1])
    return float(seconds), float(peak)


# start to shown window --------------------------------------------------------------------
# The application opens on the programmation (``--rubrique programmation``, argv[2]), or on
# its dashboard before a user goes to the programmation (argv[2] "apres-tableau-de-bord"):
# quit at the first paint of its table holding the campaign's rows.
APP_TO_PROGRAMMATION = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from contrat_desktop.app import start
first = sys.argv[2] if len(sys.argv) > 2 else "programmation"
started = start([sys.argv[1], "--rubrique", first.removeprefix("apres-")])
window, app = started.window, started.app
window.show_area("programmation")
page = window.pages["programmation"]
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and page.model.rowCount():
            QTimer.singleShot(0, app.quit)
        return False
spy = Painted()
page.table.viewport().installEventFilter(spy)
app.exec()
started.close()
"""


def _start(dossier: Path, folder: Path) -> list[Row]:
    env = _start_env(folder / "donnees-demarrage")
    app = [sys.executable, "-c", APP_TO_PROGRAMMATION, str(dossier)]
    bare = [sys.executable, "-c", BARE_FILLED_WINDOW, str(dossier)]

    def run(command: list[str]) -> None:
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120, cwd=ROOT)

    run(app), run(bare)  # the first runs compile the modules and warm the file cache
    app_seconds, bare_seconds, ratio = paired_seconds(lambda: run(app), lambda: run(bare), 7)
    return [
        ("Plancher : fenêtre PySide6 remplie par sqlite3 (5 000 lignes)",
         f"{bare_seconds * 1000:.0f} ms", ""),
        ("Démarrage jusqu'à la programmation remplie et affichée / plancher", f"{ratio:.2f}×",
         f"≤ 2× ({app_seconds * 1000:.0f} ms)"),
    ]  # fmt: skip


def _start_env(data_folder: Path) -> dict[str, str]:
    env = {**os.environ, "CONTRAT_DESKTOP_DATA": str(data_folder), "QT_QPA_PLATFORM": "offscreen"}
    # as installed: modules compiled once (PyInstaller ships them so), not at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _median_run(command: list[str], data_folder: Path, runs: int = 7) -> float:
    """Median wall time of a whole process (the first run, warming the caches, left out)."""
    env = _start_env(data_folder)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


# a keystroke in the search ----------------------------------------------------------------
def _keystroke(dossier: Path) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.ui.pages.programmation import ProgrammationPage
    from contrat_desktop.ui.session import DossierSession

    app = QApplication.instance() or QApplication([])
    session = DossierSession(open_dossier(dossier, daily_backup=False))
    page = ProgrammationPage(session)
    page.resize(1280, 700)
    page.show()
    app.processEvents()
    shown = page.model.rowCount()
    keystrokes = []
    words = ["m", "me", "med", "medi", "media", "mediat", "", "c", "cu", "cul", "cult", ""]
    for text in words * 3:
        start = time.perf_counter()
        page.filter_bar.search.setText(text)
        app.processEvents()
        keystrokes.append(time.perf_counter() - start)
    session.close()
    page.deleteLater()
    app.processEvents()
    median, worst = statistics.median(keystrokes), max(keystrokes)
    return [
        (f"Frappe dans la recherche ({shown} actions sur 50 000), médiane",
         f"{median * 1000:.1f} ms", f"≤ 16 ms (la plus lente {worst * 1000:.1f} ms)"),
    ]  # fmt: skip


# minutes ----------------------------------------------------------------------------------
def _minutes(repeat: int) -> list[Row]:
    """The floor is ReportLab's own work for the same document: making its paragraphs (the
    text parsed), laying out and writing the pages; the ratio is what the application adds
    (reading the record, deciding what goes where)."""
    from contrat_desktop.reports import minutes, styles
    from tests.reports.record_factory import make_record

    record = make_record(actions=300, funders=6)
    captured: list[tuple[list[Any], dict[str, Any]]] = []
    build = styles.build_pdf

    def capture(flowables: Any, **options: Any) -> bytes:
        captured.append((copy.deepcopy(list(flowables)), options))
        return build(flowables, **options)

    minutes.build_pdf = capture  # type: ignore[assignment]
    try:
        minutes.minutes_pdf(record)
    finally:
        minutes.build_pdf = build  # type: ignore[assignment]
    story, options = captured[0]
    runs = max(repeat, 5)
    copies = [copy.deepcopy(story) for _ in range(runs)]

    def raw() -> None:
        build([_made_again(flowable) for flowable in copies.pop()], **options)

    whole, floor, ratio = paired_seconds(lambda: minutes.minutes_pdf(record), raw, runs)
    return [
        ("Plancher : ReportLab fait et met en page le même compte rendu", f"{floor:.2f} s", ""),
        ("Compte rendu d'un COPIL (300 actions, 6 financeurs) / plancher",
         f"{ratio:.2f}×", f"≤ 1× environ ({whole:.2f} s)"),
    ]  # fmt: skip


def _made_again(flowable: Any) -> Any:
    """The flowable with its paragraphs made again by ReportLab (their text parsed)."""
    from reportlab.platypus import Paragraph, Table

    if isinstance(flowable, Paragraph):
        return Paragraph(flowable.text, flowable.style)
    if isinstance(flowable, Table):
        for row in flowable._cellvalues:
            for n, cell in enumerate(row):
                if isinstance(cell, Paragraph):
                    row[n] = Paragraph(cell.text, cell.style)
    return flowable


# --create-missing -------------------------------------------------------------------------
def _create_missing(dossier: Path, folder: Path) -> list[Row]:
    import xlsxwriter

    per_row = {}
    for count in (2_500, 10_000):
        workbook = folder / f"nouvelles-{count}.xlsx"
        book = xlsxwriter.Workbook(str(workbook), {"constant_memory": True})
        sheet = book.add_worksheet("Programmation")
        sheet.write_row(0, 0, ["Porteur", "Intitulé de l'action", "Montant engagé", "Exercice"])
        for n in range(count):
            sheet.write_row(n + 1, 0, [f"Association {n % 500}", f"Action {n}", 1000, 2040])
        book.close()
        target = folder / f"creation-{count}.cdv"
        target.write_bytes(dossier.read_bytes())
        command = [
            sys.executable, "-m", "contrat_desktop.cli", "import", str(workbook),
            "--db", str(target), "--create-missing",
        ]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        per_row[count] = (time.perf_counter() - start) / count
    return [
        ("--create-missing : 10 000 lignes / 2 500 lignes, par ligne",
         f"{per_row[10_000] / per_row[2_500]:.2f}×",
         f"linéaire ≈ 1× ({per_row[2_500] * 1000:.2f} et {per_row[10_000] * 1000:.2f} ms/ligne)"),
    ]  # fmt: skip
