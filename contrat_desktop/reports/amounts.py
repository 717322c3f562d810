"""Amounts as printed in the documents, one convention for all: whole euros without ``,00``
(funder columns stay narrow), « — » for no amount (none entered at that stage, or a total of
nothing entered), « 0 € » for an amount of zero (a refusal), and the legend that says so."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from contrat_desktop.domain.money import AMOUNT_LEGEND as LEGEND
from contrat_desktop.domain.money import NO_AMOUNT, format_cents

__all__ = ["LEGEND", "NO_AMOUNT", "euros", "total"]


@lru_cache(maxsize=4096)  # a document repeats its amounts: per funder, stage and total
def euros(cents: int | None) -> str:
    if cents is None:
        return NO_AMOUNT
    text = format_cents(cents).replace("\u202f", "\u00a0")  # the embedded font lacks U+202F
    return text.replace(",00\u00a0€", "\u00a0€")


def total(amounts: Iterable[int | None]) -> int | None:
    """The sum of the amounts given; ``None`` (printed « — ») when none was given at all."""
    given = [cents for cents in amounts if cents is not None]
    return sum(given) if given else None
