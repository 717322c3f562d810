"""The convention rule in « À faire » and the action editor: above 23 000 € granted by one
funder to one holder in a year, summed across the holder's actions of that year, but never
between a Ville and its own municipal services (as the SCDL export reasons)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.conventions import own_service
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.action_funding import load_action_funding
from contrat_desktop.operations.reminders import list_reminders
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from tests.operations.funding_fixtures import grant

S = ActionStatus
TODAY = date(2026, 9, 1)
TOWN_SIRET = make_siret("21940079", "0001")


def flagged(dossier: Dossier, holder_id: int) -> set[str]:
    return {
        r.funder or ""
        for r in list_reminders(dossier, 2026, TODAY)
        if r.kind == "convention_unsigned" and r.holder_id == holder_id
    }


@pytest.mark.parametrize(
    ("second_cents", "required"),
    [(999_999, False), (1_000_000, False), (1_000_001, True)],  # 22 999,99 / 23 000 / 23 000,01
)
def test_the_threshold_is_summed_per_holder_and_funder_across_the_year_s_actions(
    dossier: Dossier,
    repos: Repositories,
    make_action: Callable[..., Action],
    second_cents: int,
    required: bool,
) -> None:
    holder = repos.holders.add(Holder("Compagnie des Tilleuls", HolderKind.ASSOCIATION))
    grant(repos, make_action(holder_id=holder.id), S.NOTIFIED, 1_300_000, 1_300_000)
    grant(repos, make_action(holder_id=holder.id), S.NOTIFIED, second_cents, 0)
    # neither another year nor another holder adds to the holder's total with the State
    grant(repos, make_action(year=2025, holder_id=holder.id), S.NOTIFIED, 2_000_000, 0)
    grant(repos, make_action(), S.NOTIFIED, 2_000_000, 0)
    assert flagged(dossier, holder.id or 0) == ({"État BOP 147"} if required else set())
    action = make_action(holder_id=holder.id)
    line = grant(repos, action, S.NOTIFIED, 2, 0).state_line
    funding = load_action_funding(dossier, action.id or 0)
    (cycle,) = [c for c in funding.lines if c.line.id == line.id]
    assert cycle.convention.required  # two cents more are always above
    assert "23\u202f000" in cycle.convention.message()


def test_no_convention_between_the_ville_and_its_own_services(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE, siret=TOWN_SIRET))
    assert town.id is not None
    service = repos.holders.add(
        Holder(
            "Ville – Service jeunesse",
            HolderKind.MUNICIPAL_SERVICE,
            siret=make_siret("21940079", "0234"),
        )
    )
    no_siret = repos.holders.add(Holder("Ville – Service des sports", HolderKind.MUNICIPAL_SERVICE))
    club = repos.holders.add(Holder("Club de boxe", HolderKind.ASSOCIATION))
    for holder in (service, no_siret, club):
        grant(repos, make_action(holder_id=holder.id), S.NOTIFIED, 3_000_000, 3_000_000)
    assert flagged(dossier, service.id or 0) == {"État BOP 147"}  # the State still needs one
    assert flagged(dossier, no_siret.id or 0) == {"État BOP 147"}
    assert flagged(dossier, club.id or 0) == {"État BOP 147", "Ville"}
    action = make_action(holder_id=service.id)
    granted = grant(repos, action, S.NOTIFIED, 3_000_000, 3_000_000)
    funding = load_action_funding(dossier, action.id or 0)
    by_line = {c.line.id: c.convention for c in funding.lines}
    assert by_line[granted.town_line.id].own_service
    assert not by_line[granted.town_line.id].required
    assert by_line[granted.town_line.id].message() == ""
    assert by_line[granted.state_line.id].required


def test_own_service_is_the_same_siren_or_a_municipal_service_of_a_commune() -> None:
    service = make_siret("21940079", "0234")
    other_town = make_siret("21940080", "0001")
    assert own_service(TOWN_SIRET, "commune", service, "service_municipal")
    assert own_service(TOWN_SIRET, "commune", "", "service_municipal")
    assert not own_service(TOWN_SIRET, "commune", other_town, "service_municipal")
    assert not own_service(TOWN_SIRET, "commune", "", "association")
    assert not own_service(make_siret("18000000", "0001"), "etat", "", "service_municipal")
    assert not own_service("", "commune", "", "association")
