"""Why the system refused a file, in French: ``OSError.strerror`` is the system's own text,
in English on most machines (« No such file or directory »)."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "accès refusé (droits insuffisants)",
    errno.EPERM: "opération non permise (droits insuffisants)",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "le support est en lecture seule",
    errno.EEXIST: "le fichier existe déjà",
    errno.EBUSY: "le fichier est utilisé par un autre programme",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EINVAL: "nom de fichier non valide",
    errno.EIO: "erreur de lecture ou d'écriture du support",
}


def os_reason(error: OSError) -> str:
    """The reason of ``error`` as a French phrase, for « Impossible de lire « X » : … »."""
    if isinstance(error, PermissionError) and error.errno not in _REASONS:
        return _REASONS[errno.EACCES]
    reason = _REASONS.get(error.errno or 0)
    if reason:
        return reason
    return f"erreur du système (code {error.errno})" if error.errno else "erreur du système"
