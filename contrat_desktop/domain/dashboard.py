"""The figures of one campaign, as the home page and the yearly report show them: actions by
status; requested, proposed, granted and paid per funder against its envelope; the split by
pillar, by theme, by district, by holder kind, and first requests against renewals.

Computed from the programmation's plain rows (``ActionSummary``), no SQL and no Qt. An
action targeting two districts counts in both; one without any counts under « Sans quartier ».
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.programmation import ActionSummary
from contrat_desktop.domain.workflow import MAIN_PATH, ActionStatus

NO_DISTRICT = "Sans quartier"
UNCLASSIFIED = "Non classée"


@dataclass(frozen=True, slots=True)
class Slice:
    """One part of a split: its key (what the programmation filters on), label and sums."""

    key: Hashable
    label: str
    count: int
    requested_cents: int
    granted_cents: int
    paid_cents: int


@dataclass(frozen=True, slots=True)
class FunderFigures:
    funder_id: int
    name: str
    count: int  # actions it is asked to fund
    requested_cents: int
    proposed_cents: int
    granted_cents: int
    paid_cents: int
    envelope_cents: int | None  # None: no envelope set for the year

    @property
    def left_cents(self) -> int | None:
        if self.envelope_cents is None:
            return None
        return self.envelope_cents - self.granted_cents


@dataclass(frozen=True, slots=True)
class CampaignFigures:
    year: int
    count: int
    requested_cents: int
    proposed_cents: int
    granted_cents: int
    paid_cents: int
    by_status: tuple[Slice, ...]
    by_funder: tuple[FunderFigures, ...]
    by_pillar: tuple[Slice, ...]
    by_theme: tuple[Slice, ...]
    by_district: tuple[Slice, ...]
    by_holder_kind: tuple[Slice, ...]
    by_renewal: tuple[Slice, ...]  # key False: first requests, True: renewals


def campaign_figures(
    year: int,
    rows: Iterable[ActionSummary],
    tree: FrameworkTree,
    funders: Mapping[int, str],
    districts: Mapping[int, str],
    envelopes: Mapping[int, int],
) -> CampaignFigures:
    rows = list(rows)
    amounts = {r.id: (r.requested_cents, r.granted_cents, r.paid_cents) for r in rows}
    status_order = [*MAIN_PATH, *(s for s in ActionStatus if s not in MAIN_PATH)]

    pillars: dict[int | None, list[tuple[Hashable, str]]] = {None: [(None, UNCLASSIFIED)]}
    themes: dict[int | None, list[tuple[Hashable, str]]] = {None: [(None, UNCLASSIFIED)]}

    def pillar(row: ActionSummary) -> list[tuple[Hashable, str]]:
        node_id = row.framework_node_id
        if node_id not in pillars:
            top = tree.top(node_id)  # type: ignore[arg-type]
            pillars[node_id] = [(top.id, top.label)]
        return pillars[node_id]

    def theme(row: ActionSummary) -> list[tuple[Hashable, str]]:
        node_id = row.framework_node_id
        if node_id not in themes:
            chain = tree.ancestors(node_id)  # type: ignore[arg-type]
            node = chain[1] if len(chain) > 1 else chain[0]
            themes[node_id] = [(node.id, tree.path_label(node.id or 0))]
        return themes[node_id]

    def district(row: ActionSummary) -> list[tuple[Hashable, str]]:
        if not row.district_ids:
            return [(None, NO_DISTRICT)]
        return [(d, districts.get(d, f"Quartier n° {d}")) for d in row.district_ids]

    by_status = _split(rows, amounts, lambda r: [(r.status, r.status.label)])
    order = {status: n for n, status in enumerate(status_order)}
    renewal = _split(
        rows,
        amounts,
        lambda r: [(r.is_renewal, "Reconduites" if r.is_renewal else "Premières demandes")],
    )
    return CampaignFigures(
        year=year,
        count=len(rows),
        requested_cents=sum(a[0] for a in amounts.values()),
        proposed_cents=sum(r.proposed_cents for r in rows),
        granted_cents=sum(a[1] for a in amounts.values()),
        paid_cents=sum(a[2] for a in amounts.values()),
        by_status=tuple(sorted(by_status, key=lambda s: order[s.key])),  # type: ignore[index]
        by_funder=_funders(rows, funders, envelopes),
        by_pillar=tuple(sorted(_split(rows, amounts, pillar), key=_largest)),
        by_theme=tuple(sorted(_split(rows, amounts, theme), key=_largest)),
        by_district=tuple(sorted(_split(rows, amounts, district), key=_largest)),
        by_holder_kind=tuple(
            sorted(
                _split(rows, amounts, lambda r: [(r.holder_kind, r.holder_kind.label)]),
                key=_largest,
            )
        ),
        by_renewal=tuple(sorted(renewal, key=lambda s: bool(s.key))),
    )


def _largest(part: Slice) -> tuple[int, int, str]:
    return (-part.granted_cents, -part.count, part.label)


def _split(
    rows: Iterable[ActionSummary],
    amounts: Mapping[int, tuple[int, int, int]],
    keys: Callable[[ActionSummary], list[tuple[Hashable, str]]],
) -> list[Slice]:
    sums: dict[Hashable, list[int]] = {}
    labels: dict[Hashable, str] = {}
    for row in rows:
        requested, granted, paid = amounts[row.id]
        for key, label in keys(row):
            labels[key] = label
            line = sums.setdefault(key, [0, 0, 0, 0])
            line[0] += 1
            line[1] += requested
            line[2] += granted
            line[3] += paid
    return [Slice(key, labels[key], s[0], s[1], s[2], s[3]) for key, s in sums.items()]


def _funders(
    rows: Iterable[ActionSummary], names: Mapping[int, str], envelopes: Mapping[int, int]
) -> tuple[FunderFigures, ...]:
    sums: dict[int, list[int]] = {}
    for row in rows:
        for funder_id, amounts in row.by_funder.items():
            line = sums.setdefault(funder_id, [0, 0, 0, 0, 0])
            line[0] += 1
            line[1] += amounts.requested_cents
            line[2] += amounts.proposed_cents or 0
            line[3] += amounts.granted_cents or 0
            line[4] += amounts.paid_cents
    for funder_id in envelopes:
        sums.setdefault(funder_id, [0, 0, 0, 0, 0])
    order = list(names)
    return tuple(
        FunderFigures(
            funder_id=funder_id,
            name=names.get(funder_id, f"Financeur n° {funder_id}"),
            count=line[0],
            requested_cents=line[1],
            proposed_cents=line[2],
            granted_cents=line[3],
            paid_cents=line[4],
            envelope_cents=envelopes.get(funder_id),
        )
        for funder_id, line in sorted(
            sums.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
    )
