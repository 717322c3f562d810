"""Round trips of every aggregate through its repository, on a real migrated file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from contrat_desktop.domain.actions import Action, Beneficiaries
from contrat_desktop.domain.bilans import ObjectivesMet, Report
from contrat_desktop.domain.contract import Campaign, Commune, Contract, District
from contrat_desktop.domain.framework import FrameworkNode, NodeKind
from contrat_desktop.domain.funders import Envelope, Funder, FunderKind
from contrat_desktop.domain.funding import ActKind, FundingLine, Payment, PaymentKind
from contrat_desktop.domain.holders import Holder
from contrat_desktop.domain.request_file import PieceKind, RequestPiece
from contrat_desktop.storage.conversions import columns_of
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories

MAPPED = {
    "contract": Contract,
    "commune": Commune,
    "district": District,
    "campaign": Campaign,
    "framework_node": FrameworkNode,
    "holder": Holder,
    "funder": Funder,
    "envelope": Envelope,
    "action": Action,
    "funding_line": FundingLine,
    "payment": Payment,
    "report": Report,
    "request_piece_kind": PieceKind,
    "request_piece": RequestPiece,
}


@pytest.mark.parametrize(("table", "model"), MAPPED.items())
def test_every_domain_field_has_its_column(dossier: Dossier, table: str, model: type) -> None:
    columns = dossier.db[table].columns_dict
    for name, kind in columns_of(model).items():
        assert name in columns, f"{table}.{name} missing"
        if kind is int:
            assert columns[name] is int, f"{table}.{name} should be INTEGER (cents, counts)"


def test_contract_with_communes_districts_and_campaigns(repos: Repositories) -> None:
    contract = repos.contracts.add(
        Contract(
            name="Contrat intercommunal",
            code="CN09403M",
            start_year=2024,
            end_year=2030,
            signatories=("État", "Ville de Vitry-sur-Seine"),
            communes=(Commune("94081", "Vitry-sur-Seine"), Commune("94041", "Ivry-sur-Seine")),
        )
    )
    assert {c.name for c in contract.communes} == {"Vitry-sur-Seine", "Ivry-sur-Seine"}
    assert contract.signatories == ("État", "Ville de Vitry-sur-Seine")
    trimmed = repos.contracts.update(replace(contract, communes=contract.communes[:1]))
    assert len(trimmed.communes) == 1
    district = repos.districts.add(
        District("QN09401M", "Balzac", 2024, 4800, ("94081", "94041"), contract_id=contract.id)
    )
    assert district.commune_codes == ("94081", "94041")
    campaign = repos.campaigns.add(
        Campaign(2026, contract.id, committee_dates=(date(2026, 3, 12), date(2026, 4, 30)))
    )
    assert repos.campaigns.by_year(2026) == campaign
    assert campaign.committee_dates[1] == date(2026, 4, 30)
    assert repos.campaigns.years() == [2026]


def test_framework_is_seeded_and_editable(repos: Repositories) -> None:
    tree = repos.framework.tree()
    pillars = [n.label for n in tree.roots() if n.kind is NodeKind.PILLAR]
    assert pillars[:3] == [
        "Cohésion sociale",
        "Cadre de vie et renouvellement urbain",
        "Développement économique et emploi",
    ]
    themes_2024 = [n for n in tree.roots() if n.generation == 2024]
    assert len(themes_2024) == 6
    assert sum(len(tree.children(t.id or 0)) for t in themes_2024) == 25
    axes = {n.label for n in tree.of_kind(NodeKind.AXIS)}
    assert {"Jeunesse", "Égalité femmes-hommes", "Lutte contre les discriminations"} <= axes
    education = repos.framework.by_code("CS-EDU")
    assert education is not None and education.id is not None
    objective = repos.framework.add(
        FrameworkNode(NodeKind.OBJECTIVE, "Réduire le décrochage", "CS-EDU-1", education.id)
    )
    tree = repos.framework.tree()
    assert (
        tree.path_label(objective.id or 0) == "Cohésion sociale › Éducation › Réduire le décrochage"
    )
    assert tree.top(objective.id or 0).code == "CS"
    renamed = repos.framework.update(replace(objective, label="Prévenir le décrochage"))
    assert renamed.version == 2
    with pytest.raises(DossierError, match="désactivez-le"):
        repos.framework.delete(repos.framework.get(education.id))
    repos.framework.delete(renamed)


def test_action_with_every_field_round_trips(
    repos: Repositories, make_action: Callable[..., Action]
) -> None:
    previous = make_action(year=2025)
    district = repos.districts.add(District("QP094043", "Les Hautes-Noues"))
    axis = repos.framework.by_code("AX-EFH")
    theme = repos.framework.by_code("CS-EDU")
    assert axis and theme
    action = make_action(
        dauphin_number="26123456",
        renewal_of_id=previous.id,
        multi_year=True,
        framework_node_id=theme.id,
        district_ids=(district.id,),
        axis_ids=(axis.id,),
        description="Ateliers hebdomadaires",
        objectives="Lire et écrire",
        target_public="Mères de famille",
        beneficiaries=Beneficiaries(40, 30, 10, age_26_64=40, qpv_share_percent=90),
        start_date=date(2026, 1, 5),
        end_date=date(2026, 12, 18),
        place="Centre social",
        total_cost_cents=1_234_56,
        own_funds_cents=1000,
        other_income_cents=500,
    )
    loaded = repos.actions.get(action.id or 0)
    assert loaded == action
    assert loaded.is_renewal and loaded.beneficiaries.women == 30
    assert repos.actions.for_holder(action.holder_id) == [action]
    bare = make_action()  # the campaign's actions read by position, links and nested alike
    assert repos.actions.for_campaign(action.campaign_id) == [action, bare]


def test_funding_lines_payments_envelopes(
    repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    state = repos.funders.add(Funder("État – politique de la ville (BOP 147)", FunderKind.STATE))
    town = repos.funders.add(Funder("Ville", FunderKind.COMMUNE))
    line = repos.funding_lines.add(
        FundingLine(
            action.id or 0,
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
        )
    )
    repos.funding_lines.add(FundingLine(action.id or 0, town.id or 0, 500_000))
    repos.payments.add(Payment(line.id or 0, PaymentKind.ADVANCE, 1_200_000, date(2026, 6, 1)))
    repos.payments.add(Payment(line.id or 0, PaymentKind.REFUND, 100_000, date(2027, 9, 1)))
    repos.envelopes.add(Envelope(state.id or 0, 2026, 2_000_000))
    (use,) = repos.envelopes.use(2026)
    assert (use.committed_cents, use.paid_cents, use.left_cents) == (2_400_000, 1_100_000, -400_000)
    assert use.over_committed
    assert [fl.requested_cents for fl in repos.funding_lines.for_action(action.id or 0)] == [
        3_000_000,
        500_000,
    ]
    stored = repos.funding_lines.get(line.id or 0)
    assert stored.act_kind is ActKind.AGREEMENT
    assert stored.act_label() == "Convention n° C-2026-14 du 20/05/2026"


def test_report_and_settings(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    action = make_action()
    report = repos.reports.add(
        Report(action.id or 0, date(2027, 5, 2), 1_000_000, objectives_met=ObjectivesMet.PARTLY)
    )
    assert repos.reports.for_action(action.id or 0) == report
    settings = repos.settings
    assert settings.get("rules.convention_threshold_cents") == 2_300_000
    assert settings.get("council.rule.size_range") == {"enabled": True, "min": 15, "max": 50}
    settings.set("organisation_name", "Ville de Villiers-sur-Marne")
    assert settings.get("organisation_name") == "Ville de Villiers-sur-Marne"
    audit = dossier.db.execute(
        "SELECT field, new_value FROM audit WHERE entity = 'setting'"
    ).fetchall()
    assert audit == [("organisation_name", "Ville de Villiers-sur-Marne")]
    kinds = {k.code for k in repos.bodies.kinds()}
    assert {"copil", "comite_technique", "comite_recevabilite", "groupe_technique"} <= kinds


def test_attachments_travel_inside_the_dossier(
    dossier: Dossier, repos: Repositories, make_action: Callable[..., Action]
) -> None:
    from contrat_desktop.domain.attachments import AttachmentKind
    from contrat_desktop.storage.audit import history

    action = make_action()
    content = b"%PDF-1.4 statuts de l'association\n" * 100
    attachment = repos.attachments.add(
        action.id or 0, "statuts.pdf", AttachmentKind.STATUTES, content
    )
    assert attachment.size_bytes == len(content) and len(attachment.sha256) == 64
    assert attachment.added_by == "camille"
    assert repos.attachments.for_action(action.id or 0) == [attachment]
    assert repos.attachments.content(attachment.id or 0) == content
    created = history(dossier.db, "attachment", attachment.id or 0)[0]
    assert created.operation == "create" and "octets" in (created.new_value or "")
    repos.attachments.delete(attachment)
    assert repos.attachments.for_action(action.id or 0) == []


def test_holder_display_names_read_in_name_order(
    repos: Repositories, make_holder: Callable[..., Holder]
) -> None:
    """Read as two columns (the window reads them at start-up), the same names as the
    holders' own ``display_name``, in the same order."""
    make_holder(legal_name="zèbre et compagnie")
    make_holder(legal_name="Association Mieux Vivre", acronym="AMV")
    make_holder(legal_name="centre social des Noues", acronym="")
    names = repos.holders.display_names()
    assert names == {h.id: h.display_name for h in repos.holders.all()}
    assert list(names.values()) == [
        "Association Mieux Vivre (AMV)",
        "centre social des Noues",
        "zèbre et compagnie",
    ]
