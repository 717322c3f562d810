"""The draw as the window and the command line run it: the candidate lists kept and the
draw's record, in one transaction, all or nothing. The window's lists are re-read and must be
unchanged since they were shown; the command line also writes the procès-verbal inside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contrat_desktop.domain.draw import CandidateList, DrawRequest
from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.quotas import Quota
from contrat_desktop.exchange.candidate_lists import CandidateReading
from contrat_desktop.exchange.file_format import PDF, file_format
from contrat_desktop.exchange.refusal import WorkbookRefused
from contrat_desktop.operations.council import import_candidate_list, run_draw, write_draw_record
from contrat_desktop.operations.council_members import only_council
from contrat_desktop.operations.council_records import load_councils
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


def _draw(
    dossier: Dossier,
    lists: tuple[CandidateList, ...],
    setting: DrawSetting,
    council_id: int | None,
    drawn_at: datetime,
) -> DrawRecord:
    request = DrawRequest(
        lists,
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
        return _draw(dossier, tuple(stored), setting, council_id, drawn_at)


def draw_from_files(
    dossier: Dossier,
    paths: list[Path],
    setting: DrawSetting,
    council_id: int | None,
    drawn_at: datetime,
    output: Path | None = None,
    on_read: Callable[[CandidateList, CandidateReading], None] = lambda _kept, _reading: None,
) -> DrawRecord:
    """The command line's draw: the lists read and kept (rows in error left out; each list
    handed to ``on_read`` as soon as it is kept), the draw, and the procès-verbal at
    ``output``; nothing is kept if any step fails. Without ``council_id``, the dossier's
    council when it has exactly one."""
    if output:
        file_format(output, PDF)  # before the lists are read
    with dossier.db.atomic():
        if council_id is None and len(load_councils(dossier)) == 1:
            council_id = only_council(dossier)  # the usual case: the dossier's council
        try:
            readings = [
                import_candidate_list(dossier, path, council_id=council_id) for path in paths
            ]
        except WorkbookRefused as error:
            raise DossierError(str(error)) from None
        for kept, reading in readings:
            on_read(kept, reading)
        lists = tuple(kept for kept, _ in readings)
        record = _draw(dossier, lists, setting, council_id, drawn_at)
        if output:
            write_draw_record(dossier, record, output)
    return record
