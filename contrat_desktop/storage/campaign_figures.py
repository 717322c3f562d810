"""The sums of one campaign for the home page and the yearly report, grouped in SQL: each
action's money summed once (its funding lines, what was paid kept on them by triggers),
then counted and summed by status, pillar, theme, district, holder kind and first request or
renewal in one statement, and by funder in another. Nothing is re-aggregated in Python."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# (key value, actions, requested, proposed, granted, paid)
SumRow = tuple[object, int, int, int, int, int]
SPLITS = ("status", "pillar", "theme", "district", "holder_kind", "renewal")

# The pillar (root) and the theme (the root's child on the way, or the root itself) of every
# node of the framework, whatever its depth.
_PLACES = """place(id, top_id, theme_id) AS (
    SELECT id, id, id FROM framework_node WHERE parent_id IS NULL
    UNION ALL
    SELECT n.id, p.top_id, CASE WHEN p.id = p.top_id THEN n.id ELSE p.theme_id END
    FROM framework_node n JOIN place p ON n.parent_id = p.id)"""

_PER_ACTION = """per_action AS MATERIALIZED (
    SELECT a.id, a.status, p.top_id, p.theme_id, h.kind,
           a.renewal_of_id IS NOT NULL AS renewal,
           coalesce(sum(fl.requested_cents), 0) AS requested,
           coalesce(sum(fl.proposed_cents), 0) AS proposed,
           coalesce(sum(fl.granted_cents), 0) AS granted,
           coalesce(sum(fl.paid_cents), 0) AS paid
    FROM action a
    JOIN holder h ON h.id = a.holder_id
    LEFT JOIN place p ON p.id = a.framework_node_id
    LEFT JOIN funding_line fl ON fl.action_id = a.id
    WHERE a.campaign_id = :campaign
    GROUP BY a.id)"""

_SUMS = "count(*), sum(requested), sum(proposed), sum(granted), sum(paid)"

_SPLIT_QUERY = f"""WITH RECURSIVE {_PLACES}, {_PER_ACTION}
SELECT 'total', NULL, {_SUMS} FROM per_action
UNION ALL SELECT 'status', status, {_SUMS} FROM per_action GROUP BY status
UNION ALL SELECT 'pillar', top_id, {_SUMS} FROM per_action GROUP BY top_id
UNION ALL SELECT 'theme', theme_id, {_SUMS} FROM per_action GROUP BY theme_id
UNION ALL SELECT 'holder_kind', kind, {_SUMS} FROM per_action GROUP BY kind
UNION ALL SELECT 'renewal', renewal, {_SUMS} FROM per_action GROUP BY renewal
UNION ALL SELECT 'district', ad.district_id, {_SUMS} FROM per_action
    LEFT JOIN action_district ad ON ad.action_id = per_action.id GROUP BY ad.district_id"""

_FUNDER_QUERY = """SELECT fl.funder_id, count(*), sum(fl.requested_cents),
    coalesce(sum(fl.proposed_cents), 0), coalesce(sum(fl.granted_cents), 0), sum(fl.paid_cents)
FROM funding_line fl JOIN action a ON a.id = fl.action_id
WHERE a.campaign_id = ? GROUP BY fl.funder_id"""


def campaign_sums(db: Database, campaign_id: int) -> dict[str, list[SumRow]]:
    """The rows of each split (``SPLITS``) and of ``total`` (one row, key None): actions
    counted and amounts summed. An action targeting two districts counts in both; a key of
    None is an action without that property (no district, no framework node)."""
    found: dict[str, list[SumRow]] = {name: [] for name in ("total", *SPLITS)}
    for split, key, count, requested, proposed, granted, paid in db.execute(
        _SPLIT_QUERY, {"campaign": campaign_id}
    ):
        if count:  # the total of a campaign without actions is a row of zeros and NULLs
            found[split].append((key, count, requested, proposed, granted, paid))
    return found


def funder_sums(db: Database, campaign_id: int) -> list[SumRow]:
    """Per funder: actions it is asked to fund and the amounts of their lines."""
    return [tuple(row) for row in db.execute(_FUNDER_QUERY, [campaign_id])]
