"""``contrat-desktop``'s command line speaks French: its help, its usage line and its errors
(run as a user runs it, in a fresh interpreter; nothing opens, no window is shown)."""

from __future__ import annotations

import os
import subprocess
import sys

ENGLISH = ("usage:", "show this help", "positional arguments", "error:", "unrecognized")


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "contrat_desktop.app", *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_the_help_is_in_french() -> None:
    out = _run("--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Utilisation : contrat-desktop ")
    for french in ("afficher cette aide et quitter", "afficher la version et quitter", "options:"):
        assert french in out.stdout
    assert "--rubrique RUBRIQUE" in out.stdout and "--lecture-seule" in out.stdout
    assert not [word for word in ENGLISH if word in out.stdout.lower()]


def test_a_bad_argument_is_refused_in_french() -> None:
    out = _run("--ouvrir", "dossier.cdv")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("Utilisation : contrat-desktop ")
    assert "Erreur : argument(s) non reconnu(s) : --ouvrir" in out.stderr
    assert not [word for word in ENGLISH if word in out.stderr.lower()]


def test_an_unknown_area_and_a_missing_value_are_refused_in_french() -> None:
    unknown = _run("--rubrique", "accueil")
    assert unknown.returncode == 2
    assert "Erreur : argument --rubrique : rubrique inconnue « accueil »" in unknown.stderr
    missing = _run("--rubrique")
    assert missing.returncode == 2
    assert "Erreur : argument --rubrique : une valeur est attendue" in missing.stderr
    for out in (unknown, missing):
        assert not [word for word in ENGLISH if word in out.stderr.lower()]


def test_the_version_answers_without_a_window() -> None:
    out = _run("--version")
    assert out.returncode == 0 and out.stdout.startswith("contrat_desktop ")
