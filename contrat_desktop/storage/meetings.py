"""Meetings and their parts (agenda, attendance, follow-ups); validated minutes are frozen.

Every write to a part of a meeting checks the meeting is still a draft, here in storage, so
no caller can edit validated minutes by mistake; only ``set_minutes_status`` reopens them.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from contrat_desktop.domain.meetings import (
    AgendaItem,
    Attendance,
    FollowUp,
    Meeting,
    MinutesStatus,
    check_editable,
)
from contrat_desktop.storage.table_repository import Repository

T = TypeVar("T")


class MeetingRepository(Repository[Meeting]):
    table = "meeting"
    model = Meeting
    order_by = "starts_at, id"

    def for_body(self, body_id: int) -> list[Meeting]:
        return self._select("WHERE body_id = ?", [body_id])

    def update(self, obj: Meeting) -> Meeting:
        check_editable(self.get(obj.id or 0))
        check_editable(obj)
        return super().update(obj)

    def delete(self, obj: Meeting) -> None:
        check_editable(self.get(obj.id or 0))
        super().delete(obj)

    def set_minutes_status(self, meeting: Meeting, status: MinutesStatus, reason: str) -> Meeting:
        """Validate or reopen the minutes: versioned, audited with the reason given."""
        row_id, version = self._identity(meeting)
        with self.db.atomic():
            self.writer.update(self.table, row_id, {"minutes_status": status.value}, version)
            self.writer.note(self.table, row_id, f"minutes_{status.value}", reason)
        return self.get(row_id)

    def check_draft(self, meeting_id: int) -> None:
        check_editable(self.get(meeting_id))


class MeetingPartRepository(Repository[T]):
    """A table whose rows belong to one meeting and freeze with its minutes."""

    meeting_column: ClassVar[str] = "meeting_id"

    def for_meeting(self, meeting_id: int) -> list[T]:
        return self._select(f"WHERE {self.meeting_column} = ?", [meeting_id])

    def _check(self, obj: Any) -> None:
        MeetingRepository(self.dossier).check_draft(int(obj.meeting_id))

    def _insert(self, obj: T, *, keep_id: bool) -> T:
        self._check(obj)
        return super()._insert(obj, keep_id=keep_id)

    def update(self, obj: T) -> T:
        self._check(obj)
        return super().update(obj)

    def delete(self, obj: T) -> None:
        self._check(obj)
        super().delete(obj)


class AgendaItemRepository(MeetingPartRepository[AgendaItem]):
    table = "agenda_item"
    model = AgendaItem
    order_by = "position, id"


class AttendanceRepository(MeetingPartRepository[Attendance]):
    table = "attendance"
    model = Attendance
    order_by = "id"


class FollowUpRepository(MeetingPartRepository[FollowUp]):
    table = "follow_up"
    model = FollowUp
    order_by = "due_on, id"
