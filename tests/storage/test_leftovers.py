"""Partial files left by killed writers are removed when the dossier next opens for
writing; writes in progress and the user's own files are left alone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from contrat_desktop.paths import machine_tag, partial_owner, partial_path
from contrat_desktop.storage.backup import backup_dir
from contrat_desktop.storage.database import open_dossier

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_partial_names_carry_machine_and_process(tmp_path: Path) -> None:
    partial = partial_path(tmp_path / "programmation 2016.xlsx")
    assert partial.parent == tmp_path and partial.suffix == ".xlsx"
    assert partial.name.startswith(".programmation 2016~")
    assert partial_owner(partial) == (machine_tag(), os.getpid())
    assert partial_owner(tmp_path / "rapport.partiel.pdf") is None
    lock_of_a_copy = tmp_path / ".demo~PC-1~12.partiel.cdv.lock"  # a restore's prepared copy
    assert partial_owner(lock_of_a_copy) == ("PC-1", 12)


def test_a_killed_export_leaves_a_partial_file_removed_at_next_open(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    target = dossier_path.parent / "programmation.xlsx"
    script = (
        "import sys, time\n"
        "from contrat_desktop.exchange.atomic_file import replaced_atomically\n"
        f"with replaced_atomically({str(target)!r}) as partial:\n"
        "    partial.write_bytes(b'PK' + bytes(5000))\n"
        "    print(partial, flush=True)\n"
        "    time.sleep(600)\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert writer.stdout is not None
    partial = Path(writer.stdout.readline().strip())
    assert partial.exists()
    with open_dossier(dossier_path, daily_backup=False) as live:  # its writer still runs
        assert partial.exists() and live.report.leftovers_removed == ()
    writer.kill()
    writer.wait()
    with open_dossier(dossier_path, read_only=True):  # a reader removes nothing
        assert partial.exists()
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        assert dossier.report.leftovers_removed == (partial,)
    assert not partial.exists() and not target.exists()


def test_only_abandoned_partials_are_removed(dossier_path: Path) -> None:
    with open_dossier(dossier_path, create=True, daily_backup=False):
        pass
    folder, backups = dossier_path.parent, backup_dir(dossier_path)
    backups.mkdir()
    here, dead = machine_tag(), _dead_pid()
    hour_ago = time.time() - 7200
    files = {
        "dead here": folder / f".export~{here}~{dead}.partiel.xlsx",
        "dead backup": backups / f".essai_20260101-090000_manuelle~{here}~{dead}.partiel.cdv",
        "old format": backups / "essai_20260101-090000_manuelle.cdv.partiel",
        "live here": folder / f".export~{here}~{os.getpid()}.partiel.xlsx",
        "other machine, recent": folder / f".export~PC-MAIRIE-042~{dead}.partiel.xlsx",
        "other machine, old": folder / f".vieux~PC-MAIRIE-042~{dead}.partiel.xlsx",
        "user's file": folder / "rapport.partiel.pdf",
    }
    for path in files.values():
        path.write_bytes(b"x")
    for key in ("old format", "other machine, old", "user's file"):
        os.utime(files[key], (hour_ago, hour_ago))
    with open_dossier(dossier_path, daily_backup=False) as dossier:
        removed = set(dossier.report.leftovers_removed)
    gone = {"dead here", "dead backup", "old format", "other machine, old"}
    assert removed == {files[key] for key in gone}
    assert {key for key, path in files.items() if path.exists()} == set(files) - gone
