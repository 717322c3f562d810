"""Sums per campaign year and per funder, framework node, district, holder kind or holder,
in one grouped query each (the multi-year view and the yearly report)."""

from __future__ import annotations

from sqlite_utils import Database

_PAID = """LEFT JOIN (SELECT funding_line_id,
        sum(CASE kind WHEN 'reversement' THEN -amount_cents ELSE amount_cents END) AS paid
    FROM payment GROUP BY funding_line_id) p ON p.funding_line_id = fl.id"""

_KEYS = {
    "funder": ("fl.funder_id", ""),
    "node": ("a.framework_node_id", ""),
    "district": ("ad.district_id", "LEFT JOIN action_district ad ON ad.action_id = a.id"),
    "holder_kind": ("h.kind", ""),
    "holder": ("a.holder_id", ""),
}


def sums_by_year(
    db: Database, key: str, years: tuple[int, int] | None = None
) -> list[tuple[int, object, int, int, int, int]]:
    """(year, key value, actions, requested, granted, paid) for each year and value of
    ``key`` (one of funder, node, district, holder_kind, holder); ``years`` bounds them."""
    column, join = _KEYS[key]
    where, params = ("WHERE c.year BETWEEN ? AND ?", list(years)) if years else ("", [])
    count = "count(DISTINCT a.id)"
    return [
        tuple(row)
        for row in db.execute(
            f"""SELECT c.year, {column}, {count}, coalesce(sum(fl.requested_cents), 0),
                coalesce(sum(fl.granted_cents), 0), coalesce(sum(p.paid), 0)
            FROM action a
            JOIN campaign c ON c.id = a.campaign_id
            JOIN holder h ON h.id = a.holder_id
            LEFT JOIN funding_line fl ON fl.action_id = a.id
            {_PAID}
            {join}
            {where}
            GROUP BY c.year, {column}""",
            params,
        )
    ]
