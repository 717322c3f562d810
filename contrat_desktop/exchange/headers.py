"""Header spellings: normalise them, find the header row under title rows, match aliases.

Préfectures write the same column many ways (``EJ CHORUS``, ``CHORUS -EJ``...): headers
are compared after removing accents, case, punctuation and repeated spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

_NOT_WORD = re.compile(r"[^0-9a-z]+")
HEADER_SCAN_ROWS = 30


def header_key(text: Any) -> str:
    """``"N° doc. précédent (EJ)"`` → ``"n doc precedent ej"``."""
    if text is None:
        return ""
    return _key(str(text))


@lru_cache(maxsize=65_536)
def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain.lower().replace("°", " ")).strip()


def find_header_row(
    rows: Sequence[Sequence[Any]], known: Iterable[frozenset[str]]
) -> tuple[int, int]:
    """Index of the row (among the first ones) naming the most known columns, and that count."""
    keys = set().union(*known)
    best, best_score = -1, 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = sum(1 for cell in row if header_key(cell) in keys)
        if score > best_score:
            best, best_score = index, score
    return best, best_score


def effective_headers(
    header: Sequence[Any], band: Sequence[Any] | None, merged: Iterable[tuple[int, int]] = ()
) -> list[tuple[str, str]]:
    """Each header cell with the band above it (a group title), as ``(band, header)``.

    ``merged`` lists ``(first, last)`` column spans merged in the band row. When the band has
    no merged cells, a band value carries to the right over empty band cells (a group title
    typed once above its columns) until the next one or an empty header.
    """
    width = len(header)
    groups = [""] * width
    spans = list(merged)
    filled = sum(1 for value in band or () if value is not None and str(value).strip())
    if band is not None and not spans and filled < 2:
        band = None  # a title line above the header, not a band of group titles
    if band is not None:
        current = ""
        for column in range(width):
            value = band[column] if column < len(band) else None
            text = "" if value is None else str(value).strip()
            if text or spans:
                current = text
            elif not str(header[column] or "").strip():
                current = ""
            groups[column] = current
        for first, last in spans:
            if 0 <= first < len(band) and band[first]:
                for column in range(first, min(last + 1, width)):
                    groups[column] = str(band[first]).strip()
    return [(groups[i], "" if header[i] is None else str(header[i]).strip()) for i in range(width)]


def match_columns(
    headers: Sequence[tuple[str, str]], columns: Mapping[str, frozenset[str]]
) -> dict[int, str]:
    """Sheet column index → column key: band + header first, then the header alone."""
    taken: set[str] = set()
    found: dict[int, str] = {}
    for attempt in ("composite", "plain"):
        for index, (band, text) in enumerate(headers):
            if index in found or not text:
                continue
            key = header_key(f"{band} {text}") if attempt == "composite" else header_key(text)
            if attempt == "composite" and not band:
                continue
            for name, keys in columns.items():
                if name not in taken and key in keys:
                    found[index] = name
                    taken.add(name)
                    break
    return found


def source_signature(headers: Sequence[tuple[str, str]]) -> str:
    """A stable key for a workbook's shape: its normalised headers, in order."""
    return "|".join(header_key(f"{band} {text}") for band, text in headers if text)
