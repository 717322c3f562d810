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
