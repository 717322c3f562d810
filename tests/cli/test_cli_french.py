"""The command line speaks French to a new user (QA item 7 and 12): dates as 28/04/2015,
records named by their French kind, argparse's own messages and help in French, a year
without a campaign refused like every command given --year does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contrat_desktop.cli import main
from tests.cli.conftest import Run

ENGLISH = re.compile(
    r"usage:|\binvalid\b|choose from|\brequired\b|unrecognized|\bexpected\b|"
    r"not allowed|show this help|positional|error:|Traceback"
)


def test_meetings_are_listed_with_french_dates(cli: Run, demo: Path) -> None:
    code, out, err = cli("meetings", "--db", str(demo))
    assert code == 0, err
    assert "28/04/2015 à 18\u00a0h\u00a000  Comité de pilotage politique" in out
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out)


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["minutes", "99", "-o", "x.pdf"], "Aucune réunion n° 99 dans ce dossier."),
        (["council-members", "--council", "9", "-o", "m.pdf"], "Aucun conseil citoyen n° 9"),
        (["reminders", "--year", "2030"], "Aucune campagne 2030 dans ce dossier (campagnes : "),
        (["letters", "notification", "--year", "2030", "-o", "l.pdf"], "Aucune campagne 2030"),
    ],
)
def test_a_missing_record_or_campaign_is_named_in_french(
    cli: Run, demo: Path, tmp_path: Path, command: list[str], said: str
) -> None:
    *options, last = command
    if last.endswith(".pdf"):
        last = str(tmp_path / last)
    code, out, err = cli(*options, last, "--db", str(demo))
    assert code == 2 and said in err, err
    assert "« meeting »" not in err and "« council »" not in err and "Rien à faire" not in out
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["journal", "--db", "d.cdv", "--kind", "x", "-o", "j.xlsx"],
         "argument --kind : type d'élément inconnu : « x ». Types possibles : « Action », "
         "« Financement », « Versement »"),
        (["renew", "--db", "d.cdv", "--from", "2015", "--to", "2016", "--amounts", "x"],
         "argument --amounts : choix invalide : 'x' (choisissez parmi 'demande', 'accorde'"),
        (["minutes"], "argument(s) obligatoire(s) manquant(s) : RÉUNION, --db, -o/--output"),
        (["meetings", "--db", "d.cdv", "--zz"], "argument(s) non reconnu(s) : --zz"),
        (["export", "programmation", "--db", "d.cdv", "--year", "x", "-o", "p.xlsx"],
         "argument --year : nombre entier attendu, pas 'x'"),
        (["minutes", "2", "--db", "d.cdv", "-o", "x.pdf", "--ics", "--convocations"],
         "argument --convocations : ne peut pas être donné avec --ics"),
        (["nope"], "argument COMMANDE : choix invalide : 'nope'"),
        ([], "argument(s) obligatoire(s) manquant(s) : COMMANDE"),
        (["minutes", "2", "--db"], "argument --db : une valeur est attendue"),
    ],
)  # fmt: skip
def test_argparse_errors_are_french(
    capsys: pytest.CaptureFixture[str], arguments: list[str], said: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Utilisation : contrat-desktop-cli")
    assert f"Erreur : {said}" in err
    assert not ENGLISH.search(err), err


@pytest.mark.parametrize("arguments", [["-h"], ["minutes", "-h"], ["export", "scdl", "-h"]])
def test_help_is_french(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Utilisation : ") and "afficher cette aide et quitter" in out
    assert not ENGLISH.search(out), out
