"""The multi-year view's use case: one dimension's figures for every campaign year."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from contrat_desktop.domain.across_years import AcrossYears, Dimension, YearCell, gather
from contrat_desktop.domain.dashboard import NO_DISTRICT, UNCLASSIFIED
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.operations.programmation import References
from contrat_desktop.storage.across_years import sums_by_year
from contrat_desktop.storage.database import Dossier

_STORED = {
    Dimension.FUNDER: "funder",
    Dimension.PILLAR: "node",
    Dimension.DISTRICT: "district",
    Dimension.HOLDER_KIND: "holder_kind",
    Dimension.HOLDER: "holder",
}


def across_years(
    dossier: Dossier,
    dimension: Dimension,
    references: References,
    years: tuple[int, int] | None = None,
) -> AcrossYears:
    """``years``: first and last year included (default: every campaign)."""
    known = sorted(references.campaigns)
    shown = [y for y in known if years is None or years[0] <= y <= years[1]]
    rows = sums_by_year(dossier.db, _STORED[dimension], years)
    return gather(dimension, shown, _labelled(dimension, rows, references))


def _labelled(
    dimension: Dimension, rows: list[tuple[int, object, int, int, int, int]], refs: References
) -> Iterator[tuple[int, Hashable, str, YearCell]]:
    funders = {f.id: f.display_name for f in refs.funders}
    tree = refs.tree
    for year, value, count, requested, granted, paid in rows:
        cell = YearCell(count, requested, granted, paid)
        key: Hashable = value
        if dimension is Dimension.FUNDER:
            label = funders.get(value, "Sans financeur") if value else "Sans financeur"  # type: ignore[call-overload]
        elif dimension is Dimension.PILLAR:
            if value is None:
                label = UNCLASSIFIED
            else:
                top = tree.top(int(value))  # type: ignore[call-overload]
                key, label = top.id, top.label
        elif dimension is Dimension.DISTRICT:
            label = refs.districts.get(value, NO_DISTRICT) if value else NO_DISTRICT  # type: ignore[call-overload]
        elif dimension is Dimension.HOLDER_KIND:
            label = HolderKind(str(value)).label
        else:
            label = refs.holders.get(int(value), f"Porteur n° {value}")  # type: ignore[call-overload]
        yield year, key, label, cell
