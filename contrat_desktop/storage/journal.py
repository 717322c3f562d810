"""Reading the whole audit trail as a journal: newest first, filtered, one page at a time.

Pages are read by key (the last ``(at, id)`` seen), never by ``OFFSET``, so the millionth row
costs what the first does; the indexes below serve each filter in the journal's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contrat_desktop.storage.audit import AuditEntry, entry_from_row

if TYPE_CHECKING:
    from sqlite_utils import Database

JOURNAL_INDEXES = [
    "CREATE INDEX idx_audit_at ON audit(at)",
    "CREATE INDEX idx_audit_who ON audit(who, at)",
    "CREATE INDEX idx_audit_kind ON audit(entity, at)",
]

_COLUMNS = "id, at, who, entity, entity_id, operation, field, old_value, new_value"


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """The stored side of a journal filter: ISO bounds, author, table, words to find."""

    since: str | None = None  # ISO date-time, included
    before: str | None = None  # ISO date-time, excluded
    who: str | None = None
    entity: str | None = None
    text: str = ""
    fields: tuple[str, ...] = ()  # stored field names whose French label matches ``text``

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.since:
            clauses.append("at >= ?")
            params.append(self.since)
        if self.before:
            clauses.append("at < ?")
            params.append(self.before)
        if self.who:
            clauses.append("who = ?")
            params.append(self.who)
        if self.entity:
            clauses.append("entity = ?")
            params.append(self.entity)
        words = self.text.strip()
        if words:
            like = f"%{_escaped(words)}%"
            found = [
                "old_value LIKE ? ESCAPE '\\'",
                "new_value LIKE ? ESCAPE '\\'",
                "who LIKE ? ESCAPE '\\'",
                "(entity = 'action' AND entity_id IN "
                "(SELECT id FROM action WHERE reference LIKE ? ESCAPE '\\'))",
            ]
            params += [like] * len(found)
            if self.fields:
                found.append(f"field IN ({', '.join('?' for _ in self.fields)})")
                params += list(self.fields)
            clauses.append("(" + " OR ".join(found) + ")")
        return (" AND ".join(clauses) or "1"), params


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def audit_page(
    db: Database, query: AuditQuery, after: tuple[str, int] | None, limit: int
) -> list[AuditEntry]:
    """Up to ``limit`` rows newest first, after the key ``(at, id)`` of the last row seen."""
    where, params = query.where()
    if after is not None:
        where += " AND (at, id) < (?, ?)"
        params += list(after)
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM audit WHERE {where} ORDER BY at DESC, id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [entry_from_row(row) for row in rows]


def audit_rows(db: Database, query: AuditQuery, batch: int = 5_000) -> Iterator[AuditEntry]:
    """Every matching row newest first, read in batches (exports)."""
    after: tuple[str, int] | None = None
    while True:
        page = audit_page(db, query, after, batch)
        yield from page
        if len(page) < batch:
            return
        last = page[-1]
        after = (last.at, last.id or 0)


def audit_count(db: Database, query: AuditQuery) -> int:
    where, params = query.where()
    return int(db.execute(f"SELECT count(*) FROM audit WHERE {where}", params).fetchone()[0])


def audit_authors(db: Database) -> list[str]:
    """Everyone who changed the dossier, in name order (one index step per name)."""
    names: list[str] = []
    row = db.execute("SELECT min(who) FROM audit").fetchone()
    while row is not None and row[0] is not None:
        names.append(row[0])
        row = db.execute("SELECT min(who) FROM audit WHERE who > ?", [row[0]]).fetchone()
    return names


_NAMES = {
    "action": "SELECT id, reference FROM action WHERE id IN ({ids})",
    "holder": "SELECT id, legal_name FROM holder WHERE id IN ({ids})",
    "funder": "SELECT id, name FROM funder WHERE id IN ({ids})",
    "campaign": "SELECT id, 'Campagne ' || year FROM campaign WHERE id IN ({ids})",
    "district": "SELECT id, name FROM district WHERE id IN ({ids})",
    "body": "SELECT id, name FROM body WHERE id IN ({ids})",
    "person": "SELECT id, name FROM person WHERE id IN ({ids})",
    "framework_node": "SELECT id, label FROM framework_node WHERE id IN ({ids})",
    "funding_line": """SELECT fl.id, a.reference || ' – ' || coalesce(nullif(f.short_name, ''),
        f.name) FROM funding_line fl JOIN action a ON a.id = fl.action_id
        JOIN funder f ON f.id = fl.funder_id WHERE fl.id IN ({ids})""",
    "payment": """SELECT p.id, a.reference || ' – ' || coalesce(nullif(f.short_name, ''),
        f.name) FROM payment p JOIN funding_line fl ON fl.id = p.funding_line_id
        JOIN action a ON a.id = fl.action_id JOIN funder f ON f.id = fl.funder_id
        WHERE p.id IN ({ids})""",
    "report": """SELECT r.id, a.reference FROM report r JOIN action a ON a.id = r.action_id
        WHERE r.id IN ({ids})""",
    "envelope": """SELECT e.id, coalesce(nullif(f.short_name, ''), f.name) || ' ' || e.year
        FROM envelope e JOIN funder f ON f.id = e.funder_id WHERE e.id IN ({ids})""",
    "meeting": """SELECT m.id, b.name || ' du ' || substr(m.starts_at, 9, 2) || '/'
        || substr(m.starts_at, 6, 2) || '/' || substr(m.starts_at, 1, 4)
        FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id IN ({ids})""",
    "request_piece": """SELECT p.id, a.reference || ' – ' || k.label FROM request_piece p
        JOIN action a ON a.id = p.action_id JOIN request_piece_kind k ON k.id = p.kind_id
        WHERE p.id IN ({ids})""",
    "request_piece_kind": "SELECT id, label FROM request_piece_kind WHERE id IN ({ids})",
    "examined_action": """SELECT e.id, a.reference FROM examined_action e
        JOIN action a ON a.id = e.action_id WHERE e.id IN ({ids})""",
    "attendance": """SELECT t.id, p.name FROM attendance t JOIN person p ON p.id = t.person_id
        WHERE t.id IN ({ids})""",
    "body_member": """SELECT m.id, p.name || ' – ' || b.name FROM body_member m
        JOIN person p ON p.id = m.person_id JOIN body b ON b.id = m.body_id
        WHERE m.id IN ({ids})""",
    "council_member": """SELECT m.id, p.name FROM council_member m
        JOIN person p ON p.id = m.person_id WHERE m.id IN ({ids})""",
    "agenda_item": "SELECT id, title FROM agenda_item WHERE id IN ({ids})",
    "follow_up": "SELECT id, what FROM follow_up WHERE id IN ({ids})",
    "council": "SELECT id, name FROM council WHERE id IN ({ids})",
    "contract": "SELECT id, name FROM contract WHERE id IN ({ids})",
    "commune": "SELECT id, name FROM commune WHERE id IN ({ids})",
    "candidate_list": "SELECT id, name FROM candidate_list WHERE id IN ({ids})",
    "import_journal": "SELECT id, file_name FROM import_journal WHERE id IN ({ids})",
    "package_journal": "SELECT id, file_name FROM package_journal WHERE id IN ({ids})",
    "attachment": "SELECT id, file_name FROM attachment WHERE id IN ({ids})",
}

_CODES = {
    "body_kind": "SELECT code, label FROM body_kind",
    "piece_kind": "SELECT id, label FROM request_piece_kind",
    "district_code": "SELECT code, name FROM district",
    "commune": "SELECT insee_code, name FROM commune",
}


def code_names(db: Database) -> dict[str, dict[object, str]]:
    """The names behind the codes the journal shows (kinds of body and of request piece,
    districts and communes by code), by kind."""
    present = set(db.table_names())
    return {
        kind: dict(db.execute(query).fetchall())
        for kind, query in _CODES.items()
        if query.split(" FROM ")[1] in present
    }


def record_names(
    db: Database, ids_by_entity: dict[str, Iterable[int]]
) -> dict[str, dict[int, str]]:
    """The name of each record still in the dossier (reference, name...), by table."""
    found: dict[str, dict[int, str]] = {}
    present = set(db.table_names())
    for entity, ids in ids_by_entity.items():
        query = _NAMES.get(entity)
        wanted = sorted(set(ids))
        if query is None or not wanted or entity not in present:
            continue
        marks = ", ".join("?" for _ in wanted)
        found[entity] = dict(db.execute(query.format(ids=marks), wanted).fetchall())
    return found
