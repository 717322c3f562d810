"""The State's opinion (avis) on an action, as the préfecture writes it in the programmation."""

from __future__ import annotations

from enum import StrEnum


class Opinion(StrEnum):
    FAVOURABLE = "favorable"
    FAVOURABLE_WITH_CONDITIONS = "favorable_sous_reserve"
    POSTPONED = "ajourne"
    UNFAVOURABLE = "defavorable"

    @property
    def label(self) -> str:
        return OPINION_LABELS[self]


OPINION_LABELS: dict[Opinion, str] = {
    Opinion.FAVOURABLE: "Favorable",
    Opinion.FAVOURABLE_WITH_CONDITIONS: "Favorable sous réserve",
    Opinion.POSTPONED: "Ajourné",
    Opinion.UNFAVOURABLE: "Défavorable",
}
