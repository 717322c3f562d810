"""Candidate lists made up for draw tests and benchmarks (deterministic)."""

from __future__ import annotations

import random

from contrat_desktop.domain.council import Sex
from contrat_desktop.domain.draw import Candidate, CandidateList

DISTRICTS = ("QP094017", "QP094018", "QP094019")
FIRST = ("Marie", "Ali", "Léa", "Karim", "Nadia", "Paul", "Fatou", "Hugo", "Inès", "Yacine")
LAST = ("Diallo", "Martin", "Nguyen", "Benali", "Moreau", "Traoré", "Petit", "Garcia", "Roux")


def make_list(name: str, size: int, seed: int = 1, *, start: int = 0) -> CandidateList:
    rng = random.Random(seed)
    candidates = tuple(
        Candidate(
            key=f"{start + n:06d}",
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {start + n}",
            sex=rng.choice((Sex.FEMALE, Sex.MALE)),
            birth_year=rng.randint(1940, 2008),
            district=rng.choice(DISTRICTS),
        )
        for n in range(size)
    )
    return CandidateList(name, source=f"{name}.csv", candidates=candidates)
