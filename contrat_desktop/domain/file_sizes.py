"""A file's size the French way: « 512 octets », « 51,9 Ko », « 1,2 Mo » (decimal units,
a comma, a non-breaking space before the unit)."""

from __future__ import annotations

_UNITS = (("Ko", 1_000), ("Mo", 1_000_000), ("Go", 1_000_000_000))


def format_size(size_bytes: int) -> str:
    if size_bytes < 1_000:
        return f"{size_bytes}\u00a0octet{'s' if size_bytes > 1 else ''}"
    for unit, factor in _UNITS:
        value = round(size_bytes / factor, 1)
        if value < 1_000 or unit == _UNITS[-1][0]:
            break
    return f"{value:.1f}\u00a0{unit}".replace(".", ",")
