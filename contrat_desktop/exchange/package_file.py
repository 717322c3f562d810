"""The package file: a zip holding ``manifest.json`` (who, when, from which dossier, the
checksum of the content), ``contenu.json`` (the records) and ``fichiers/<SHA-256>`` (the files
attached to request pieces, listed in the content), readable by anyone who opens it.

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

from contrat_desktop.domain.os_errors import os_reason
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
MAX_FILE_BYTES = 50 * 1024 * 1024  # as an attachment in the dossier
FILES = "fichiers/"


class PackageRefused(Exception):
    """The package cannot be used at all; ``str(error)`` is French and says why."""


@dataclasses.dataclass(frozen=True, slots=True)
class PackageFile:
    header: PackageHeader
    content: dict[str, Any]
    sha256: str  # of the whole file
    files: dict[str, bytes] = dataclasses.field(default_factory=dict)  # by SHA-256


def write_package(
    path: str | Path,
    header: PackageHeader,
    content: dict[str, Any],
    files: dict[str, bytes] | None = None,
) -> Path:
    """Write the package atomically; the manifest carries the content's SHA-256, the content
    the SHA-256 of each file (``files``, by their SHA-256)."""
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
        for sha256, data in (files or {}).items():
            archive.writestr(FILES + sha256, data)
    return path


def read_package(path: str | Path) -> PackageFile:
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PackageRefused(f"Impossible de lire « {name} » : {os_reason(error)}.") from None
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
            files = {
                member[len(FILES) :]: archive.read(member)
                for member, info in members.items()
                if member.startswith(FILES) and info.file_size <= MAX_FILE_BYTES
            }
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
    for sha256, meta in content.get("files", {}).items():
        data = files.get(sha256)
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            raise PackageRefused(
                f"« {name} » : le fichier joint « {meta.get('file_name', sha256)} » manque ou a "
                "été modifié : demandez un nouvel envoi."
            )
    return PackageFile(header, content, hashlib.sha256(raw).hexdigest(), files)


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
