"""Erasing one person's personal data everywhere in the dossier file (RGPD), SQL side.

Three passes, inside the caller's transaction: people held in JSON (draw results and
reserves, audit snapshots) and candidate rows, matched by normalised name and birth year
(both: a homonym born another year, or whose year is known when the person's is not, is
someone else); then the member rows' audit values (birth year); then every text column of
every ordinary table, audit included, for the exact name, e-mail and phone as whole words
(« Ali Ba » is not « Ali Bakri »), other persons' records left alone. The district (a QPV
code shared by thousands of residents) is kept, so the composition counts by district stay
true. ``wipe_free_pages``
(``VACUUM``, after the transaction) rebuilds the file so the old bytes left in freed pages
and cells are gone too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from contrat_desktop.domain.draw import normalised_name

if TYPE_CHECKING:
    from sqlite_utils import Database

Identity = tuple[str, int | None]  # normalised name, birth year
BLANKED = {"birth_year": None, "key": ""}  # the identifier on a voter or tenant list too
PERSONAL_KEYS = ("birth_year",)  # in the audit values of member records
DRAW_RANK_LABELS = ("Personne tirée au sort", "Personne de la réserve")  # then « n° 3 »
SKIPPED_TABLES = (
    "sqlite_",
    "_sqlite",
    "action_search",
    "person",  # the person's own record is rewritten by the caller; homonyms are others
)  # internal, FTS index (rebuilt by triggers)


def _matches(data: dict[str, Any], people: Collection[Identity], label: str) -> bool:
    name = data.get("name")
    if not isinstance(name, str) or name == label:
        return False
    return (normalised_name(name), data.get("birth_year")) in people


def scrub_json(value: Any, people: Collection[Identity], label: str) -> tuple[Any, bool]:
    """``value`` with every person dict of ``people`` anonymised (JSON inside text too)."""
    if isinstance(value, dict):
        changed = False
        if _matches(value, people, label):
            value = {**value, "name": label, **{k: v for k, v in BLANKED.items() if k in value}}
            changed = True
        out = {}
        for key, item in value.items():
            out[key], inner = scrub_json(item, people, label)
            changed |= inner
        return out, changed
    if isinstance(value, list):
        items = [scrub_json(item, people, label) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            return value, False
        scrubbed, changed = scrub_json(parsed, people, label)
        return (json.dumps(scrubbed, ensure_ascii=False) if changed else value), changed
    return value, False


def scrub_people(db: Database, people: Collection[Identity], label: str) -> int:
    """Anonymise ``people`` in draws, audit JSON and candidate rows; the rows changed."""
    changed = 0
    for table, columns in (
        ("council_draw", ("selected", "reserve")),
        ("audit", ("old_value", "new_value")),
    ):
        for row_id, *values in db.execute(
            f"SELECT id, {', '.join(columns)} FROM {table}"
        ).fetchall():
            new = [scrub_json(v, people, label) for v in values]
            if any(flag for _, flag in new):
                assignments = ", ".join(f"{c} = ?" for c in columns)
                db.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = ?", [*(v for v, _ in new), row_id]
                )
                changed += 1
    rows = db.execute("SELECT id, name, birth_year FROM candidate").fetchall()
    hits = [row_id for row_id, name, year in rows if (normalised_name(name), year) in people]
    db.conn.executemany(
        "UPDATE candidate SET name = ?, birth_year = NULL, key = '' WHERE id = ?",
        [(label, row_id) for row_id in hits],
    )
    return changed + len(hits)


def candidate_names(db: Database, people: Collection[Identity]) -> list[str]:
    """The spellings of ``people`` on the candidate lists (« QUATREMARE Zébulonne »)."""
    rows = db.execute("SELECT name, birth_year FROM candidate").fetchall()
    return [str(name) for name, year in rows if (normalised_name(name), year) in people]


def scrub_member_audit(db: Database, member_ids: Iterable[int]) -> None:
    """Blank the birth year and district in the audit rows of these member records."""
    ids = list(member_ids)
    if not ids:
        return
    marks = ", ".join("?" for _ in ids)
    where = f"entity = 'council_member' AND entity_id IN ({marks})"
    db.execute(
        f"UPDATE audit SET old_value = NULL, new_value = NULL WHERE {where} "
        f"AND field IN ({', '.join(repr(k) for k in PERSONAL_KEYS)})",
        ids,
    )
    for row_id, *values in db.execute(
        f"SELECT id, old_value, new_value FROM audit WHERE {where} AND field IS NULL", ids
    ).fetchall():
        blanked = [_blank_keys(v) for v in values]
        db.execute("UPDATE audit SET old_value = ?, new_value = ? WHERE id = ?", [*blanked, row_id])


def _blank_keys(text: str | None) -> str | None:
    if not text or text[:1] != "{":
        return text
    data = json.loads(text)
    return json.dumps(
        {k: (None if k in PERSONAL_KEYS else v) for k, v in data.items()}, ensure_ascii=False
    )


def scrub_text(db: Database, secrets: Iterable[str], label: str) -> int:
    """Replace each secret (a name, an e-mail...) by ``label`` in every text column, as a
    whole word only; the rows changed."""
    wanted = [s for s in {s.strip() for s in secrets} if len(s) >= 3]
    if not wanted:
        return 0
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in wanted))
    touched = 0
    for table in db.table_names():
        if table.startswith(SKIPPED_TABLES):
            continue
        columns = [c.name for c in db[table].columns if c.type.upper() == "TEXT"]
        for column in columns:
            found = " OR ".join(f"instr({column}, ?) > 0" for _ in wanted)
            for row_id, text in db.execute(
                f"SELECT rowid, {column} FROM {table} WHERE {found}", wanted
            ).fetchall():
                scrubbed = pattern.sub(label, text)
                if scrubbed != text:
                    db.execute(
                        f"UPDATE {table} SET {column} = ? WHERE rowid = ?", [scrubbed, row_id]
                    )
                    touched += 1
    return touched


def purge_draw_people(db: Database, draw_id: int) -> int:
    """Replace the names, birth years and list identifiers of everyone in a draw's result
    and reserve (and in the audit snapshots of that draw) by ranks; sexes and districts stay
    for the counts. Entries rewritten."""
    row = db.execute(
        "SELECT selected, reserve FROM council_draw WHERE id = ?", [draw_id]
    ).fetchone()
    if row is None:
        return 0
    selected, reserve = (
        _ranked(json.loads(text), prefix)
        for text, prefix in zip(row, DRAW_RANK_LABELS, strict=True)
    )
    db.execute(
        "UPDATE council_draw SET selected = ?, reserve = ? WHERE id = ?",
        [json.dumps(selected, ensure_ascii=False), json.dumps(reserve, ensure_ascii=False),
         draw_id],
    )  # fmt: skip
    for audit_id, *values in db.execute(
        "SELECT id, old_value, new_value FROM audit WHERE entity = 'council_draw' "
        "AND entity_id = ?",
        [draw_id],
    ).fetchall():
        db.execute(
            "UPDATE audit SET old_value = ?, new_value = ? WHERE id = ?",
            [*(_without_people(v) for v in values), audit_id],
        )
    return len(selected) + len(reserve)


def _ranked(people: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [
        {**person, "name": f"{prefix} n° {rank}", **BLANKED}
        for rank, person in enumerate(people, start=1)
    ]


def _without_people(text: str | None) -> str | None:
    """An audit snapshot of a draw with its result and reserve left out."""
    if not text or text[:1] != "{":
        return text
    data = json.loads(text)
    return json.dumps(
        {k: ("[]" if k in ("selected", "reserve") else v) for k, v in data.items()},
        ensure_ascii=False,
    )


def wipe_free_pages(db: Database) -> None:
    """Rebuild the file (outside any transaction) so erased values leave no trace in it."""
    db.execute("VACUUM")


def attendance_of(db: Database, person_id: int) -> list[tuple[str, str, str]]:
    """(meeting start, body name, presence) of every meeting the person was convened to."""
    return [
        (str(at), str(body), str(presence))
        for at, body, presence in db.execute(
            "SELECT m.starts_at, b.name, a.presence FROM attendance a "
            "JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id "
            "WHERE a.person_id = ? ORDER BY m.starts_at",
            [person_id],
        )
    ]


def audit_of(
    db: Database, person_id: int, member_ids: Collection[int]
) -> list[tuple[str, str, str, str, str, str, str]]:
    """(at, who, entity, operation, field, old, new) of the person's record and mandates,
    oldest first."""
    ids = list(member_ids) or [0]
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        "SELECT at, who, entity, operation, coalesce(field, ''), "
        "coalesce(old_value, ''), coalesce(new_value, '') FROM audit "
        f"WHERE (entity = 'person' AND entity_id = ?) "
        f"OR (entity = 'council_member' AND entity_id IN ({marks})) ORDER BY id",
        [person_id, *ids],
    ).fetchall()
    return [tuple(str(v) for v in row) for row in rows]  # type: ignore[misc]
