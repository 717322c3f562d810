"""When a backup was taken, read from its file name without ``strptime`` (issue 11)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from contrat_desktop.storage.backup import take_backup, taken_at


@pytest.mark.parametrize(
    "stamp", ["20261205-081530", "20240229-235959", "20261205-081530-2", "00010101-000000"]
)
def test_a_backup_name_says_when_as_strptime_read_it(stamp: str) -> None:
    assert taken_at(stamp) == datetime.strptime(stamp[:15], "%Y%m%d-%H%M%S")


@pytest.mark.parametrize("stamp", ["20261305-081530", "20250229-120000", "20261205-246000"])
def test_a_date_that_does_not_exist_is_refused_as_before(stamp: str) -> None:
    with pytest.raises(ValueError):
        taken_at(stamp)


def test_listing_backups_does_not_load_strptime(tmp_path: Path) -> None:
    dossier = tmp_path / "dossier.cdv"
    with sqlite3.connect(dossier) as connection:
        connection.execute("CREATE TABLE t (x)")
        taken = take_backup(connection, dossier, "manuelle")
    code = (
        "import json, sys\n"
        "from contrat_desktop.storage.backup import list_backups\n"
        f"found = list_backups(__import__('pathlib').Path({str(dossier)!r}))\n"
        "print(json.dumps([[b.taken_at.isoformat(), b.reason] for b in found],"
        " ) + '|' + json.dumps('_strptime' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    listed, strptime_loaded = out.stdout.strip().split("|")
    assert json.loads(listed) == [[taken.taken_at.replace(microsecond=0).isoformat(), "manuelle"]]
    assert json.loads(strptime_loaded) is False
