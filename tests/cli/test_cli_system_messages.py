"""What the system says reaches the user in French, and a reader that stops early (« | head »)
ends the command quietly, without a Python traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.samples import synthetic_filler
from tests.cli.conftest import Run


def test_a_missing_package_is_named_in_french(cli: Run, demo: Path, tmp_path: Path) -> None:
    code, _out, err = cli("package", "apply", str(tmp_path / "absent.cdvenvoi"), "--db", str(demo))
    assert code == 2
    assert "« absent.cdvenvoi » : fichier ou dossier introuvable" in err, err
    assert "No such file" not in err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    # far more than a pipe holds (64 Kio): the command is still writing when the pipe closes
    dossier = create_dossier(tmp_path / "grand.cdv", fill=synthetic_filler(2_000))
    env = {**os.environ, "CONTRAT_DESKTOP_DATA": str(tmp_path / "donnees")}
    command = [sys.executable, "-m", "contrat_desktop.cli", "reminders", "--db", str(dossier)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline()  # like « head -1 »: one line, then the pipe is closed
    child.stdout.close()
    error = child.stderr.read().decode()
    assert child.wait(timeout=60) in (0, 141)
    assert "Traceback" not in error and "BrokenPipeError" not in error, error
