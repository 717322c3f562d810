"""The schema of migration ``0019_reminder_indexes``: indexes that hold what the reminders
(« À faire ») read, so that their queries read the indexes only, never the wide rows of the
actions and funding lines (thousands of rows after every edit). Kept by SQLite itself on
every write: nothing to keep in step. Shipped: never edit it (a later migration changes it).

- ``idx_action_reminder`` replaces ``idx_action_status`` (status, campaign: its first two
  columns, so that every query that used it uses this one): each action's holder, reference
  and title come with its status;
- ``idx_line_left``: the lines with money left to pay (5 000 of 125 000 on the synthetic
  dossier), with what the payment reminders say of them;
- ``idx_line_unsigned``: the granted lines not signed as a convention (or CPO), which the
  convention reminders look at (``storage.reminder_queries`` names it: its WHERE must stay
  the one the query writes).
"""

from __future__ import annotations

# what the convention reminders look at: a granted line not signed as a convention or CPO
UNSIGNED_LINE = (
    "{fl}granted_cents > 0 AND NOT (coalesce({fl}act_kind, '') IN ('convention', 'cpo') "
    "AND {fl}act_signed_on IS NOT NULL)"
)

REMINDER_INDEXES_SCHEMA = [
    "DROP INDEX idx_action_status",
    "CREATE INDEX idx_action_reminder ON action(status, campaign_id, holder_id, reference, title)",
    """CREATE INDEX idx_line_left ON funding_line(action_id, funder_id, granted_cents,
        paid_cents, act_kind, act_signed_on, decision_date) WHERE granted_cents > paid_cents""",
    f"""CREATE INDEX idx_line_unsigned ON funding_line(action_id, funder_id, granted_cents,
        act_kind, act_signed_on, decision_date) WHERE {UNSIGNED_LINE.format(fl="")}""",
]
