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
