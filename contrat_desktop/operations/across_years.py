"""The multi-year view's use case: one dimension's figures for every campaign year."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from contrat_desktop.domain.across_years import AcrossYears, Dimension, YearCell, gather
from contrat_desktop.domain.dashboard import NO_DISTRICT, UNCLASSIFIED
from contrat_desktop.domain.holders import HolderKind
from contrat_desktop.operations.programmation import References
from contrat_desktop.storage.across_years import sums_by_year
from contrat_desktop.storage.database import Dossier

NO_FUNDER = "Sans financeur"
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
    cells, totals, by_year = [], [], {}
    for what, year, value, *sums in sums_by_year(dossier.db, _STORED[dimension], years):
        cell = YearCell(*sums)  # type: ignore[arg-type]
        if what == "year":
            by_year[int(year)] = cell  # type: ignore[arg-type]
        elif what == "row":
            totals.append((value, cell))
        else:
            cells.append((year, value, cell))
    label = _labeller(dimension, references)
    return gather(
        dimension,
        shown,
        ((year, *label(value), cell) for year, value, cell in cells),  # type: ignore[misc]
        ((label(value)[0], cell) for value, cell in totals),
        by_year,
    )


def _labeller(dimension: Dimension, refs: References) -> Callable[[object], tuple[Hashable, str]]:
    """The key and the French label of a stored value of ``dimension``."""
    if dimension is Dimension.FUNDER:
        funders = {f.id: f.display_name for f in refs.funders}
        return lambda value: (value, funders.get(value, NO_FUNDER) if value else NO_FUNDER)  # type: ignore[call-overload]
    if dimension is Dimension.PILLAR:
        tree = refs.tree
        return lambda value: (
            (None, UNCLASSIFIED) if value is None else (value, tree.top(int(value)).label)  # type: ignore[call-overload]
        )
    if dimension is Dimension.DISTRICT:
        districts = refs.districts
        return lambda value: (value, districts.get(value, NO_DISTRICT) if value else NO_DISTRICT)  # type: ignore[call-overload]
    if dimension is Dimension.HOLDER_KIND:
        return lambda value: (value, HolderKind(str(value)).label)
    holders = refs.holders
    return lambda value: (value, holders.get(int(value), f"Porteur n° {value}"))  # type: ignore[call-overload]
