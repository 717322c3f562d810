"""The record of a draw (procès-verbal): what was drawn, how, before whom, and its outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contrat_desktop.domain.draw import Candidate, CandidateList, DrawRequest, DrawResult
from contrat_desktop.domain.quotas import Quota


@dataclass(frozen=True, slots=True)
class ListSummary:
    """A candidate list as the record keeps it: no names, only what proves its content."""

    name: str
    source: str
    size: int
    checksum: str
    file_sha256: str = ""

    @classmethod
    def of(cls, lst: CandidateList) -> ListSummary:
        return cls(lst.name, lst.source, lst.size, lst.checksum, lst.file_sha256)


@dataclass(frozen=True, slots=True)
class DrawRecord:
    drawn_at: datetime
    place: str
    seats: int
    seed: str
    algorithm_version: str
    reference_year: int
    witnesses: tuple[str, ...] = ()
    lists: tuple[ListSummary, ...] = ()
    quotas: tuple[Quota, ...] = ()
    selected: tuple[Candidate, ...] = ()
    reserve: tuple[Candidate, ...] = ()
    pool_size: int = 0
    duplicates: int = 0  # people found on more than one line, drawn once
    council_id: int | None = None
    id: int | None = None
    version: int = 1

    @classmethod
    def of(
        cls,
        request: DrawRequest,
        result: DrawResult,
        *,
        drawn_at: datetime,
        place: str = "",
        witnesses: tuple[str, ...] = (),
        council_id: int | None = None,
    ) -> DrawRecord:
        return cls(
            drawn_at=drawn_at,
            place=place,
            seats=request.seats,
            seed=request.seed,
            algorithm_version=result.algorithm_version,
            reference_year=request.reference_year,
            witnesses=witnesses,
            lists=tuple(ListSummary.of(lst) for lst in request.lists),
            quotas=request.quotas,
            selected=result.selected,
            reserve=result.reserve,
            pool_size=result.pool_size,
            duplicates=len(result.duplicates),
            council_id=council_id,
        )
