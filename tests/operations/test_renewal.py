"""Renewal of a campaign into the next: exactly the intended fields, never twice, undoable."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrat_desktop.domain.actions import Action, Beneficiaries
from contrat_desktop.domain.contract import Campaign, District
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.framework import NodeKind
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.renewal import AmountChoice, ReferenceAllocator, SkipReason
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.renewal import (
    apply_renewal,
    plan_renewal,
    renewal_chain,
    undo_renewal,
)
from contrat_desktop.storage.audit import action_history
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories

CARRIED = {
    "title", "holder_id", "multi_year", "framework_node_id", "district_ids", "axis_ids",
    "description", "objectives", "target_public", "beneficiaries", "place",
}  # fmt: skip
BUDGET = {"total_cost_cents", "own_funds_cents", "other_income_cents"}
SET_BY_RENEWAL = {"reference", "campaign_id", "status", "renewal_of_id", "id", "version"}
NOT_CARRIED = {"dauphin_number", "start_date", "end_date", "opinion", "observations"}


@pytest.fixture
def full_action(repos: Repositories, make_action: Callable[..., Action]) -> Action:
    """An action of 2025 with every field filled in, two funding lines, granted."""
    tree = repos.framework.tree()
    theme = next(n for n in tree.all() if n.kind is NodeKind.THEME and n.parent_id)
    axes = tuple(n.id or 0 for n in tree.of_kind(NodeKind.AXIS)[:2])
    district = repos.districts.add(District("QP094043", "Les Hautes-Noues"))
    action = make_action(
        year=2025,
        title="Atelier sociolinguistique",
        status=ActionStatus.GRANTED,
        dauphin_number="00123456",
        multi_year=True,
        framework_node_id=theme.id,
        district_ids=(district.id,),
        axis_ids=axes,
        description="Des ateliers deux fois par semaine.",
        objectives="Autonomie dans les démarches.",
        target_public="Femmes du quartier",
        beneficiaries=Beneficiaries(total=40, women=30, men=10, qpv_share_percent=80),
        start_date=date(2025, 1, 6),
        end_date=date(2025, 12, 19),
        place="Centre social",
        total_cost_cents=2_000_000,
        own_funds_cents=200_000,
        other_income_cents=100_000,
        opinion=Opinion.FAVOURABLE,
        observations="Bilan à joindre",
    )
    state = repos.funders.add(Funder("État (BOP 147)", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    for funder, requested, granted in ((state, 1_000_000, 800_000), (town, 700_000, None)):
        repos.funding_lines.add(
            FundingLine(
                action.id or 0, funder.id or 0, requested, 900_000, granted, "AR-2025-12",
                date(2025, 5, 2), ActKind.DECREE,
            )
        )  # fmt: skip
    return action


def table_rows(dossier: Dossier) -> dict[str, list[tuple[Any, ...]]]:
    tables = ("campaign", "action", "action_district", "action_axis", "funding_line",
              "status_change")  # fmt: skip
    return {t: dossier.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


def fingerprint(dossier: Dossier) -> str:
    dossier.db.conn.commit()
    return hashlib.sha256(dossier.path.read_bytes()).hexdigest()


def test_every_action_field_is_decided() -> None:
    names = {f.name for f in dataclasses.fields(Action)}
    assert names == CARRIED | BUDGET | SET_BY_RENEWAL | NOT_CARRIED


def test_renewal_carries_exactly_the_intended_fields(
    dossier: Dossier, repos: Repositories, full_action: Action
) -> None:
    result = apply_renewal(dossier, 2025, 2026)
    assert result.campaign_created
    (new_id,) = result.action_ids
    renewed = repos.actions.get(new_id)
    previous = repos.actions.get(full_action.id or 0)
    for name in CARRIED | BUDGET:
        assert getattr(renewed, name) == getattr(previous, name), name
    assert renewed.reference == "2026-CS-001"
    assert renewed.campaign_id == repos.campaigns.by_year(2026).id  # type: ignore[union-attr]
    assert renewed.status is ActionStatus.DRAFT
    assert renewed.renewal_of_id == previous.id
    defaults = Action("", "", 0, 0)
    for name in NOT_CARRIED:
        assert getattr(renewed, name) == getattr(defaults, name), name
    lines = {line.funder_id: line for line in repos.funding_lines.for_action(new_id)}
    assert {f: line.requested_cents for f, line in lines.items()} == {
        line.funder_id: line.requested_cents
        for line in repos.funding_lines.for_action(previous.id or 0)
    }
    for line in lines.values():
        assert (line.proposed_cents, line.granted_cents, line.decision_reference) == (
            None,
            None,
            "",
        )
        assert (line.decision_date, line.act_kind) == (None, None)
    (status,) = repos.actions.status_history(new_id)
    assert (status.source, status.target, status.changed_by) == (
        None,
        ActionStatus.DRAFT,
        "camille",
    )
    operations = [entry.operation for entry in action_history(dossier.db, new_id)]
    assert operations.count("create") == 3  # the action and its two lines, audited


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(AmountChoice.GRANTED, {"État (BOP 147)": 800_000}), (AmountChoice.EMPTY, {})],
)
def test_amount_choices(
    dossier: Dossier,
    repos: Repositories,
    full_action: Action,
    choice: AmountChoice,
    expected: dict[str, int],
) -> None:
    (new_id,) = apply_renewal(dossier, 2025, 2026, amounts=choice).action_ids
    names = {f.id: f.name for f in repos.funders.all()}
    lines = repos.funding_lines.for_action(new_id)
    assert {names[line.funder_id]: line.requested_cents for line in lines} == expected
    renewed = repos.actions.get(new_id)
    assert renewed.total_cost_cents == (0 if choice is AmountChoice.EMPTY else 2_000_000)


def test_second_run_creates_nothing_and_skips_with_reasons(
    dossier: Dossier,
    repos: Repositories,
    make_action: Callable[..., Action],
    make_holder: Callable[..., Holder],
) -> None:
    kept = make_action(year=2025)
    make_action(year=2025, status=ActionStatus.ABANDONED, title="Abandonnée")
    gone = make_holder(legal_name="Association dissoute", dissolved_on=date(2025, 9, 30))
    make_action(year=2025, holder_id=gone.id, title="Du porteur dissous")
    later = make_holder(legal_name="Dissoute en 2026", dissolved_on=date(2026, 6, 30))
    make_action(year=2025, holder_id=later.id, title="Du porteur dissous l'an prochain")
    first = apply_renewal(dossier, 2025, 2026)
    assert [line.reference for line in first.plan.created] == ["2025-CS-001", "2025-CS-004"]
    reasons = {line.title: line.skip for line in first.plan.skipped}
    assert reasons == {
        "Abandonnée": SkipReason.ABANDONED,
        "Du porteur dissous": SkipReason.HOLDER_DISSOLVED,
    }
    count = repos.actions.count()
    second = apply_renewal(dossier, 2025, 2026)
    assert second.action_ids == [] and not second.campaign_created
    assert {line.skip for line in second.plan.skipped} == set(SkipReason)
    assert repos.actions.count() == count
    assert kept.id in {line.action_id for line in second.plan.skipped}


def test_references_keep_their_number_when_free(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    for _ in range(3):
        make_action(year=2025)
    make_action(year=2026)  # 2026-CS-001 is taken
    plan = plan_renewal(dossier, 2025, 2026, action_ids=None)
    assert [(line.reference, line.new_reference) for line in plan.created if line.new_reference][
        :3
    ] == [
        ("2025-CS-001", "2026-CS-004"),
        ("2025-CS-002", "2026-CS-002"),
        ("2025-CS-003", "2026-CS-003"),
    ]


@given(
    st.lists(st.sampled_from(["2025-CS-001", "2025-CS-002", "2025-ED-001", "X"]), max_size=30),
    st.sets(st.sampled_from(["2026-CS-001", "2026-CS-003", "2026-ED-002", "2026-ACT-001"])),
)
def test_allocated_references_are_always_new(previous: list[str], taken: set[str]) -> None:
    allocator = ReferenceAllocator(2026, taken)
    given_out = allocator.allocate_all(previous)
    assert len(set(given_out)) == len(given_out)
    assert not set(given_out) & taken
    assert all(reference.startswith("2026-") for reference in given_out)


def test_undo_restores_the_campaign(
    dossier: Dossier, make_action: Callable[..., Action], full_action: Action
) -> None:
    make_action(year=2025)
    before = table_rows(dossier)
    result = apply_renewal(dossier, 2025, 2026)
    assert len(result.action_ids) == 2
    undo_renewal(dossier, result)
    assert table_rows(dossier) == before
    again = apply_renewal(dossier, 2025, 2026)  # redo: the same renewal, under new ids
    assert [line.new_reference for line in again.plan.created] == [
        line.new_reference for line in result.plan.created
    ]


def test_undo_into_an_existing_campaign_keeps_it(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    make_action(year=2025)
    make_action(year=2026, title="Déjà là")
    before = table_rows(dossier)
    result = apply_renewal(dossier, 2025, 2026)
    assert not result.campaign_created
    undo_renewal(dossier, result)
    assert table_rows(dossier) == before


def test_undo_refused_once_a_draft_has_lived(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    make_action(year=2025)
    make_action(year=2025)
    result = apply_renewal(dossier, 2025, 2026)
    edited = repos.actions.get(result.action_ids[1])
    repos.actions.update(dataclasses.replace(edited, title="Titre revu"))
    before = fingerprint(dossier)
    with pytest.raises(DossierError, match="1 action\\(s\\) reconduite\\(s\\) ont été modifiées"):
        undo_renewal(dossier, result)
    assert fingerprint(dossier) == before


def test_bad_renewals_write_nothing(
    dossier: Dossier,
    repos: Repositories,
    make_action: Callable[..., Action],
    make_campaign: Callable[..., Campaign],
) -> None:
    make_action(year=2025)
    other = make_action(year=2024)
    make_campaign(2027, closed=True)
    before = fingerprint(dossier)
    attempts = [
        ((2031, 2032, None), "La campagne 2031 n'existe pas"),
        ((2025, 2027, None), "La campagne 2027 est close"),
        ((2025, 2025, None), "doit suivre la campagne reconduite"),
        ((2025, 2026, [other.id]), "ne sont pas de la campagne 2025"),
    ]
    for (source, target, ids), message in attempts:
        with pytest.raises(ValidationError, match=message):
            apply_renewal(dossier, source, target, action_ids=ids)
    assert fingerprint(dossier) == before


def test_chain_of_years(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    first = make_action(year=2024)
    (second_id,) = apply_renewal(dossier, 2024, 2025).action_ids
    (third_id,) = apply_renewal(dossier, 2025, 2026).action_ids
    chain = renewal_chain(dossier, second_id)
    assert [(link.year, link.reference, link.current) for link in chain] == [
        (2024, "2024-CS-001", False),
        (2025, "2025-CS-001", True),
        (2026, "2026-CS-001", False),
    ]
    assert [link.action_id for link in renewal_chain(dossier, first.id or 0)] == [
        first.id,
        second_id,
        third_id,
    ]
