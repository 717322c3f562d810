"""Errors raised by storage, each with a French message for the user."""

from __future__ import annotations

import sqlite3
from typing import Any


class DossierError(Exception):
    """The dossier file cannot be opened or used; ``str(error)`` is French."""


class DossierDamaged(DossierError):
    """The file is a dossier whose content is damaged or truncated: restore a backup."""


class OutdatedDossier(DossierError):
    """A read-only open met a dossier of an older version, which only a writer can bring up
    to date; ``held`` says whether someone else holds it (then nobody here can)."""

    def __init__(self, message: str, *, held: bool) -> None:
        super().__init__(message)
        self.held = held


class ReadOnlyError(DossierError):
    """A write was attempted on a dossier opened read-only."""


class ConflictError(DossierError):
    """An update lost a race: the row changed (or vanished) since it was read."""

    def __init__(
        self,
        message: str,
        *,
        entity: str,
        entity_id: int,
        current: dict[str, Any] | None,
        changed_by: str | None = None,
        changed_at: str | None = None,
        their_changes: list[tuple[str, str | None, str | None]] | None = None,
    ) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.their_changes = their_changes or []


# SQLite's primary result codes (https://sqlite.org/rescode.html) → what happened, what to do
_LOCKED = (
    "le fichier est verrouillé : une autre application ou un autre poste est en train d'y "
    "écrire. Réessayez dans un instant."
)
_DAMAGED = (
    "le fichier est endommagé (un disque ou un partage réseau défaillant, une copie "
    "interrompue). Restaurez une sauvegarde : menu Fichier › Sauvegardes…"
)
_REASONS = {
    3: "accès refusé au fichier (droits insuffisants). Demandez l'accès au service informatique.",
    5: _LOCKED,  # SQLITE_BUSY
    6: _LOCKED,  # SQLITE_LOCKED
    7: "la mémoire de l'ordinateur est insuffisante. Fermez d'autres applications, puis réessayez.",
    8: "le fichier est protégé en écriture alors qu'une écriture interrompue doit y être "
    "annulée. Ouvrez-le depuis un poste qui peut y écrire.",  # SQLITE_READONLY
    10: "le disque ou le lecteur réseau ne répond pas (déconnecté ?). Vérifiez la connexion, "
    "puis rouvrez le dossier (menu Fichier).",  # SQLITE_IOERR
    11: _DAMAGED,  # SQLITE_CORRUPT
    13: "le disque est plein. Libérez de la place sur le disque (ou le lecteur réseau) du "
    "dossier, puis réessayez.",  # SQLITE_FULL
    14: "le fichier est introuvable ou inaccessible (déplacé, renommé, lecteur réseau "
    "déconnecté ?). Rouvrez-le depuis le menu Fichier.",  # SQLITE_CANTOPEN
    26: _DAMAGED,  # SQLITE_NOTADB
}
# an error raised without a code (by this application, or an older driver): by its words
_WORDS = (("locked", 5), ("busy", 5), ("malformed", 11), ("not a database", 26),
          ("full", 13), ("i/o", 10), ("unable to open", 14), ("readonly", 8))  # fmt: skip


def database_error_reason(error: sqlite3.Error) -> str:
    """What an SQLite error means for the user, in French (what happened, what to do), for
    « Le dossier n'a pas pu être lu : … »; SQLite's own (English) words are for the details."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        text = str(error).lower()
        code = next((number for words, number in _WORDS if words in text), None)
    reason = _REASONS.get(code & 0xFF) if code is not None else None
    return reason or (
        "SQLite a refusé l'opération. Fermez puis rouvrez le dossier ; si cela se répète, "
        "restaurez une sauvegarde (menu Fichier › Sauvegardes…)."
    )


def database_error_details(error: sqlite3.Error) -> str:
    """The technical text of an SQLite error (for the « Détails » part and the log)."""
    name = getattr(error, "sqlite_errorname", None)
    kind = f"{type(error).__name__} ({name})" if name else type(error).__name__
    return f"{kind} : {error}"
