"""A meeting with all its parts (attendance, agenda, actions examined, follow-ups) edited as
one sheet in the window and written in one transaction.

``write_sheet(dossier, current, wanted)`` brings the stored meeting from ``current`` (the
sheet last read or written) to ``wanted``: rows missing from ``wanted`` are deleted, changed
rows updated (guarded by their version), new rows added. Undo calls it the other way round,
so both directions are audited. ``current`` None creates the meeting, ``wanted`` None
deletes it. Validated minutes refuse every write (storage checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

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
from contrat_desktop.operations.records import caught_up, recreate
from contrat_desktop.operations.row_sync import sync_rows
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


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
                stored = repos.meetings.get(current.meeting.id or 0)
                check_editable(stored)
                repos.meetings.delete(caught_up(stored, current.meeting))
            return None
        if current is None:
            created = replace(wanted.meeting, minutes_status=MinutesStatus.DRAFT)
            meeting = recreate(repos.meetings, created)
            current = MeetingSheet(meeting)
        else:
            stored = repos.meetings.get(current.meeting.id or 0)
            check_editable(stored)
            seen = caught_up(stored, replace(current.meeting, minutes_status=stored.minutes_status))
            target = replace(
                wanted.meeting,
                id=stored.id,
                version=seen.version,
                minutes_status=stored.minutes_status,
            )
            meeting = stored if target == seen else repos.meetings.update(target)
        meeting_id = meeting.id or 0
        parts: list[tuple[Any, tuple[Any, ...], Sequence[Any]]] = [
            (repos.attendance, current.attendance, wanted.attendance),
            (repos.agenda_items, current.agenda, _numbered(wanted.agenda)),
            (repos.examined_actions, current.examined, _numbered(wanted.examined)),
            (repos.follow_ups, current.follow_ups, wanted.follow_ups),
        ]
        for repo, rows_seen, rows_wanted in parts:
            stored_rows = repo.for_meeting(meeting_id)
            sync_rows(repo, stored_rows, rows_seen, rows_wanted, meeting_id=meeting_id)
    return load_sheet(dossier, meeting_id)


def _numbered(items: Sequence[Any]) -> list[Any]:
    """Positions follow the order of the sheet: 1, 2, 3..."""
    return [replace(item, position=number) for number, item in enumerate(items, start=1)]
