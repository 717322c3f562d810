"""Benchmark of the packages between services: an envoi of 500 actions written from a
service copy of the 50 000-action dossier (target < 1 s) and previewed against the main
dossier (target < 1 s), 100 of them edited by the service."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from contrat_desktop.operations.dossiers import create_dossier
from contrat_desktop.operations.package_plan import plan_package
from contrat_desktop.operations.package_write import write_package_file
from contrat_desktop.operations.programmation import load_action, save_action
from contrat_desktop.operations.service_copy import make_service_copy
from contrat_desktop.samples import synthetic_filler
from contrat_desktop.storage.database import open_dossier
from contrat_desktop.storage.repositories import Repositories
from tests.benchmarks.timing import median_seconds


def package_figures(folder: Path, actions: int, repeat: int) -> list[tuple[str, str, str]]:
    main = create_dossier(folder / "envois-principal.cdv", fill=synthetic_filler(actions))
    with open_dossier(main, daily_backup=False) as dossier:
        copy = make_service_copy(dossier, "Service jeunesse", folder / "envois-service.cdv")
    package = folder / "envoi.cdvenvoi"
    with open_dossier(copy, daily_backup=False) as service:
        repos = Repositories(service)
        year = max(repos.campaigns.years())
        campaign = repos.campaigns.by_year(year)
        chosen = repos.actions.for_campaign(campaign.id if campaign else 0)[:500]
        for action in chosen[:100]:
            seen = load_action(service, action.id or 0)
            wanted = replace(seen.action, title=seen.action.title + " (revu)")
            save_action(service, seen, replace(seen, action=wanted))
        references = [a.reference for a in chosen]
        write = median_seconds(
            lambda: write_package_file(service, year, package, references, record=False), repeat
        )
    with open_dossier(main, daily_backup=False) as dossier:
        preview = median_seconds(lambda: plan_package(dossier, package), repeat)
    return [
        (
            "Envoi de 500 actions écrit (copie de service, 50 000 actions)",
            f"{write:.2f} s",
            "< 1 s",
        ),
        ("Aperçu de cet envoi dans le dossier principal", f"{preview:.2f} s", "< 1 s"),
    ]
