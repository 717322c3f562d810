"""Shared fixtures: an isolated user data folder, offscreen Qt, real dossier files."""

from __future__ import annotations

import os
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
def isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "donnees-utilisateur"
    monkeypatch.setenv("CONTRAT_DESKTOP_DATA", str(data))
    return data


@pytest.fixture
def dossier_path(tmp_path: Path) -> Path:
    return tmp_path / "essai.cdv"


@pytest.fixture
def dossier(dossier_path: Path) -> Iterator[Dossier]:
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
