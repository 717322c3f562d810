"""The schema of migration ``0016_reconciliation``: the choices remembered for rows of the
State's lists that the dossier lacked (keyed by list and the file's own key for the row), and
the header spellings a person mapped once. Shipped: never edit it; add a migration."""

from __future__ import annotations

RECONCILIATION_SCHEMA = [
    """CREATE TABLE reconcile_choice (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        file_key TEXT NOT NULL,
        choice TEXT NOT NULL CHECK (choice IN ('creer', 'rattacher', 'ignorer')),
        action_id INTEGER REFERENCES action(id) ON DELETE SET NULL,
        label TEXT NOT NULL DEFAULT '',
        year INTEGER,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (source, file_key)
    ) STRICT""",
    "CREATE INDEX idx_reconcile_choice_action ON reconcile_choice(action_id)",
    """CREATE TABLE learned_spelling (
        id INTEGER PRIMARY KEY,
        layout TEXT NOT NULL,
        header TEXT NOT NULL,
        column_key TEXT NOT NULL,
        written TEXT NOT NULL DEFAULT '',
        learned_from TEXT NOT NULL DEFAULT '',
        learned_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (layout, header)
    ) STRICT""",
]
