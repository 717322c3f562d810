"""The first-start wizard (driven without its modal loop) and the deployment file at start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contrat_desktop import app
from contrat_desktop.deployment import DEPLOYMENT_ENV, read_deployment
from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.first_start import Location
from contrat_desktop.operations.settings import load_document_settings
from contrat_desktop.paths import default_dossier_path
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.ui.dialogs.dossier.first_start_wizard import FirstStartWizard

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def wizard_at_location(qtbot: QtBot, organisation: str = "Ville de Bondy") -> FirstStartWizard:
    wizard = FirstStartWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.identity.organisation.setText(organisation)
    wizard.identity.service.setText("Service jeunesse")
    wizard.next()
    assert wizard.currentPage() is wizard.location
    return wizard


def test_new_file_with_a_logo(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = wizard_at_location(qtbot)
    assert wizard.location.new_path.text().endswith("service-jeunesse.cdv")
    wizard.location.new_path.setText(str(tmp_path / "jeunesse"))
    wizard.next()
    assert wizard.currentPage() is wizard.logo
    assert "sera créé" in wizard.logo.summary.text()
    wizard.logo.path.setText(str(tmp_path / "pas-une-image.txt"))
    (tmp_path / "pas-une-image.txt").write_text("texte")
    assert not wizard.logo.validatePage()
    assert "PNG ou JPEG" in wizard.logo.error.text()
    (tmp_path / "logo.png").write_bytes(PNG)
    wizard.logo.path.setText(str(tmp_path / "logo.png"))
    assert wizard.logo.validatePage()
    wizard.accept()
    choice = wizard.choice()
    assert choice.location is Location.NEW
    assert choice.path == tmp_path / "jeunesse.cdv"
    assert (choice.organisation, choice.service) == ("Ville de Bondy", "Service jeunesse")
    assert choice.logo == tmp_path / "logo.png"


def test_each_location_is_checked(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = wizard_at_location(qtbot)
    page = wizard.location
    existing = create_dossier(tmp_path / "existant.cdv")
    page.new_path.setText(str(existing))
    assert "existe déjà" in page.problem()
    page.buttons[Location.EXISTING].setChecked(True)
    assert page.existing_path.isEnabled() and not page.new_path.isEnabled()
    assert "existant" in page.problem()
    page.existing_path.setText(str(existing))
    assert page.problem() == "" and page.chosen_path() == existing
    page.buttons[Location.SHARED].setChecked(True)
    assert "partagé" in page.problem()
    page.shared_folder.setText(str(tmp_path))
    assert page.shared_name.text() == "service-jeunesse.cdv"
    assert page.problem() == "" and page.chosen_path() == tmp_path / "service-jeunesse.cdv"
    page.buttons[Location.DEMO].setChecked(True)
    assert page.problem() == "" and page.chosen_path() is None
    wizard.next()
    assert "démonstration" in wizard.logo.summary.text()


def test_the_wizard_answers_the_first_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "partage"
    target.mkdir()

    def answer(wizard: FirstStartWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()  # as exec() does
        wizard.identity.organisation.setText("Ville de Sevran")
        wizard.identity.service.setText("Service emploi")
        wizard.next()
        wizard.location.buttons[Location.SHARED].setChecked(True)
        wizard.location.shared_folder.setText(str(target))
        wizard.next()
        wizard.accept()
        return int(wizard.result())

    monkeypatch.setattr(FirstStartWizard, "exec", answer)
    monkeypatch.setattr(app, "wizard_wanted", lambda: True)
    started = app.start([])
    qtbot.addWidget(started.window)
    assert started.dossier.path == target / "service-emploi.cdv"
    settings = load_document_settings(started.dossier)
    assert (settings.organisation_name, settings.service_name) == (
        "Ville de Sevran",
        "Service emploi",
    )
    started.window.close()
    started.window.session.close()


def test_quitting_the_wizard_quits_the_app(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstStartWizard, "exec", lambda wizard: 0)
    monkeypatch.setattr(app, "wizard_wanted", lambda: True)
    assert app.start_or_recover([]) is None
    assert not default_dossier_path().exists()


def test_the_deployment_file_answers_without_the_wizard(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    ini = tmp_path / "deploiement.ini"
    ini.write_text(
        "[deploiement]\norganisation = Ville de Bondy\nservice = CCAS\n"
        f"dossier = {tmp_path / 'ccas.cdv'}\nlogo = logo.png\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(DEPLOYMENT_ENV, str(ini))
    monkeypatch.setattr(app, "wizard_wanted", lambda: True)
    monkeypatch.setattr(FirstStartWizard, "exec", lambda wizard: pytest.fail("wizard shown"))
    started = app.start([])
    qtbot.addWidget(started.window)
    assert started.dossier.path == tmp_path / "ccas.cdv"
    settings = load_document_settings(started.dossier)
    assert (settings.organisation_name, settings.service_name) == ("Ville de Bondy", "CCAS")
    assert settings.logo == PNG
    started.window.close()
    started.window.session.close()


def test_a_service_install_starts_on_a_copy_of_the_main_dossier(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrat_desktop.domain.packages import DossierRole
    from contrat_desktop.operations.service_copy import identity_of

    main = create_dossier(tmp_path / "contrat.cdv")
    ini = tmp_path / "deploiement.ini"
    ini.write_text(
        "[deploiement]\nservice = Service jeunesse\n"
        f"dossier = {tmp_path / 'jeunesse.cdv'}\nprincipal = {main}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(DEPLOYMENT_ENV, str(ini))
    monkeypatch.setattr(app, "wizard_wanted", lambda: True)
    started = app.start([])
    qtbot.addWidget(started.window)
    identity = identity_of(started.dossier)
    with open_dossier(main, read_only=True) as opened:
        main_identity = identity_of(opened)
    assert identity.role is DossierRole.SERVICE and identity.service_name == "Service jeunesse"
    assert (identity.contract_uid, identity.origin_uid) == (
        main_identity.contract_uid,
        main_identity.dossier_uid,
    )
    started.window.package_menu.refresh()  # as the « Fichier » menu opening does
    assert "retour" not in started.window.package_menu.write_action.text()
    started.window.close()
    started.window.session.close()


def test_a_deployment_file_without_a_dossier_fills_the_wizard(qtbot: QtBot, tmp_path: Path) -> None:
    ini = tmp_path / "deploiement.ini"
    ini.write_text("[deploiement]\norganisation = Ville de Bondy\nservice = CCAS\n")
    wizard = FirstStartWizard(read_deployment(ini))
    qtbot.addWidget(wizard)
    assert wizard.identity.organisation.text() == "Ville de Bondy"
    assert wizard.identity.service.text() == "CCAS"


def test_an_unreachable_shared_folder_says_so_and_quits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> None:
    ini = tmp_path / "deploiement.ini"
    ini.write_text("[deploiement]\ndossier = /serveur-absent/partage/ccas.cdv\n")
    monkeypatch.setenv(DEPLOYMENT_ENV, str(ini))
    assert app.start_or_recover([]) is None
    kind, title, text = boxes.shown[0]
    assert kind == "critical" and title == "Fichier de déploiement"
    assert "/serveur-absent/partage" in text and "partage réseau" in text
