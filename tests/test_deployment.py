"""The deployment file: found, read, validated with French messages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from contrat_desktop.deployment import (
    DEPLOYMENT_ENV,
    DeploymentError,
    dossier_file_name,
    format_deployment,
    load_deployment,
    read_deployment,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_reads_the_french_keys(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    ini = write(
        tmp_path / "deploiement.ini",
        "[deploiement]\norganisation = Ville d'Évry\nservice = Service jeunesse\n"
        f"dossier = {tmp_path / 'jeunesse'}\nlogo = logo.png\ndemo = non\n",
        encoding="utf-8-sig",  # as Notepad saves it
    )
    deployment = read_deployment(ini)
    assert deployment.organisation == "Ville d'Évry"
    assert deployment.service == "Service jeunesse"
    assert deployment.dossier == tmp_path / "jeunesse.cdv"
    assert deployment.logo == tmp_path / "logo.png"
    assert not deployment.demo and deployment.answers_first_start


def test_a_shared_folder_gets_a_file_named_after_the_service(tmp_path: Path) -> None:
    share = tmp_path / "partage"
    share.mkdir()
    ini = write(tmp_path / "d.ini", f"[deploiement]\nservice = Pôle Émploi\ndossier = {share}\n")
    assert read_deployment(ini).dossier == share / "pole-emploi.cdv"
    assert dossier_file_name("") == "contrat.cdv"


def test_unknown_keys_are_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ini = write(tmp_path / "d.ini", "[deploiement]\nservice = CCAS\ncouleur = bleu\n")
    with caplog.at_level(logging.WARNING):
        deployment = read_deployment(ini)
    assert deployment.service == "CCAS" and not deployment.answers_first_start
    assert "couleur" in caplog.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[deploiement]\ndossier = /nulle/part/jeunesse.cdv\n", "n'existe pas ou n'est pas"),
        ("[deploiement]\nlogo = absent.png\n", "est introuvable"),
        ("[deploiement]\ndemo = peut-être\n", "« oui » ou « non »"),
        ("[deploiement]\nprincipal = /nulle/part/contrat.cdv\n", "clé « principal »"),
        ("[autre]\nservice = CCAS\n", "pas de section [deploiement]"),
        ("service = CCAS\n", "mal formé"),
    ],
)
def test_problems_have_french_messages(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DeploymentError, match=message.replace("[", r"\[")):
        read_deployment(write(tmp_path / "d.ini", text))


def test_found_in_the_user_data_folder_or_named_by_the_environment(
    tmp_path: Path, isolated_user_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_deployment() is None
    isolated_user_data.mkdir(parents=True)
    write(isolated_user_data / "deploiement.ini", "[deploiement]\nservice = Culture\n")
    found = load_deployment()
    assert found is not None and found.service == "Culture"
    named = write(tmp_path / "it.ini", "[deploiement]\nservice = Sports\ndemo = oui\n")
    monkeypatch.setenv(DEPLOYMENT_ENV, str(named))
    found = load_deployment()
    assert found is not None and found.service == "Sports" and found.demo
    monkeypatch.setenv(DEPLOYMENT_ENV, str(tmp_path / "absent.ini"))
    with pytest.raises(DeploymentError, match="introuvable"):
        load_deployment()


def test_the_written_file_reads_back(tmp_path: Path) -> None:
    text = format_deployment(organisation="Ville", service="Service jeunesse", demo=True)
    deployment = read_deployment(write(tmp_path / "d.ini", text))
    assert (deployment.organisation, deployment.service, deployment.demo) == (
        "Ville",
        "Service jeunesse",
        True,
    )
    assert deployment.dossier is None and deployment.logo is None
