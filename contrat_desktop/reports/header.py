"""The top of every meeting document: logo, organisation, title, and the meeting's facts."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table, TableStyle

from contrat_desktop.domain.french_dates import clock, long_date
from contrat_desktop.domain.minutes import MeetingRecord
from contrat_desktop.domain.settings import DocumentSettings
from contrat_desktop.reports.styles import frame_width, para, table_style

LOGO_HEIGHT = 42


def document_header(settings: DocumentSettings, title: str) -> list[Flowable]:
    organisation = "\n".join(n for n in (settings.organisation_name, settings.service_name) if n)
    if not settings.logo:
        return [para(organisation, "h3"), para(title, "title")]
    width, height = ImageReader(io.BytesIO(settings.logo)).getSize()
    left = Image(io.BytesIO(settings.logo), width=LOGO_HEIGHT * width / height, height=LOGO_HEIGHT)
    top = Table([[left, para(organisation, "h3")]], colWidths=[90, frame_width() - 90])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [top, para(title, "title")]


def time_span(record: MeetingRecord) -> str:
    meeting = record.meeting
    day = long_date(meeting.starts_at.date())
    return f"{day.capitalize()}, de {clock(meeting.starts_at)} à {clock(meeting.ends_at)}"


def meeting_facts(record: MeetingRecord) -> Table:
    meeting, body = record.meeting, record.body
    rows = [
        ("Instance", f"{body.name} ({record.body_kind_label})"),
        ("Date", time_span(record)),
        ("Lieu", meeting.place),
        ("Présidence", body.chairs or "—"),
        ("Rédaction", meeting.author or "—"),
        ("Statut du compte rendu", meeting.minutes_status.label),
    ]
    width = frame_width()
    table = Table(
        [[para(label, "cell_bold"), para(value, "cell")] for label, value in rows],
        colWidths=[width * 0.28, width * 0.72],
    )
    table.setStyle(table_style(("BACKGROUND", (0, 0), (0, -1), None)))
    return table
