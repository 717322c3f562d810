"""The request file (dossier de demande) of an action: the pieces the settings ask for, each
received or not (with its date and maybe its file), the completeness shown in the
programmation; and the list of pieces edited in the settings.

Writes take the ``(dossier, current, wanted)`` shape of the undoable record commands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter

from contrat_desktop.domain.attachments import Attachment
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.reminders import Reminder
from contrat_desktop.domain.request_file import (
    PieceKind,
    RequestPiece,
    expected_pieces,
    kind_problems,
    missing_pieces,
    piece_problems,
)
from contrat_desktop.domain.workflow import ActionStatus
from contrat_desktop.operations.records import write_record
from contrat_desktop.operations.reminder_context import ReminderContext
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.repositories import Repositories
from contrat_desktop.storage.request_file import requests_of_campaign


# the settings' list ---------------------------------------------------------------------
def load_piece_kinds(dossier: Dossier) -> list[PieceKind]:
    return Repositories(dossier).piece_kinds.all()


def new_piece_kind(dossier: Dossier, label: str) -> PieceKind:
    """A required piece at the end of the list."""
    kinds = load_piece_kinds(dossier)
    return PieceKind(label=" ".join(label.split()), position=len(kinds))


def write_piece_kind(
    dossier: Dossier, current: PieceKind | None, wanted: PieceKind | None
) -> PieceKind | None:
    repos = Repositories(dossier)
    if wanted is None:
        if current is not None and current.id is not None:
            used = repos.piece_kinds.used(current.id)
            if used:
                raise ValidationError(
                    f"La pièce « {current.label} » est déjà notée sur {used} action(s) : elle ne "
                    "peut être supprimée. Désactivez-la : elle ne sera plus demandée.",
                    field="label",
                )
        return write_record(repos.piece_kinds, current, None)
    wanted = replace(wanted, label=" ".join(wanted.label.split()))
    others = [k for k in repos.piece_kinds.all() if current is None or k.id != current.id]
    problems = kind_problems(replace(wanted, id=None), others)
    if problems:
        raise problems[0]
    return write_record(repos.piece_kinds, current, wanted)


# one action's file --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PieceLine:
    kind: PieceKind
    piece: RequestPiece | None  # None: nothing recorded yet
    file_name: str = ""  # the attached file's name

    @property
    def received_on(self) -> date | None:
        return self.piece.received_on if self.piece else None


@dataclass(frozen=True, slots=True)
class RequestFile:
    action_id: int
    lines: tuple[PieceLine, ...]
    missing: tuple[PieceKind, ...]
    attachments: tuple[Attachment, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def summary(self) -> str:
        if self.complete:
            return "Dossier complet : toutes les pièces obligatoires sont reçues."
        names = ", ".join(kind.label for kind in self.missing)
        return f"Dossier incomplet : {len(self.missing)} pièce(s) manquante(s) ({names})."


def load_request_file(dossier: Dossier, action_id: int) -> RequestFile:
    repos = Repositories(dossier)
    action = repos.actions.get(action_id)
    holder = repos.holders.get(action.holder_id)
    kinds = repos.piece_kinds.all()
    pieces = {piece.kind_id: piece for piece in repos.request_pieces.for_action(action_id)}
    attachments = repos.attachments.for_action(action_id)
    names = {a.id: a.file_name for a in attachments}
    shown = expected_pieces(kinds, holder.kind, action.is_renewal)
    # a piece recorded before its kind stopped applying is still shown
    shown += [k for k in kinds if k.id in pieces and k not in shown]
    lines = tuple(
        PieceLine(
            kind,
            pieces.get(kind.id or 0),
            names.get(pieces[kind.id].attachment_id, "") if kind.id in pieces else "",
        )
        for kind in shown
    )
    received = [p.kind_id for p in pieces.values() if p.received]
    missing = missing_pieces(kinds, received, holder.kind, action.is_renewal)
    return RequestFile(action_id, lines, tuple(missing), tuple(attachments))


def write_piece(
    dossier: Dossier, current: RequestPiece | None, wanted: RequestPiece | None
) -> RequestPiece | None:
    """Record a piece (received on a date, its file), change it, or forget it."""
    repos = Repositories(dossier)
    if wanted is not None:
        problems = piece_problems(wanted, date.today())
        if problems:
            raise problems[0]
        if wanted.attachment_id is not None:
            own = {a.id for a in repos.attachments.for_action(wanted.action_id)}
            if wanted.attachment_id not in own:
                raise ValidationError(
                    "Ce fichier n'est pas une pièce jointe de l'action.", field="attachment_id"
                )
            if wanted.received_on is None:
                wanted = replace(wanted, received_on=date.today())
    return write_record(repos.request_pieces, current, wanted)


def received_piece(
    file: RequestFile, kind: PieceKind, on: date
) -> tuple[RequestPiece | None, RequestPiece]:
    """(the piece as stored, the piece marked received on ``on``) for ``kind``."""
    line = next(line for line in file.lines if line.kind.id == kind.id)
    base = line.piece or RequestPiece(file.action_id, kind.id or 0)
    return line.piece, replace(base, received_on=on)


# the reminder of a file not complete at the deadline ---------------------------------------
NOTICE_DAYS = 14  # the reminder comes this many days before the filing deadline
S = ActionStatus
IN_REQUEST = frozenset({S.DRAFT, S.FILED, S.ADMISSIBLE, S.UNDER_REVIEW, S.PROPOSED, S.POSTPONED})


def _incomplete_text(title: str, when: str, missing: list[PieceKind]) -> str:
    names = ", ".join(kind.label for kind in missing)
    return f"« {title} » : dossier incomplet, {when} ; manque : {names}."


def incomplete_files(context: ReminderContext) -> list[Reminder]:
    """Requests whose file misses required pieces when the call's filing deadline is near
    (two weeks) or past, while the request is still being instructed."""
    repos = Repositories(context.dossier)
    kinds = repos.piece_kinds.all()
    found = []
    for year in context.years:
        campaign = repos.campaigns.by_year(year)
        deadline = campaign.filing_deadline if campaign else None
        if campaign is None or campaign.id is None or deadline is None:
            continue
        left = (deadline - context.today).days
        if left > NOTICE_DAYS:
            continue
        received = repos.request_pieces.received_by_action(campaign.id)
        when = (
            f"à la date limite du {deadline:%d/%m/%Y}"
            if left < 0
            else (f"la date limite du {deadline:%d/%m/%Y} est dans {left} jour(s)")
        )
        for request in requests_of_campaign(context.dossier, campaign.id, IN_REQUEST):
            row = request.action
            missing = missing_pieces(
                kinds, received.get(row.action_id, ()), request.holder_kind, request.is_renewal
            )
            if not missing:
                continue
            found.append(
                Reminder(
                    "request_file_incomplete",
                    "Dossier de demande incomplet",
                    deadline,
                    row.year,
                    action_id=row.action_id,
                    reference=row.reference,
                    holder=row.holder,
                    holder_id=row.holder_id,
                    tab="dossier",
                    says=_incomplete_text,
                    facts=(row.title, when, missing),
                )
            )
    return sorted(found, key=attrgetter("reference"))  # by action, as the list wants them
