"""The dashboard's share of start-up (issue 11: start to shown window ≤ 2× a bare PySide6
window filled with the same rows by sqlite3), on the 50 000-action synthetic dossier:

- the application to its first paint, and to its dashboard filled (figures read after the
  first paint, then painted), each in a fresh process;
- the floor: PySide6 and sqlite3 only, a window with the dashboard's tables filled with the
  same rows by the same grouped queries, to its first paint.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.benchmarks.floor_cases import _median_run

Row = tuple[str, str, str]

# Quit at the window's first paint ("paint"), or once the dashboard's figures are shown and
# painted ("filled").
APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from contrat_desktop.app import start
started = start([sys.argv[1]])
window, app = started.window, started.app
page = window.pages["dashboard"]
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and (sys.argv[2] == "paint" or page.data):
            QTimer.singleShot(0, app.quit)
        return False
spy = Painted()
page.widget().installEventFilter(spy)
app.exec()
started.close()
"""

# The floor: the dashboard's rows by its own grouped queries, in plain tables.
BARE = """
import sqlite3, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QGridLayout, QListWidget, QMainWindow,
    QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QWidget)
connection = sqlite3.connect(sys.argv[1])
(campaign,) = connection.execute("SELECT id FROM campaign ORDER BY year DESC LIMIT 1").fetchone()
splits = connection.execute(SPLITS, {"campaign": campaign}).fetchall()
funders = connection.execute(FUNDERS, [campaign]).fetchall()
groups = {}
for split, *values in splits:
    groups.setdefault(split, []).append(values)
groups["funder"] = funders
app = QApplication([])
window = QMainWindow()
splitter = QSplitter()
navigation = QListWidget()
navigation.addItems([f"Rubrique {n}" for n in range(10)])
area = QScrollArea()
area.setWidgetResizable(True)
body = QWidget()
grid = QGridLayout(body)
for number, rows in enumerate(groups.values()):
    table = QTableWidget(len(rows), len(rows[0]) if rows else 1)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(str(value)))
    grid.addWidget(table, number // 2, number % 2)
area.setWidget(body)
splitter.addWidget(navigation)
splitter.addWidget(area)
window.setCentralWidget(splitter)
window.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
spy = Painted()
body.installEventFilter(spy)
window.show()
app.exec()
"""


def start_figures(dossier: Path, data_folder: Path) -> list[Row]:
    from contrat_desktop.storage.campaign_figures import _FUNDER_QUERY, _SPLIT_QUERY

    bare_code = BARE.replace("SPLITS", repr(_SPLIT_QUERY)).replace("FUNDERS", repr(_FUNDER_QUERY))
    painted = _median_run([sys.executable, "-c", APP, str(dossier), "paint"], data_folder)
    filled = _median_run([sys.executable, "-c", APP, str(dossier), "filled"], data_folder)
    bare = _median_run([sys.executable, "-c", bare_code, str(dossier)], data_folder)
    return [
        (
            "Plancher : fenêtre PySide6, tableaux du tableau de bord remplis par sqlite3",
            f"{bare * 1000:.0f} ms",
            "",
        ),
        (
            "Démarrage jusqu'à la première image de la fenêtre / plancher",
            f"{painted / bare:.2f}×",
            f"({painted * 1000:.0f} ms)",
        ),
        (
            "Démarrage jusqu'au tableau de bord rempli et affiché / plancher",
            f"{filled / bare:.2f}×",
            f"≤ 2× ({filled * 1000:.0f} ms)",
        ),
    ]


if __name__ == "__main__":  # a quick run on a dossier given: python -m ... DOSSIER
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for row in start_figures(Path(sys.argv[1]), Path(folder)):
            print(*row, sep="  |  ")
