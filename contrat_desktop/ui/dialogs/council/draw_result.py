"""A draw's people in their two tables (in the draw dialog and the list of draws): the
district named, the age quota that counted each, the columns as wide as their texts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableView

from contrat_desktop.domain.draw_record import DrawRecord
from contrat_desktop.domain.quotas import age_quota_bands
from contrat_desktop.operations.settings import district_names
from contrat_desktop.storage.database import Dossier
from contrat_desktop.ui.models.council_tables import CandidateTableModel
from contrat_desktop.ui.pages.tables import widen_to_content


def show_drawn(
    dossier: Dossier,
    record: DrawRecord,
    selected: CandidateTableModel,
    reserve: CandidateTableModel,
    tables: Iterable[QTableView],
) -> None:
    names, bands = district_names(dossier), age_quota_bands(record.quotas)
    selected.set_candidates(record.selected, record.reference_year, names, bands)
    reserve.set_candidates(record.reserve, record.reference_year, names, bands)
    for table in tables:
        for key in ("name", "district", "age"):
            widen_to_content(table, key)
