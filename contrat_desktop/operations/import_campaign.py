"""Which campaign an imported programmation speaks of, and how we know it.

In order: the year given by the person importing (``--year``, or asked by the window); the
year the workbook states (a year column, a title line, the sheet's name); the campaign of
the actions its identifiers and references name. Never the dossier's latest by default: a
workbook that says no year leaves its new rows uncreatable until someone gives one. Once the
year is stated, a row is looked for by SIRET and title within that year's campaign only (a
renewal next year is another action).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from contrat_desktop.exchange.campaign_year import FIRST_YEAR, LAST_YEAR, YEAR_KEY, stated_year
from contrat_desktop.exchange.sheet_reader import RowIssue, SheetReading

GIVEN = "indiquée à l'import"
BY_ACTIONS = "d'après les actions retrouvées par leur identifiant ou leur référence"


@dataclass(frozen=True, slots=True)
class CampaignChoice:
    year: int | None
    source: str  # where the year comes from, in French ("" when unknown)
    stated: bool  # given or stated by the workbook (not inferred from matched actions)
    warnings: list[RowIssue] = field(default_factory=list)

    def year_of(self, values: Mapping[str, Any]) -> int | None:
        """A row's campaign year: its own year cell, else the workbook's."""
        own = values.get(YEAR_KEY)
        return int(own) if own is not None else self.year


def choose_campaign(
    reading: SheetReading, given: int | None, named_years: Iterable[int]
) -> CampaignChoice:
    """``named_years``: the campaign year of each action found by identifier or reference."""
    stated = stated_year(reading)
    if given is not None:
        warnings = []
        if stated is not None and stated.year != given:
            warnings.append(
                RowIssue(
                    reading.sheet,
                    reading.header_row,
                    "",
                    str(stated.year),
                    f"Le classeur indique {stated.year} ({stated.source}) ; l'année {given} "
                    "indiquée à l'import est retenue.",
                )
            )
        return CampaignChoice(given, GIVEN, True, warnings)
    if stated is not None:
        return CampaignChoice(stated.year, f"indiquée par {stated.source}", True)
    counted = Counter(named_years)
    if counted:
        return CampaignChoice(counted.most_common(1)[0][0], BY_ACTIONS, False)
    return CampaignChoice(None, "", False)


def year_problem(values: Mapping[str, Any]) -> str | None:
    year = values.get(YEAR_KEY)
    if year is not None and not FIRST_YEAR <= int(year) <= LAST_YEAR:
        return f"Année de campagne invalide : {year} (attendu entre {FIRST_YEAR} et {LAST_YEAR})."
    return None
