"""The first start makes the chosen dossier and records organisation, service and logo."""

from __future__ import annotations

from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.first_start import FirstStart, Location, set_up_dossier
from contrat_desktop.operations.settings import load_document_settings, save_document_settings
from contrat_desktop.paths import default_dossier_path
from contrat_desktop.samples import fill_demo
from contrat_desktop.storage.database import open_dossier

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def settings_of(path: Path):  # type: ignore[no-untyped-def]
    with open_dossier(path, read_only=True) as dossier:
        return load_document_settings(dossier)


def test_a_new_dossier_gets_the_answers(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    target = tmp_path / "sous-dossier" / "jeunesse.cdv"
    choice = FirstStart(Location.NEW, target, "Ville de Bondy", "Service jeunesse", logo)
    assert set_up_dossier(choice, fill_demo=fill_demo) == target
    settings = settings_of(target)
    assert settings.organisation_name == "Ville de Bondy"
    assert settings.service_name == "Service jeunesse"
    assert settings.logo == PNG and settings.logo_file_name == "logo.png"


def test_an_existing_dossier_keeps_its_settings_and_fills_the_empty_ones(tmp_path: Path) -> None:
    path = create_dossier(tmp_path / "partage.cdv")
    with open_dossier(path, daily_backup=False) as dossier:
        current = load_document_settings(dossier)
        from dataclasses import replace

        save_document_settings(dossier, replace(current, organisation_name="Ville d'origine"))
    set_up_dossier(FirstStart(Location.SHARED, path, "Autre ville", "CCAS"), fill_demo=fill_demo)
    settings = settings_of(path)
    assert settings.organisation_name == "Ville d'origine"
    assert settings.service_name == "CCAS"


def test_the_demo_lives_in_the_user_data_folder(isolated_user_data: Path) -> None:
    path = set_up_dossier(FirstStart(Location.DEMO), fill_demo=fill_demo)
    assert path == default_dossier_path() and path.is_relative_to(isolated_user_data)
    assert settings_of(path).organisation_name.startswith("Ville de Villiers-sur-Marne")
