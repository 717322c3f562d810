"""A dossier whose « Bilan attendu au plus tard le » was stored as 31/02 (before the
setting was checked): the commands that read deadlines work and say what to correct."""

from __future__ import annotations

import json
from pathlib import Path

from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.cli.conftest import Run


def store_deadline(path: Path, month_day: str) -> None:
    with open_dossier(path, user="qa", daily_backup=False) as dossier:
        Repositories(dossier).settings.set("rules.bilan_deadline_month_day", month_day)


def test_reminders_and_letters_read_a_stored_31_february(
    demo: Path, cli: Run, tmp_path: Path
) -> None:
    store_deadline(demo, "02-31")
    code, out, err = cli("reminders", "--db", str(demo), "--json")
    assert code == 0 and "Traceback" not in err
    assert "le 31/02 n'existe pas" in err and "Paramètres › Règles" in err
    late = [r for r in json.loads(out) if r["kind"] == "bilan_late"]
    assert late and all(r["due_on"][5:] in ("02-28", "02-29") for r in late)
    code, out, err = cli("reminders", "--db", str(demo), "--year", "2015")
    assert code == 0 and "Bilan en retard" in out and "31/02" in err
    letters = tmp_path / "relances.pdf"
    code, out, err = cli(
        "letters", "relance", "--db", str(demo), "-o", str(letters), "--date", "2017-03-01"
    )
    assert code == 0 and letters.read_bytes().startswith(b"%PDF"), err


def test_a_good_setting_says_nothing_more(demo: Path, cli: Run) -> None:
    code, _out, err = cli("reminders", "--db", str(demo))
    assert code == 0 and err == ""
