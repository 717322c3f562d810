"""The table of the yearly report's qualitative texts (migration ``bilan_texts``)."""

from __future__ import annotations

BILAN_TEXT_SCHEMA = [
    """CREATE TABLE bilan_text (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        section TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (year, section)
    ) STRICT""",
]
