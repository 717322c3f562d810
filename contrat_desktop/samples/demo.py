"""Build the demo dossier: the Villiers-sur-Marne contract, 55 actions in 2015, renewals in 2016,
the bodies and their 2015 committees, the conseil citoyen and its draw.

Deterministic: the same code always builds the same dossier (a fixed random seed), so tests
and screenshots are stable. Every write goes through the repositories, so the demo carries a
real audit trail and status history.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from contrat_desktop.domain.actions import Action, Beneficiaries, make_reference
from contrat_desktop.domain.bodies import Body
from contrat_desktop.domain.contract import Campaign, Commune, Contract, District
from contrat_desktop.domain.funders import Funder, FunderKind
from contrat_desktop.domain.holders import Holder, HolderKind
from contrat_desktop.domain.identifiers import make_siret
from contrat_desktop.domain.workflow import ActionStatus, path_to
from contrat_desktop.samples import demo_content as content
from contrat_desktop.samples.demo_council import build_demo_council
from contrat_desktop.samples.demo_cycle import build_cycle
from contrat_desktop.samples.demo_funding import build_funding
from contrat_desktop.samples.demo_meetings import build_demo_meetings
from contrat_desktop.samples.demo_request_files import build_demo_request_files
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

S = ActionStatus
SEED = 2015

# When each status is reached in a campaign of year N: (year offset, month, day).
STATUS_SCHEDULE: dict[ActionStatus, tuple[int, int, int]] = {
    S.DRAFT: (-1, 12, 1),
    S.FILED: (0, 1, 20),
    S.ADMISSIBLE: (0, 2, 10),
    S.INADMISSIBLE: (0, 2, 10),
    S.UNDER_REVIEW: (0, 2, 20),
    S.PROPOSED: (0, 3, 20),
    S.GRANTED: (0, 4, 28),
    S.REFUSED: (0, 4, 28),
    S.POSTPONED: (0, 4, 28),
    S.NOTIFIED: (0, 5, 20),
    S.RUNNING: (0, 6, 15),
    S.REPORT_DUE: (1, 1, 5),
    S.REPORT_RECEIVED: (1, 5, 15),
    S.SETTLED: (1, 7, 10),
    S.CLOSED: (1, 9, 30),
    S.ABANDONED: (0, 3, 1),
}

# 2015 is over: most actions went to the end, some stopped on the way (every status appears).
STATUSES_2015 = (
    [S.CLOSED] * 14
    + [S.SETTLED] * 9
    + [S.REPORT_RECEIVED] * 7
    + [S.REPORT_DUE] * 6
    + [S.RUNNING] * 4
    + [S.NOTIFIED] * 2
    + [S.GRANTED, S.REFUSED, S.REFUSED, S.POSTPONED, S.INADMISSIBLE, S.ABANDONED, S.ABANDONED]
    + [S.PROPOSED, S.UNDER_REVIEW, S.ADMISSIBLE, S.FILED, S.DRAFT]
)
# 2016 is the campaign being instructed.
STATUSES_2016 = (
    [S.GRANTED] * 8
    + [S.PROPOSED] * 10
    + [S.UNDER_REVIEW] * 10
    + [S.ADMISSIBLE] * 6
    + [S.FILED] * 6
    + [S.DRAFT] * 3
    + [S.NOTIFIED] * 3
    + [S.POSTPONED, S.INADMISSIBLE, S.ABANDONED]
)

NEW_2016 = [
    ("CS-EDU", "Coup de pouce lecture CP", "afev"),
    ("CS-SAN", "Bien manger, bien bouger", "mun_sante"),
    ("CS-VL", "Jardins partagés des Hautes-Noues", "asl"),
    ("DE-EMP", "Permis de conduire solidaire", "insertion"),
    ("CV-LOG", "Gestion urbaine de proximité : diagnostics en marchant", "mun_pv"),
]


@dataclass
class _Context:
    repos: Repositories
    rng: random.Random
    funders: dict[str, Funder]
    holders: dict[str, Holder]
    nodes: dict[str, int]
    district_id: int


def build_demo(dossier: Dossier) -> None:
    """Fill an empty, migrated dossier with the demo contract."""
    repos = Repositories(dossier)
    rng = random.Random(SEED)
    with dossier.db.atomic():
        contract = _contract(repos)
        assert contract.id is not None
        district = repos.districts.add(
            District(
                code=content.DISTRICT["code"],
                name=str(content.DISTRICT["name"]),
                population=int(content.DISTRICT["population"]),
                commune_codes=(content.COMMUNE[0],),
                contract_id=contract.id,
            )
        )
        assert district.id is not None
        context = _Context(
            repos=repos,
            rng=rng,
            funders=_funders(repos),
            holders=_holders(repos, rng),
            nodes={n.code: n.id for n in repos.framework.all() if n.id is not None},
            district_id=district.id,
        )
        _bodies(repos)
        repos.settings.set("organisation_name", "Ville de Villiers-sur-Marne (démonstration)")
        repos.settings.set("service_name", "Service politique de la ville")
        repos.settings.set(
            "signatories",
            [
                {"name": "Le maire de Villiers-sur-Marne", "role": "Co-président du COPIL"},
                {"name": "Le préfet du Val-de-Marne", "role": "Co-président du COPIL"},
            ],
        )
        previous = _campaign(context, contract.id, 2015, content.ACTIONS_2015, STATUSES_2015, {})
        titles = [(theme, title, holder) for theme, title, holder, _ in previous.values()]
        renewed = [
            (theme, title, holder, previous_id)
            for previous_id, (theme, title, holder, status) in previous.items()
            if status not in {S.REFUSED, S.INADMISSIBLE, S.ABANDONED} and rng.random() < 0.9
        ]
        assert titles
        plan_2016 = [(t, ti, h) for t, ti, h, _ in renewed] + NEW_2016
        links = {index: previous_id for index, (*_, previous_id) in enumerate(renewed)}
        _campaign(context, contract.id, 2016, plan_2016, STATUSES_2016, links)
        build_cycle(repos)
        build_demo_request_files(dossier, 2016)
        build_demo_request_files(dossier, 2015, past=True)
        build_demo_meetings(dossier)
        build_demo_council(dossier, district.code)


def _contract(repos: Repositories) -> Contract:
    return repos.contracts.add(
        Contract(
            name=content.CONTRACT_NAME,
            code=content.CONTRACT_CODE,
            start_year=2015,
            end_year=2020,
            epci=content.EPCI,
            signatories=tuple(name for name, *_ in content.FUNDERS),
            communes=(Commune(*content.COMMUNE),),
        )
    )


TOWN_SIREN = "21940079"  # the town's services share it


def _funders(repos: Repositories) -> dict[str, Funder]:
    found: dict[str, Funder] = {}
    for position, (name, short, kind, service) in enumerate(content.FUNDERS):
        siren = TOWN_SIREN if short == "Ville" else f"{18_000_000 + position:08d}"  # invented
        funder = Funder(
            name=name,
            kind=FunderKind(kind),
            short_name=short,
            instructing_service=service,
            siret=make_siret(siren, "0001"),
            position=position,
        )
        found[short] = repos.funders.add(funder)
    return found


def _holders(repos: Repositories, rng: random.Random) -> dict[str, Holder]:
    found: dict[str, Holder] = {}
    town_siren = TOWN_SIREN
    for index, (key, (name, acronym, kind)) in enumerate(content.HOLDERS.items()):
        holder_kind = HolderKind(kind)
        municipal = holder_kind is HolderKind.MUNICIPAL_SERVICE
        siren = town_siren if municipal else f"{rng.randrange(30_000_000, 99_999_999):08d}"
        holder = Holder(
            legal_name=name,
            acronym=acronym,
            kind=holder_kind,
            siret=make_siret(siren, f"{index + 1:04d}"),
            rna=f"W94{rng.randrange(1_000_000, 9_999_999)}" if kind == "association" else "",
            address=f"{rng.randrange(1, 90)} rue des Hautes-Noues",
            postcode="94350",
            city="Villiers-sur-Marne",
            legal_representative=_person(rng),
            contact_name=_person(rng),
            contact_email=f"contact{index + 1}@exemple.fr",
            contact_phone=f"01 49 41 {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
        )
        found[key] = repos.holders.add(holder)
    return found


def _person(rng: random.Random) -> str:
    first = ["Nadia", "Karim", "Sophie", "Moussa", "Claire", "Yacine", "Fatou", "Julien", "Inès"]
    last = ["Martin", "Diallo", "Benali", "Lefèvre", "Traoré", "Moreau", "Haddad", "Nguyen"]
    return f"{rng.choice(first)} {rng.choice(last)}"


def _bodies(repos: Repositories) -> None:
    for kind, name, chairs, frequency, council in content.BODIES:
        repos.bodies.add(
            Body(
                kind_code=kind,
                name=name,
                chairs=chairs,
                min_meetings_per_year=frequency,
                council_required=council,
            )
        )


def _at(year: int, status: ActionStatus) -> datetime:
    offset, month, day = STATUS_SCHEDULE[status]
    return datetime(year + offset, month, day, 10, 0)


def _campaign(
    context: _Context,
    contract_id: int,
    year: int,
    plan: list[tuple[str, str, str]],
    statuses: list[ActionStatus],
    renewal_links: dict[int, int],
) -> dict[int, tuple[str, str, str, ActionStatus]]:
    repos, rng = context.repos, context.rng
    campaign = repos.campaigns.add(
        Campaign(
            year=year,
            contract_id=contract_id,
            launch_date=date(year - 1, 10, 15),
            filing_deadline=date(year, 1, 31),
            committee_dates=(date(year, 3, 20), date(year, 4, 28)),
            priorities=(
                "Réussite éducative, emploi des jeunes et des femmes, tranquillité publique."
            ),
        )
    )
    assert campaign.id is not None
    spread = list(statuses)
    rng.shuffle(spread)
    created: dict[int, tuple[str, str, str, ActionStatus]] = {}
    pending_lines: list[tuple[Action, Funder, ActionStatus]] = []
    sequences: dict[str, int] = defaultdict(int)
    for index, (theme, title, holder_key) in enumerate(plan):
        status = spread[index % len(spread)]
        pillar = theme.split("-")[0]
        sequences[pillar] += 1
        action = _action(
            context, campaign.id, year, theme, title, holder_key, sequences[pillar], status
        )
        action = replace(action, renewal_of_id=renewal_links.get(index))
        draft = repos.actions.add(replace(action, status=S.DRAFT), at=_at(year, S.DRAFT))
        action = _with_history(repos, draft, status, year)
        assert action.id is not None
        created[action.id] = (theme, title, holder_key, status)
        for funder in _funders_for(context, theme, holder_key):
            pending_lines.append((action, funder, status))
    build_funding(context.repos, context.rng, year, pending_lines)
    return created


def _action(
    context: _Context,
    campaign_id: int,
    year: int,
    theme: str,
    title: str,
    holder_key: str,
    sequence: int,
    status: ActionStatus,
) -> Action:
    rng = context.rng
    total = rng.randrange(15, 300)
    women = total * rng.randrange(35, 65) // 100
    young = theme in {"CS-EDU", "CS-JEU", "CS-PD"}
    return Action(
        reference=make_reference(year, theme.split("-")[0], sequence),
        title=title,
        holder_id=context.holders[holder_key].id or 0,
        campaign_id=campaign_id,
        status=status,
        dauphin_number=f"{year % 100:02d}{rng.randrange(100_000, 999_999)}",
        framework_node_id=context.nodes[theme],
        district_ids=(context.district_id,),
        axis_ids=tuple(context.nodes[a] for a in content.AXES_BY_THEME.get(theme, [])),
        description=f"{title} : action menée auprès des habitants du quartier "
        f"{content.DISTRICT['name']}.",
        objectives="Favoriser l'accès des habitants du quartier aux dispositifs de droit commun.",
        target_public=rng.choice(content.PUBLICS),
        beneficiaries=Beneficiaries(
            total=total,
            women=women,
            men=total - women,
            age_6_11=total // 2 if young else None,
            age_12_17=total - total // 2 if young else None,
            age_26_64=None if young else total,
            qpv_share_percent=rng.randrange(60, 101),
        ),
        start_date=date(year, 1, 1),
        end_date=date(year, 12, 31),
        place=rng.choice(content.PLACES),
        multi_year=rng.random() < 0.15,
    )


def _with_history(repos: Repositories, action: Action, target: ActionStatus, year: int) -> Action:
    for status in path_to(target)[1:]:
        comment = "Dossier complet." if status is S.ADMISSIBLE else ""
        action = repos.actions.change_status(action, status, comment, at=_at(year, status))
    return action


def _funders_for(context: _Context, theme: str, holder_key: str) -> list[Funder]:
    rng = context.rng
    chosen = ["État BOP 147"]
    if holder_key.startswith("mun_") or rng.random() < 0.6:
        chosen.append("Ville")
    extra = [name for name in content.THEME_FUNDERS[theme] if name not in chosen]
    chosen += rng.sample(extra, k=min(len(extra), rng.randrange(0, 3)))
    return [context.funders[name] for name in chosen[:4]]
