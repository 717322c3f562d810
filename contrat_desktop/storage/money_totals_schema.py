"""The schema of migration ``0018_money_totals``: the sums the reminders (« À faire ») read
after every edit, kept by triggers on every write (whoever writes it) instead of summed
again over 50 000 actions each time. Shipped: never edit it (a later migration changes it).

- ``action_total``: one row per action, what its funding lines add up to (granted, paid,
  left to pay = the sum over lines of max(granted - paid, 0)) and whether its bilan is in;
- ``grant_total``: what each funder granted each holder in each campaign (lines with a
  granted amount only; a row leaves when its sum drops to 0): the convention threshold and
  the envelopes read it.

The lines of a deleted action are deleted just before it (as the cascade would), while the
action still says which campaign and holder their grants counted for. Tests check that the
triggers keep both tables equal to a fresh GROUP BY after random edits.
"""

from __future__ import annotations

# one funding line's share, for the row ``{row}`` (NEW or OLD) of a trigger
_GRANTED = "coalesce({row}.granted_cents, 0)"
_LEFT = "max(coalesce({row}.granted_cents, 0) - {row}.paid_cents, 0)"
# the key of the line's grant: its action's campaign and holder, its funder
_KEY = (
    "campaign_id = (SELECT campaign_id FROM action WHERE id = {row}.action_id) "
    "AND funder_id = {row}.funder_id "
    "AND holder_id = (SELECT holder_id FROM action WHERE id = {row}.action_id)"
)


def _action_sums(row: str, sign: str) -> str:
    """The statement adding (``+``) or taking out (``-``) the line ``row`` to its action's
    sums."""
    return f"""
        UPDATE action_total SET granted_cents = granted_cents {sign} {_GRANTED.format(row=row)},
            paid_cents = paid_cents {sign} {row}.paid_cents,
            left_cents = left_cents {sign} {_LEFT.format(row=row)}
        WHERE action_id = {row}.action_id;"""


# the line changed (what was granted or paid) on the same action
_ACTION_DELTA = f"""
        UPDATE action_total SET granted_cents = granted_cents
                - {_GRANTED.format(row="OLD")} + {_GRANTED.format(row="NEW")},
            paid_cents = paid_cents - OLD.paid_cents + NEW.paid_cents,
            left_cents = left_cents - {_LEFT.format(row="OLD")} + {_LEFT.format(row="NEW")}
        WHERE action_id = NEW.action_id;"""


def _grant_counts(row: str) -> str:
    """The statement adding the line ``row`` (NEW) to its holder's grants."""
    return f"""
        INSERT INTO grant_total (campaign_id, funder_id, holder_id, granted_cents)
        SELECT a.campaign_id, {row}.funder_id, a.holder_id, {row}.granted_cents FROM action a
        WHERE a.id = {row}.action_id AND {row}.granted_cents > 0
        ON CONFLICT DO UPDATE SET granted_cents = granted_cents + excluded.granted_cents;"""


def _grant_leaves(row: str) -> str:
    """The statements taking the line ``row`` (OLD) out of its holder's grants."""
    key = _KEY.format(row=row)
    return f"""
        UPDATE grant_total SET granted_cents = granted_cents - {row}.granted_cents
        WHERE {row}.granted_cents > 0 AND {key};
        DELETE FROM grant_total WHERE {row}.granted_cents > 0 AND {key} AND granted_cents = 0;"""


# what an action's lines granted by one funder (the row of grant_total being updated)
_ACTION_GRANT = """coalesce((SELECT sum(fl.granted_cents) FROM funding_line fl
    WHERE fl.action_id = NEW.id AND fl.funder_id = grant_total.funder_id
      AND fl.granted_cents > 0), 0)"""
_BILAN = """UPDATE action_total SET bilan_received = EXISTS (SELECT 1 FROM report r
        WHERE r.action_id = action_total.action_id AND r.received_on IS NOT NULL)
        WHERE action_id = {row}.action_id;"""

MONEY_TOTALS_SCHEMA = [
    """CREATE TABLE action_total (
        action_id INTEGER PRIMARY KEY,
        granted_cents INTEGER NOT NULL DEFAULT 0,
        paid_cents INTEGER NOT NULL DEFAULT 0,
        left_cents INTEGER NOT NULL DEFAULT 0,
        bilan_received INTEGER NOT NULL DEFAULT 0
    ) STRICT""",
    """CREATE TABLE grant_total (
        campaign_id INTEGER NOT NULL,
        funder_id INTEGER NOT NULL,
        holder_id INTEGER NOT NULL,
        granted_cents INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, funder_id, holder_id)
    ) STRICT, WITHOUT ROWID""",
    """INSERT INTO action_total
        SELECT a.id, coalesce(sum(fl.granted_cents), 0), coalesce(sum(fl.paid_cents), 0),
               coalesce(sum(max(coalesce(fl.granted_cents, 0) - fl.paid_cents, 0)), 0),
               EXISTS (SELECT 1 FROM report r
                       WHERE r.action_id = a.id AND r.received_on IS NOT NULL)
        FROM action a LEFT JOIN funding_line fl ON fl.action_id = a.id GROUP BY a.id""",
    """INSERT INTO grant_total
        SELECT a.campaign_id, fl.funder_id, a.holder_id, sum(fl.granted_cents)
        FROM action a JOIN funding_line fl ON fl.action_id = a.id
        WHERE fl.granted_cents > 0 GROUP BY a.campaign_id, fl.funder_id, a.holder_id""",
    "CREATE TRIGGER line_total_insert AFTER INSERT ON funding_line BEGIN "
    f"{_action_sums('NEW', '+')} {_grant_counts('NEW')}\n    END",
    "CREATE TRIGGER line_total_delete AFTER DELETE ON funding_line BEGIN "
    f"{_action_sums('OLD', '-')} {_grant_leaves('OLD')}\n    END",
    # a payment changes what was paid only (the payments' triggers, 0017): its action's sums
    "CREATE TRIGGER line_total_update AFTER UPDATE OF granted_cents, paid_cents ON funding_line "
    f"WHEN OLD.action_id = NEW.action_id BEGIN {_ACTION_DELTA}\n    END",
    "CREATE TRIGGER line_total_move AFTER UPDATE OF action_id ON funding_line "
    "WHEN OLD.action_id IS NOT NEW.action_id "
    f"BEGIN {_action_sums('OLD', '-')} {_action_sums('NEW', '+')}\n    END",
    "CREATE TRIGGER line_grant_update AFTER UPDATE OF action_id, funder_id, granted_cents "
    "ON funding_line WHEN OLD.action_id IS NOT NEW.action_id "
    "OR OLD.funder_id IS NOT NEW.funder_id OR OLD.granted_cents IS NOT NEW.granted_cents "
    f"BEGIN {_grant_leaves('OLD')} {_grant_counts('NEW')}\n    END",
    """CREATE TRIGGER action_total_insert AFTER INSERT ON action BEGIN
        INSERT OR REPLACE INTO action_total (action_id) VALUES (NEW.id);
    END""",
    """CREATE TRIGGER action_total_lines_first BEFORE DELETE ON action BEGIN
        DELETE FROM funding_line WHERE action_id = OLD.id;
    END""",
    """CREATE TRIGGER action_total_delete AFTER DELETE ON action BEGIN
        DELETE FROM action_total WHERE action_id = OLD.id;
    END""",
    f"""CREATE TRIGGER action_total_move AFTER UPDATE OF campaign_id, holder_id ON action
        WHEN OLD.campaign_id IS NOT NEW.campaign_id OR OLD.holder_id IS NOT NEW.holder_id
    BEGIN
        UPDATE grant_total SET granted_cents = granted_cents - {_ACTION_GRANT}
        WHERE campaign_id = OLD.campaign_id AND holder_id = OLD.holder_id;
        DELETE FROM grant_total
        WHERE campaign_id = OLD.campaign_id AND holder_id = OLD.holder_id AND granted_cents = 0;
        INSERT OR IGNORE INTO grant_total (campaign_id, funder_id, holder_id, granted_cents)
        SELECT DISTINCT NEW.campaign_id, fl.funder_id, NEW.holder_id, 0 FROM funding_line fl
        WHERE fl.action_id = NEW.id AND fl.granted_cents > 0;
        UPDATE grant_total SET granted_cents = granted_cents + {_ACTION_GRANT}
        WHERE campaign_id = NEW.campaign_id AND holder_id = NEW.holder_id;
    END""",
    f"CREATE TRIGGER report_total_insert AFTER INSERT ON report BEGIN {_BILAN.format(row='NEW')}"
    "\n    END",
    f"CREATE TRIGGER report_total_delete AFTER DELETE ON report BEGIN {_BILAN.format(row='OLD')}"
    "\n    END",
    "CREATE TRIGGER report_total_update AFTER UPDATE OF action_id, received_on ON report BEGIN "
    f"{_BILAN.format(row='OLD')} {_BILAN.format(row='NEW')}\n    END",
]
