"""The campaign year a workbook states, and where: a year column with one year, a title line
(« Programmation – exercice 2023 »), or the sheet's name. Nothing else is taken for it: a
workbook that says no year gets one from the person importing it, never by a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from contrat_desktop.exchange.sheet_reader import SheetReading

YEAR_KEY = "year"  # the layout column holding a row's campaign year
FIRST_YEAR, LAST_YEAR = 2000, 2100
_YEAR = r"((?:19|20)\d\d)\b(?!\s*[-–/à]\s*(?:19|20)?\d\d)"  # not a period « 2015-2020 »
_STATED = re.compile(
    r"\b(?:exercice|campagne|programmation|annee|appel a projets|millesime)\b"
    r"(?:\s*[:–-]?\s*[^\d\s]+){0,3}?\s*[:–-]?\s*" + _YEAR
)
_ALONE = re.compile(r"^\s*(?:exercice|campagne|annee)?\s*" + _YEAR + r"\s*$")


@dataclass(frozen=True, slots=True)
class StatedYear:
    year: int
    source: str  # where the workbook says it, in French (« la colonne « Exercice » »)


def stated_year(reading: SheetReading) -> StatedYear | None:
    """The one campaign year the workbook states for all its rows, if it states one."""
    column = _column_year(reading)
    if column is not None:
        return column
    for line in reading.title_lines:
        found = _STATED.search(_plain(line))
        if found and FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
            return StatedYear(int(found.group(1)), f"le titre du classeur « {_short(line)} »")
    found = _ALONE.match(_plain(reading.sheet)) or _STATED.search(_plain(reading.sheet))
    if found and FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
        return StatedYear(int(found.group(1)), f"le nom de la feuille « {reading.sheet} »")
    return None


def _column_year(reading: SheetReading) -> StatedYear | None:
    index = next((i for i, key in reading.mapping.items() if key == YEAR_KEY), None)
    if index is None:
        return None
    years = {row.values.get(YEAR_KEY) for row in reading.rows}
    if len(years) != 1 or None in years:
        return None  # several years (each row says its own) or some rows say none
    (year,) = years
    return StatedYear(int(year), f"la colonne « {reading.header_label(index)} »")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
