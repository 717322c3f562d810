"""Files a killed writer left behind (``*.partiel*``), removed when the dossier next opens.

Exports, backups and copies are written under a partial name (``paths.partial_path``) and
renamed once complete; a kill leaves the partial file. When a writer opens the dossier, the
partial files beside it (hidden names, ``.NAME~MACHINE~PROCESS.partiel.EXT``: a user's own
« rapport.partiel.pdf » is left alone) and in its backup folder are removed if their
process is dead (this machine), or if they are older than an hour (another machine, or no
owner in the name: every write of the application takes seconds). A write in progress is
never touched.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from contrat_desktop.paths import PARTIAL_MARK, machine_tag, partial_owner
from contrat_desktop.storage.backup import backup_dir
from contrat_desktop.storage.file_lock import process_alive

ABANDONED_AFTER_SECONDS = 3600


def remove_leftovers(dossier: Path) -> list[Path]:
    """Remove the abandoned partial files beside ``dossier`` and in its backups; the list."""
    removed: list[Path] = []
    for folder, any_name in ((dossier.parent, False), (backup_dir(dossier), True)):
        with contextlib.suppress(OSError):
            for path in folder.iterdir():
                ours = PARTIAL_MARK in path.name and (any_name or path.name.startswith("."))
                if ours and path.is_file() and _abandoned(path):
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
    return removed


def _abandoned(path: Path) -> bool:
    owner = partial_owner(path)
    if owner is not None and owner[0] == machine_tag():
        return not process_alive(owner[1])
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    return age > ABANDONED_AFTER_SECONDS
