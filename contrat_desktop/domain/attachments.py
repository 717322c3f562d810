"""Attachments of an action (statuts, RIB, budget, bilan...), stored inside the dossier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AttachmentKind(StrEnum):
    STATUTES = "statuts"
    BANK_DETAILS = "rib"
    BUDGET = "budget"
    REQUEST = "demande"
    REPORT = "bilan"
    DECISION = "acte"
    OTHER = "autre"

    @property
    def label(self) -> str:
        return {
            AttachmentKind.STATUTES: "Statuts",
            AttachmentKind.BANK_DETAILS: "RIB",
            AttachmentKind.BUDGET: "Budget prévisionnel",
            AttachmentKind.REQUEST: "Demande de subvention",
            AttachmentKind.REPORT: "Bilan",
            AttachmentKind.DECISION: "Arrêté ou convention",
            AttachmentKind.OTHER: "Autre",
        }[self]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file kept with the dossier; ``content`` is loaded only when the file is opened."""

    action_id: int
    file_name: str
    kind: AttachmentKind
    added_on: datetime
    added_by: str
    sha256: str
    size_bytes: int = 0
    id: int | None = None
