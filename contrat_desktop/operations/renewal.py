"""Open campaign N+1 from campaign N: plan which actions are renewed (and which are left, with
the reason), apply in one transaction, undo as one step; and the chain of years of an action.

``plan_renewal`` writes nothing; ``apply_renewal`` plans again inside its transaction (what
someone renewed meanwhile is not renewed twice), creates the campaign when it does not exist,
then every draft (``domain.renewal`` says what is carried). ``undo_renewal`` removes them all
again, and the campaign it created, unless one of them has been worked on since.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from contrat_desktop.domain.contract import Campaign
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.renewal import (
    AmountChoice,
    ReferenceAllocator,
    SkipReason,
    renewed_action,
    renewed_lines,
    skip_reason,
)
from contrat_desktop.operations.campaigns import create_campaign
from contrat_desktop.storage.action_batches import actions_of_campaign
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.programmation import programmation_row, programmation_rows
from contrat_desktop.storage.renewals import (
    RenewalWriter,
    check_deletable,
    delete_renewed,
    dissolved_holders,
    funding_of_campaign,
    references_of_year,
    renewed_ids,
)
from contrat_desktop.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class RenewalLine:
    """One action of campaign N: renewed (under ``new_reference``) or left (``skip``)."""

    action_id: int
    reference: str
    title: str
    holder: str
    status: str
    requested_cents: int
    granted_cents: int
    skip: SkipReason | None = None
    new_reference: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "action_id": self.action_id,
            "reference": self.reference,
            "title": self.title,
            "holder": self.holder,
            "new_reference": self.new_reference or None,
            "skipped_because": self.skip.label if self.skip else None,
        }


@dataclass(frozen=True, slots=True)
class RenewalPlan:
    from_year: int
    to_year: int
    target_exists: bool
    amounts: AmountChoice
    lines: tuple[RenewalLine, ...]

    @property
    def created(self) -> list[RenewalLine]:
        return [line for line in self.lines if line.skip is None]

    @property
    def skipped(self) -> list[RenewalLine]:
        return [line for line in self.lines if line.skip is not None]

    def summary(self) -> dict[str, Any]:
        return {
            "from": self.from_year,
            "to": self.to_year,
            "campaign_created": not self.target_exists,
            "amounts": self.amounts.value,
            "created": len(self.created),
            "skipped": len(self.skipped),
            "actions": [line.as_dict() for line in self.lines],
        }


@dataclass(frozen=True, slots=True)
class RenewalResult:
    plan: RenewalPlan
    campaign_id: int
    campaign_created: bool
    lines_by_action: dict[int, int]  # new action id → funding lines it was created with

    @property
    def action_ids(self) -> list[int]:
        return list(self.lines_by_action)


def check_years(dossier: Dossier, from_year: int, to_year: int) -> tuple[Campaign, Campaign | None]:
    """The source campaign and the target one (``None``: it will be created), or a French
    refusal: unknown source, target not after it, closed target."""
    repos = Repositories(dossier)
    source = repos.campaigns.by_year(from_year)
    if source is None or source.id is None:
        known = ", ".join(str(year) for year in repos.campaigns.years()) or "aucune"
        raise ValidationError(
            f"La campagne {from_year} n'existe pas dans ce dossier (campagnes : {known}) : "
            "rien n'a été reconduit.",
            field="from_year",
        )
    if to_year <= from_year:
        raise ValidationError(
            f"La campagne d'arrivée ({to_year}) doit suivre la campagne reconduite "
            f"({from_year}) : rien n'a été reconduit.",
            field="to_year",
        )
    if not 2000 <= to_year <= 2100:
        raise ValidationError(f"L'année {to_year} n'est pas une année de campagne plausible.")
    target = repos.campaigns.by_year(to_year)
    if target is not None and target.closed:
        raise ValidationError(
            f"La campagne {to_year} est close : aucune action ne peut y être reconduite. "
            "Rouvrez-la (« Appel à projets… ») si c'est voulu ; rien n'a été reconduit.",
            field="to_year",
        )
    return source, target


def plan_renewal(
    dossier: Dossier,
    from_year: int,
    to_year: int,
    *,
    action_ids: Collection[int] | None = None,
    amounts: AmountChoice = AmountChoice.REQUESTED,
) -> RenewalPlan:
    """What renewing ``action_ids`` (all the campaign's actions by default) would create."""
    source, target = check_years(dossier, from_year, to_year)
    rows = programmation_rows(dossier.db, source.id or 0)
    if action_ids is not None:
        wanted = set(action_ids)
        strangers = wanted - {row.id for row in rows}
        if strangers:
            raise ValidationError(
                f"{len(strangers)} action(s) choisie(s) ne sont pas de la campagne {from_year} : "
                "rien n'a été reconduit."
            )
        rows = [row for row in rows if row.id in wanted]
    renewed = renewed_ids(dossier)
    dissolved = {k: date.fromisoformat(v) for k, v in dissolved_holders(dossier).items()}
    reasons = {
        row.id: skip_reason(row.id, row.status, dissolved.get(row.holder_id), renewed, to_year)
        for row in rows
    }
    renewing = [row.reference for row in rows if reasons[row.id] is None]
    allocator = ReferenceAllocator(to_year, references_of_year(dossier, to_year))
    new_references = dict(zip(renewing, allocator.allocate_all(renewing), strict=True))
    lines = tuple(
        RenewalLine(
            row.id, row.reference, row.title, row.holder_name, row.status.label,
            row.requested_cents, row.granted_cents, reasons[row.id],
            new_references.get(row.reference, ""),
        )
        for row in rows
    )  # fmt: skip
    return RenewalPlan(from_year, to_year, target is not None, amounts, lines)


def apply_renewal(
    dossier: Dossier,
    from_year: int,
    to_year: int,
    *,
    action_ids: Collection[int] | None = None,
    amounts: AmountChoice = AmountChoice.REQUESTED,
    at: datetime | None = None,
) -> RenewalResult:
    """Renew in one transaction: the campaign (if needed), then each draft with its lines."""
    repos = Repositories(dossier)
    dossier.writer.check_writable()
    with dossier.db.atomic():
        plan = plan_renewal(dossier, from_year, to_year, action_ids=action_ids, amounts=amounts)
        target = repos.campaigns.by_year(to_year)
        created_campaign = target is None
        if target is None:
            target = create_campaign(dossier, to_year)
        assert target.id is not None
        source = repos.campaigns.by_year(from_year)
        assert source is not None and source.id is not None
        chosen = {line.action_id: line for line in plan.created}
        previous = {a.id: a for a in actions_of_campaign(dossier, source.id) if a.id in chosen}
        funding = funding_of_campaign(dossier, source.id)
        writer = RenewalWriter(dossier, at)
        lines_by_action: dict[int, int] = {}
        for action_id, planned in chosen.items():
            action = renewed_action(previous[action_id], target.id, planned.new_reference, amounts)
            new_lines = renewed_lines(funding.get(action_id, []), 0, amounts)
            lines_by_action[writer.add(action, new_lines)] = len(new_lines)
        writer.finish()
        dossier.writer.note(
            "campaign",
            target.id,
            "reconduction",
            {"de": from_year, "vers": to_year, "actions": len(chosen), "montants": amounts.value},
        )
    return RenewalResult(plan, target.id, created_campaign, lines_by_action)


def undo_renewal(dossier: Dossier, result: RenewalResult) -> None:
    """Remove what ``result`` created (drafts, lines, and the campaign if it made it), in one
    transaction; refused with a French message if a draft has been worked on since."""
    repos = Repositories(dossier)
    dossier.writer.check_writable()
    with dossier.db.atomic():
        check_deletable(dossier, result.lines_by_action)
        delete_renewed(dossier, result.action_ids)
        campaign = repos.campaigns.find(result.campaign_id)
        emptied = campaign is not None and not repos.actions.for_campaign(result.campaign_id)
        if result.campaign_created and emptied and campaign is not None:
            repos.campaigns.delete(campaign)


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One year of an action's chain of renewals, with its amounts."""

    action_id: int
    year: int
    reference: str
    title: str
    status: str
    requested_cents: int
    proposed_cents: int
    granted_cents: int
    paid_cents: int
    current: bool = False


def renewal_chain(dossier: Dossier, action_id: int) -> list[ChainLink]:
    """The action, the ones it renews (earlier years) and those that renew it, oldest first."""
    repos = Repositories(dossier)
    years = {c.id: c.year for c in repos.campaigns.all()}
    seen: set[int] = set()
    chain: list[int] = []
    current: int | None = action_id
    while current is not None and current not in seen:  # back to the first request
        seen.add(current)
        chain.insert(0, current)
        found = repos.actions.find(current)
        current = found.renewal_of_id if found else None
    frontier = [action_id]
    while frontier:  # then forward: the years after
        followers = [
            row[0]
            for row in dossier.db.execute(
                f"SELECT id FROM action WHERE renewal_of_id IN "
                f"({', '.join('?' for _ in frontier)}) ORDER BY reference",
                frontier,
            )
            if row[0] not in seen
        ]
        seen.update(followers)
        chain.extend(followers)
        frontier = followers
    links = []
    for link_id in chain:
        row = programmation_row(dossier.db, link_id)
        if row is None:
            continue
        campaign = repos.actions.get(link_id).campaign_id
        links.append(
            ChainLink(
                row.id, years.get(campaign, 0), row.reference, row.title, row.status.label,
                row.requested_cents, row.proposed_cents, row.granted_cents, row.paid_cents,
                current=row.id == action_id,
            )
        )  # fmt: skip
    return sorted(links, key=lambda link: (link.year, link.reference))
