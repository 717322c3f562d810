"""A service copy: the main dossier copied for a municipal service (or a holder), which then
knows it belongs to the same contract and which main dossier its packages go to."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.packages import DossierIdentity, DossierRole
from contrat_desktop.exchange.file_format import file_format
from contrat_desktop.paths import DOSSIER_SUFFIX
from contrat_desktop.storage.audit import now_iso
from contrat_desktop.storage.backup import copy_database
from contrat_desktop.storage.database import Dossier, open_dossier
from contrat_desktop.storage.errors import DossierError
from contrat_desktop.storage.exchange_identity import (
    SyncPoint,
    audit_mark,
    become_service_copy,
    dossier_identity,
    mark_synced,
)


def identity_of(dossier: Dossier) -> DossierIdentity:
    """Who this dossier is: its contract, main dossier or service copy (for the window)."""
    return dossier_identity(dossier)


def make_service_copy(dossier: Dossier, service: str, target: str | Path) -> Path:
    """Copy the main dossier to ``target`` as the dossier of ``service``."""
    target = Path(target)
    file_format(target, (DOSSIER_SUFFIX,))
    service = " ".join(service.split())
    if not service:
        raise ValidationError("Indiquez le service (ou le porteur) à qui la copie est destinée.")
    identity = dossier_identity(dossier)
    if identity.role is not DossierRole.MAIN:
        raise ValidationError(
            "Ce dossier est déjà une copie de service : faites la copie depuis le dossier "
            "principal du contrat."
        )
    if target.resolve() == dossier.path.resolve():
        raise ValidationError("La copie doit avoir un autre nom que le dossier lui-même.")
    if target.exists():
        raise DossierError(f"Le fichier « {target} » existe déjà : choisissez un autre nom.")
    made_at = now_iso()
    mark = audit_mark(dossier)
    copy_database(dossier.db.conn, target)
    try:
        with open_dossier(target, daily_backup=False) as copy, copy.db.atomic():
            become_service_copy(
                copy,
                replace(
                    identity,
                    dossier_uid=uuid.uuid4().hex,
                    role=DossierRole.SERVICE,
                    service_name=service,
                    origin_uid=identity.dossier_uid,
                    made_at=made_at,
                ),
            )
            uids = [row[0] for row in copy.db.execute("SELECT uid FROM action")]
            mark_synced(copy, identity.dossier_uid, {uid: SyncPoint(mark, mark) for uid in uids})
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return target
