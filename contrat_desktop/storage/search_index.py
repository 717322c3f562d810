"""The accent-insensitive full-text index behind the programmation search box (FTS5).

``action_search`` holds, per action (rowid = action id), its reference, title and holder
names. Triggers keep it in step with ``action`` and ``holder``; ``remove_diacritics 2`` makes
``mediatheque`` find ``médiathèque``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


SEARCH_SCHEMA = [
    """CREATE VIRTUAL TABLE action_search USING fts5(
        reference, title, holder, tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER action_search_insert AFTER INSERT ON action BEGIN
        INSERT INTO action_search (rowid, reference, title, holder)
        SELECT new.id, new.reference, new.title, h.legal_name || ' ' || h.acronym
        FROM holder h WHERE h.id = new.holder_id;
    END""",
    """CREATE TRIGGER action_search_update AFTER UPDATE OF reference, title, holder_id ON action
    BEGIN
        DELETE FROM action_search WHERE rowid = old.id;
        INSERT INTO action_search (rowid, reference, title, holder)
        SELECT new.id, new.reference, new.title, h.legal_name || ' ' || h.acronym
        FROM holder h WHERE h.id = new.holder_id;
    END""",
    """CREATE TRIGGER action_search_delete AFTER DELETE ON action BEGIN
        DELETE FROM action_search WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER action_search_holder AFTER UPDATE OF legal_name, acronym ON holder BEGIN
        UPDATE action_search SET holder = new.legal_name || ' ' || new.acronym
        WHERE rowid IN (SELECT id FROM action WHERE holder_id = new.id);
    END""",
    """INSERT INTO action_search (rowid, reference, title, holder)
        SELECT a.id, a.reference, a.title, h.legal_name || ' ' || h.acronym
        FROM action a JOIN holder h ON h.id = a.holder_id""",
]

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User text → an FTS5 query where every word is a prefix (``medi`` finds ``médiation``).

    A word joined by punctuation (``2026-CS-01``) is searched as a phrase, so a reference
    typed in part only finds the references that start that way.
    """
    parts = []
    for word in text.split():
        tokens = _TOKEN.findall(word)
        if tokens:
            parts.append(f'"{" ".join(tokens)}"*')
    return " AND ".join(parts) or None


def search_action_ids(db: Database, text: str) -> set[int] | None:
    """Ids of the actions matching ``text`` (``None`` when the text holds no word).

    Callers intersect with the rows they show: joining here makes SQLite scan per row.
    """
    query = fts_query(text)
    if query is None:
        return None
    rows = db.execute("SELECT rowid FROM action_search WHERE action_search MATCH ?", [query])
    return {row[0] for row in rows}
