"""Dossier files in the states the opening tests need: filled, damaged, from a newer version."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Migrations

from contrat_desktop.storage.database import Dossier, open_dossier


def fill_holders(path: Path) -> Path:
    """A dossier big enough for pages in its middle to hold data, closed cleanly."""
    with open_dossier(path, create=True, daily_backup=False) as dossier:
        dossier.db.conn.executemany(
            "INSERT INTO holder (legal_name, kind) VALUES (?, 'association')",
            [(f"Porteur {n}" * 20,) for n in range(2000)],
        )
        dossier.db.conn.commit()
    return path


def damage(path: Path) -> None:
    """Overwrite pages 3 to 12 with garbage, as a failing disk or share would."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


def mark_newer(dossier: Dossier) -> None:
    """Record a migration this version does not know, as a newer version would."""
    dossier.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('contrat_desktop', '0999_future', '2030-01-01')"
    )
    dossier.db.conn.commit()


def kill_a_writer(path: Path, *statements: str) -> None:
    """A real process opens the dossier for writing, runs ``statements`` (Python, with the
    open dossier as ``d``), then is killed (SIGKILL): nothing of it is closed or released."""
    import os
    import subprocess
    import sys

    script = "\n".join(
        (
            "import time",
            "from contrat_desktop.storage.database import open_dossier",
            f"d = open_dossier({str(path)!r}, daily_backup=False)",
            *statements,
            "print('pret', flush=True)",
            "time.sleep(600)",
        )
    )
    root = str(Path(__file__).resolve().parents[2])
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": root})  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "pret"
    child.kill()
    child.wait()


def run_with_migrations(monkeypatch: pytest.MonkeyPatch, steps: Migrations) -> None:
    """Make the running application know ``steps`` (older or newer than the shipped ones):
    the migrations applied and the names an opening reads (``SCHEMA_MEANINGS``)."""
    from contrat_desktop.storage import migrations, schema_versions

    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    names = {step.name: "" for step in steps._migrations}
    monkeypatch.setattr(schema_versions, "SCHEMA_MEANINGS", names)
