"""Write a file under a temporary name beside its target, renamed only once complete.

A failure (full disk, a crash in the writer) leaves the previous file untouched and no half
workbook behind; a kill leaves the partial file, named after its machine and process, which
the next opening of the dossier beside it removes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.paths import partial_path


@contextlib.contextmanager
def replaced_atomically(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    A folder that does not exist (a mistyped path, a share not connected) is refused before
    anything is written, naming it (``ValidationError``, in French)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError(
            f"Le dossier « {target.parent} » n'existe pas : « {target.name} » ne peut pas y "
            "être écrit. Choisissez un dossier existant (ou vérifiez que le partage réseau est "
            "connecté)."
        )
    partial = partial_path(target)
    try:
        yield partial
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
