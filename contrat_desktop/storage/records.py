"""Audited, versioned writes: the one place rows are inserted, updated and deleted.

Every edited table has a ``version`` column. An update names the version it was based on;
if the row moved on meanwhile (another person saved first), the update is refused with a
French message naming who changed what, instead of overwriting their work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from contrat_desktop.domain.audit import AuditEntry
from contrat_desktop.storage.audit import as_text, last_change, now_iso, record
from contrat_desktop.storage.errors import ConflictError, DossierError, ReadOnlyError

if TYPE_CHECKING:
    from sqlite_utils import Database


class RecordWriter:
    """Writes rows of any table with an audit trail, for one author."""

    def __init__(self, db: Database, who: str, *, read_only: bool = False) -> None:
        self.db = db
        self.who = who
        self.read_only = read_only
        self.read_only_reason: str | None = None  # « ouvert par camille sur le poste … »

    def check_writable(self) -> None:
        if self.read_only:
            why = f" : il est {self.read_only_reason}" if self.read_only_reason else ""
            raise ReadOnlyError(
                f"Ce dossier est ouvert en lecture seule{why}. Aucune modification n'est possible."
            )

    def insert(self, table: str, values: dict[str, Any], *, audit: bool = True) -> int:
        self.check_writable()
        columns = list(values)
        placeholders = ", ".join("?" for _ in columns)
        with self.db.atomic(), refused_as_french(table):
            cursor = self.db.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                [values[c] for c in columns],
            )
            row_id = cursor.lastrowid
            assert row_id is not None
            if audit:
                snapshot = {key: as_text(value) for key, value in values.items()}
                record(self.db, [self._entry(table, row_id, "create", None, None, snapshot)])
        return row_id

    def update(
        self, table: str, row_id: int, changes: dict[str, Any], expected_version: int
    ) -> int:
        """Apply ``changes`` if the row is still at ``expected_version``; return the new one."""
        self.check_writable()
        with self.db.atomic(), refused_as_french(table):
            current = self._row(table, row_id)
            if current is None:
                from contrat_desktop.domain.journal import with_article

                raise ConflictError(
                    f"Impossible d'enregistrer : {with_article(table)} n° {row_id} "
                    "a été supprimé(e) entre-temps par une autre personne.",
                    entity=table,
                    entity_id=row_id,
                    current=None,
                )
            if current["version"] != expected_version:
                raise self._conflict(table, row_id, current)
            changed = {k: v for k, v in changes.items() if current.get(k) != v}
            if not changed:
                return expected_version
            assignments = ", ".join(f"{column} = ?" for column in changed)
            self.db.execute(
                f"UPDATE {table} SET {assignments}, version = version + 1 "
                "WHERE id = ? AND version = ?",
                [*changed.values(), row_id, expected_version],
            )
            at = now_iso()
            record(
                self.db,
                [
                    self._entry(table, row_id, "update", column, current[column], value, at=at)
                    for column, value in changed.items()
                ],
            )
        return expected_version + 1

    def delete(self, table: str, row_id: int, expected_version: int | None = None) -> None:
        self.check_writable()
        with self.db.atomic():
            current = self._row(table, row_id)
            if current is None:
                return
            if expected_version is not None and current.get("version") != expected_version:
                raise self._conflict(table, row_id, current)
            with refused_as_french(table):
                self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
                snapshot = {k: as_text(v) for k, v in current.items() if not isinstance(v, bytes)}
                record(self.db, [self._entry(table, row_id, "delete", None, snapshot, None)])

    def field_changed(self, table: str, row_id: int | None, field: str, old: Any, new: Any) -> None:
        """Audit a change kept outside the row itself (a link table, a setting)."""
        self.check_writable()
        if old != new:
            record(self.db, [self._entry(table, row_id, "update", field, old, new)])

    def note(self, table: str, row_id: int | None, operation: str, detail: Any) -> None:
        """Audit a named act (a status change, an import...) that is not a plain field edit."""
        self.check_writable()
        record(self.db, [self._entry(table, row_id, operation, None, None, detail)])

    def _entry(
        self,
        table: str,
        row_id: int | None,
        operation: str,
        field: str | None,
        old: Any,
        new: Any,
        *,
        at: str | None = None,
    ) -> AuditEntry:
        return AuditEntry(
            at=at or now_iso(),
            who=self.who,
            entity=table,
            entity_id=row_id,
            operation=operation,
            field=field,
            old_value=as_text(old),
            new_value=as_text(new),
        )

    def _row(self, table: str, row_id: int) -> dict[str, Any] | None:
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _conflict(self, table: str, row_id: int, current: dict[str, Any]) -> ConflictError:
        from contrat_desktop.domain.journal import with_article

        entries = last_change(self.db, table, row_id)
        label = with_article(table)
        who = entries[0].who if entries else "une autre personne"
        when = _french_datetime(entries[0].at) if entries else "entre-temps"
        fields = [(e.field or "", e.old_value, e.new_value) for e in entries if e.field]
        detail = "; ".join(
            f"{name} : « {old or ''} » → « {new or ''} »" for name, old, new in fields
        )
        message = (
            f"Impossible d'enregistrer : {label} a été modifié(e) par {who} le {when} "
            "pendant que vous la/le modifiiez. Vos changements n'ont pas été enregistrés, "
            "pour ne pas écraser les siens. Rechargez la fiche puis refaites vos modifications."
        )
        if detail:
            message += f" Modification de {who} : {detail}."
        return ConflictError(
            message,
            entity=table,
            entity_id=row_id,
            current=current,
            changed_by=who,
            changed_at=entries[0].at if entries else None,
            their_changes=fields,
        )


def _french_datetime(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y à %H:%M")
    except ValueError as error:
        raise DossierError(f"Date d'audit illisible : {iso}") from error


@contextmanager
def refused_as_french(table: str) -> Iterator[None]:
    """Turn SQLite's constraint errors into a French ``DossierError``."""
    from contrat_desktop.domain.journal import with_article  # its wording: not at start-up

    label = with_article(table)
    try:
        yield
    except sqlite3.IntegrityError as error:
        text = str(error)
        if text.startswith("UNIQUE constraint failed"):
            columns = text.split(":", 1)[1].strip()
            fields = ", ".join(c.split(".")[-1] for c in columns.split(","))
            message = f"Enregistrement refusé pour {label} : la valeur de « {fields} » existe déjà."
        elif "FOREIGN KEY" in text:
            message = (
                f"Enregistrement refusé pour {label} : un élément lié n'existe pas, "
                "ou l'élément est encore utilisé ailleurs dans le dossier."
            )
        elif "NOT NULL" in text:
            column = text.split(":", 1)[1].strip().split(".")[-1]
            message = f"Enregistrement refusé pour {label} : « {column} » est obligatoire."
        else:
            message = f"Enregistrement refusé pour {label} : {text}."
        raise DossierError(message) from error
    except sqlite3.OperationalError as error:
        raise DossierError(french_operational_error(error)) from error


def french_operational_error(error: sqlite3.OperationalError) -> str:
    """SQLite's run-time errors (busy file, network drive gone...) said in French."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return (
            "Le dossier est occupé par une autre application en ce moment : "
            "rien n'a été enregistré. Réessayez dans un instant."
        )
    if "readonly" in text or "read-only" in text:
        return (
            "Le fichier du dossier est en lecture seule (droits du fichier ou du lecteur) : "
            "rien n'a été enregistré."
        )
    if "disk" in text or "i/o" in text or "full" in text:
        return (
            "Écriture impossible sur le disque ou le lecteur réseau (plein ou déconnecté ?) : "
            "rien n'a été enregistré. Vérifiez la connexion puis réessayez."
        )
    return f"Le dossier n'a pas pu être modifié ({error}) : rien n'a été enregistré."
