"""Attendance grouped by organisation: présents, excusés, absents; council members marked."""

from __future__ import annotations

from collections import defaultdict

from reportlab.platypus import Flowable, Table

from contrat_desktop.domain.meetings import Presence
from contrat_desktop.domain.minutes import AttendeeLine, MeetingRecord
from contrat_desktop.reports.styles import frame_width, para, table_style

COUNCIL_MARK = " (CC)"
COLUMNS = (
    ("Présents", (Presence.PRESENT,)),
    ("Excusés ou représentés", (Presence.EXCUSED, Presence.REPRESENTED)),
    ("Absents", (Presence.ABSENT, Presence.UNKNOWN)),  # the latter marked as such
)


def attendee_text(line: AttendeeLine) -> str:
    person = line.person
    text = person.name + (f", {person.role}" if person.role else "")
    if person.council_member:
        text += COUNCIL_MARK
    if line.invited:
        text += " (invité·e)"
    if line.presence is Presence.REPRESENTED and line.represented_by:
        text += f", représenté·e par {line.represented_by}"
    if line.presence is Presence.UNKNOWN:
        text += " (présence non renseignée)"
    return text


def attendance_table(record: MeetingRecord) -> list[Flowable]:
    by_organisation: dict[str, list[AttendeeLine]] = defaultdict(list)
    for line in record.attendees:
        by_organisation[line.person.organisation or "Autres"].append(line)
    header = [para("Organisation", "cell_bold")] + [
        para(label, "cell_bold") for label, _ in COLUMNS
    ]
    rows = [header]
    for organisation in sorted(by_organisation):
        lines = by_organisation[organisation]
        rows.append(
            [para(organisation, "cell")]
            + [
                para("\n".join(attendee_text(x) for x in lines if x.presence in kinds), "cell")
                for _, kinds in COLUMNS
            ]
        )
    width = frame_width()
    table = Table(
        rows, colWidths=[width * 0.22, width * 0.32, width * 0.26, width * 0.20], repeatRows=1
    )
    table.setStyle(table_style())
    present = sum(1 for x in record.attendees if x.presence is Presence.PRESENT)
    legend = para(
        f"{present} personne(s) présente(s) sur {len(record.attendees)} convoquée(s). "
        f"{COUNCIL_MARK.strip()} : membre du conseil citoyen.",
        "small",
    )
    return [table, legend]
