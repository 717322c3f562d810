"""A campaign's funding lines as the programmation export reads them: the amounts, versions
and attributive acts it writes, as tuples in one query, not as ``FundingLine`` objects.

Building 12 000 ``FundingLine``s (a frozen dataclass each, checked for negative amounts,
decision dates parsed) was a quarter of reading the dossier for an export (issue 11). The
values are those a ``FundingLine`` holds, in the repository's order (action, funder).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from contrat_desktop.domain.funding import ActKind, act_label
from contrat_desktop.storage.database import Dossier


class ExportedLine(NamedTuple):
    id: int
    action_id: int
    funder_id: int
    requested_cents: int
    proposed_cents: int | None
    granted_cents: int | None
    ej_number: str
    version: int
    act_kind: ActKind | None
    act_number: str
    act_signed_on: date | None
    cpo_first_year: int | None
    cpo_last_year: int | None

    def act_label(self) -> str:
        """As ``FundingLine.act_label``."""
        return act_label(
            self.act_kind, self.act_number, self.act_signed_on, self.cpo_first_year,
            self.cpo_last_year,
        )  # fmt: skip


def exported_lines(dossier: Dossier, campaign_id: int) -> list[ExportedLine]:
    """The campaign's funding lines by action, then funder."""
    kinds = {kind.value: kind for kind in ActKind}
    day = date.fromisoformat
    return [
        ExportedLine(
            id_, action_id, funder_id, requested, proposed, granted, ej_number, version,
            None if kind is None else kinds[kind],
            number,
            None if signed is None else day(signed),
            first,
            last,
        )
        for (
            id_, action_id, funder_id, requested, proposed, granted, ej_number, version, kind,
            number, signed, first, last,
        ) in dossier.db.execute(
            "SELECT id, action_id, funder_id, requested_cents, proposed_cents, granted_cents, "
            "ej_number, version, act_kind, act_number, act_signed_on, cpo_first_year, "
            "cpo_last_year FROM funding_line "
            "WHERE action_id IN (SELECT id FROM action WHERE campaign_id = ?) "
            "ORDER BY action_id, funder_id",
            [campaign_id],
        )
    ]  # fmt: skip
