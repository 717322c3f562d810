"""The minutes of a meeting (DOMAIN.md §7) as PDF bytes, from a ``MeetingRecord``."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table

from contrat_desktop.domain.french_dates import clock, long_date, short_date
from contrat_desktop.domain.meetings import agenda_schedule
from contrat_desktop.domain.minutes import MeetingRecord, numbered_decisions
from contrat_desktop.reports.amounts import euros
from contrat_desktop.reports.attendance_table import attendance_table
from contrat_desktop.reports.header import document_header, meeting_facts
from contrat_desktop.reports.programmation_table import programmation_table
from contrat_desktop.reports.styles import (
    build_pdf,
    frame_width,
    heading,
    para,
    table_style,
)


def minutes_pdf(record: MeetingRecord) -> bytes:
    meeting, body = record.meeting, record.body
    story: list[Flowable] = [
        *document_header(record.settings, f"Compte rendu – {body.name}"),
        meeting_facts(record),
        Spacer(1, 6),
    ]
    if record.quorum is not None:
        story.append(para(record.quorum.message))
    if record.council_warning:
        story.append(para(record.council_warning, "warning"))
    story += [para("Participants", "h2"), *attendance_table(record)]
    story += _agenda(record)
    if record.examined:
        story += [
            *heading(f"Programmation examinée (montants {record.amount_kind.label}s)"),
            *programmation_table(record),
        ]
    story += _decisions(record)
    story += _follow_ups(record)
    story += [para("Prochaine réunion", "h2"), para(meeting.next_meeting or "À fixer.")]
    story += _signatures(record)
    day = long_date(meeting.starts_at.date())
    return build_pdf(
        story,
        title=f"Compte rendu – {body.name} du {day}",
        author=record.settings.organisation_name or meeting.author,
        footer=f"{record.settings.organisation_name} – {body.name}, {day}".lstrip(" –"),
        created=meeting.starts_at,
    )


def _agenda(record: MeetingRecord) -> list[Flowable]:
    if not record.agenda:
        return []
    schedule = agenda_schedule(record.meeting.starts_at, record.agenda)
    story: list[Flowable] = [para("Ordre du jour", "h2")]
    for number, (item, at) in enumerate(schedule, start=1):
        presenter = f", présenté par {item.presenter}" if item.presenter else ""
        story.append(
            para(f"{number}. {clock(at)} – {item.title}{presenter} ({item.duration_minutes} min)")
        )
    story.append(para("Déroulé de la séance", "h2"))
    for number, (item, _) in enumerate(schedule, start=1):
        story.append(para(f"{number}. {item.title}", "h3"))
        story.append(para(item.notes or "Pas de notes."))
        if item.decision:
            story.append(para(f"Décision : {item.decision}"))
    return story


def _decisions(record: MeetingRecord) -> list[Flowable]:
    decisions = numbered_decisions(record, euros)  # amounts as in the table above
    story: list[Flowable] = [para("Relevé des décisions", "h2")]
    if not decisions:
        return [*story, para("Aucune décision.")]
    return story + [para(f"{n}. {text}") for n, text in enumerate(decisions, start=1)]


def _follow_ups(record: MeetingRecord) -> list[Flowable]:
    story: list[Flowable] = [para("Suites à donner", "h2")]
    if not record.follow_ups:
        return [*story, para("Aucune.")]
    width = frame_width()
    rows = [[para("Qui", "cell_bold"), para("Quoi", "cell_bold"), para("Échéance", "cell_bold")]]
    rows += [
        [para(f.who, "cell"), para(f.what, "cell"), para(short_date(f.due_on), "cell")]
        for f in record.follow_ups
    ]
    table = Table(rows, colWidths=[width * 0.25, width * 0.57, width * 0.18], repeatRows=1)
    table.setStyle(table_style())
    return [*story, table]


def _signatures(record: MeetingRecord) -> list[Flowable]:
    signatories = [(s.name, s.role) for s in record.settings.signatories]
    if not signatories and record.body.chairs:
        signatories = [(record.body.chairs, "Présidence")]
    if not signatories:
        return []
    width = frame_width() / max(len(signatories), 1)
    cells = [[para(f"{name}\n{role}", "cell") for name, role in signatories]]
    cells.append(["" for _ in signatories])
    table = Table(cells, colWidths=[width] * len(signatories), rowHeights=[None, 60])
    table.setStyle(table_style(("BACKGROUND", (0, 0), (-1, 0), None)))
    return [Spacer(1, 8), para("Signatures", "h2"), table]
