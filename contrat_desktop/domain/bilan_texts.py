"""The qualitative parts of the yearly report, written in the app per year and section (one
per pillar, plus the introduction, the residents' participation and the partnership)."""

from __future__ import annotations

from dataclasses import dataclass

INTRODUCTION = "introduction"
PARTICIPATION = "participation"
PARTNERSHIP = "partenariat"
FIXED_SECTIONS = {
    INTRODUCTION: "Introduction et faits marquants de l'année",
    PARTICIPATION: "Participation des habitants et conseil citoyen",
    PARTNERSHIP: "Partenariat et gouvernance",
}


def pillar_section(node_id: int) -> str:
    return f"pilier:{node_id}"


@dataclass(frozen=True, slots=True)
class BilanText:
    year: int
    section: str
    body: str = ""
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The qualitative assessment of one action's bilan, offered for the report."""

    action_id: int
    reference: str
    title: str
    holder: str
    pillar_id: int | None
    assessment: str

    def quoted(self) -> str:
        return f"« {self.assessment.strip()} » ({self.reference}, {self.holder})"
