"""The schema of ``0014_request_file``: the pieces the settings ask of a request file, seeded
with the Cerfa 12156 list, and each action's pieces (received on a date, maybe with its file).

Shipped: never edit it; later changes are new migrations.
"""

from __future__ import annotations

REQUEST_FILE_SCHEMA = [
    """CREATE TABLE request_piece_kind (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        required INTEGER NOT NULL DEFAULT 1,
        services_exempt INTEGER NOT NULL DEFAULT 0,
        renewals_only INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        version INTEGER NOT NULL DEFAULT 1
    ) STRICT""",
    """CREATE TABLE request_piece (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        kind_id INTEGER NOT NULL REFERENCES request_piece_kind(id) ON DELETE RESTRICT,
        received_on TEXT,
        attachment_id INTEGER REFERENCES attachment(id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (action_id, kind_id)
    ) STRICT""",
    "CREATE INDEX idx_request_piece_kind ON request_piece(kind_id)",
]

# The pieces of the Cerfa 12156 request (label, required, not asked of municipal services,
# renewals only), in the order of the form.
CERFA_12156_PIECES = (
    ("Statuts de l'association", 1, 1, 0),
    ("Liste des dirigeants", 1, 1, 0),
    ("RIB", 1, 1, 0),
    ("Budget prévisionnel de l'association", 1, 1, 0),
    ("Budget du projet", 1, 0, 0),
    ("Compte rendu de l'action précédente", 1, 0, 1),
    ("Rapport d'activité", 1, 1, 0),
    ("Attestation sur l'honneur", 1, 1, 0),
)

SEED_PIECES = (
    "INSERT INTO request_piece_kind (label, required, services_exempt, renewals_only, position) "
    "VALUES (?, ?, ?, ?, ?)"
)
