"""Window figures (issue: the application window), on the 50 000-action synthetic dossier
with 5 000 actions in the shown campaign: page opening, filter keystroke, opening an
action, and the start of the application to the shown, populated window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE_WINDOW = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([]); w = QWidget(); w.show(); QTimer.singleShot(0, app.quit); app.exec()"
)


def window_figures(dossier: Path, data_folder: Path) -> list[tuple[str, str, str]]:
    from PySide6.QtWidgets import QApplication

    from contrat_desktop.storage.database import open_dossier
    from contrat_desktop.ui.dialogs.actions.action_dialog import ActionDialog
    from contrat_desktop.ui.pages.programmation import ProgrammationPage
    from contrat_desktop.ui.session import DossierSession

    app = QApplication.instance() or QApplication([])
    session = DossierSession(open_dossier(dossier, daily_backup=False))
    opening = []
    for _ in range(5):
        start = time.perf_counter()
        page = ProgrammationPage(session)
        page.resize(1280, 700)
        page.show()
        app.processEvents()
        opening.append(time.perf_counter() - start)
    shown = page.model.rowCount()
    keystrokes = []
    for text in ["m", "me", "med", "medi", "media", "mediat", "", "c", "cu", "cul", "cult", ""]:
        start = time.perf_counter()
        page.filter_bar.search.setText(text)
        app.processEvents()
        keystrokes.append(time.perf_counter() - start)
    actions = []
    for row in page.model.rows()[:7]:
        start = time.perf_counter()
        dialog = ActionDialog(session, row.id)
        dialog.show()
        app.processEvents()
        actions.append(time.perf_counter() - start)
        dialog.dirty = False
        dialog.close()
    session.close()
    app_start = _median_run(
        [sys.executable, "-m", "contrat_desktop.app", "--quit-when-shown", str(dossier)],
        data_folder,
    )
    bare = _median_run([sys.executable, "-c", BARE_WINDOW], data_folder)
    return [
        (f"Ouverture de la page Programmation ({shown} actions)", _ms(opening), "< 300 ms"),
        ("Frappe dans la recherche (médiane)", _ms(keystrokes), "< 30 ms"),
        ("Ouverture d'une action", _ms(actions), "< 100 ms"),
        ("Démarrage jusqu'à la fenêtre remplie (sources)", _ms([app_start]), "< 800 ms"),
        ("Pour comparaison : fenêtre PySide6 vide", _ms([bare]), ""),
    ]


def _median_run(command: list[str], data_folder: Path, runs: int = 5) -> float:
    env = {**os.environ, "CONTRAT_DESKTOP_DATA": str(data_folder)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=60)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run warms the file cache


def _ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms"
