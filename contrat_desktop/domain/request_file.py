"""The request file (dossier de demande) of an action: the pieces a holder must provide, as
configured in the settings (defaults from the Cerfa 12156 request), which ones apply to an
action, and when the file is complete.

A piece applies to an action unless it is not asked of municipal services and the holder is
one, or it is asked of renewals only and the action is a first request. The file is complete
when every required piece that applies is received.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from contrat_desktop.domain.attachments import AttachmentKind
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.holders import HolderKind


@dataclass(frozen=True, slots=True)
class PieceKind:
    """A piece the settings ask for (« Statuts de l'association », « RIB »…)."""

    label: str
    required: bool = True
    services_exempt: bool = False  # not asked of the town's own services (its CCAS included)
    renewals_only: bool = False  # asked of renewals only (« compte rendu de l'action précédente »)
    position: int = 0
    active: bool = True
    id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class RequestPiece:
    """One piece of one action's file: received (on a date) or not, maybe with its file."""

    action_id: int
    kind_id: int
    received_on: date | None = None
    attachment_id: int | None = None  # the attached file, among the action's attachments
    note: str = ""
    id: int | None = None
    version: int = 1

    @property
    def received(self) -> bool:
        return self.received_on is not None


# the town itself: its services and its CCAS (DOMAIN.md: "Municipal services (jeunesse,
# emploi, CCAS...)"), which have no statutes, board or association budget of their own
TOWN_SERVICES = frozenset({HolderKind.MUNICIPAL_SERVICE, HolderKind.CCAS})


def applies(kind: PieceKind, holder_kind: HolderKind, is_renewal: bool) -> bool:
    if not kind.active:
        return False
    if kind.services_exempt and holder_kind in TOWN_SERVICES:
        return False
    return not (kind.renewals_only and not is_renewal)


def expected_pieces(
    kinds: Iterable[PieceKind], holder_kind: HolderKind, is_renewal: bool
) -> list[PieceKind]:
    """The pieces asked of this action, in the settings' order."""
    found = [kind for kind in kinds if applies(kind, holder_kind, is_renewal)]
    return sorted(found, key=lambda kind: (kind.position, kind.label))


def missing_pieces(
    kinds: Iterable[PieceKind],
    received_kind_ids: Iterable[int],
    holder_kind: HolderKind,
    is_renewal: bool,
) -> list[PieceKind]:
    """The required pieces that apply and are not received yet."""
    received = set(received_kind_ids)
    return [
        kind
        for kind in expected_pieces(kinds, holder_kind, is_renewal)
        if kind.required and kind.id not in received
    ]


def completeness_label(missing: int) -> str:
    """Short enough for a table cell: « Complet », « 1 manquante », « 2 manquantes »."""
    plural = "s" if missing > 1 else ""
    return "Complet" if missing == 0 else f"{missing} manquante{plural}"


def completeness_tooltip(missing: Sequence[str]) -> str:
    """What the request file lacks, by the pieces' names, one a line (a table's tooltip)."""
    if not missing:
        return "Dossier de demande complet : toutes les pièces obligatoires sont reçues."
    verb = "Manquent" if len(missing) > 1 else "Manque"
    lines = "".join(f"\n– {label}" for label in missing)
    return f"Dossier de demande incomplet. {verb} :{lines}"


def kind_problems(kind: PieceKind, others: Iterable[PieceKind]) -> list[ValidationError]:
    found: list[ValidationError] = []
    label = " ".join(kind.label.split())
    if not label:
        found.append(ValidationError("Le nom de la pièce est obligatoire.", field="label"))
    for other in others:
        same = " ".join(other.label.split()).casefold() == label.casefold()
        if label and same and (kind.id is None or other.id != kind.id):
            found.append(ValidationError(f"La pièce « {other.label} » existe déjà.", field="label"))
    return found


def piece_problems(piece: RequestPiece, today: date) -> list[ValidationError]:
    if piece.received_on is not None and piece.received_on > today:
        return [
            ValidationError(
                f"La date de réception ({piece.received_on:%d/%m/%Y}) est dans le futur.",
                field="received_on",
            )
        ]
    return []


def attachment_kind_for(label: str) -> AttachmentKind:
    """The kind of attachment a piece's file is filed under, guessed from its name."""
    words = label.casefold()
    for needle, kind in (
        ("statut", AttachmentKind.STATUTES),
        ("rib", AttachmentKind.BANK_DETAILS),
        ("budget", AttachmentKind.BUDGET),
        ("compte rendu", AttachmentKind.REPORT),
    ):
        if needle in words.split() or (len(needle) > 3 and needle in words):
            return kind
    return AttachmentKind.OTHER
