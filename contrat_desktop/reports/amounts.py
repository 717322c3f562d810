"""Amounts as table cells: whole euros without ``,00`` to keep funder columns narrow."""

from __future__ import annotations

from contrat_desktop.domain.money import format_cents


def euros(cents: int | None) -> str:
    if cents is None:
        return "—"
    text = format_cents(cents).replace("\u202f", "\u00a0")  # the embedded font lacks U+202F
    return text.replace(",00\u00a0€", "\u00a0€")
