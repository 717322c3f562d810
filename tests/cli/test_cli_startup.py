"""The command line starts without the heavy document libraries: ReportLab, openpyxl, odfpy
and XlsxWriter are imported by the commands that write or read such documents, when they
run (a whole-process export is measured against XlsxWriter alone in ``make bench``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "openpyxl", "odf", "xlsxwriter")


def test_importing_the_command_line_loads_no_document_library() -> None:
    code = (
        "import json, sys; import contrat_desktop.cli; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert json.loads(out) == []
