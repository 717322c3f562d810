"""The export reads a campaign's funding lines as tuples of the fields it writes: each holds
what the repository's ``FundingLine`` holds, and spells its act the same way (a multi-year
agreement, an act without number or date, no act at all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from contrat_desktop.domain.actions import Action
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.exported_lines import exported_lines
from contrat_desktop.storage.repositories import Repositories


def test_exported_lines_hold_what_the_repository_reads(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    first, second = make_action(), make_action()
    other_year = make_action(year=2025)
    state = repos.funders.add(Funder("État – politique de la ville (BOP 147)", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    region = repos.funders.add(Funder("Région", FunderKind.REGION))
    for line in (
        FundingLine(second.id or 0, town.id or 0, 500_000),
        FundingLine(
            first.id or 0,
            state.id or 0,
            3_000_000,
            2_500_000,
            2_400_000,
            "AR-2026-01",
            date(2026, 5, 2),
            ActKind.AGREEMENT,
            act_number="C-2026-14",
            act_signed_on=date(2026, 5, 20),
            ej_number="2103456789",
        ),
        FundingLine(
            first.id or 0,
            town.id or 0,
            800_000,
            granted_cents=700_000,
            act_kind=ActKind.MULTI_YEAR,
            cpo_first_year=2026,
            cpo_last_year=2028,
        ),
        FundingLine(second.id or 0, region.id or 0, 100_000, 0, act_kind=ActKind.DECREE),
        FundingLine(other_year.id or 0, town.id or 0, 1),
    ):
        repos.funding_lines.add(line)
    read = exported_lines(dossier, first.campaign_id)
    lines = repos.funding_lines.for_campaign(first.campaign_id)
    assert len(read) == len(lines) == 4
    for line, row in zip(lines, read, strict=True):
        assert row == (
            line.id, line.action_id, line.funder_id, line.requested_cents, line.proposed_cents,
            line.granted_cents, line.ej_number, line.version, line.act_kind, line.act_number,
            line.act_signed_on, line.cpo_first_year, line.cpo_last_year,
        )  # fmt: skip
        assert row.act_label() == line.act_label()
    assert [row.act_label() for row in read] == [
        "Convention n° C-2026-14 du 20/05/2026",
        "CPO pluriannuelle 2026-2028",
        "",
        "Arrêté",
    ]
