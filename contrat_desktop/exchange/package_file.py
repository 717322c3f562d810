"""The package file: a zip holding ``manifest.json`` (who, when, from which dossier, the
checksum of the content) and ``contenu.json`` (the records), readable by anyone who opens it.

Reading checks everything before anything is used: a zip, both members, sizes within
limits, the format and its version, the checksum. A refused file raises ``PackageRefused``
with a French message naming the file and what is wrong.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from contrat_desktop.domain.packages import (
    FORMAT_NAME,
    FORMAT_VERSION,
    DossierRole,
    PackageHeader,
    PackageKind,
)
from contrat_desktop.exchange.atomic_file import replaced_atomically

MANIFEST = "manifest.json"
CONTENT = "contenu.json"
MAX_MANIFEST_BYTES = 64 * 1024
MAX_CONTENT_BYTES = 200 * 1024 * 1024


class PackageRefused(Exception):
    """The package cannot be used at all; ``str(error)`` is French and says why."""


@dataclasses.dataclass(frozen=True, slots=True)
class PackageFile:
    header: PackageHeader
    content: dict[str, Any]
    sha256: str  # of the whole file


def write_package(path: str | Path, header: PackageHeader, content: dict[str, Any]) -> Path:
    """Write the package atomically; the manifest carries the content's SHA-256."""
    path = Path(path)
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    header = dataclasses.replace(header, content_sha256=hashlib.sha256(body).hexdigest())
    manifest = json.dumps(dataclasses.asdict(header), ensure_ascii=False, indent=2)
    with (
        replaced_atomically(path) as partial,
        zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr(MANIFEST, manifest.encode("utf-8"))
        archive.writestr(CONTENT, body)
    return path


def read_package(path: str | Path) -> PackageFile:
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PackageRefused(f"Impossible de lire « {name} » : {error.strerror}.") from None
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise PackageRefused(
            f"« {name} » n'est pas un envoi contrat_desktop (fichier tronqué ou d'un autre type)."
        ) from None
    with archive:
        members = {info.filename: info for info in archive.infolist()}
        for member, limit in ((MANIFEST, MAX_MANIFEST_BYTES), (CONTENT, MAX_CONTENT_BYTES)):
            if member not in members:
                raise PackageRefused(
                    f"« {name} » n'est pas un envoi complet : « {member} » manque."
                )
            if members[member].file_size > limit:
                raise PackageRefused(f"« {name} » : « {member} » est anormalement gros, refusé.")
        try:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            body = archive.read(CONTENT)
        except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, OSError):
            raise PackageRefused(f"« {name} » est endommagé : son contenu est illisible.") from None
    header = _header(name, manifest)
    if hashlib.sha256(body).hexdigest() != header.content_sha256:
        raise PackageRefused(
            f"« {name} » a été modifié après son écriture (l'empreinte de « {CONTENT} » ne "
            "correspond pas à celle du manifeste) : demandez un nouvel envoi."
        )
    try:
        content = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageRefused(f"« {name} » est endommagé : « {CONTENT} » est illisible.") from None
    if not isinstance(content, dict) or not isinstance(content.get("actions"), list):
        raise PackageRefused(f"« {name} » : « {CONTENT} » ne contient pas de liste d'actions.")
    return PackageFile(header, content, hashlib.sha256(raw).hexdigest())


def _header(name: str, manifest: Any) -> PackageHeader:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise PackageRefused(f"« {name} » n'est pas un envoi contrat_desktop.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PackageRefused(
            f"« {name} » a été écrit par une version plus récente de l'application (format "
            f"{version}) : mettez l'application à jour pour l'ouvrir."
        )
    fields = {f.name for f in dataclasses.fields(PackageHeader)}
    missing = sorted(fields - set(manifest))
    if missing:
        raise PackageRefused(f"« {name} » : le manifeste est incomplet ({', '.join(missing)}).")
    try:
        return PackageHeader(
            **{
                **{key: manifest[key] for key in fields},
                "kind": PackageKind(manifest["kind"]),
                "from_role": DossierRole(manifest["from_role"]),
                "year": int(manifest["year"]),
                "actions": int(manifest["actions"]),
            }
        )
    except (ValueError, TypeError):
        raise PackageRefused(f"« {name} » : le manifeste est illisible.") from None
