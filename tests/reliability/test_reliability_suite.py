"""The short reliability suite, run inside the normal test command: a few dozen kills over
the six operations, a lock race between real processes, the hostile files and the
injected-cell check, each failure column 0. (``make reliability`` runs the long one.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.injection import injected

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(600)  # the short suite takes about a minute, more when busy
OLDER_EXPORT = "export ancien importé après un plus récent"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not hasattr(os, "fork"):
        pytest.skip("the kill loops fork their processes (POSIX)")
    target = tmp_path_factory.mktemp("fiabilite") / "chiffres.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "reliability" / "run.py"), "--short",
         "--json", str(target)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert target.exists(), done.stdout + done.stderr
    figures: dict[str, Any] = json.loads(target.read_text())
    figures["printed"] = done.stdout
    return figures


def test_kill_loops_leave_no_corrupt_half_applied_or_blocked_dossier(
    report: dict[str, Any],
) -> None:
    loops = report["kill_loops"]
    assert {f["case"] for f in loops} == {
        "import", "export", "backup", "restore", "bulk status change", "minutes validation"
    }  # fmt: skip
    assert all(f["kills"] >= 5 for f in loops), report["printed"]
    for key in ("corrupt", "half_applied", "blocked", "leftovers", "broken_outputs", "errors"):
        assert sum(f[key] for f in loops) == 0, report["printed"]


def test_lock_race_never_makes_two_writers(report: dict[str, Any]) -> None:
    race = report["lock_race"]
    assert race["trials"] == 12 and race["processes"] == 3
    assert (race["double_writers"], race["no_writer"], race["errors"]) == (0, 0, [])


def test_hostile_files_are_refused_cleanly_or_kept_as_said(report: dict[str, Any]) -> None:
    outcomes = {o["what"]: o for o in report["hostile_files"]}
    assert len(outcomes) == 14
    wrong = {what: o["problems"] for what, o in outcomes.items() if o["problems"]}
    assert wrong == {}, report["printed"]
    assert outcomes[OLDER_EXPORT]["exit_code"] == 1  # a conflict to settle, nothing reverted


def test_no_workbook_the_application_writes_holds_an_injected_cell(
    report: dict[str, Any],
) -> None:
    check = report["injection"]
    assert check["workbooks"] >= 9 and check["writers_failed"] == []
    assert check["injected_cells"] == 0, check["injected"]


def test_the_injection_check_finds_a_formula_written_from_text(tmp_path: Path) -> None:
    """The check is not blind: XlsxWriter's ``write`` turns such a text into a formula."""
    import xlsxwriter

    path = tmp_path / "naif.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write(0, 0, '=HYPERLINK("http://exemple.invalid","Marie Curie")')
    sheet.write_string(1, 0, "=1+1")  # stored as text: not counted
    sheet.write_formula(2, 0, "=SUM(A5:A9)")  # a formula the application means
    book.close()
    assert injected(path) == ['HYPERLINK("http://exemple.invalid","Marie Curie")']
