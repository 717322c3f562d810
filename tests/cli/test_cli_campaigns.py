"""``renew``: the demo's 2016 campaign opened into 2017, previewed, applied, never twice."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from contrat_desktop.cli import main
from tests.cli.conftest import Run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_renew_previewed_then_applied_once(demo: Path, cli: Run) -> None:
    before = digest(demo)
    code, out, _ = cli(
        "renew", "--db", str(demo), "--from", "2016", "--to", "2017", "--dry-run", "--json"
    )
    preview = json.loads(out)
    assert code == 0 and preview["dry_run"] and preview["campaign_created"]
    assert preview["created"] + preview["skipped"] == 50
    assert {a["skipped_because"] for a in preview["actions"]} >= {None, "abandonnée"}
    assert digest(demo) == before  # a preview writes nothing
    code, out, _ = cli("renew", "--db", str(demo), "--from", "2016", "--to", "2017")
    assert code == 0
    assert out.startswith(f"{preview['created']} action(s) de 2016 reconduites")
    assert "la campagne 2017 a été créée" in out
    code, out, _ = cli("renew", "--db", str(demo), "--from", "2016", "--to", "2017", "--json")
    again = json.loads(out)
    assert code == 0 and again["created"] == 0 and not again["campaign_created"]
    reasons = {a["skipped_because"] for a in again["actions"]}
    assert "déjà reconduite" in reasons


def test_renew_refusals_are_french_and_write_nothing(
    demo: Path, cli: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo)
    code, _, err = cli("renew", "--db", str(demo), "--from", "2031", "--to", "2032")
    assert code == 2 and "La campagne 2031 n'existe pas" in err and "2015, 2016" in err
    code, _, err = cli("renew", "--db", str(demo), "--from", "2016", "--to", "2015")
    assert code == 2 and "doit suivre" in err
    with pytest.raises(SystemExit) as exited:
        main(["renew", "--db", str(demo), "--from", "2016", "--to", "deux"])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "année sur 4 chiffres attendue, pas « deux »" in err
    assert digest(demo) == before


def test_renewal_killed_mid_write_leaves_nothing(demo: Path) -> None:
    """The process dies in the middle of the transaction: the next open rolls it back whole."""
    import os
    import subprocess
    import sys

    from contrat_desktop.storage.database import open_dossier

    root = Path(__file__).resolve().parents[2]
    script = (
        "import time\n"
        "from contrat_desktop.storage import renewals\n"
        "from contrat_desktop.cli import main\n"
        "add, done = renewals.RenewalWriter.add, []\n"
        "def slow(self, action, lines):\n"
        "    done.append(action)\n"
        "    if len(done) == 5:  # five drafts written, the transaction still open\n"
        "        print('pret', flush=True); time.sleep(600)\n"
        "    return add(self, action, lines)\n"
        "renewals.RenewalWriter.add = slow\n"
        f"main(['renew', '--db', {str(demo)!r}, '--from', '2016', '--to', '2017'])\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(root)})  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "pret"
    child.kill()
    child.wait()
    with open_dossier(demo, daily_backup=False) as dossier:
        years = [row[0] for row in dossier.db.execute("SELECT year FROM campaign ORDER BY year")]
        renewed = dossier.db.execute("SELECT count(*) FROM action WHERE reference LIKE '2017-%'")
        assert years == [2015, 2016] and renewed.fetchone()[0] == 0
