"""The figures of one campaign, as the home page and the yearly report show them: actions by
status; requested, proposed, granted and paid per funder against its envelope; the split by
pillar, by theme, by district, by holder kind, and first requests against renewals.

Assembled from the sums storage groups in SQL (``storage/campaign_figures.py``): here they
are only labelled and ordered. An action targeting two districts counts in both; one without
any counts under « Sans quartier ».
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from contrat_desktop.domain.framework import FrameworkTree
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.domain.workflow import STATUS_ORDER, ActionStatus

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


# (key value, actions, requested, proposed, granted, paid), as storage groups them
SumRow = tuple[object, int, int, int, int, int]


def campaign_figures(
    year: int,
    sums: Mapping[str, Sequence[SumRow]],
    funder_rows: Iterable[SumRow],
    tree: FrameworkTree,
    funders: Mapping[int, str],
    districts: Mapping[int, str],
    envelopes: Mapping[int, int],
) -> CampaignFigures:
    """The figures from the sums grouped per split (``total``, ``status``, ``pillar``,
    ``theme``, ``district``, ``holder_kind``, ``renewal``) and per funder: labelled and
    ordered here, never summed again."""
    status_order = {value: n for n, value in enumerate(STATUS_ORDER)}

    def node_label(key: object, path: bool) -> tuple[Hashable, str]:
        if key is None:
            return None, UNCLASSIFIED
        node_id = int(key)  # type: ignore[call-overload]
        return node_id, tree.path_label(node_id) if path else tree.top(node_id).label

    def district(key: object) -> tuple[Hashable, str]:
        if key is None:
            return None, NO_DISTRICT
        district_id = int(key)  # type: ignore[call-overload]
        return district_id, districts.get(district_id, f"Quartier n° {district_id}")

    def status(key: object) -> tuple[Hashable, str]:
        value = ActionStatus(str(key))
        return value, value.label

    def holder_kind(key: object) -> tuple[Hashable, str]:
        value = HolderKind(str(key))
        return value, value.label

    def renewal(key: object) -> tuple[Hashable, str]:
        return bool(key), "Reconduites" if key else "Premières demandes"

    def split(name: str, keyed: Callable[[object], tuple[Hashable, str]]) -> list[Slice]:
        return [Slice(*keyed(row[0]), row[1], row[2], row[4], row[5]) for row in sums[name]]

    total = next(iter(sums["total"]), (None, 0, 0, 0, 0, 0))
    return CampaignFigures(
        year=year,
        count=total[1],
        requested_cents=total[2],
        proposed_cents=total[3],
        granted_cents=total[4],
        paid_cents=total[5],
        by_status=tuple(
            sorted(split("status", status), key=lambda s: status_order[s.key])  # type: ignore[index]
        ),
        by_funder=_funders(funder_rows, funders, envelopes),
        by_pillar=tuple(sorted(split("pillar", lambda k: node_label(k, False)), key=_largest)),
        by_theme=tuple(sorted(split("theme", lambda k: node_label(k, True)), key=_largest)),
        by_district=tuple(sorted(split("district", district), key=_largest)),
        by_holder_kind=tuple(sorted(split("holder_kind", holder_kind), key=_largest)),
        by_renewal=tuple(sorted(split("renewal", renewal), key=lambda s: bool(s.key))),
    )


def _largest(part: Slice) -> tuple[int, int, str]:
    return (-part.granted_cents, -part.count, part.label)


def _funders(
    rows: Iterable[SumRow], names: Mapping[int, str], envelopes: Mapping[int, int]
) -> tuple[FunderFigures, ...]:
    """Funders in the order of the list of funders, with those that only have an envelope."""
    sums = {int(row[0]): row[1:] for row in rows}  # type: ignore[call-overload]
    for funder_id in envelopes:
        sums.setdefault(funder_id, (0, 0, 0, 0, 0))
    order = {funder_id: n for n, funder_id in enumerate(names)}
    return tuple(
        FunderFigures(
            funder_id,
            names.get(funder_id, f"Financeur n° {funder_id}"),
            *line,
            envelope_cents=envelopes.get(funder_id),
        )
        for funder_id, line in sorted(sums.items(), key=lambda i: order.get(i[0], len(order)))
    )
