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


def test_each_family_registers_the_commands_it_is_listed_with() -> None:
    from contrat_desktop.cli import FAMILIES, family
    from contrat_desktop.cli.arguments import FrenchParser

    for name, listed in FAMILIES.items():
        commands = FrenchParser().add_subparsers(parser_class=FrenchParser)
        family(name).add_commands(commands)
        assert sorted(commands.choices) == sorted(listed), name


def test_a_command_loads_only_its_own_family() -> None:
    code = (
        "import json, sys; from contrat_desktop.cli import build_parser; "
        "parser = build_parser(['export', 'programmation']); "
        "print(json.dumps([m for m in sys.modules if m.startswith('contrat_desktop.cli.') "
        "or m == 'contrat_desktop.operations.imports']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert sorted(json.loads(out)) == [
        "contrat_desktop.cli.arguments",
        "contrat_desktop.cli.exports",
    ]


def test_an_export_loads_no_workbook_reader(demo: Path, tmp_path: Path) -> None:
    """``export programmation`` writes with XlsxWriter and loads no reader, no PDF library
    and no sqlite-utils (its whole process is measured against XlsxWriter alone)."""
    target = tmp_path / "programmation.xlsx"
    unwanted = ("python_calamine", "openpyxl", "odf", "reportlab", "sqlite_utils")
    code = (
        "import json, sys; from contrat_desktop.cli import main; "
        f"code = main(['export', 'programmation', '--db', {str(demo)!r}, '--year', '2016', "
        f"'-o', {str(target)!r}]); "
        f"print(json.dumps([code, [m for m in {unwanted!r} if m in sys.modules]]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert json.loads(out.splitlines()[-1]) == [0, []]
    assert target.exists()
