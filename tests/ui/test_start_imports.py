"""Start-up pays for the page it shows: the other pages' modules are imported when they are
first opened (tested in a fresh interpreter, as a user starts the application)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

OTHER_PAGES = (
    "contrat_desktop.ui.pages.programmation",
    "contrat_desktop.ui.pages.holders",
    "contrat_desktop.ui.pages.funders",
    "contrat_desktop.ui.pages.meetings",
    "contrat_desktop.ui.pages.council",
    "contrat_desktop.ui.pages.settings",
    "contrat_desktop.ui.pages.journal",
)


def test_only_the_first_page_is_imported_at_start(demo_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from contrat_desktop.app import start\n"
        f"started = start([{str(demo_path)!r}])\n"
        "started.app.processEvents()\n"
        f"loaded = [m for m in {OTHER_PAGES!r} if m in sys.modules]\n"
        "started.window.show_area('council'); started.app.processEvents()\n"
        "print(json.dumps([loaded, 'contrat_desktop.ui.pages.council' in sys.modules]))\n"
        "started.window.close(); started.window.session.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    loaded, council_when_opened = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == [] and council_when_opened


def test_a_window_opened_on_the_programmation_builds_no_dashboard(demo_path: Path) -> None:
    """Issue 11: ``--rubrique programmation`` builds (and imports) that page only; the
    « Envois » entries are read when the « Fichier » menu opens."""
    code = (
        "import json, sys\n"
        "from contrat_desktop.app import start\n"
        f"started = start([{str(demo_path)!r}, '--rubrique', 'programmation'])\n"
        "started.app.processEvents()\n"
        "window = started.window\n"
        "shown = window.stack.currentWidget() is window.pages['programmation']\n"
        "later = ['contrat_desktop.ui.pages.dashboard',"
        " 'contrat_desktop.operations.service_copy']\n"
        "print(json.dumps([list(window.pages), shown, window.pages['programmation'].model"
        ".rowCount(), [m for m in later if m in sys.modules]]))\n"
        "window.close(); started.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    pages, shown, rows, imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert (pages, shown, imported) == (["programmation"], True, [])
    assert rows == 50  # the demo's latest campaign


# What no first page needs: workbooks, documents, charts, and the network stack that
# xml.sax.saxutils pulled in (urllib.request, http.client, ssl).
HEAVY = (
    "openpyxl",
    "xlsxwriter",
    "python_calamine",
    "reportlab",
    "odf",
    "docx",
    "PySide6.QtCharts",
    "ssl",
    "urllib.request",
    "http.client",
    "sqlite_utils",  # opening and reading use plain SQL (storage/lazy_database.py)
)

# Start, optionally go to an area, and at the paint that shows the page filled, print which
# heavy modules are loaded.
FILLED_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from contrat_desktop.app import start
started = start([sys.argv[1]])
window, app = started.window, started.app
area = sys.argv[2]
if area == "programmation":
    window.show_area(area)
    page = window.pages[area]
    watched, filled = page.table.viewport(), lambda: page.model.rowCount() > 0
else:
    page = window.pages[area]
    watched, filled = page.widget(), lambda: page.data is not None
loaded = []
class Spy(QObject):
    def eventFilter(self, target, event):
        if event.type() == QEvent.Type.Paint and filled() and not loaded:
            loaded.append([m for m in json.loads(sys.argv[3]) if m in sys.modules])
            QTimer.singleShot(0, app.quit)
        return False
spy = Spy()
watched.installEventFilter(spy)
QTimer.singleShot(20_000, app.quit)
app.exec()
window.close(); started.close()
print(json.dumps(loaded))
"""


def _loaded_when_filled(
    dossier: Path, area: str, modules: tuple[str, ...] = HEAVY
) -> list[list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", FILLED_PAINT, str(dossier), area, json.dumps(modules)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    loaded: list[list[str]] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


def test_the_dashboard_is_filled_without_heavy_modules(demo_path: Path) -> None:
    assert _loaded_when_filled(demo_path, "dashboard") == [[]]


def test_the_programmation_is_filled_without_heavy_modules(demo_path: Path) -> None:
    """QA: the campaign strip above the table escaped its text with xml.sax.saxutils, which
    imports urllib.request, http.client and ssl (about a tenth of a second at start-up)."""
    assert _loaded_when_filled(demo_path, "programmation") == [[]]


# What the programmation's first paint does not need either (issue 11): the tree drawn in the
# framework filter's list (and Qt's style classes, 20 to 40 ms), the action editor's classes
# and its undo commands, the new-dossier code, the socket and uuid modules; an action's money
# line by line and its funding lines' checks (status moves, the editor), the wording of the
# journal (error messages), the « unsaved settings » question (closing).
PROGRAMMATION_LATER = (
    "contrat_desktop.ui.widgets.framework_delegate",
    "contrat_desktop.domain.actions",
    "contrat_desktop.ui.undo",
    "contrat_desktop.operations.campaigns",
    "uuid",
    "platform",
    "contrat_desktop.domain.funding",
    "contrat_desktop.domain.action_money",
    "contrat_desktop.operations.funding_lines",
    "contrat_desktop.storage.action_money",
    "contrat_desktop.domain.journal",
    "contrat_desktop.domain.holder_activity",
    "contrat_desktop.ui.dialogs.unsaved",
)


def test_the_programmation_is_painted_without_what_its_editors_need(demo_path: Path) -> None:
    assert _loaded_when_filled(demo_path, "programmation", PROGRAMMATION_LATER) == [[]]
