"""A meeting with all its parts (attendance, agenda, actions examined, follow-ups) edited as
one sheet in the window and written in one transaction.

``write_sheet(dossier, current, wanted)`` brings the stored meeting from ``current`` (the
sheet last read or written) to ``wanted``: rows missing from ``wanted`` are deleted, changed
rows updated (guarded by their version), new rows added. Undo calls it the other way round,
so both directions are audited. ``current`` None creates the meeting, ``wanted`` None
deletes it. Validated minutes refuse every write (storage checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from contrat_desktop.domain.decisions import ExaminedAction
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.meetings import (
    AgendaItem,
    Attendance,
    FollowUp,
    Meeting,
    MinutesStatus,
    check_editable,
)
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.repository import Repository


class _Part(Protocol):
    id: int | None
    version: int
    meeting_id: int


P = TypeVar("P", bound=_Part)


@dataclass(frozen=True, slots=True)
class MeetingSheet:
    meeting: Meeting
    attendance: tuple[Attendance, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    examined: tuple[ExaminedAction, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()

    def problems(self) -> list[ValidationError]:
        found = list(self.meeting.problems())
        for attendance in self.attendance:
            found.extend(attendance.problems())
        for position, item in enumerate(self.agenda, start=1):
            if not item.title.strip():
                found.append(
                    ValidationError(
                        f"Ordre du jour, point {position} : l'intitulé est obligatoire.",
                        field="agenda",
                    )
                )
            if item.duration_minutes <= 0:
                found.append(
                    ValidationError(
                        f"Ordre du jour, point {position} : la durée doit être positive.",
                        field="agenda",
                    )
                )
        for item in self.examined:
            found.extend(item.problems())
        for number, follow_up in enumerate(self.follow_ups, start=1):
            if not follow_up.what.strip():
                found.append(
                    ValidationError(
                        f"Suite à donner n° {number} : indiquez ce qui est à faire.",
                        field="follow_ups",
                    )
                )
        return found


def load_sheet(dossier: Dossier, meeting_id: int) -> MeetingSheet:
    repos = Repositories(dossier)
    return MeetingSheet(
        meeting=repos.meetings.get(meeting_id),
        attendance=tuple(repos.attendance.for_meeting(meeting_id)),
        agenda=tuple(repos.agenda_items.for_meeting(meeting_id)),
        examined=tuple(repos.examined_actions.for_meeting(meeting_id)),
        follow_ups=tuple(repos.follow_ups.for_meeting(meeting_id)),
    )


def new_sheet(dossier: Dossier, meeting: Meeting) -> MeetingSheet:
    """A meeting not stored yet, every member of its body convened."""
    members = Repositories(dossier).body_members.for_body(meeting.body_id)
    return MeetingSheet(
        meeting=replace(meeting, id=None, version=1, minutes_status=MinutesStatus.DRAFT),
        attendance=tuple(Attendance(0, m.person_id) for m in members),
    )


def write_sheet(
    dossier: Dossier, current: MeetingSheet | None, wanted: MeetingSheet | None
) -> MeetingSheet | None:
    if wanted is not None:
        problems = wanted.problems()
        if problems:
            raise problems[0]
    repos = Repositories(dossier)
    with dossier.db.atomic():
        if wanted is None:
            if current is not None:
                meeting = repos.meetings.get(current.meeting.id or 0)
                check_editable(meeting)
                repos.meetings.delete(replace(meeting, version=current.meeting.version))
            return None
        if current is None:
            meeting = repos.meetings.add(
                replace(wanted.meeting, id=None, version=1, minutes_status=MinutesStatus.DRAFT)
            )
            current = MeetingSheet(meeting)
        else:
            meeting = repos.meetings.get(current.meeting.id or 0)
            check_editable(meeting)
            wanted_meeting = replace(
                wanted.meeting,
                id=meeting.id,
                version=current.meeting.version,
                minutes_status=meeting.minutes_status,
            )
            if wanted_meeting != replace(current.meeting, minutes_status=meeting.minutes_status):
                meeting = repos.meetings.update(wanted_meeting)
        meeting_id = meeting.id or 0
        _sync(repos.attendance, meeting_id, current.attendance, wanted.attendance)
        _sync(repos.agenda_items, meeting_id, current.agenda, _numbered(wanted.agenda))
        _sync(repos.examined_actions, meeting_id, current.examined, _numbered(wanted.examined))
        _sync(repos.follow_ups, meeting_id, current.follow_ups, wanted.follow_ups)
    return load_sheet(dossier, meeting_id)


def _numbered(items: Sequence[Any]) -> list[Any]:
    """Positions follow the order of the sheet: 1, 2, 3..."""
    return [replace(item, position=number) for number, item in enumerate(items, start=1)]


def _sync(repo: Repository[P], meeting_id: int, current: Sequence[P], wanted: Sequence[P]) -> None:
    """Deletes first, then updates, then additions: unique keys never collide midway."""
    stored = {row.id: row for row in repo.for_meeting(meeting_id)}  # type: ignore[attr-defined]
    before = {row.id: row for row in current if row.id in stored}
    kept = {row.id for row in wanted if row.id in before}
    for row_id, row in before.items():
        if row_id not in kept:
            repo.delete(row)
    for row in wanted:
        seen = before.get(row.id)
        if seen is None:
            continue
        target = _with(row, meeting_id=meeting_id, id=seen.id, version=seen.version)
        if target != seen:
            repo.update(target)
    for row in wanted:
        if row.id not in before:
            repo.add(_with(row, meeting_id=meeting_id, id=None, version=1))


def _with(row: P, **changes: Any) -> P:
    return replace(row, **changes)  # type: ignore[type-var]


SheetWriter = Callable[[Dossier, MeetingSheet | None, MeetingSheet | None], MeetingSheet | None]
