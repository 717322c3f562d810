"""How often the members of the conseil citoyen take part in the meetings they are convened to.

A member counts as taking part when present or represented (``Presence.REPRESENTED``: someone
carried their voice, which is what the law asks of the council in steering bodies); excused
and absent do not. The rate is taken over the meetings the person was convened to while a
member of the council (from the entry date, before the exit date), never over meetings they
were not convened to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from contrat_desktop.domain.council import College
from contrat_desktop.domain.meetings import Presence


@dataclass(frozen=True, slots=True)
class PresenceCounts:
    present: int = 0
    represented: int = 0
    excused: int = 0
    absent: int = 0

    @classmethod
    def of(cls, presences: Iterable[Presence]) -> PresenceCounts:
        counted = Counter(presences)
        return cls(
            counted[Presence.PRESENT],
            counted[Presence.REPRESENTED],
            counted[Presence.EXCUSED],
            counted[Presence.ABSENT],
        )

    def __add__(self, other: PresenceCounts) -> PresenceCounts:
        return PresenceCounts(
            self.present + other.present,
            self.represented + other.represented,
            self.excused + other.excused,
            self.absent + other.absent,
        )

    @property
    def convened(self) -> int:
        return self.present + self.represented + self.excused + self.absent

    @property
    def attended(self) -> int:
        """Present or represented."""
        return self.present + self.represented

    @property
    def rate(self) -> float | None:
        """Attended over convened, from 0 to 1; None when never convened."""
        return self.attended / self.convened if self.convened else None

    @property
    def rate_label(self) -> str:
        """« 75 % », or « — » when never convened."""
        return "—" if self.rate is None else f"{round(self.rate * 100)}\u00a0%"


@dataclass(frozen=True, slots=True)
class ConvenedMeeting:
    starts_at: datetime
    body: str
    presence: Presence


@dataclass(frozen=True, slots=True)
class MemberParticipation:
    person_id: int
    name: str
    college: College
    meetings: tuple[ConvenedMeeting, ...]  # oldest first

    @property
    def counts(self) -> PresenceCounts:
        return PresenceCounts.of(m.presence for m in self.meetings)


@dataclass(frozen=True, slots=True)
class CouncilParticipation:
    council_id: int
    members: tuple[MemberParticipation, ...]  # residents then local actors, by name

    @property
    def total(self) -> PresenceCounts:
        """Every convocation of every member: the council's overall rate."""
        return sum((m.counts for m in self.members), PresenceCounts())
