"""Shared fixtures: an isolated user data folder, offscreen Qt, real dossier files."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.repositories import Repositories

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def start_objects_released() -> Iterator[None]:
    """A window started by ``app.start`` sets what it built aside from the cyclic collector
    (``app.collector_paused``); once its test is over, it is given back."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "donnees-utilisateur"
    monkeypatch.setenv("CONTRAT_DESKTOP_DATA", str(data))
    # first start: no wizard (a modal dialog) and no deployment file from the machine
    monkeypatch.setenv("CONTRAT_DESKTOP_NO_WIZARD", "1")
    monkeypatch.delenv("CONTRAT_DESKTOP_DEPLOYMENT", raising=False)
    return data


@pytest.fixture
def dossier_path(tmp_path: Path) -> Path:
    return tmp_path / "essai.cdv"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo dossier built once for the whole run (by « camille », as ``dossier`` opens
    it); tests that ask for ``demo`` get a fresh copy of this file."""
    from contrat_desktop.samples.demo import build_demo

    path = tmp_path_factory.mktemp("demo-modele") / "demo.cdv"
    with open_dossier(path, create=True, user="camille", daily_backup=False) as opened:
        build_demo(opened)
    return path


@pytest.fixture
def dossier(dossier_path: Path, request: pytest.FixtureRequest) -> Iterator[Dossier]:
    if "demo" in request.fixturenames and not dossier_path.exists():
        # a test of the demo starts from a copy of the demo built once, not an empty file
        shutil.copyfile(request.getfixturevalue("demo_template"), dossier_path)
    with open_dossier(dossier_path, create=True, user="camille", daily_backup=False) as opened:
        yield opened


@pytest.fixture
def repos(dossier: Dossier) -> Repositories:
    return Repositories(dossier)


@pytest.fixture
def make_holder(repos: Repositories) -> Callable[..., Holder]:
    def make(**overrides: Any) -> Holder:
        holder = Holder(legal_name="Association Les Amis du Quartier", kind=HolderKind.ASSOCIATION)
        return repos.holders.add(replace(holder, **overrides))

    return make


@pytest.fixture
def make_campaign(repos: Repositories) -> Callable[..., Campaign]:
    def make(year: int = 2026, **overrides: Any) -> Campaign:
        existing = repos.campaigns.by_year(year)
        if existing and not overrides:
            return existing
        return repos.campaigns.add(Campaign(year=year, **overrides))

    return make


@pytest.fixture
def make_action(
    repos: Repositories, make_holder: Callable[..., Holder], make_campaign: Callable[..., Campaign]
) -> Callable[..., Action]:
    def make(**overrides: Any) -> Action:
        year = overrides.pop("year", 2026)
        campaign = make_campaign(year)
        holder_id = overrides.pop("holder_id", None) or make_holder().id
        sequence = repos.actions.next_sequence(year, "CS")
        action = Action(
            reference=f"{year}-CS-{sequence:03d}",
            title="Atelier de français",
            holder_id=holder_id,
            campaign_id=campaign.id,
        )
        return repos.actions.add(replace(action, **overrides))

    return make


AMBIGUOUS_TITLE = "Atelier théâtre des jeunes du quartier"


@pytest.fixture
def make_ambiguous_return(tmp_path: Path) -> Callable[[Dossier], tuple[Path, list[Action]]]:
    """Two actions of one holder with similar titles, and a workbook returning one row that
    matches both (same SIRET, similar title, no reference, no Dauphin) with an avis."""
    import xlsxwriter

    def make(dossier: Dossier) -> tuple[Path, list[Action]]:
        repos = Repositories(dossier)
        holder = repos.holders.add(
            Holder(legal_name="Compagnie des Deux Rives", kind=HolderKind.ASSOCIATION,
                   siret="44306184100047")
        )  # fmt: skip
        year = max(repos.campaigns.years())
        campaign = repos.campaigns.by_year(year)
        assert campaign is not None and campaign.id is not None and holder.id is not None
        actions = [
            repos.actions.add(
                Action(f"{year}-AMB-00{n}", f"{AMBIGUOUS_TITLE} {letter}", holder.id, campaign.id)
            )
            for n, letter in ((1, "A"), (2, "B"))
        ]
        path = tmp_path / "retour-ambigu.xlsx"
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Programmation")
        sheet.write_row(0, 0, ["Porteur", "SIRET", "Intitulé de l'action", "Avis"])
        sheet.write_row(1, 0, [holder.legal_name, holder.siret, AMBIGUOUS_TITLE, "Favorable"])
        book.close()
        return path, actions

    return make


@pytest.fixture
def make_return_with_new_rows(tmp_path: Path) -> Callable[..., Path]:
    """``make(dossier, new=3, changed=True)``: a return naming one 2016 action by reference
    (its avis changed when ``changed``) and ``new`` actions the dossier lacks."""
    import xlsxwriter

    def make(dossier: Dossier, *, new: int, changed: bool) -> Path:
        repos = Repositories(dossier)
        campaign = repos.campaigns.by_year(2016)
        assert campaign is not None and campaign.id is not None
        known = repos.actions.for_campaign(campaign.id)[0]
        path = tmp_path / "retour-nouvelles.xlsx"
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Programmation")
        sheet.write_row(0, 0, ["Référence", "Porteur", "Intitulé de l'action", "Avis"])
        sheet.write_row(1, 0, [known.reference, "", known.title])
        if changed:
            sheet.write_string(1, 3, "Défavorable")
        for n in range(new):
            row = ["", f"Association nouvelle {n}", f"Action nouvelle {n}", "Favorable"]
            sheet.write_row(2 + n, 0, row)
        book.close()
        return path

    return make
