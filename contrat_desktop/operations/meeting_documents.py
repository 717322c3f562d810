"""Documents of a meeting as bytes: minutes (stored copy once validated), sign-in sheet,
convocations, the calendar file and the sheets of the actions examined. The builders
(ReportLab) are imported when a document is made, so that a command or a page that makes none
does not load them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.file_names import slug
from contrat_desktop.exchange.atomic_file import replaced_atomically
from contrat_desktop.exchange.file_format import PDF, file_format
from contrat_desktop.operations.meeting_record import load_meeting_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories


def minutes_bytes(dossier: Dossier, meeting_id: int) -> bytes:
    """Validated minutes: the stored PDF, identical to the byte. A draft: built afresh."""
    repos = Repositories(dossier)
    meeting = repos.meetings.get(meeting_id)
    if meeting.frozen:
        stored = repos.minutes_documents.latest(meeting_id)
        if stored is not None:
            return repos.minutes_documents.content(stored)
    from contrat_desktop.reports.minutes import minutes_pdf

    return minutes_pdf(load_meeting_record(dossier, meeting_id))


def sign_in_sheet_bytes(dossier: Dossier, meeting_id: int) -> bytes:
    from contrat_desktop.reports.sign_in_sheet import sign_in_sheet_pdf

    return sign_in_sheet_pdf(load_meeting_record(dossier, meeting_id))


def convocations_bytes(dossier: Dossier, meeting_id: int, person_id: int | None = None) -> bytes:
    """One letter per convened person, all in one PDF (or only ``person_id``'s)."""
    record = load_meeting_record(dossier, meeting_id)
    if person_id is not None:
        chosen = tuple(a for a in record.attendees if a.person.id == person_id)
        if not chosen:
            raise ValidationError("Cette personne n'est pas convoquée à la réunion.")
        record = replace(record, attendees=chosen)
    from contrat_desktop.reports.convocation import convocations_pdf

    return convocations_pdf(record)


def calendar_text(dossier: Dossier, meeting_id: int) -> str:
    from contrat_desktop.reports.calendar_file import meeting_ics

    return meeting_ics(load_meeting_record(dossier, meeting_id))


def examined_action_sheets_bytes(dossier: Dossier, meeting_id: int) -> bytes:
    """The action sheets of the actions the meeting examines, in the agenda's order."""
    from contrat_desktop.operations.action_sheets import action_sheets_bytes

    record = load_meeting_record(dossier, meeting_id)
    ids = [line.item.action_id for line in record.examined]
    if not ids:
        raise ValidationError("Cette réunion n'examine aucune action : aucune fiche à écrire.")
    return action_sheets_bytes(dossier, ids)


DOCUMENT_LABELS = {
    "minutes": "compte rendu",
    "sign_in_sheet": "feuille d'émargement",
    "convocations": "convocations",
    "ics": "fichier d'agenda",
    "action_sheets": "fiches des actions examinées",
}


def meeting_document(dossier: Dossier, meeting_id: int, kind: str) -> bytes:
    """One of the documents of ``DOCUMENT_LABELS`` as bytes."""
    if kind == "ics":
        return calendar_text(dossier, meeting_id).encode()
    builders = {
        "minutes": minutes_bytes,
        "sign_in_sheet": sign_in_sheet_bytes,
        "convocations": convocations_bytes,
        "action_sheets": examined_action_sheets_bytes,
    }
    return builders[kind](dossier, meeting_id)


def write_meeting_document(dossier: Dossier, meeting_id: int, kind: str, target: str | Path) -> int:
    """Write a document to ``target`` (a temporary file renamed at the end); its size.
    Refused, nothing written, unless ``target`` ends with .ics (the calendar file) or .pdf."""
    file_format(target, (".ics",) if kind == "ics" else PDF)
    content = meeting_document(dossier, meeting_id, kind)
    with replaced_atomically(target) as temporary:
        temporary.write_bytes(content)
    return len(content)


def write_convocation_letters(dossier: Dossier, meeting_id: int, folder: str | Path) -> list[Path]:
    """One PDF per convened person in ``folder`` (``convocation-<name>.pdf``), each written
    through a temporary file; the files written."""
    from contrat_desktop.reports.convocation import convocations_pdf

    record = load_meeting_record(dossier, meeting_id)
    written = []
    for attendee in record.attendees:
        name = f"convocation-{slug(attendee.person.name)}"
        target = Path(folder) / f"{name}.pdf"
        if target in written:  # two persons of the same name
            target = Path(folder) / f"{name}-{len(written) + 1}.pdf"
        content = convocations_pdf(replace(record, attendees=(attendee,)))
        with replaced_atomically(target) as temporary:
            temporary.write_bytes(content)
        written.append(target)
    return written
