"""Use cases of the funders page: list, yearly envelopes with their use, save (audited)."""

from __future__ import annotations

from dataclasses import replace

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Envelope, EnvelopeUse, Funder, funder_problems
from contrat_desktop.operations.records import write_record
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories

FIRST_YEAR, LAST_YEAR = 2000, 2100


def load_funders(dossier: Dossier) -> list[Funder]:
    return Repositories(dossier).funders.all()


def load_funder(dossier: Dossier, funder_id: int) -> Funder:
    return Repositories(dossier).funders.get(funder_id)


def find_funder(dossier: Dossier, funder_id: int) -> Funder | None:
    return Repositories(dossier).funders.find(funder_id)


def envelopes_of(dossier: Dossier, funder_id: int) -> list[Envelope]:
    return Repositories(dossier).envelopes.for_funder(funder_id)


def find_envelope(dossier: Dossier, envelope_id: int) -> Envelope | None:
    return Repositories(dossier).envelopes.find(envelope_id)


def envelope_history(dossier: Dossier, funder_id: int) -> list[EnvelopeUse]:
    """Every year of the funder, latest first: envelope, committed (granted), paid, left."""
    return Repositories(dossier).envelopes.history(funder_id)


def check_funder(dossier: Dossier, funder: Funder) -> list[ValidationError]:
    others = {f.name for f in Repositories(dossier).funders.all() if f.id != funder.id}
    return funder_problems(funder, others)


def save_funder(dossier: Dossier, current: Funder | None, wanted: Funder | None) -> Funder | None:
    """Create, update or delete a funder (see ``write_record``); refused if it breaks a rule."""
    if wanted is not None:
        wanted = replace(
            wanted,
            name=wanted.name.strip(),
            short_name=wanted.short_name.strip(),
            instructing_service=wanted.instructing_service.strip(),
            contact=wanted.contact.strip(),
        )
        problems = check_funder(dossier, replace(wanted, id=current.id if current else None))
        if problems:
            raise problems[0]
    return write_record(Repositories(dossier).funders, current, wanted)


def check_envelope(dossier: Dossier, envelope: Envelope) -> list[ValidationError]:
    problems = []
    if not FIRST_YEAR <= envelope.year <= LAST_YEAR:
        problems.append(
            ValidationError(
                f"L'année doit être comprise entre {FIRST_YEAR} et {LAST_YEAR}.", field="year"
            )
        )
    if envelope.amount_cents < 0:
        problems.append(
            ValidationError("Le montant de l'enveloppe ne peut pas être négatif.", field="amount")
        )
    taken = [
        e
        for e in Repositories(dossier).envelopes.for_funder(envelope.funder_id)
        if e.year == envelope.year and e.id != envelope.id
    ]
    if taken:
        problems.append(
            ValidationError(
                f"Ce financeur a déjà une enveloppe pour {envelope.year} : modifiez-la.",
                field="year",
            )
        )
    return problems


def save_envelope(
    dossier: Dossier, current: Envelope | None, wanted: Envelope | None
) -> Envelope | None:
    """Create, update or delete an envelope (see ``write_record``)."""
    if wanted is not None:
        problems = check_envelope(dossier, replace(wanted, id=current.id if current else None))
        if problems:
            raise problems[0]
    return write_record(Repositories(dossier).envelopes, current, wanted)
