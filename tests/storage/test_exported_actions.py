"""The export reads a campaign's actions as tuples of the fields it writes: each holds what
the repository's ``Action`` holds (codes as the enums' values, dates as dates, districts in
order), every field filled or every field empty."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contrat_desktop.domain.actions import Action, Beneficiaries
from contrat_desktop.domain.contract import District
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exported_actions import exported_actions
from contrat_desktop.storage.repositories import Repositories


def test_exported_actions_hold_what_the_repository_reads(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    previous = make_action(year=2025)
    first = repos.districts.add(District("QP094043", "Les Hautes-Noues"))
    second = repos.districts.add(District("QP094044", "Le Bois-l'Abbé"))
    theme = repos.framework.by_code("CS-EDU")
    assert theme is not None
    full = make_action(
        reference="2026-CS-002",
        status=ActionStatus.UNDER_REVIEW,
        dauphin_number="26123456",
        renewal_of_id=previous.id,
        framework_node_id=theme.id,
        district_ids=(second.id, first.id),
        target_public="Mères de famille",
        beneficiaries=Beneficiaries(40, 30, 10),
        start_date=date(2026, 1, 5),
        end_date=date(2026, 12, 18),
        total_cost_cents=1_234_56,
        opinion=Opinion.FAVOURABLE,
        observations="À revoir « vite »",
    )
    bare = make_action(reference="2026-CS-001")
    read = exported_actions(dossier, full.campaign_id)
    actions = repos.actions.for_campaign(full.campaign_id)
    assert [a.id for a in actions] == [r.id for r in read] == [bare.id, full.id]
    for action, row in zip(actions, read, strict=True):
        assert row == (
            action.id, action.reference, action.title, action.holder_id, action.status.value,
            action.dauphin_number, action.renewal_of_id, action.framework_node_id,
            action.target_public, action.beneficiaries.total, action.start_date,
            action.end_date, action.total_cost_cents,
            action.opinion.value if action.opinion else None, action.observations,
            action.version, action.district_ids,
        )  # fmt: skip
        assert row.is_renewal is action.is_renewal
    assert read[1].district_ids == tuple(sorted((first.id, second.id)))
    assert read[1].opinion is not None and read[0].opinion is None
