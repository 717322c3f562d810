"""An iCalendar (.ics, RFC 5545) event for a meeting, to import into any agenda."""

from __future__ import annotations

from contrat_desktop.domain.minutes import MeetingRecord


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (continuation lines start with a space)."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 74:
            parts.append(current)
            current = " "
        current += char
    return [*parts, current]


def meeting_ics(record: MeetingRecord) -> str:
    meeting, body = record.meeting, record.body
    stamp = meeting.starts_at.strftime("%Y%m%dT%H%M%S")
    agenda = "\n".join(f"{n}. {item.title}" for n, item in enumerate(record.agenda, start=1))
    organisation = record.settings.organisation_name or "contrat_desktop"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//contrat_desktop//Instances//FR",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:reunion-{meeting.id}-{stamp}@contrat-desktop",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{stamp}",
        f"DTEND:{meeting.ends_at.strftime('%Y%m%dT%H%M%S')}",
        f"SUMMARY:{_escape(meeting.title or body.name)}",
        f"LOCATION:{_escape(meeting.place)}",
        f"DESCRIPTION:{_escape(f'{organisation}. Ordre du jour :' + chr(10) + agenda)}",
    ]
    for line in record.attendees:
        if line.person.email:
            name = _escape(line.person.name)
            lines.append(f"ATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{line.person.email}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(f"{part}\r\n" for line in lines for part in _fold(line))
