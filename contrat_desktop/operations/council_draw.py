"""The draw as the draw dialog runs it: the candidate lists kept (re-read, unchanged since
they were shown) and the draw's record, in one transaction, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contrat_desktop.domain.draw import DrawRequest
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.quotas import Quota
from contrat_desktop.exchange.candidate_lists import CandidateReading
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.council import import_candidate_list, run_draw
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError


@dataclass(frozen=True, slots=True)
class DrawSetting:
    """Everything the user chose, apart from the lists."""

    seats: int
    seed: str
    reference_year: int
    quotas: tuple[Quota, ...]
    reserve_size: int
    place: str
    witnesses: tuple[str, ...]


def perform_draw(
    dossier: Dossier,
    readings: list[tuple[Path, CandidateReading]],
    setting: DrawSetting,
    council_id: int,
    drawn_at: datetime,
) -> DrawRecord:
    """Keep the lists (re-read: they must not have changed) and draw, all or nothing."""
    with dossier.db.atomic():
        stored = []
        for path, reading in readings:
            try:
                kept, _ = import_candidate_list(
                    dossier, path, name=reading.candidates.name, council_id=council_id
                )
            except WorkbookRefused as error:
                raise DossierError(f"Liste « {path.name} » illisible : {error}") from None
            if kept.checksum != reading.candidates.checksum:
                raise DossierError(
                    f"Le fichier « {path.name} » a changé depuis sa lecture : retirez la liste "
                    "et ajoutez-la de nouveau avant de tirer au sort."
                )
            stored.append(kept)
        request = DrawRequest(
            tuple(stored),
            setting.seats,
            setting.seed,
            setting.reference_year,
            setting.quotas,
            setting.reserve_size,
        )
        return run_draw(
            dossier,
            request,
            drawn_at=drawn_at,
            place=setting.place,
            witnesses=setting.witnesses,
            council_id=council_id,
        )
