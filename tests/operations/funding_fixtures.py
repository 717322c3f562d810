"""A granted action ready to be paid: one holder, one State and one town line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine
from contrat_desktop.domain.workflow import ActionStatus, path_to
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True)
class Granted:
    action: Action
    state_line: FundingLine
    town_line: FundingLine
    state: Funder
    town: Funder


def grant(
    repos: Repositories,
    action: Action,
    status: ActionStatus = ActionStatus.GRANTED,
    state_cents: int = 1_000_000,
    town_cents: int = 400_000,
) -> Granted:
    state = repos.funders.by_name("État BOP 147") or repos.funders.add(
        Funder("État BOP 147", FunderKind.STATE)
    )
    town = repos.funders.by_name("Ville") or repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    assert action.id and state.id and town.id
    lines = [
        repos.funding_lines.add(
            FundingLine(
                action.id,
                funder.id or 0,
                requested_cents=cents,
                proposed_cents=cents,
                granted_cents=cents,
                decision_date=date(2026, 4, 28),
                act_kind=ActKind.DECREE,
            )
        )
        for funder, cents in ((state, state_cents), (town, town_cents))
    ]
    for step in path_to(status)[1:]:
        action = repos.actions.change_status(action, step)
    return Granted(action, lines[0], lines[1], state, town)
