"""Meetings of a body: date, place, agenda, attendance, follow-ups, minutes status."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from contrat_desktop.domain.errors import ValidationError


class MinutesStatus(StrEnum):
    DRAFT = "brouillon"
    VALIDATED = "valide"

    @property
    def label(self) -> str:
        return {MinutesStatus.DRAFT: "Brouillon", MinutesStatus.VALIDATED: "Validé"}[self]


class Presence(StrEnum):
    UNKNOWN = "non_renseigne"  # not entered yet: a meeting to come, or minutes not written
    PRESENT = "present"
    EXCUSED = "excuse"
    ABSENT = "absent"
    REPRESENTED = "represente"

    @property
    def label(self) -> str:
        return PRESENCE_LABELS[self]


PRESENCE_LABELS: dict[Presence, str] = {
    Presence.UNKNOWN: "Non renseigné",
    Presence.PRESENT: "Présent(e)",
    Presence.EXCUSED: "Excusé(e)",
    Presence.ABSENT: "Absent(e)",
    Presence.REPRESENTED: "Représenté(e)",
}


@dataclass(frozen=True, slots=True)
class Meeting:
    body_id: int
    starts_at: datetime
    duration_minutes: int = 120
    place: str = ""
    title: str = ""
    author: str = ""  # who writes the minutes
    next_meeting: str = ""  # free text: "Automne 2015, date à fixer"
    minutes_status: MinutesStatus = MinutesStatus.DRAFT
    id: int | None = None
    version: int = 1

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def frozen(self) -> bool:
        return self.minutes_status is MinutesStatus.VALIDATED

    def problems(self) -> list[ValidationError]:
        found = []
        if self.duration_minutes <= 0:
            found.append(
                ValidationError("La durée de la réunion doit être positive.", field="duration")
            )
        if not self.place.strip():
            found.append(ValidationError("Le lieu de la réunion est obligatoire.", field="place"))
        return found


@dataclass(frozen=True, slots=True)
class AgendaItem:
    meeting_id: int
    position: int
    title: str
    presenter: str = ""
    duration_minutes: int = 15
    notes: str = ""  # presentation and discussion
    decision: str = ""  # what was decided on this item, if anything
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class Attendance:
    """A convened person (member or invitee) and whether they came."""

    meeting_id: int
    person_id: int
    presence: Presence = Presence.UNKNOWN
    represented_by: str = ""
    invited: bool = False  # an invitee, not a member of the body
    id: int | None = None
    version: int = 1

    def problems(self) -> list[ValidationError]:
        if self.presence is Presence.REPRESENTED and not self.represented_by.strip():
            return [
                ValidationError(
                    "Indiquez qui représente la personne absente.", field="represented_by"
                )
            ]
        return []


@dataclass(frozen=True, slots=True)
class FollowUp:
    meeting_id: int
    who: str
    what: str
    due_on: date | None = None
    id: int | None = None
    version: int = 1


def agenda_schedule(
    starts_at: datetime, items: Iterable[AgendaItem]
) -> list[tuple[AgendaItem, datetime]]:
    """Each item (in order) with its expected start time."""
    schedule = []
    at = starts_at
    for item in sorted(items, key=lambda i: i.position):
        schedule.append((item, at))
        at += timedelta(minutes=item.duration_minutes)
    return schedule


def expected_end(starts_at: datetime, items: Iterable[AgendaItem]) -> datetime:
    """When the meeting should end if every agenda item keeps to its duration."""
    return starts_at + timedelta(minutes=sum(i.duration_minutes for i in items))


def check_editable(meeting: Meeting) -> None:
    """Validated minutes are frozen: reopen them first (an explicit, audited act)."""
    if meeting.frozen:
        raise ValidationError(
            "Le compte rendu de cette réunion est validé : il ne peut plus être modifié. "
            "Rouvrez-le d'abord (cette réouverture est tracée).",
            field="minutes_status",
        )
