"""Convocation letters: one page per convened person, all in one PDF."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from contrat_desktop.domain.french_dates import clock, long_date
from contrat_desktop.domain.meetings import agenda_schedule
from contrat_desktop.domain.minutes import AttendeeLine, MeetingRecord
from contrat_desktop.reports.header import document_header, time_span
from contrat_desktop.reports.styles import build_pdf, para


def _letter(record: MeetingRecord, line: AttendeeLine) -> list[Flowable]:
    meeting, body, person = record.meeting, record.body, line.person
    recipient = "\n".join(x for x in (person.name, person.role, person.organisation) if x)
    story: list[Flowable] = [
        *document_header(record.settings, "Convocation"),
        para(recipient),
        Spacer(1, 12),
        para(f"Objet : réunion du {body.name}", "h3"),
        para("Madame, Monsieur,"),
        para(
            f"Vous êtes convié(e) à la réunion du {body.name}, "
            f"{time_span(record)[0].lower() + time_span(record)[1:]}, "
            f"au lieu suivant : {meeting.place}."
        ),
    ]
    if record.agenda:
        story.append(para("Ordre du jour :", "h3"))
        for number, (item, at) in enumerate(
            agenda_schedule(meeting.starts_at, record.agenda), start=1
        ):
            story.append(para(f"{number}. {clock(at)} – {item.title}"))
    story += [
        para(
            "En cas d'empêchement, merci de nous en informer et, le cas échéant, "
            "de vous faire représenter."
        ),
        para("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."),
        Spacer(1, 18),
        para(body.chairs or record.settings.organisation_name),
    ]
    return story


def convocations_pdf(record: MeetingRecord) -> bytes:
    story: list[Flowable] = []
    for index, line in enumerate(record.attendees):
        if index:
            story.append(PageBreak())
        story += _letter(record, line)
    if not story:
        story = [para("Aucune personne convoquée.")]
    day = long_date(record.meeting.starts_at.date())
    return build_pdf(
        story,
        title=f"Convocations – {record.body.name} du {day}",
        author=record.settings.organisation_name,
        footer=f"Convocation – {record.body.name}, {day}",
        created=record.meeting.starts_at,
    )
