"""What each funder granted to each holder in a campaign year, summed over its actions
(the basis of the convention rule)."""

from __future__ import annotations

from contrat_desktop.storage.database import Dossier


def granted_by_holder_and_funder(
    dossier: Dossier, year: int, holder_id: int | None = None
) -> dict[tuple[int, int], int]:
    """(holder id, funder id) → cents granted in ``year`` (one holder's when given)."""
    where, params = "c.year = ?", [year]
    if holder_id is not None:
        where += " AND a.holder_id = ?"
        params.append(holder_id)
    return {
        (holder, funder): total
        for holder, funder, total in dossier.db.execute(
            "SELECT a.holder_id, fl.funder_id, sum(coalesce(fl.granted_cents, 0)) "
            "FROM funding_line fl JOIN action a ON a.id = fl.action_id "
            f"JOIN campaign c ON c.id = a.campaign_id WHERE {where} "
            "GROUP BY a.holder_id, fl.funder_id",
            params,
        )
    }
