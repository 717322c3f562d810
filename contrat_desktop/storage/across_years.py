"""Sums per campaign year and per funder, pillar, district, holder kind or holder, grouped
in SQL once (the multi-year view and the yearly report): each cell (year × key), each row's
total across years, and each year's total, in one statement per dimension.

Amounts are ``NULL`` where none was entered (a request not yet examined has no granted
amount): the views print « — » there and « 0 » only for an amount of zero. What was paid is
read on the funding lines, where triggers keep it (migration 0017). A year's total counts
each action once, even where the rows overlap (an action targeting two districts is in
both districts' rows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# (what, year or None, key or None, actions, requested, granted, paid); what is "cell",
# "row" (a key across years) or "year" (a year across keys)
SumRow = tuple[str, int | None, object, int, int | None, int | None, int | None]

# The pillar (root) of every node of the framework, whatever its depth.
_PLACES = """place(id, top_id) AS (
    SELECT id, id FROM framework_node WHERE parent_id IS NULL
    UNION ALL
    SELECT n.id, p.top_id FROM framework_node n JOIN place p ON n.parent_id = p.id)"""

# One row per action: its year, holder, node and the sums of its funding lines.
_PER_ACTION = """per_action AS MATERIALIZED (
    SELECT a.id, c.year, a.holder_id, a.framework_node_id AS node_id,
           sum(fl.requested_cents) AS r, sum(fl.granted_cents) AS g, sum(fl.paid_cents) AS p
    FROM action a
    JOIN campaign c ON c.id = a.campaign_id
    LEFT JOIN funding_line fl ON fl.action_id = a.id
    WHERE c.year BETWEEN :first AND :last
    GROUP BY a.id)"""

# What is summed in a cell: one row per action (per funding line for funders, per
# targeted district for districts), with the key of the dimension.
_UNITS = {
    "funder": """units(year, key, r, g, p) AS (
        SELECT c.year, fl.funder_id, fl.requested_cents, fl.granted_cents, fl.paid_cents
        FROM action a
        JOIN campaign c ON c.id = a.campaign_id
        LEFT JOIN funding_line fl ON fl.action_id = a.id
        WHERE c.year BETWEEN :first AND :last)""",
    "node": """units(year, key, r, g, p) AS (
        SELECT year, top_id, r, g, p FROM per_action LEFT JOIN place ON place.id = node_id)""",
    "district": """units(year, key, r, g, p) AS (
        SELECT year, ad.district_id, r, g, p FROM per_action
        LEFT JOIN action_district ad ON ad.action_id = per_action.id)""",
    "holder_kind": """units(year, key, r, g, p) AS (
        SELECT year, h.kind, r, g, p FROM per_action JOIN holder h ON h.id = holder_id)""",
    "holder": "units(year, key, r, g, p) AS (SELECT year, holder_id, r, g, p FROM per_action)",
}

_CELLS = """cells AS MATERIALIZED (
    SELECT year, key, count(*) AS n, sum(r) AS r, sum(g) AS g, sum(p) AS p
    FROM units GROUP BY year, key)"""

_SUMS = "sum(n), sum(r), sum(g), sum(p)"

# A year's total: from the cells when each action is in one row; else from the actions.
_YEARS = {
    "funder": """SELECT 'year', c.year, NULL,
            (SELECT count(*) FROM action a WHERE a.campaign_id = c.id), sum(r), sum(g), sum(p)
        FROM cells JOIN campaign c ON c.year = cells.year GROUP BY c.year""",
    "district": """SELECT 'year', year, NULL, count(*), sum(r), sum(g), sum(p)
        FROM per_action GROUP BY year""",
}


def sums_by_year(db: Database, key: str, years: tuple[int, int] | None = None) -> list[SumRow]:
    """The cells, rows and years of ``key`` (one of funder, node — by pillar —, district,
    holder_kind, holder); ``years`` (first, last) bounds them."""
    ctes = [_PLACES] if key == "node" else []
    if key != "funder":
        ctes.append(_PER_ACTION)
    ctes += [_UNITS[key], _CELLS]
    per_year = _YEARS.get(key, f"SELECT 'year', year, NULL, {_SUMS} FROM cells GROUP BY year")
    query = f"""WITH RECURSIVE {", ".join(ctes)}
        SELECT 'cell', year, key, n, r, g, p FROM cells
        UNION ALL SELECT 'row', NULL, key, {_SUMS} FROM cells GROUP BY key
        UNION ALL {per_year}"""
    first, last = years or (-9999, 9999)
    return [tuple(row) for row in db.execute(query, {"first": first, "last": last})]
