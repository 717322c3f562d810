"""The attendance sign-in sheet (feuille d'émargement): names, organisations, signature boxes."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from contrat_desktop.domain.french_dates import long_date
from contrat_desktop.domain.minutes import MeetingRecord
from contrat_desktop.reports.header import document_header, meeting_facts
from contrat_desktop.reports.styles import build_pdf, frame_width, para, table_style

ROW_HEIGHT = 30
BLANK_ROWS = 4  # for people who come without being convened


def sign_in_sheet_pdf(record: MeetingRecord) -> bytes:
    meeting, body = record.meeting, record.body
    width = frame_width()
    header = [para(t, "cell_bold") for t in ("Nom", "Organisation", "Fonction", "Signature")]
    rows: list[list[Flowable | str]] = [list(header)]
    for line in record.attendees:
        person = line.person
        name = person.name + (" (CC)" if person.council_member else "")
        rows.append(
            [para(name, "cell"), para(person.organisation, "cell"), para(person.role, "cell"), ""]
        )
    rows += [["", "", "", ""] for _ in range(BLANK_ROWS)]
    table = Table(
        rows,
        colWidths=[width * 0.27, width * 0.27, width * 0.22, width * 0.24],
        rowHeights=[None] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(table_style())
    day = long_date(meeting.starts_at.date())
    story: list[Flowable] = [
        *document_header(record.settings, f"Feuille d'émargement – {body.name}"),
        meeting_facts(record),
        para("(CC) : membre du conseil citoyen.", "small"),
        table,
    ]
    return build_pdf(
        story,
        title=f"Feuille d'émargement – {body.name} du {day}",
        author=record.settings.organisation_name,
        footer=f"Feuille d'émargement – {body.name}, {day}",
        created=meeting.starts_at,
    )
