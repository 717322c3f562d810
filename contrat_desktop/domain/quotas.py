"""Quotas of a draw (sex, age band, district), and whether a group of people honours them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from contrat_desktop.domain.council import AgeBand, Sex
from contrat_desktop.domain.errors import ValidationError


class Profiled(Protocol):
    """What quotas look at, shared by candidates and members."""

    @property
    def sex(self) -> Sex | None: ...
    @property
    def birth_year(self) -> int | None: ...
    @property
    def district(self) -> str: ...


@lru_cache(maxsize=256)
def band(value: str) -> AgeBand:
    return AgeBand.parse(value)


class Dimension(StrEnum):
    SEX = "sexe"
    AGE = "age"
    DISTRICT = "quartier"


@dataclass(frozen=True, slots=True)
class Quota:
    dimension: Dimension
    value: str  # "F", "18-29" / "60+", a district code
    minimum: int = 0
    maximum: int | None = None

    @property
    def label(self) -> str:
        names = {Dimension.SEX: "sexe", Dimension.AGE: "âge", Dimension.DISTRICT: "quartier"}
        bounds = f"au moins {self.minimum}"
        if self.maximum is not None:
            bounds += f", au plus {self.maximum}"
        return f"{names[self.dimension]} {self.value} ({bounds})"

    def matches(self, person: Profiled, year: int) -> bool:
        if self.dimension is Dimension.SEX:
            return person.sex is not None and person.sex.value == self.value
        if self.dimension is Dimension.DISTRICT:
            return person.district == self.value
        if person.birth_year is None:
            return False
        return band(self.value).holds(year - person.birth_year)

    @classmethod
    def parse(cls, text: str) -> Quota:
        """``"sexe:F:20:22"``, ``"age:60+:5:"``, ``"quartier:QP094017:10"`` → a quota."""
        parts = [p.strip() for p in text.split(":")]
        try:
            dimension = Dimension(parts[0].lower().replace("â", "a"))
            minimum = int(parts[2]) if len(parts) > 2 and parts[2] else 0
            maximum = int(parts[3]) if len(parts) > 3 and parts[3] else None
            value = parts[1]
        except (ValueError, IndexError):
            raise ValidationError(
                f"Quota « {text} » illisible : écrivez DIMENSION:VALEUR:MIN:MAX, par exemple "
                "« sexe:F:20:22 », « age:60+:5: » ou « quartier:QP094017:10: »."
            ) from None
        if dimension is Dimension.SEX:
            value = value.upper()
            if value not in {s.value for s in Sex}:
                raise ValidationError(f"Quota « {text} » : le sexe s'écrit F ou M.")
        if dimension is Dimension.AGE:
            value = AgeBand.parse(value).label
        return cls(dimension, value, minimum, maximum)


def quota_problems(people: Sequence[Profiled], quotas: Sequence[Quota], year: int) -> list[str]:
    """The quotas a group of people breaks, in French (empty: all honoured)."""
    found = []
    for quota in quotas:
        count = sum(1 for p in people if quota.matches(p, year))
        if count < quota.minimum or (quota.maximum is not None and count > quota.maximum):
            found.append(f"Quota {quota.label} non respecté : {count}.")
    return found


def age_quota_bands(quotas: Sequence[Quota]) -> tuple[AgeBand, ...]:
    """The bands a draw's age quotas count people in (what its check counted)."""
    return tuple(band(q.value) for q in quotas if q.dimension is Dimension.AGE)
