"""The schema of migration ``0012_funding_cycle``: attributive acts on funding lines (number,
signature, EJ, years of a CPO, which becomes an act kind instead of a flag), realised dates
of a bilan and the subsidies it reports per funder. Shipped: never edit it."""

from __future__ import annotations

FUNDING_CYCLE_SCHEMA = [
    "ALTER TABLE funding_line ADD COLUMN act_number TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE funding_line ADD COLUMN act_signed_on TEXT",
    "ALTER TABLE funding_line ADD COLUMN ej_number TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE funding_line ADD COLUMN cpo_first_year INTEGER",
    "ALTER TABLE funding_line ADD COLUMN cpo_last_year INTEGER",
    # the CPO flag becomes the act kind "cpo"
    "UPDATE funding_line SET act_kind = 'cpo' WHERE multi_year_agreement = 1",
    "ALTER TABLE funding_line DROP COLUMN multi_year_agreement",
    "ALTER TABLE report ADD COLUMN realised_start TEXT",
    "ALTER TABLE report ADD COLUMN realised_end TEXT",
    """CREATE TABLE report_funding (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        funder_id INTEGER NOT NULL REFERENCES funder(id) ON DELETE RESTRICT,
        amount_cents INTEGER NOT NULL,
        PRIMARY KEY (report_id, funder_id)
    ) STRICT, WITHOUT ROWID""",
    "CREATE INDEX idx_report_funding_funder ON report_funding(funder_id)",
]

# Migration ``0017_paid_on_lines``: what was paid on each funding line, kept by triggers on
# every write of a payment (whoever writes it), so that the reminders and the lists sum
# lines instead of payments; and the indexes their status-first queries use.
_SIGNED = (
    "(CASE {row}.kind WHEN 'reversement' THEN -{row}.amount_cents ELSE {row}.amount_cents END)"
)
PAID_ON_LINES_SCHEMA = [
    "ALTER TABLE funding_line ADD COLUMN paid_cents INTEGER NOT NULL DEFAULT 0",
    f"""UPDATE funding_line SET paid_cents = coalesce(
        (SELECT sum({_SIGNED.format(row="p")}) FROM payment p
         WHERE p.funding_line_id = funding_line.id), 0)""",
    f"""CREATE TRIGGER payment_paid_insert AFTER INSERT ON payment BEGIN
        UPDATE funding_line SET paid_cents = paid_cents + {_SIGNED.format(row="NEW")}
        WHERE id = NEW.funding_line_id;
    END""",
    f"""CREATE TRIGGER payment_paid_delete AFTER DELETE ON payment BEGIN
        UPDATE funding_line SET paid_cents = paid_cents - {_SIGNED.format(row="OLD")}
        WHERE id = OLD.funding_line_id;
    END""",
    f"""CREATE TRIGGER payment_paid_update AFTER UPDATE OF kind, amount_cents, funding_line_id
        ON payment BEGIN
        UPDATE funding_line SET paid_cents = paid_cents - {_SIGNED.format(row="OLD")}
        WHERE id = OLD.funding_line_id;
        UPDATE funding_line SET paid_cents = paid_cents + {_SIGNED.format(row="NEW")}
        WHERE id = NEW.funding_line_id;
    END""",
    "CREATE INDEX idx_action_status ON action(status, campaign_id)",
    "CREATE INDEX idx_funding_line_money ON funding_line(action_id, granted_cents, paid_cents)",
    "CREATE INDEX idx_report_received ON report(action_id, received_on)",
]
