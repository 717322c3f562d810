"""A campaign's actions as the programmation export writes them: the fields its rows need,
read as tuples in one query (and one for their districts), not as ``Action`` objects.

Building 5 000 ``Action``s (32 columns, a frozen dataclass each, the unused texts and the
axes' links read with them) was a fifth of reading the dossier for an export (issue 11).
The values are those an ``Action`` holds: codes as stored (``status``, ``opinion``: the
enums' values), dates as dates, districts in the order the repository gives them.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from contrat_desktop.storage.database import Dossier


class ExportedAction(NamedTuple):
    id: int
    reference: str
    title: str
    holder_id: int
    status: str  # an ``ActionStatus`` value
    dauphin_number: str
    renewal_of_id: int | None
    framework_node_id: int | None
    target_public: str
    beneficiaries_total: int | None
    start_date: date | None
    end_date: date | None
    total_cost_cents: int
    opinion: str | None  # an ``Opinion`` value
    observations: str
    version: int
    district_ids: tuple[int, ...]

    @property
    def is_renewal(self) -> bool:
        return self.renewal_of_id is not None


def exported_actions(dossier: Dossier, campaign_id: int) -> list[ExportedAction]:
    """The campaign's actions in reference order, as ``ActionRepository.for_campaign``
    orders them."""
    db = dossier.db
    districts: dict[int, list[int]] = {}
    for action_id, district_id in db.execute(
        "SELECT l.action_id, l.district_id FROM action_district l "
        "JOIN action a ON a.id = l.action_id WHERE a.campaign_id = ? "
        "ORDER BY l.action_id, l.district_id",
        [campaign_id],
    ):
        districts.setdefault(action_id, []).append(district_id)
    day = date.fromisoformat
    return [
        ExportedAction(
            id_,
            reference,
            title,
            holder_id,
            status,
            dauphin,
            renewal,
            node,
            public,
            beneficiaries,
            None if start is None else day(start),
            None if end is None else day(end),
            cost,
            opinion,
            observations,
            version,
            tuple(districts.get(id_, ())),
        )
        for (
            id_, reference, title, holder_id, status, dauphin, renewal, node, public,
            beneficiaries, start, end, cost, opinion, observations, version,
        ) in db.execute(
            "SELECT id, reference, title, holder_id, status, dauphin_number, renewal_of_id, "
            "framework_node_id, target_public, beneficiaries_total, start_date, end_date, "
            "total_cost_cents, opinion, observations, version "
            "FROM action WHERE campaign_id = ? ORDER BY reference",
            [campaign_id],
        )
    ]  # fmt: skip
