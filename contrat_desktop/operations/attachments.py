"""Attach files to an action (stored in the dossier) and get them back to open them."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from contrat_desktop.domain.attachments import Attachment, AttachmentKind
from contrat_desktop.domain.os_errors import os_reason
from contrat_desktop.storage.database import Dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.repositories import Repositories

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def list_attachments(dossier: Dossier, action_id: int) -> list[Attachment]:
    return Repositories(dossier).attachments.for_action(action_id)


def attach_file(dossier: Dossier, action_id: int, path: Path, kind: AttachmentKind) -> Attachment:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DossierError(f"Impossible de lire « {path} » : {os_reason(error)}.") from None
    return Repositories(dossier).attachments.add(action_id, path.name, kind, content)


def extract_for_viewing(dossier: Dossier, attachment: Attachment) -> Path:
    """Write the stored file to a temporary folder, to open it with the system viewer."""
    content = Repositories(dossier).attachments.content(attachment.id or 0)
    folder = Path(tempfile.mkdtemp(prefix="contrat_desktop-pj-"))
    target = folder / (_UNSAFE.sub("_", attachment.file_name) or "piece-jointe")
    target.write_bytes(content)
    return target


def remove_attachment(dossier: Dossier, attachment: Attachment) -> None:
    Repositories(dossier).attachments.delete(attachment)
